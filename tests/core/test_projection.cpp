#include "examples.hpp"
#include "pricing.hpp"
#include "projection.hpp"

#include <doctest/doctest.h>

using namespace saas;
using doctest::Approx;

TEST_CASE("month 1 of the base case: customers and MRR follow the recurrences") {
    const Scenario s = examples::base_case();
    const Projection p = project(s, arpa(s.plans));
    REQUIRE(p.months.size() == 36);
    const MonthRow& m1 = p.months[0];
    CHECK(m1.month == 1);
    CHECK(m1.customers == Approx(200 * 0.97 + 25));
    CHECK(m1.mrr == Approx(7900 * (1 - 0.03 - 0.005 + 0.01) + 25 * 39.5));
    CHECK(m1.arr == Approx(12 * m1.mrr));
    CHECK(m1.gross_profit == Approx(m1.mrr * 0.8));
    CHECK(m1.sales_marketing == 15000);
    CHECK(m1.fixed == 20000);
    CHECK(m1.profit == Approx(8690 * 0.8 - 35000));
    CHECK(m1.cumulative_profit == Approx(m1.profit));
}

TEST_CASE("movements of month t are computed on the MRR of month t - 1") {
    const Scenario s = examples::base_case();
    const Projection p = project(s, arpa(s.plans));
    const MonthRow& m2 = p.months[1];
    CHECK(m2.customers == Approx(219 * 0.97 + 25));
    CHECK(m2.movements.churned_mrr == Approx(8690 * 0.03));
    CHECK(m2.movements.expansion_mrr == Approx(8690 * 0.01));
    CHECK(m2.movements.contraction_mrr == Approx(8690 * 0.005));
    CHECK(m2.movements.new_mrr == Approx(987.5));
    CHECK(m2.mrr == Approx(8690 + m2.movements.net_new_mrr));
    CHECK(m2.cumulative_profit == Approx(p.months[0].profit + m2.profit));
}

TEST_CASE("break-even is the first month with profit >= 0") {
    Scenario s = examples::one_plan(100, 0);
    s.customers.new_per_month = 10; // MRR 1,000 x t
    s.costs.fixed_per_month = 2500;
    const Projection p = project(s, 100);
    CHECK(p.months[1].profit == -500);
    CHECK(p.months[2].profit == 500);
    CHECK(p.break_even_month == 3);
    CHECK(p.months[2].cumulative_profit == -1500 - 500 + 500);
    SUBCASE("exactly 0 profit counts as break-even") {
        s.costs.fixed_per_month = 2000;
        CHECK(project(s, 100).break_even_month == 2);
    }
    SUBCASE("none within the horizon") {
        s.options.horizon_months = 2;
        CHECK_FALSE(project(s, 100).break_even_month);
    }
}

TEST_CASE("horizon 1 and 120 give exactly that many months") {
    Scenario s = examples::base_case();
    s.options.horizon_months = 1;
    CHECK(project(s, 39.5).months.size() == 1);
    s.options.horizon_months = 120;
    const Projection p = project(s, 39.5);
    REQUIRE(p.months.size() == 120);
    CHECK(p.months.back().month == 120);
}

TEST_CASE("customers approach the steady state n / c") {
    Scenario s = examples::one_plan(10, 0);
    s.customers.new_per_month = 30;
    s.customers.monthly_churn = 0.1;
    s.options.horizon_months = 120;
    CHECK(project(s, 10).months.back().customers == Approx(300).epsilon(1e-4));
}

TEST_CASE("without movements MRR stays flat; with churn 1 and no new customers it drops to 0") {
    Scenario s = examples::one_plan(10, 100);
    CHECK(project(s, 10).months.back().mrr == 1000);
    s.customers.monthly_churn = 1;
    s.revenue.monthly_contraction = 1;
    const Projection p = project(s, 10);
    CHECK(p.months[0].mrr == 0);
    CHECK(p.months[0].customers == 0);
    CHECK(p.months[0].movements.churned_mrr == 1000);
    CHECK(p.months[0].movements.contraction_mrr == 0);
}
