// Subscription data -> monthly movements, cohorts and suggested inputs (contract section 8).
#include "import_helpers.hpp"
#include "scenario_json.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

using saas_test::column_of;
using saas_test::import_json;

namespace {
const char* segments_csv_header = "customer_id,start,end,mrr\n";
std::string segments(const std::string& rows) { return segments_csv_header + rows; }
} // namespace

TEST_CASE("each movement: new, expansion, contraction, churn and reactivation") {
    // a: new in Jan at 100, up to 150 in Mar, down to 120 in Apr, gone in May, back in Jul at 80.
    // b: new in Feb at 50, stays.
    const auto out = import_json(segments("a,2024-01-10,2024-03-05,100\n"
                                          "a,2024-03-05,2024-04-01,150\n"
                                          "a,2024-04-01,2024-05-20,120\n"
                                          "b,2024-02-01,,50\n"
                                          "a,2024-07-02,,80\n"));
    CHECK(out["layout"] == "segments");
    CHECK(column_of(out, "mrr") ==
          "2024-01=100.0 2024-02=150.0 2024-03=200.0 2024-04=170.0 2024-05=50.0 2024-06=50.0 2024-07=130.0");
    CHECK(column_of(out, "new_mrr") == "2024-01=100.0 2024-02=50.0 2024-03=0.0 2024-04=0.0 2024-05=0.0 2024-06=0.0 2024-07=0.0");
    CHECK(column_of(out, "expansion_mrr").find("2024-03=50.0") != std::string::npos);
    CHECK(column_of(out, "contraction_mrr").find("2024-04=30.0") != std::string::npos);
    CHECK(column_of(out, "churned_mrr").find("2024-05=120.0") != std::string::npos);
    CHECK(column_of(out, "reactivation_mrr").find("2024-07=80.0") != std::string::npos);
    CHECK(column_of(out, "customers") == "2024-01=1 2024-02=2 2024-03=2 2024-04=2 2024-05=1 2024-06=1 2024-07=2");
    CHECK(column_of(out, "reactivated_customers") == "2024-01=0 2024-02=0 2024-03=0 2024-04=0 2024-05=0 2024-06=0 2024-07=1");
    // May: 1 of 2 customers lost, 120 of 170 MRR lost.
    const auto& may = out["currencies"][0]["months"][4];
    CHECK(may["customer_churn_rate"] == 0.5);
    CHECK(may["gross_mrr_churn_rate"].get<double>() == doctest::Approx(120.0 / 170));
    CHECK(may["net_mrr_churn_rate"].get<double>() == doctest::Approx(120.0 / 170));
    CHECK(may["quick_ratio"] == 0.0);
    CHECK(may["arpa"] == 50.0);
    // The first month has no previous month: every rate is undefined.
    const auto& jan = out["currencies"][0]["months"][0];
    CHECK(jan["customer_churn_rate"].is_null());
    CHECK(jan["gross_mrr_churn_rate"].is_null());
    CHECK(jan["quick_ratio"].is_null());
    CHECK(jan["net_new_mrr"] == 100.0);
}

TEST_CASE("a customer who starts and leaves within one month never shows") {
    const auto out = import_json(segments("a,2024-01-03,2024-01-25,100\nb,2024-01-01,,10\nb,2024-02-01,2024-02-28,5\n"));
    CHECK(column_of(out, "mrr") == "2024-01=10.0 2024-02=10.0");
    CHECK(column_of(out, "customers") == "2024-01=1 2024-02=1");
    CHECK(out["rows"] == nlohmann::json::parse(R"({"total":3,"used":3,"not_paying":0,"bad":0})"));
}

