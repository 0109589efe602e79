// Goal seek (contract section 9): the lever value at which a metric reaches a target.
#include "examples.hpp"
#include "goal_seek.hpp"
#include "lab_helpers.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace saas;
using saas_test::lever;
using saas_test::metric;
using saas_test::within;

namespace {

// One $100 plan, 100 customers, 10 new a month for $10,000 of S&M: CAC 1,000; 5 % churn
// gives a 20-month lifetime, LTV 2,000 and LTV/CAC 2.
Scenario seeded() {
    Scenario s = examples::one_plan(100, 100);
    s.customers.new_per_month = 10;
    s.customers.monthly_churn = 0.05;
    s.costs.sales_marketing_per_month = 10000;
    return s;
}

} // namespace

TEST_CASE("LTV/CAC 3 needs a price of 150 (LTV 150 x 20 = 3,000 over CAC 1,000)") {
    const GoalSeek g = goal_seek(seeded(), lever("plans[0].price"), metric("ltv_to_cac"), 3);
    REQUIRE(g.value);
    CHECK(within(*g.value, 150, 1e-9));
    REQUIRE(g.achieved);
    CHECK(within(*g.achieved, 3, 1e-9));
    CHECK(g.note.text == "LTV/CAC reaches 3 with plan 1's price at 150 (today 100).");
}

TEST_CASE("LTV/CAC 3 by churn: a 30-month lifetime, churn 1/30") {
    const GoalSeek g = goal_seek(seeded(), lever("customers.monthly_churn"), metric("ltv_to_cac"), 3);
    REQUIRE(g.value);
    CHECK(within(*g.value, 1.0 / 30, 1e-9));
}

TEST_CASE("the answer plugged back into calc reaches the target") {
    const saas_test::json scenario = saas_test::base_case_json();
    const Scenario s = examples::base_case();
    struct Case {
        const char* lever;
        const char* metric;
        double target;
    };
    for (const Case& c : {Case{"plans[0].price", "mrr", 10000}, Case{"price_factor", "ltv_to_cac", 3},
                          Case{"plans[0].price", "burn_or_profit_monthly", 0},
                          Case{"customers.new_per_month", "mrr_at_horizon", 50000},
                          Case{"customers.monthly_churn", "nrr_annual", 1},
                          Case{"costs.fixed_per_month", "cumulative_profit_at_horizon", 0},
                          Case{"plans[1].units", "arpa", 50}}) {
        INFO(std::string(c.lever), " -> ", std::string(c.metric), " = ", c.target);
        const GoalSeek g = goal_seek(s, lever(c.lever), metric(c.metric), c.target);
        REQUIRE(g.value);
        const std::optional<double> reached =
            saas_test::calc_metric(saas_test::with_lever(scenario, lever(c.lever), *g.value), c.metric);
        REQUIRE(reached);
        CHECK(std::abs(*reached - c.target) <= 1e-9 * std::max(1.0, std::abs(c.target)));
        CHECK(reached == g.achieved);
    }
}

TEST_CASE("where several values reach the target, the one nearest today's") {
    // The lifetime is min(1/c, 60): 60 months for every churn up to 1/60; today 5 %.
    const GoalSeek g =
        goal_seek(seeded(), lever("customers.monthly_churn"), metric("customer_lifetime_months"), 60);
    REQUIRE(g.value);
    CHECK(within(*g.value, 1.0 / 60, 1e-9));

    // Today's value itself when it already reaches the target.
    const GoalSeek today = goal_seek(seeded(), lever("plans[0].price"), metric("ltv_to_cac"), 2);
    CHECK(today.value == 100);
}

TEST_CASE("an unreachable target: value null, and the metric's range in words") {
    // Churn from 0 to 1: lifetime from 60 to 1 month, LTV/CAC from 6 to 0.1.
    const GoalSeek g = goal_seek(seeded(), lever("customers.monthly_churn"), metric("ltv_to_cac"), 10);
    CHECK_FALSE(g.value);
    CHECK_FALSE(g.achieved);
    CHECK(g.note.text == "LTV/CAC stays between 0.1 and 6 whatever the monthly churn (from 0 to 1).");

    // CAC is undefined with no new customers, whatever the price.
    Scenario none = seeded();
    none.customers.new_per_month = 0;
    const GoalSeek u = goal_seek(none, lever("plans[0].price"), metric("cac"), 10);
    CHECK_FALSE(u.value);
    CHECK(u.note.text == "CAC is undefined whatever plan 1's price (from 0 to 1000000000000).");
}

