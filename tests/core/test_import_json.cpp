// The import's JSON (contract section 8.1): its shape, bad rows with their lines, the
// file-level errors, and the same output whatever the chunks.
#include "import_helpers.hpp"

#include <doctest/doctest.h>

#include <random>

using saas_test::import_chunks;
using saas_test::import_json;
using saas_test::import_text;

namespace {

// The errors of an import as "line: message" lines.
std::string import_errors(const saas::ImportResult& result) {
    std::string lines;
    const nlohmann::json out = nlohmann::json::parse(result.json);
    for (const auto& e : out["errors"])
        lines += e.value("line", nlohmann::json(e.value("field", ""))).dump() + ": " + e["message"].get<std::string>() + "\n";
    return lines;
}

} // namespace

TEST_CASE("the output's keys come in the contract's order") {
    const saas::ImportResult r = import_text("customer_id,start,end,mrr\na,2024-01-01,,10\n");
    CHECK(r.exit_code == 0);
    CHECK(r.json.starts_with(R"({"schema":1,"layout":"segments","rows":{"total":1,"used":1,"not_paying":0,"bad":0},"errors":[],)"
                             R"("currencies":[{"currency":"USD","months":[{"month":"2024-01","mrr":10.0,"customers":1,)"
                             R"("new_mrr":10.0,"expansion_mrr":0.0,"contraction_mrr":0.0,"churned_mrr":0.0,)"
                             R"("reactivation_mrr":0.0,"net_new_mrr":10.0,"new_customers":1,"reactivated_customers":0,)"
                             R"("churned_customers":0,"customer_churn_rate":null,"gross_mrr_churn_rate":null,)"
                             R"("net_mrr_churn_rate":null,"quick_ratio":null,"arpa":10.0}],"cohorts":[{"cohort":"2024-01",)"
                             R"("customers":1,"mrr":10.0,"customer_retention":[1.0],"revenue_retention":[1.0]}],)"
                             R"("suggested":{"months":0,"scenario":{"schema":1,"currency":"USD","plans":[{"name":"Current ARPA",)"));
}

TEST_CASE("each kind of bad row is skipped and reported with its line and reason") {
    const saas::ImportResult r = import_text("customer_id,start,end,mrr,currency\n"
                                             "a,2024-01-01,,10,usd\n"
                                             "b,2023-02-30,,10,usd\n"       // 3: no such date
                                             "c,2024-01-01,,-5,usd\n"       // 4: negative
                                             "d,2024-03-01,2024-01-01,10,\n" // 5: end before start
                                             ",2024-01-01,,10,usd\n"        // 6: no id
                                             "e,2024-01-01,,10,dollars\n"   // 7: currency
                                             "f,2024-01-01,,ten,usd\n"      // 8: not a number
                                             "\"g\nh\",2024-01-01,,10,usd\n" // 9-10: fine, a quoted id
                                             "i,2024-01-01,,\"1\"0,usd\n"   // 11: malformed quotes
                                             "j,2024-01-01,,1e13,usd\n");   // 12: too large
    CHECK(r.exit_code == 0);
    CHECK(import_errors(r) == "3: bad date '2023-02-30' in start (expected YYYY-MM-DD, years 1990 to 2099)\n"
                          "4: negative amount -5 in mrr\n"
                          "5: end 2024-01-01 is before start 2024-03-01\n"
                          "6: missing customer_id\n"
                          "7: bad currency code 'dollars' (expected 3 letters, such as usd)\n"
                          "8: bad number 'ten' in mrr\n"
                          "11: text after a quoted field's closing quote\n"
                          "12: mrr 1e13 is above 1e12\n");
    const auto out = nlohmann::json::parse(r.json);
    CHECK(out["rows"] == nlohmann::json::parse(R"({"total":10,"used":2,"not_paying":0,"bad":8})"));
    CHECK(out["currencies"][0]["months"][0]["customers"] == 2);
}