TEST_CASE("several segments of one customer at once add up") {
    const auto out = import_json(segments("a,2024-01-01,,10\na,2024-01-15,,20\na,2024-02-10,2024-03-01,5\n"));
    CHECK(column_of(out, "mrr") == "2024-01=30.0 2024-02=35.0 2024-03=30.0");
    CHECK(column_of(out, "customers") == "2024-01=1 2024-02=1 2024-03=1");
    CHECK(column_of(out, "expansion_mrr") == "2024-01=0.0 2024-02=5.0 2024-03=0.0");
    CHECK(column_of(out, "contraction_mrr") == "2024-01=0.0 2024-02=0.0 2024-03=5.0");
}

TEST_CASE("long customer ids, up to a row's size, are each one customer, whatever their length") {
    // Ids of 254, 255 and 300 bytes (a key's size is stored in one byte below 255), and four
    // of 700 KB: the keys are kept in chunks of 2 MiB, so the third starts a new chunk.
    std::string rows;
    for (const std::size_t size : {254, 255, 300, 700'000, 700'001, 700'002, 700'003}) {
        const std::string id(size, static_cast<char>('a' + size % 26));
        rows += id + ",2024-01-01,,10\n" + id + ",2024-02-01,2024-03-01,5\n";
    }
    rows += std::string(254, 'a' + 254 % 26) + ",2024-03-01,,1\n";
    const auto out = import_json(segments(rows));
    CHECK(column_of(out, "customers") == "2024-01=7 2024-02=7 2024-03=7");
    CHECK(column_of(out, "new_customers") == "2024-01=7 2024-02=0 2024-03=0");
    CHECK(column_of(out, "mrr") == "2024-01=70.0 2024-02=105.0 2024-03=71.0");
}

TEST_CASE("a plan change on a month boundary is one expansion, not a churn and a new customer") {
    const auto out = import_json(segments("a,2024-01-01,2024-03-01,29\na,2024-03-01,,49\n"));
    CHECK(column_of(out, "mrr") == "2024-01=29.0 2024-02=29.0 2024-03=49.0");
    CHECK(column_of(out, "expansion_mrr") == "2024-01=0.0 2024-02=0.0 2024-03=20.0");
    CHECK(column_of(out, "churned_customers") == "2024-01=0 2024-02=0 2024-03=0");
    CHECK(column_of(out, "new_customers") == "2024-01=1 2024-02=0 2024-03=0");
}

TEST_CASE("an end on a month's last day ends the segment in that month") {
    // Active on D when start <= D < end: ending on Jan 31 is not active on Jan 31.
    const auto out = import_json(segments("a,2023-12-01,2024-01-31,10\nb,2023-12-01,2024-02-01,10\n"));
    CHECK(column_of(out, "mrr") == "2023-12=20.0 2024-01=10.0 2024-02=0.0");
}

namespace {
const char* stripe_csv_header =
    "id,Customer ID,Customer Email,Plan,Product,Quantity,Interval,Interval Count,Amount,Currency,Status,"
    "Created (UTC),Start Date (UTC),Canceled At (UTC),Ended At (UTC),team (metadata)\n";
std::string stripe(const std::string& rows) { return stripe_csv_header + rows; }
} // namespace

TEST_CASE("Stripe: Amount x Quantity over the interval in months, times Interval Count") {
    const auto out = import_json(stripe(
        "sub_1,cus_m,,Pro,P,3,month,1,29.00,usd,active,2024-01-01 10:00,2024-01-01 10:00:00,,,x\n"   // 87
        "sub_2,cus_y,,Pro,P,2,year,,1200,usd,active,2024-01-01 10:00,2024-01-02 10:00,,,\n"          // 200
        "sub_3,cus_w,,Pro,P,,week,2,12,usd,past_due,2024-01-01 10:00,2024-01-02 10:00,,,\n"           // 26
        "sub_4,cus_d,,Pro,P,1,day,,1,usd,active,2024-01-01 10:00,2024-01-02 10:00,,,\n"               // 30.41..
        "sub_5,cus_q,,Pro,P,1,month,3,300,usd,active,2024-01-01 10:00,2024-01-02 10:00,,,\n"));       // 100
    CHECK(out["layout"] == "stripe");
    CHECK(out["currencies"][0]["currency"] == "USD");
    CHECK(out["currencies"][0]["months"][0]["mrr"].get<double>() == doctest::Approx(87 + 200 + 26 + 365.0 / 12 + 100));
    CHECK(out["currencies"][0]["months"][0]["customers"] == 5);
}

