#include "examples.hpp"
#include "report.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace saas;
using doctest::Approx;

namespace {

Metrics metrics_of(const Scenario& s) { return compute(s).metrics; }

std::size_t null_count(const Metrics& m) {
    std::size_t n = 0;
    for (const MetricField& f : metric_fields) n += !(m.*(f.value));
    return n;
}

} // namespace

TEST_CASE("seed: 100 customers at $49 ARPA make MRR $4,900") {
    const Metrics m = metrics_of(examples::one_plan(49, 100));
    CHECK(*m.arpa == 49);
    CHECK(*m.mrr == 4900);
    CHECK(*m.arr == 58800);
    CHECK(*m.customers == 100);
}

TEST_CASE("seed: losing 5 of 100 customers a month is 5 % churn, and 5 % of MRR") {
    Scenario s = examples::one_plan(49, 100);
    s.customers.monthly_churn = 5.0 / 100;
    const Metrics m = metrics_of(s);
    CHECK(*m.customer_churn_monthly == 0.05);
    CHECK(*m.churned_mrr == Approx(245));
}

TEST_CASE("seed: $10,000 of sales & marketing for 100 new customers is a $100 CAC") {
    Scenario s = examples::one_plan(49, 100);
    s.customers.new_per_month = 100;
    s.costs.sales_marketing_per_month = 10000;
    CHECK(*metrics_of(s).cac == 100);
}

TEST_CASE("seed: $100 a month for 24 months is an LTV of $2,400") {
    Scenario s = examples::one_plan(100, 10);
    s.customers.monthly_churn = 1.0 / 24;
    const Metrics m = metrics_of(s);
    CHECK(*m.customer_lifetime_months == Approx(24));
    CHECK(*m.ltv == Approx(2400));
}

TEST_CASE("seed: 2 % monthly churn is 21.5 % annual churn") {
    Scenario s = examples::one_plan(49, 100);
    s.customers.monthly_churn = 0.02;
    CHECK(*metrics_of(s).customer_churn_annual == Approx(1 - std::pow(0.98, 12)));
    CHECK(*metrics_of(s).customer_churn_annual == Approx(0.2153).epsilon(0.001));
}

TEST_CASE("seed: LTV $1,200 over CAC $400 is 3.0") {
    Scenario s = examples::one_plan(100, 50);
    s.customers.monthly_churn = 1.0 / 12; // lifetime 12 months, g = 1
    s.customers.new_per_month = 10;
    s.costs.sales_marketing_per_month = 4000;
    const Metrics m = metrics_of(s);
    CHECK(*m.ltv == Approx(1200));
    CHECK(*m.cac == 400);
    CHECK(*m.ltv_to_cac == Approx(3.0));
}

TEST_CASE("the contract's base case, every metric by hand") {
    const Metrics m = metrics_of(examples::base_case());
    CHECK(*m.arpa == Approx(39.5));
    CHECK(*m.mrr == Approx(7900));
    CHECK(*m.arr == Approx(94800));
    CHECK(*m.new_mrr == Approx(25 * 39.5));
    CHECK(*m.expansion_mrr == Approx(79));
    CHECK(*m.contraction_mrr == Approx(39.5));
    CHECK(*m.churned_mrr == Approx(237));
    CHECK(*m.net_new_mrr == Approx(987.5 + 79 - 39.5 - 237));
    CHECK(*m.gross_mrr_churn_monthly == Approx(0.035));
    CHECK(*m.net_mrr_churn_monthly == Approx(0.025));
    CHECK(*m.nrr_annual == Approx(std::pow(0.975, 12)));
    CHECK(*m.grr_annual == Approx(std::pow(0.965, 12)));
    CHECK(*m.customer_lifetime_months == Approx(100.0 / 3));
    CHECK(*m.ltv == Approx(39.5 * 0.8 * 100 / 3));
    CHECK(*m.cac == 600);
    SUBCASE("CAC payback is CAC over gross-margin-adjusted ARPA") {
        CHECK(*m.cac_payback_months == Approx(600 / (39.5 * 0.8)));
    }
    CHECK(*m.ltv_to_cac == Approx(39.5 * 0.8 * 100 / 3 / 600));
    CHECK(*m.quick_ratio == Approx((987.5 + 79) / (237 + 39.5)));
    CHECK(*m.burn_or_profit_monthly == Approx(7900 * 0.8 - 15000 - 20000));
    CHECK(*m.profit_margin == Approx(-28680.0 / 7900));
    CHECK(*m.burn_multiple == Approx(28680 / (12 * 790.0)));
    CHECK(*m.mrr_growth_annual == Approx(compute(examples::base_case()).projection.months[11].mrr / 7900 - 1));
    CHECK(*m.rule_of_40 == Approx(*m.mrr_growth_annual + *m.profit_margin));
    CHECK(m.notes.empty());
}