TEST_CASE("Stripe statuses in any case: paying, canceled, not paying, unknown") {
    const saas::ImportResult r = import_text("Customer ID,Amount,Interval,Status,Start (UTC),Ended At (UTC),Currency\n"
                                             "a,10,month,Active,2024-01-01,,usd\n"
                                             "b,10,MONTH,PAST_DUE,2024-01-01,,Usd\n"
                                             "c,10,Year,canceled,2024-01-01,2024-03-01,usd\n"
                                             "d,10,month,Trialing,2024-01-01,,usd\n"
                                             "e,10,month,incomplete,2024-01-01,,usd\n"
                                             "f,10,month,INCOMPLETE_EXPIRED,2024-01-01,,usd\n"
                                             "g,10,month,unpaid,2024-01-01,,usd\n"
                                             "h,10,month,Paused,2024-01-01,,usd\n"
                                             "i,10,month,activ,2024-01-01,,usd\n"
                                             "j,10,month,cancelled,2024-01-01,,usd\n"
                                             "k,10,month,,2024-01-01,,u$d\n");
    CHECK(import_errors(r) == "10: unknown Status 'activ'\n"
                          "11: unknown Status 'cancelled'\n"
                          "12: missing Status\n");
    CHECK(nlohmann::json::parse(r.json)["rows"] ==
          nlohmann::json::parse(R"({"total":11,"used":3,"not_paying":5,"bad":3})"));
}

TEST_CASE("Stripe's bad rows: status, interval, quantity, canceled without an end") {
    const saas::ImportResult r = import_text("Customer ID,Amount,Quantity,Interval,Interval Count,Status,Start (UTC),Canceled At (UTC)\n"
                                             "c1,10,1,month,,active,2024-01-01 00:00,\n"
                                             "c2,10,1,month,,frozen,2024-01-01 00:00,\n"
                                             "c3,10,1,fortnight,,active,2024-01-01 00:00,\n"
                                             "c4,10,1.5,month,,active,2024-01-01 00:00,\n"
                                             "c5,10,1,month,0,active,2024-01-01 00:00,\n"
                                             "c6,10,1,month,,canceled,2024-01-01 00:00,\n"
                                             "c7,10,1,month,,active,2024-01-01 25:00,\n");
    CHECK(import_errors(r) == "3: unknown Status 'frozen'\n"
                          "4: bad Interval 'fortnight' (expected day, week, month or year)\n"
                          "5: bad Quantity '1.5' (expected a whole number)\n"
                          "6: bad Interval Count '0' (expected 1 to 1000)\n"
                          "7: canceled, but Ended At and Canceled At are empty\n"
                          "8: bad date '2024-01-01 25:00' in the start date (expected YYYY-MM-DD, years 1990 to 2099)\n");
}

TEST_CASE("Stripe counts are digits only, leading zeros allowed, up to their maximum") {
    const saas::ImportResult r = import_text("Customer ID,Amount,Quantity,Interval,Interval Count,Status,Start (UTC)\n"
                                             "c1,10,0003,month,01000,active,2024-01-01 00:00\n"
                                             "c2,10,+1,month,,active,2024-01-01 00:00\n"
                                             "c3,10,1000000000,month,1001,active,2024-01-01 00:00\n"
                                             "c4,10,1000000001,month,,active,2024-01-01 00:00\n"
                                             "c5,10,99999999999999999999999,month,,active,2024-01-01 00:00\n"
                                             "c6,10,1,month,-1,active,2024-01-01 00:00\n");
    CHECK(import_errors(r) == "3: bad Quantity '+1' (expected a whole number)\n"
                          "4: bad Interval Count '1001' (expected 1 to 1000)\n"
                          "5: bad Quantity '1000000001' (expected a whole number)\n"
                          "6: bad Quantity '99999999999999999999999' (expected a whole number)\n"
                          "7: bad Interval Count '-1' (expected 1 to 1000)\n");
}

TEST_CASE("only the first 1,000 bad rows are listed; all are counted") {
    std::string csv = "customer_id,start,end,mrr\na,2024-01-01,,1\n";
    for (int i = 0; i < 1500; ++i) csv += ",2024-01-01,,1\n";
    const auto out = import_json(csv);
    CHECK(out["errors"].size() == 1000);
    CHECK(out["errors"][999]["line"] == 1002);
    CHECK(out["rows"]["bad"] == 1500);
    CHECK(out["rows"]["total"] == 1501);
}

TEST_CASE("a BOM and CRLF line ends change nothing") {
    const std::string plain = "customer_id,start,end,mrr\na,2024-01-01,,10\nb,2024-02-01,,5\n";
    const std::string windows = "\xEF\xBB\xBF" "customer_id,start,end,mrr\r\na,2024-01-01,,10\r\nb,2024-02-01,,5\r\n";
    CHECK(import_text(windows).json == import_text(plain).json);
}