TEST_CASE("Stripe: statuses, and where a canceled subscription ends") {
    const auto out = import_json(stripe(
        // canceled: ends at Ended At (March), else at Canceled At (April)
        "s1,c1,,,,1,month,,10,usd,canceled,2024-01-01 00:00,2024-01-01 00:00,2024-02-10 00:00,2024-03-10 00:00,\n"
        "s2,c2,,,,1,month,,10,usd,canceled,2024-01-01 00:00,2024-01-01 00:00,2024-04-10 00:00,,\n"
        // active with a scheduled cancellation is still open
        "s3,c3,,,,1,month,,10,usd,active,2024-01-01 00:00,2024-01-01 00:00,2024-02-01 00:00,,\n"
        // not paying: skipped and counted
        "s4,c4,,,,1,month,,10,usd,trialing,2024-01-01 00:00,2024-01-01 00:00,,,\n"
        "s5,c5,,,,1,month,,10,usd,incomplete,2024-01-01 00:00,2024-01-01 00:00,,,\n"
        "s6,c6,,,,1,month,,10,usd,incomplete_expired,2024-01-01 00:00,2024-01-01 00:00,,,\n"
        "s7,c7,,,,1,month,,10,usd,unpaid,2024-01-01 00:00,2024-01-01 00:00,,,\n"
        "s8,c8,,,,1,month,,10,usd,paused,2024-01-01 00:00,2024-01-01 00:00,,,\n"));
    CHECK(column_of(out, "mrr") == "2024-01=30.0 2024-02=30.0 2024-03=20.0 2024-04=10.0");
    CHECK(out["rows"] == nlohmann::json::parse(R"({"total":8,"used":3,"not_paying":5,"bad":0})"));
}

TEST_CASE("Stripe: Start (UTC), else Start Date (UTC), else Created (UTC) starts the segment") {
    const char* rows = "c1,20,month,active,2024-03-05 10:00,2024-01-05 10:00\n";
    CHECK(column_of(import_json(std::string("Customer ID,Amount,Interval,Status,Start (UTC),Created (UTC)\n") + rows), "mrr") ==
          "2024-03=20.0");
    CHECK(column_of(import_json(std::string("customer id,AMOUNT,interval,status,created (utc),start date (utc)\n") + rows),
                    "mrr") == "2024-01=20.0");
    CHECK(column_of(import_json("Customer ID,Amount,Interval,Status,Created (UTC)\nc1,20,month,active,2024-02-05 10:00\n"),
                    "mrr") == "2024-02=20.0");
}

TEST_CASE("currencies are reported apart, in alphabetical order, in capitals") {
    const auto out = import_json("customer_id,start,end,mrr,currency\n"
                                 "a,2024-01-01,,10,usd\nb,2024-01-01,,20,eur\nc,2024-02-01,,5,\nd,2024-01-01,,7,EUR\n",
                                 "gbp");
    REQUIRE(out["currencies"].size() == 3);
    CHECK(out["currencies"][0]["currency"] == "EUR");
    CHECK(column_of(out, "mrr", 0) == "2024-01=27.0");
    CHECK(out["currencies"][1]["currency"] == "GBP"); // no code in the row: the caller's currency
    CHECK(column_of(out, "mrr", 1) == "2024-02=5.0");
    CHECK(column_of(out, "mrr", 2) == "2024-01=10.0");
    CHECK(out["currencies"][2]["suggested"]["scenario"]["currency"] == "USD");
}