TEST_CASE("churn 0: lifetime is the cap, no annual churn") {
    Scenario s = examples::one_plan(50, 10);
    s.options.lifetime_cap_months = 60;
    const Metrics m = metrics_of(s);
    CHECK(*m.customer_lifetime_months == 60);
    CHECK(*m.ltv == 3000);
    CHECK(*m.customer_churn_annual == 0);
    CHECK(*m.grr_annual == 1);
}

TEST_CASE("churn below 1/cap is capped too") {
    Scenario s = examples::one_plan(50, 10);
    s.customers.monthly_churn = 0.001; // 1000 months uncapped
    s.options.lifetime_cap_months = 60;
    CHECK(*metrics_of(s).customer_lifetime_months == 60);
}

TEST_CASE("churn 1: every customer leaves within the month") {
    Scenario s = examples::one_plan(50, 10);
    s.customers.monthly_churn = 1;
    s.revenue.monthly_expansion = 0.05;
    const Metrics m = metrics_of(s);
    CHECK(*m.customer_lifetime_months == 1);
    CHECK(*m.customer_churn_annual == 1);
    CHECK(*m.grr_annual == 0);
    CHECK(*m.nrr_annual == Approx(std::pow(0.05, 12)));
    CHECK(*m.gross_mrr_churn_monthly == 1);
    CHECK(*m.churned_mrr == 500);
    SUBCASE("contraction cannot take more than the customers who stay") {
        s.revenue.monthly_contraction = 0.3;
        CHECK(*metrics_of(s).contraction_mrr == 0);
        CHECK(*metrics_of(s).gross_mrr_churn_monthly == 1);
    }
}

TEST_CASE("churn plus contraction above 1 removes at most the whole MRR") {
    Scenario s = examples::one_plan(100, 10);
    s.customers.monthly_churn = 0.6;
    s.revenue.monthly_contraction = 0.8;
    const Metrics m = metrics_of(s);
    CHECK(*m.churned_mrr == Approx(600));
    CHECK(*m.contraction_mrr == Approx(400));
    CHECK(*m.net_new_mrr == Approx(-1000));
    CHECK(*m.gross_mrr_churn_monthly == 1);
    CHECK(*m.grr_annual == 0);
}

TEST_CASE("no new customers: CAC, payback and LTV/CAC are undefined, each with a note") {
    Scenario s = examples::one_plan(50, 100);
    s.customers.monthly_churn = 0.02;
    s.costs.sales_marketing_per_month = 1000;
    const Metrics m = metrics_of(s);
    CHECK_FALSE(m.cac);
    CHECK_FALSE(m.cac_payback_months);
    CHECK_FALSE(m.ltv_to_cac);
    REQUIRE(m.notes.size() == null_count(m));
    CHECK(m.notes[0]().text.find("no new customers") != std::string::npos);
    CHECK(m.notes[1]().text.find("CAC payback") != std::string::npos);
    CHECK(m.notes[2]().text.find("LTV/CAC") != std::string::npos);
}

TEST_CASE("no sales & marketing spend: CAC 0 pays back at once, LTV/CAC is undefined") {
    Scenario s = examples::one_plan(50, 100);
    s.customers.new_per_month = 5;
    const Metrics m = metrics_of(s);
    CHECK(*m.cac == 0);
    CHECK(*m.cac_payback_months == 0);
    CHECK_FALSE(m.ltv_to_cac);
    CHECK(m.notes.at(0)().text == "LTV/CAC is undefined: CAC is 0 (no sales & marketing spend).");
}

TEST_CASE("gross margin 0: LTV is 0 and CAC is never paid back") {
    Scenario s = examples::one_plan(50, 100);
    s.customers.new_per_month = 5;
    s.costs.sales_marketing_per_month = 500;
    s.costs.gross_margin = 0;
    const Metrics m = metrics_of(s);
    CHECK(*m.ltv == 0);
    CHECK(*m.ltv_to_cac == 0);
    CHECK_FALSE(m.cac_payback_months);
    CHECK(m.notes.at(0)().text.find("gross-margin-adjusted ARPA is 0") != std::string::npos);
    CHECK(*m.burn_or_profit_monthly == -500);
}