TEST_CASE("quoted fields with commas, quotes and line breaks, and extra columns in any order") {
    const auto out = import_json("note,MRR,\"End\",Start,Customer_ID\n"
                                 "\"Acme, Inc. \"\"big\"\"\nsecond line\",25,,2024-01-01,\"cus,1\"\n"
                                 "x,5,2024-03-01,2024-01-01,cus2\n");
    CHECK(out["rows"]["used"] == 2);
    CHECK(saas_test::column_of(out, "mrr") == "2024-01=30.0 2024-02=30.0 2024-03=25.0");
}

TEST_CASE("file-level errors: empty, header only, no usable row, not text, unknown header") {
    CHECK(import_text("").exit_code == 2);
    CHECK(import_errors(import_text("")) == "1: the file is empty: a CSV file with a header line was expected\n");
    CHECK(import_errors(import_text("\r\n\n")) == "1: the file is empty: a CSV file with a header line was expected\n");
    CHECK(import_errors(import_text("customer_id,start,end,mrr\r\n")) == "1: the file has a header but no rows\n");
    CHECK(import_errors(import_text("customer_id,start,end,mrr\nx,2024-13-01,,1\n")) ==
          "1: no usable row: of 1 rows, 1 cannot be read and 0 are not paying\n"
          "2: bad date '2024-13-01' in start (expected YYYY-MM-DD, years 1990 to 2099)\n");
    CHECK(import_errors(import_text("Customer ID,Amount,Interval,Status,Created (UTC)\nc,1,month,trialing,2024-01-01\n")) ==
          "1: no usable row: of 1 rows, 0 cannot be read and 1 are not paying\n");
    const std::string binary("PK\x03\x04\x00\x00,\xff\xfe\n", 11);
    CHECK(import_errors(import_text(binary)) ==
          "1: the file is not text (NUL bytes or bytes that are not UTF-8 in its first line); a CSV file was expected\n");
    const std::string unknown = import_errors(import_text("name,email\nAda,ada@example.com\n"));
    CHECK(unknown.starts_with("1: the header matches neither layout: segments needs customer_id, start (or start_date), "
                              "end (or end_date) and mrr (or monthly_amount)"));
    CHECK(unknown.find("Stripe subscriptions export needs Customer ID, Amount, Interval, Status and Start (UTC)") !=
          std::string::npos);
}

TEST_CASE("invalid options are errors on their field, and the file is not read") {
    const saas::ImportResult r = import_chunks({"customer_id,start,end,mrr\na,2024-01-01,,10\n"}, "US", "2024-02-30");
    CHECK(r.exit_code == 2);
    CHECK(import_errors(r) == "\"currency\": must be 3 letters, such as USD\n"
                          "\"as_of\": must be a date YYYY-MM-DD between 1990 and 2099, or empty\n");
    CHECK(import_text("customer_id,start,end,mrr\na,2024-01-01,,10\n", "eur").json.find("\"currency\":\"EUR\"") !=
          std::string::npos);
}

TEST_CASE("rows() counts the data rows read so far") {
    saas::ImportState state = saas::import_begin("USD", "");
    saas::import_feed(state, "customer_id,start,end,mrr\na,2024-01-01,,10\nb,2024");
    CHECK(saas::import_rows(state) == 1);
    saas::import_feed(state, "-01-01,,10\n");
    CHECK(saas::import_rows(state) == 2);
}

