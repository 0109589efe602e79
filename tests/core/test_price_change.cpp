// Price change (contract section 9): today's projection against the changed one.
#include "examples.hpp"
#include "lab_helpers.hpp"
#include "price_change.hpp"
#include "pricing.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace saas;
using saas_test::within;

namespace {

// 100 customers at $100, nothing else moves: MRR 10,000 every month for 12 months.
Scenario steady() {
    Scenario s = examples::one_plan(100, 100);
    s.options.horizon_months = 12;
    return s;
}

void check_same_months(const Projection& a, const Projection& b) {
    REQUIRE(a.months.size() == b.months.size());
    for (std::size_t i = 0; i < a.months.size(); ++i) {
        const MonthRow &x = a.months[i], &y = b.months[i];
        INFO("month ", x.month);
        CHECK(x.month == y.month);
        CHECK(x.customers == y.customers);
        CHECK(x.mrr == y.mrr);
        CHECK(x.movements.new_mrr == y.movements.new_mrr);
        CHECK(x.movements.expansion_mrr == y.movements.expansion_mrr);
        CHECK(x.movements.contraction_mrr == y.movements.contraction_mrr);
        CHECK(x.movements.churned_mrr == y.movements.churned_mrr);
        CHECK(x.movements.net_new_mrr == y.movements.net_new_mrr);
        CHECK(x.profit == y.profit);
        CHECK(x.cumulative_profit == y.cumulative_profit);
    }
    CHECK(a.break_even_month == b.break_even_month);
}

} // namespace

TEST_CASE("with all factors 1 and no migration churn, the changed projection is today's") {
    const Scenario s = examples::base_case();
    for (Existing existing : {Existing::grandfathered, Existing::migrated}) {
        PriceChange change;
        change.existing = existing;
        change.migration_month = 7;
        const PriceChangeResult r = price_change(s, change);
        check_same_months(r.changed, r.baseline);
        for (double d : r.mrr_delta) CHECK(d == 0);
        CHECK(r.payback_month == 1);
    }
}

TEST_CASE("migrated at +20 % with 10 % leaving: 90 customers paying 120, +800 MRR a month") {
    PriceChange change{1.2, 1, 1, Existing::migrated, 1, 0.1};
    const PriceChangeResult r = price_change(steady(), change);
    const MonthRow& first = r.changed.months[0];
    CHECK(first.customers == doctest::Approx(90));
    CHECK(first.mrr == doctest::Approx(10800));
    CHECK(first.movements.expansion_mrr == doctest::Approx(2000)); // the repricing
    CHECK(first.movements.churned_mrr == doctest::Approx(1200));   // the 10 % who left
    CHECK(r.mrr_delta[11] == doctest::Approx(800));
    CHECK(r.cumulative_profit_delta[11] == doctest::Approx(9600));
    CHECK(r.payback_month == 1);
    // 12,000 x (1 - m) >= 10,000 while m <= 1/6.
    REQUIRE(r.break_even_migration_churn);
    CHECK(within(*r.break_even_migration_churn, 1.0 / 6, 1e-9));
    // No new customers: they cannot change anything, so even none breaks even.
    CHECK(r.break_even_new_customers_factor == 0);
    CHECK(*r.new_customer_metrics.arpa == doctest::Approx(120));
}

TEST_CASE("migration later: the old price and churn until the migration month") {
    Scenario s = steady();
    s.customers.monthly_churn = 0.02;
    PriceChange change{1.5, 1, 2, Existing::migrated, 4, 0};
    const PriceChangeResult r = price_change(s, change);
    for (int t = 0; t < 3; ++t) CHECK(r.mrr_delta[t] == 0);
    // Month 4: 10,000 x 0.98^3 repriced x 1.5, then 4 % churn.
    const double before = 10000 * 0.98 * 0.98 * 0.98;
    CHECK(r.changed.months[3].mrr == doctest::Approx(before * 1.5 * 0.96));
    CHECK(r.changed.months[3].customers == doctest::Approx(100 * 0.98 * 0.98 * 0.98 * 0.96));
    // MRR stays the sum of its movements through the migration month.
    CHECK(r.changed.months[3].mrr == doctest::Approx(r.changed.months[2].mrr + r.changed.months[3].movements.net_new_mrr));
}

TEST_CASE("grandfathered: existing customers keep today's price; new ones pay the new one") {
    Scenario s = steady();
    s.customers.new_per_month = 10; // 1,000 of new MRR a month today
    PriceChange change{1.2, 0.5, 1, Existing::grandfathered, 1, 0};
    const PriceChangeResult r = price_change(s, change);
    // 5 new customers a month at 120: 600 instead of 1,000.
    CHECK(r.changed.months[0].movements.new_mrr == doctest::Approx(600));
    CHECK(r.mrr_delta[0] == doctest::Approx(-400));
    CHECK(r.mrr_delta[11] == doctest::Approx(-4800));
    CHECK_FALSE(r.payback_month);
    // 1,200 x f >= 1,000 from f = 5/6 on.
    REQUIRE(r.break_even_new_customers_factor);
    CHECK(within(*r.break_even_new_customers_factor, 5.0 / 6, 1e-9));
    CHECK_FALSE(r.break_even_migration_churn); // nobody migrates
    CHECK(*r.new_customer_metrics.new_mrr == doctest::Approx(600));
}

TEST_CASE("a price cut no signups can pay for: no break-even factor") {
    Scenario s = steady();
    s.customers.new_per_month = 1;
    PriceChange change{0.5, 1, 1, Existing::migrated, 1, 0};
    const PriceChangeResult r = price_change(s, change);
    CHECK_FALSE(r.break_even_new_customers_factor); // 10 x 50 a month cannot make up 5,000
    CHECK_FALSE(r.break_even_migration_churn);      // losing customers only makes it worse
    CHECK_FALSE(r.payback_month);
}

TEST_CASE("payback month: the first month from which the cumulative delta stays >= 0") {
    // Migrated at +50 % with 40 % leaving: MRR 9,000 against 10,000, but new customers at
    // 150 instead of 100 make up the gap over time.
    Scenario s = steady();
    s.customers.new_per_month = 10;
    PriceChange change{1.5, 1, 1, Existing::migrated, 1, 0.4};
    const PriceChangeResult r = price_change(s, change);
    REQUIRE(r.payback_month);
    const int m = *r.payback_month;
    CHECK(m == 3); // delta 500 t - 1,000 a month: cumulative 250 t (t + 1) - 1,000 t
    CHECK(r.cumulative_profit_delta[m - 2] < 0);
    for (int t = m; t <= 12; ++t) CHECK(r.cumulative_profit_delta[t - 1] >= 0);
}

TEST_CASE("signup elasticity: 10 % more price, about 9 % fewer signups at E = -1") {
    CHECK(signup_factor(1.1, -1) == doctest::Approx(1 / 1.1));
    CHECK(signup_factor(1, -3) == 1);
    CHECK(signup_factor(0, -1) == max_new_customers_factor); // free: capped, not infinite
    CHECK(signup_factor(0.5, 0) == 1);
}