TEST_CASE("ARPA 0: MRR-based ratios are undefined, never NaN") {
    Scenario s = examples::one_plan(0, 100);
    s.customers.new_per_month = 5;
    s.customers.monthly_churn = 0.05;
    s.costs.sales_marketing_per_month = 500;
    const Metrics m = metrics_of(s);
    CHECK(*m.mrr == 0);
    CHECK(*m.ltv == 0);
    CHECK_FALSE(m.cac_payback_months);
    CHECK_FALSE(m.quick_ratio);
    CHECK_FALSE(m.profit_margin);
    CHECK_FALSE(m.burn_multiple);
    CHECK_FALSE(m.mrr_growth_annual);
    CHECK_FALSE(m.rule_of_40);
    CHECK(m.notes.size() == null_count(m));
}

TEST_CASE("quick ratio is undefined when no MRR is lost") {
    Scenario s = examples::one_plan(50, 100);
    s.customers.new_per_month = 5;
    const Metrics m = metrics_of(s);
    CHECK_FALSE(m.quick_ratio);
    CHECK(m.notes.size() == null_count(m));
}

TEST_CASE("a profitable business has a burn multiple of 0") {
    Scenario s = examples::one_plan(100, 1000);
    s.customers.new_per_month = 50;
    s.customers.monthly_churn = 0.02;
    s.costs.sales_marketing_per_month = 10000;
    const Metrics m = metrics_of(s);
    CHECK(*m.burn_or_profit_monthly == 90000);
    CHECK(*m.profit_margin == Approx(0.9));
    CHECK(*m.burn_multiple == 0);
}

TEST_CASE("burn multiple is undefined when net new MRR is not positive") {
    Scenario s = examples::one_plan(100, 1000);
    s.customers.monthly_churn = 0.02;
    s.costs.sales_marketing_per_month = 200000;
    const Metrics m = metrics_of(s);
    CHECK_FALSE(m.burn_multiple);
    CHECK(m.notes.size() == null_count(m));
}

TEST_CASE("annual MRR growth needs a 12-month horizon and MRR at month 0") {
    Scenario s = examples::base_case();
    s.options.horizon_months = 11;
    const Metrics m = metrics_of(s);
    CHECK_FALSE(m.mrr_growth_annual);
    CHECK_FALSE(m.rule_of_40);
    REQUIRE(m.notes.size() == 2);
    CHECK(m.notes[0]().text.find("shorter than 12 months") != std::string::npos);
    CHECK(m.notes[1]().text.find("Rule of 40") != std::string::npos);
    s.options.horizon_months = 12;
    CHECK(metrics_of(s).mrr_growth_annual);
}

TEST_CASE("LTV/CAC above 5 comes with advice after the notes on undefined metrics") {
    Scenario s = examples::one_plan(100, 100);
    s.customers.monthly_churn = 0.01;
    s.customers.new_per_month = 10;
    s.costs.sales_marketing_per_month = 1000; // CAC 100, LTV 6000
    const Metrics m = metrics_of(s);
    CHECK(*m.ltv_to_cac == Approx(60));
    REQUIRE(m.notes.size() == null_count(m) + 1);
    CHECK(m.notes.back()().text.find("under-funded") != std::string::npos);
}

TEST_CASE("huge and tiny valid inputs give finite metrics or undefined ones") {
    Scenario s = examples::one_plan(1e12, 1e12);
    s.plans[0].unit_price = 1e12;
    s.plans[0].units = 1e12;
    s.customers.new_per_month = 1e-300;
    s.costs.sales_marketing_per_month = 1e12;
    s.revenue.monthly_expansion = 1;
    const Report r = compute(s);
    for (const MetricField& f : metric_fields)
        if (const auto& v = r.metrics.*(f.value)) CHECK(std::isfinite(*v));
    CHECK_FALSE(r.metrics.cac);
    CHECK(r.metrics.notes.at(0)().text == "CAC is too large to show: new customers per month is almost 0.");
    CHECK(std::isfinite(r.projection.months.back().cumulative_profit));
}