namespace {

// A small Stripe-like or segments file, with quoted fields, CRLF, a BOM, UTF-8 and bad rows.
std::string generated_file(std::mt19937& random) {
    const bool stripe = random() % 2;
    const char* eol = random() % 2 ? "\r\n" : "\n";
    std::string csv = random() % 3 ? "" : "\xEF\xBB\xBF";
    csv += stripe ? "Customer ID,Amount,Quantity,Interval,Status,Start (UTC),Ended At (UTC),Currency,Note"
                  : "customer_id,start,end,mrr,currency,note";
    csv += eol;
    const char* statuses[] = {"active", "canceled", "trialing", "past_due"};
    const char* intervals[] = {"month", "year", "week"};
    const char* notes[] = {"", "\"a, b\"", "\"say \"\"x\"\"\"", "\"two\r\nlines\"", "caf\xC3\xA9", "\"x\"y"};
    for (int row = 0, rows = static_cast<int>(random() % 6); row < rows; ++row) {
        // One random draw per statement: the order of operands in a + chain is unspecified,
        // and g++ and em++ must generate the same files.
        const auto draw = [&](unsigned n) { return std::to_string(random() % n); };
        std::string start = "2024-0" + draw(5);
        start[6] += 1;
        start += "-1" + draw(10);
        std::string end;
        if (random() % 2) {
            end = "2024-0" + std::to_string(3 + random() % 6);
            end += "-0" + std::to_string(1 + random() % 9);
        }
        const std::string id = "c" + draw(4);
        const std::string currency = random() % 3 ? "usd" : "eur";
        const std::string note = notes[random() % 6];
        const std::string amount = draw(50), quantity = std::to_string(1 + random() % 3);
        const std::string interval = intervals[random() % 3];
        const std::string status = statuses[random() % 4];
        const std::string mrr = draw(90);
        if (stripe)
            csv += id + "," + amount + "," + quantity + "," + interval + "," + status + "," + start + " 10:00," +
                   (end.empty() ? "" : end + " 00:00:00") + "," + currency + "," + note;
        else
            csv += id + "," + start + "," + end + "," + mrr + ".5," + currency + "," + note;
        csv += eol;
    }
    return csv;
}

} // namespace

TEST_CASE("chunks cut anywhere give the JSON of the whole file, for generated files") {
    std::mt19937 random(2024);
    int with_result = 0;
    for (int file = 0; file < 100; ++file) {
        const std::string csv = generated_file(random);
        const saas::ImportResult whole = import_text(csv);
        with_result += whole.exit_code == 0;
        const std::string_view t = csv;
        for (std::size_t i = 0; i <= t.size(); ++i) {
            const saas::ImportResult cut = import_chunks({t.substr(0, i), t.substr(i)});
            REQUIRE(cut.json == whole.json);
        }
        for (int k = 0; k < 40; ++k) {
            std::size_t i = random() % (t.size() + 1), j = random() % (t.size() + 1);
            if (i > j) std::swap(i, j);
            REQUIRE(import_chunks({t.substr(0, i), t.substr(i, j - i), t.substr(j)}).json == whole.json);
        }
    }
    CHECK(with_result > 30); // both results and errors are compared
    CHECK(with_result < 95);
}

TEST_CASE("a file of one huge line is a clear error, read with bounded memory") {
    // The header alone beyond 1 MiB, fed in 64 KiB chunks as the CLI does.
    const std::string huge(3 << 20, 'x');
    std::vector<std::string_view> chunks;
    for (std::size_t at = 0; at < huge.size(); at += 65536) chunks.push_back(std::string_view(huge).substr(at, 65536));
    CHECK(import_errors(import_chunks(chunks)) == "1: the header cannot be read: the row is longer than 1 MiB\n");
    // A data row beyond 1 MiB is a bad row with its line.
    const std::string file = "customer_id,start,end,mrr\na,2024-01-01,,10\n" + huge + "\n";
    const auto out = import_json(file);
    CHECK(out["errors"] == nlohmann::json::parse(R"([{"line":3,"message":"the row is longer than 1 MiB",)"
                                                 R"("code":"row_too_long","params":{"max_bytes":1048576}}])"));
    CHECK(out["rows"]["used"] == 1);
}

TEST_CASE("amounts are read as the nearest double, with or without a point, however many digits") {
    std::mt19937 random(5);
    for (int i = 0; i < 3000; ++i) {
        // One draw per statement, so g++ and em++ generate the same amounts.
        std::string amount;
        const int length = static_cast<int>(1 + random() % 19);
        for (int k = 0; k < length; ++k) amount += static_cast<char>('0' + random() % 10);
        if (amount.size() > 1 && random() % 4) amount.insert(1 + random() % (amount.size() - 1), ".");
        const double x = std::strtod(amount.c_str(), nullptr);
        if (x == 0 || x > 1e12) continue; // not a paying row, or above the largest amount
        INFO(amount);
        const auto out = import_json("customer_id,start,end,mrr\nc1,2024-01-01,," + amount + "\n");
        CHECK(out["currencies"][0]["months"][0]["mrr"].get<double>() == x);
    }
}