TEST_CASE("the as-of date ends the analysis there and does not read future ends as churn") {
    const std::string csv = segments("a,2024-01-01,2024-06-30,10\n" // contract ends after the as-of date
                                     "b,2024-01-01,2024-03-10,10\n" // ends before it, in its month
                                     "c,2024-03-05,,10\n"           // starts before it, in its month
                                     "d,2024-03-20,,10\n");         // starts after it: not paying
    const auto out = import_json(csv, "USD", "2024-03-15");
    CHECK(column_of(out, "mrr") == "2024-01=20.0 2024-02=20.0 2024-03=20.0");
    CHECK(column_of(out, "churned_customers") == "2024-01=0 2024-02=0 2024-03=1");
    CHECK(out["rows"]["not_paying"] == 1);
    // Without it, the data runs to June and the contract end is churn.
    CHECK(column_of(import_json(csv), "mrr") ==
          "2024-01=20.0 2024-02=20.0 2024-03=30.0 2024-04=30.0 2024-05=30.0 2024-06=20.0");
}

TEST_CASE("cohorts: customer and revenue retention from each first month") {
    // Jan cohort: a 100, b 100. b leaves in Mar; a grows to 150 in Mar.
    // Feb cohort: c 40.
    const auto out = import_json(segments("a,2024-01-01,2024-03-01,100\na,2024-03-01,,150\n"
                                          "b,2024-01-01,2024-03-01,100\nc,2024-02-01,,40\n"));
    const auto& cohorts = out["currencies"][0]["cohorts"];
    REQUIRE(cohorts.size() == 2);
    CHECK(cohorts[0] == nlohmann::json::parse(R"({"cohort":"2024-01","customers":2,"mrr":200.0,
        "customer_retention":[1.0,1.0,0.5],"revenue_retention":[1.0,1.0,0.75]})"));
    CHECK(cohorts[1] == nlohmann::json::parse(R"({"cohort":"2024-02","customers":1,"mrr":40.0,
        "customer_retention":[1.0,1.0],"revenue_retention":[1.0,1.0]})"));
}

TEST_CASE("suggested inputs average the last months and make a valid scenario") {
    // Jan: a, b, c, d at 100 (400). Feb: e new at 100, a up to 200 (600).
    // Mar: b churns, c down to 50 (450). Four months, so three with a previous month.
    const auto out = import_json(segments("a,2024-01-01,2024-02-01,100\na,2024-02-01,,200\n"
                                          "b,2024-01-01,2024-03-01,100\nc,2024-01-01,2024-03-01,100\nc,2024-03-01,,50\n"
                                          "d,2024-01-01,,100\ne,2024-02-01,,100\nf,2024-04-01,2024-04-20,1\n"));
    const auto& s = out["currencies"][0]["suggested"];
    CHECK(s["months"] == 3);
    const auto& sc = s["scenario"];
    CHECK(sc["plans"][0]["name"] == "Current ARPA");
    CHECK(sc["plans"][0]["price"] == 112.5);                         // 450 / 4 in April
    CHECK(sc["customers"]["starting"] == 4.0);
    CHECK(sc["customers"]["new_per_month"].get<double>() == doctest::Approx(1.0 / 3)); // e in Feb
    CHECK(sc["customers"]["monthly_churn"].get<double>() == doctest::Approx((0 + 0.2 + 0) / 3)); // 1 of 5 in Mar
    CHECK(sc["revenue"]["monthly_expansion"].get<double>() == doctest::Approx((100.0 / 400 + 0 + 0) / 3));
    CHECK(sc["revenue"]["monthly_contraction"].get<double>() == doctest::Approx((0 + 50.0 / 600 + 0) / 3));
    CHECK(std::holds_alternative<saas::Scenario>(saas::parse_scenario(sc.dump())));
}

TEST_CASE("with a single month, the suggestion averages nothing and is still a valid scenario") {
    const auto out = import_json(segments("a,2024-01-01,,30\n"));
    const auto& s = out["currencies"][0]["suggested"];
    CHECK(s["months"] == 0);
    CHECK(s["scenario"]["customers"]["new_per_month"] == 0.0);
    CHECK(std::holds_alternative<saas::Scenario>(saas::parse_scenario(s["scenario"].dump())));
}

