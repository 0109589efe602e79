// Sensitivity (contract section 9): each lever down and up by the swing, sorted.
#include "examples.hpp"
#include "lab_helpers.hpp"
#include "sensitivity.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace saas;
using saas_test::lever;
using saas_test::metric;

TEST_CASE("MRR of the base case: starting customers and price_factor move it most, +-1,580") {
    // MRR 200 x 39.5 = 7,900; 10 % of either the customers or the prices is 790.
    const Scenario s = examples::base_case();
    const std::vector<SensitivityRow> rows = sensitivity(s, metric("mrr"), nonzero_levers(s), 0.1);
    REQUIRE(rows.size() == 15); // every lever not 0, price_factor included
    // They tie (to rounding), so they come in path order.
    CHECK(lever_path(rows[0].lever) == "customers.starting");
    CHECK(rows[0].low_input == 180);
    CHECK(rows[0].high_input == doctest::Approx(220));
    CHECK(*rows[0].low == doctest::Approx(7110));
    CHECK(*rows[0].high == doctest::Approx(8690));
    CHECK(*rows[0].base == doctest::Approx(7900));
    CHECK(lever_path(rows[1].lever) == "price_factor");
    CHECK(*rows[1].low == doctest::Approx(7110));
    // The Starter price: 0.7 x 2.9 = 2.03 of ARPA, 406 of MRR each way; the Team plan's
    // unit price: 0.3 x 9.6 x 8 / 12 = 1.92 of ARPA, 384 of MRR.
    CHECK(lever_path(rows[2].lever) == "plans[0].price");
    CHECK(*rows[2].high - *rows[2].low == doctest::Approx(812));
    CHECK(lever_path(rows[3].lever) == "plans[1].unit_price");
    CHECK(*rows[3].high - *rows[3].low == doctest::Approx(768));
}

TEST_CASE("rows are sorted by |high - low|, largest first, ties by lever path") {
    // Only the churn moves monthly churn; every other row moves it by 0, in path order.
    const Scenario s = examples::base_case();
    const std::vector<SensitivityRow> rows =
        sensitivity(s, metric("customer_churn_monthly"), nonzero_levers(s), 0.2);
    CHECK(lever_path(rows[0].lever) == "customers.monthly_churn");
    CHECK(*rows[0].low == doctest::Approx(0.024));
    for (std::size_t i = 2; i < rows.size(); ++i) CHECK(lever_path(rows[i - 1].lever) < lever_path(rows[i].lever));
}

TEST_CASE("inputs are clamped to the lever's range") {
    const Scenario s = examples::base_case(); // gross margin 0.8
    const std::vector<SensitivityRow> rows =
        sensitivity(s, metric("ltv"), {lever("costs.gross_margin")}, 0.5);
    CHECK(rows[0].low_input == doctest::Approx(0.4));
    CHECK(rows[0].high_input == 1); // not 1.2
}

TEST_CASE("undefined ends are null and sort last") {
    Scenario s = examples::base_case();
    s.costs.sales_marketing_per_month = 0; // CAC 0: LTV/CAC undefined at any price
    const std::vector<SensitivityRow> rows =
        sensitivity(s, metric("cac_payback_months"), {lever("costs.gross_margin"), lever("customers.new_per_month")}, 1);
    // New customers x 0 = 0: CAC undefined, so its payback is undefined at the low end.
    CHECK(lever_path(rows.back().lever) == "customers.new_per_month");
    CHECK_FALSE(rows.back().low);
    CHECK(rows.back().high == 0);
}

TEST_CASE("a row's low and high equal calc at the clamped inputs") {
    const saas_test::json scenario = saas_test::base_case_json();
    const Scenario s = examples::base_case();
    for (const char* key : {"ltv_to_cac", "break_even_month", "cumulative_profit_at_horizon"})
        for (const SensitivityRow& row : sensitivity(s, metric(key), nonzero_levers(s), 0.25)) {
            INFO(std::string(key), " ", lever_path(row.lever));
            CHECK(row.low == saas_test::calc_metric(saas_test::with_lever(scenario, row.lever, row.low_input), key));
            CHECK(row.high == saas_test::calc_metric(saas_test::with_lever(scenario, row.lever, row.high_input), key));
            CHECK(row.base == saas_test::calc_metric(scenario, key));
        }
}