TEST_CASE("a stepwise metric is never answered with the step it jumps over") {
    // Volume tiers: 10 a unit up to 10 units, then every unit at the second tier's price.
    Scenario s = examples::one_plan(0, 1);
    s.plans[0].tier_mode = TierMode::volume;
    s.plans[0].units = 10.5;
    s.plans[0].tiers = {{10.0, 10, 0}, {std::nullopt, 8, 0}}; // ARPA 84 today
    // ARPA 90 at 9 units and at 11.25; the jump from 100 to 80 at 10 is nearer, and skipped.
    const GoalSeek g = goal_seek(s, lever("plans[0].units"), metric("arpa"), 90);
    REQUIRE(g.value);
    CHECK(within(*g.value, 11.25, 1e-9));

    // At 20 a unit above 10, ARPA jumps from 100 to 200: 150 is never reached.
    s.plans[0].tiers[1].unit_price = 20;
    const GoalSeek never = goal_seek(s, lever("plans[0].units"), metric("arpa"), 150);
    CHECK_FALSE(never.value);
    CHECK(never.note.text == "ARPA jumps past 150 without reaching it as plan 1's units (from 0 to "
                        "1000000000000) changes.");
}

TEST_CASE("break even by month 3: the least price that gets there, 15,000 / 130") {
    // MRR in month t is price x (100 + 10 t); costs 15,000: today (price 100) month 5.
    Scenario s = examples::one_plan(100, 100);
    s.customers.new_per_month = 10;
    s.costs = {10000, 1, 5000};
    CHECK(evaluate(s, metric("break_even_month")) == 5);
    const GoalSeek g = goal_seek(s, lever("plans[0].price"), metric("break_even_month"), 3);
    REQUIRE(g.value);
    CHECK(within(*g.value, 15000.0 / 130, 1e-9));
    CHECK(g.achieved == 3);
    // The least change: a hair less and it breaks even later.
    Scenario less = s;
    less.plans[0].price = *g.value * (1 - 1e-9);
    CHECK(evaluate(less, metric("break_even_month")) == 4);
    CHECK(g.note.text.starts_with("Breaks even in month 3 (by month 3) with plan 1's price at 115.4"));

    // Already by month 5, and by month 10: today's price, no change.
    CHECK(goal_seek(s, lever("plans[0].price"), metric("break_even_month"), 10).value == 100);
    // Fewer fixed costs reach it too: 100 x 130 - 10,000 = 3,000 of room.
    const GoalSeek fixed = goal_seek(s, lever("costs.fixed_per_month"), metric("break_even_month"), 3);
    REQUIRE(fixed.value);
    CHECK(within(*fixed.value, 3000, 1e-9));
}

TEST_CASE("break even by a month no lever value reaches") {
    Scenario s = examples::one_plan(100, 100);
    s.costs = {0, 1, 20000}; // MRR 10,000 for ever
    const GoalSeek g = goal_seek(s, lever("customers.monthly_churn"), metric("break_even_month"), 12);
    CHECK_FALSE(g.value);
    CHECK(g.note.text == "It does not break even by month 12 whatever the monthly churn (from 0 to 1): "
                    "it never breaks even within the horizon.");
}

TEST_CASE("scan points: even and log-spaced over the range, today's included, sorted") {
    const std::vector<double> points = scan_points({0, 1e12}, 29);
    CHECK(points.front() == 0);
    CHECK(points.back() == 1e12);
    CHECK(std::is_sorted(points.begin(), points.end()));
    CHECK(std::adjacent_find(points.begin(), points.end()) == points.end());
    CHECK(std::find(points.begin(), points.end(), 29.0) != points.end());
    // Sixteen a decade: between 10 and 100 there are 16 points, and today's 29.
    CHECK(std::count_if(points.begin(), points.end(), [](double x) { return x > 10 && x <= 100; }) == 17);
}