TEST_CASE("suggestions average the last 3, 6 and 12 months, each its own means") {
    // Ten customers a-j at 100 from Jan 2023 to Feb 2024: 14 months, 13 with a previous month.
    // May: a churns (1 of 10).             Sep: b down to 50 (of 900), n1 n2 new.
    // Oct: c up to 300 (of 1050), n3 n4.   Nov: n5 n6.
    // Dec: f down to 80 (of 1650), p1.     Jan: d churns (1 of 16), p2.   Feb: e up to 200 (of 1730), p3.
    // MRR: 1000 to Apr, 900 May-Aug, 1050 Sep, 1450 Oct, 1650 Nov, 1730 Dec and Jan, 1930 Feb (17 customers).
    std::string rows = "a,2023-01-01,2023-05-01,100\n"
                       "b,2023-01-01,2023-09-01,100\nb,2023-09-01,,50\n"
                       "c,2023-01-01,2023-10-01,100\nc,2023-10-01,,300\n"
                       "d,2023-01-01,2024-01-01,100\n"
                       "e,2023-01-01,2024-02-01,100\ne,2024-02-01,,200\n"
                       "f,2023-01-01,2023-12-01,100\nf,2023-12-01,,80\n"
                       "g,2023-01-01,,100\nh,2023-01-01,,100\ni,2023-01-01,,100\nj,2023-01-01,,100\n"
                       "n1,2023-09-01,,100\nn2,2023-09-01,,100\nn3,2023-10-01,,100\nn4,2023-10-01,,100\n"
                       "n5,2023-11-01,,100\nn6,2023-11-01,,100\n"
                       "p1,2023-12-01,,100\np2,2024-01-01,,100\np3,2024-02-01,,100\n";
    const auto out = import_json(segments(rows));
    REQUIRE(column_of(out, "mrr") == "2023-01=1000.0 2023-02=1000.0 2023-03=1000.0 2023-04=1000.0 2023-05=900.0 "
                                     "2023-06=900.0 2023-07=900.0 2023-08=900.0 2023-09=1050.0 2023-10=1450.0 "
                                     "2023-11=1650.0 2023-12=1730.0 2024-01=1730.0 2024-02=1930.0");
    const auto& currency = out["currencies"][0];
    const auto& all = currency["suggestions"];
    REQUIRE(all.size() == 3);
    CHECK(all[0]["months"] == 3);
    CHECK(all[1]["months"] == 6);
    CHECK(all[2]["months"] == 12); // of 13 months with a previous month: Mar 2023 to Feb 2024
    const double expansion = 200.0 / 1050 + 100.0 / 1730, contraction = 50.0 / 900 + 20.0 / 1650;

    const auto& three = all[0]["scenario"]; // Dec, Jan, Feb
    CHECK(three["customers"]["new_per_month"] == 1.0);
    CHECK(three["customers"]["monthly_churn"].get<double>() == doctest::Approx(1.0 / 16 / 3));
    CHECK(three["revenue"]["monthly_expansion"].get<double>() == doctest::Approx(100.0 / 1730 / 3));
    CHECK(three["revenue"]["monthly_contraction"].get<double>() == doctest::Approx(20.0 / 1650 / 3));

    const auto& six = all[1]["scenario"]; // Sep to Feb
    CHECK(six["customers"]["new_per_month"] == 1.5);
    CHECK(six["customers"]["monthly_churn"].get<double>() == doctest::Approx(1.0 / 16 / 6));
    CHECK(six["revenue"]["monthly_expansion"].get<double>() == doctest::Approx(expansion / 6));
    CHECK(six["revenue"]["monthly_contraction"].get<double>() == doctest::Approx(contraction / 6));

    const auto& twelve = all[2]["scenario"]; // Mar 2023 to Feb 2024: January's customers never count
    CHECK(twelve["customers"]["new_per_month"] == 0.75);
    CHECK(twelve["customers"]["monthly_churn"].get<double>() == doctest::Approx((1.0 / 10 + 1.0 / 16) / 12));
    CHECK(twelve["revenue"]["monthly_expansion"].get<double>() == doctest::Approx(expansion / 12));
    CHECK(twelve["revenue"]["monthly_contraction"].get<double>() == doctest::Approx(contraction / 12));

    for (const auto& s : all) { // today's customers and ARPA whatever the window
        CHECK(s["scenario"]["customers"]["starting"] == 17.0);
        CHECK(s["scenario"]["plans"][0]["price"].get<double>() == doctest::Approx(1930.0 / 17));
        CHECK(std::holds_alternative<saas::Scenario>(saas::parse_scenario(s["scenario"].dump())));
    }
    CHECK(currency["suggested"] == all[2]);
}

TEST_CASE("each window is capped at the months with a previous month; equal windows give one entry") {
    // Five months, four with a previous month: 3 and 4 (the 6- and 12-month windows are both 4).
    // Jan: a, b at 100. Feb: c new. Mar: a churns (1 of 3). Apr: d new. May: e new.
    const auto out = import_json(segments("a,2024-01-01,2024-03-01,100\nb,2024-01-01,,100\nc,2024-02-01,,100\n"
                                          "d,2024-04-01,,100\ne,2024-05-01,,100\n"));
    const auto& currency = out["currencies"][0];
    const auto& all = currency["suggestions"];
    REQUIRE(all.size() == 2);
    CHECK(all[0]["months"] == 3);
    CHECK(all[1]["months"] == 4);
    CHECK(all[0]["scenario"]["customers"]["new_per_month"] == 2.0 / 3);                            // Mar, Apr, May
    CHECK(all[1]["scenario"]["customers"]["new_per_month"] == 0.75);                               // Feb to May
    CHECK(all[0]["scenario"]["customers"]["monthly_churn"].get<double>() == doctest::Approx(1.0 / 9)); // 1/3 in Mar
    CHECK(all[1]["scenario"]["customers"]["monthly_churn"].get<double>() == doctest::Approx(1.0 / 12));
    CHECK(currency["suggested"] == all[1]);

    // Four months: 3 with a previous month, so every window is 3. One month: every window is 0.
    const auto four = import_json(segments("a,2024-01-01,,100\nb,2024-04-01,,100\n"))["currencies"][0];
    REQUIRE(four["suggestions"].size() == 1);
    CHECK(four["suggestions"][0]["months"] == 3);
    CHECK(four["suggested"] == four["suggestions"][0]);
    const auto one = import_json(segments("a,2024-01-01,,30\n"))["currencies"][0];
    REQUIRE(one["suggestions"].size() == 1);
    CHECK(one["suggestions"][0]["months"] == 0);
    CHECK(one["suggested"] == one["suggestions"][0]);
}

namespace {
// 200 segments of 40 customers in two currencies, over about three years.
std::string generated_segments(std::mt19937& random) {
    std::string csv = "customer_id,start,end,mrr,currency\n";
    for (int row = 0; row < 200; ++row) {
        const int start = static_cast<int>(random() % 700), length = static_cast<int>(random() % 400);
        auto day = [](int n) {
            const int y = 2022 + n / 336, m = n / 28 % 12 + 1, d = n % 28 + 1;
            char text[32]; // room for any int, so -Wformat-truncation stays quiet in Debug builds
            std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
            return std::string(text);
        };
        // One draw per statement, so g++ and em++ generate the same files.
        const std::string id = std::to_string(random() % 40);
        const std::string end = random() % 3 ? day(start + length) : "";
        const std::string mrr = std::to_string(random() % 10000 / 100.0);
        const char* currency = random() % 4 ? "usd" : "eur";
        csv += "c" + id + "," + day(start) + "," + end + "," + mrr + "," + currency + "\n";
    }
    return csv;
}
} // namespace

TEST_CASE("invariant on generated data: MRR(m) = MRR(m-1) + new + expansion + reactivation - contraction - churned") {
    std::mt19937 random(7);
    for (int file = 0; file < 20; ++file) {
        const auto out = import_json(generated_segments(random));
        for (const auto& currency : out["currencies"]) {
            double mrr = 0, customers = 0;
            for (const auto& m : currency["months"]) {
                mrr += m["new_mrr"].get<double>() + m["expansion_mrr"].get<double>() + m["reactivation_mrr"].get<double>() -
                       m["contraction_mrr"].get<double>() - m["churned_mrr"].get<double>();
                customers += m["new_customers"].get<double>() + m["reactivated_customers"].get<double>() -
                             m["churned_customers"].get<double>();
                REQUIRE(m["mrr"].get<double>() == doctest::Approx(mrr).epsilon(1e-9));
                REQUIRE(m["customers"].get<double>() == customers);
            }
        }
    }
}

TEST_CASE("merging the MRR changes while reading, as a long file does, changes no figure") {
    std::mt19937 random(11);
    for (int file = 0; file < 20; ++file) {
        const std::string csv = generated_segments(random);
        for (std::size_t compact_at : {1, 2, 7, 50}) {
            saas::ImportState state = saas::import_begin("USD", "");
            state.ledger.compact_at = compact_at;
            saas::import_feed(state, csv);
            REQUIRE(saas::import_finish(state).json == saas_test::import_text(csv).json);
        }
    }
}

// Statuses and intervals are matched a word at a time: every byte of each name, changed to
// every other value, must be read as a character-by-character, case-blind match reads it.
TEST_CASE("Stripe: a status or interval with any byte changed is read as its exact name, in any case, or refused") {
    const auto lower = [](std::string s) {
        for (char& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        return s;
    };
    const std::vector<std::string> statuses = {"active", "past_due", "canceled", "trialing", "unpaid", "paused"};
    const std::vector<std::string> intervals = {"month", "year", "week", "day"};
    const auto row = [](const std::string& interval, const std::string& status) {
        return stripe("s1,c1,,,,1," + interval + ",,10,usd," + status +
                      ",2024-01-01 00:00,2024-01-01 00:00,2024-02-10 00:00,2024-03-10 00:00,\n");
    };
    // used, not paying, bad; a file of no usable row gives only errors.
    const auto counts = [](const std::string& csv) {
        const auto out = import_json(csv);
        if (!out.contains("rows")) return std::string(out["errors"][0]["params"]["not_paying"] == 1 ? "0 1 0" : "0 0 1");
        const auto& rows = out["rows"];
        return rows["used"].dump() + " " + rows["not_paying"].dump() + " " + rows["bad"].dump();
    };
    for (const auto* names : {&statuses, &intervals}) {
        for (const std::string& name : *names) {
            for (std::size_t at = 0; at <= name.size(); ++at) {
                for (int byte = 0; byte < 256; ++byte) {
                    // CSV's own bytes and the blanks a field loses at its ends change more than the name.
                    if (byte == ',' || byte == '"' || byte == '\r' || byte == '\n' || byte == ' ' || byte == '\t') continue;
                    std::string text = name;
                    if (at < name.size()) text[at] = static_cast<char>(byte);
                    else text += static_cast<char>(byte); // one byte more
                    const bool status = names == &statuses;
                    const std::string csv = status ? row("month", text) : row(text, "active");
                    const std::string lowered = lower(text);
                    std::string expected = "0 0 1"; // bad
                    if (!status && std::find(intervals.begin(), intervals.end(), lowered) != intervals.end())
                        expected = "1 0 0";
                    if (status && std::find(statuses.begin(), statuses.end(), lowered) != statuses.end())
                        expected = lowered == "trialing" || lowered == "unpaid" || lowered == "paused" ? "0 1 0" : "1 0 0";
                    CAPTURE(text);
                    CHECK(counts(csv) == expected);
                }
            }
        }
    }
}
