// Levers and target metrics of the pricing lab (contract section 9).
#include "examples.hpp"
#include "lab_helpers.hpp"
#include "lab_metric.hpp"
#include "levers.hpp"
#include "pricing.hpp"
#include "report.hpp"

#include <doctest/doctest.h>

using namespace saas;
using saas_test::lever;
using saas_test::metric;

TEST_CASE("a lever path parses once into its field, plan and tier, and prints back") {
    const Lever units = lever("plans[1].units");
    CHECK(units.field == LeverField::units);
    CHECK(units.plan == 1);
    const Lever flat = lever("plans[2].tiers[3].flat");
    CHECK(flat.field == LeverField::tier_flat);
    CHECK(flat.plan == 2);
    CHECK(flat.tier == 3);
    for (const char* path : {"plans[0].price", "plans[49].unit_price", "plans[0].share",
                             "plans[0].tiers[1].unit_price", "customers.starting",
                             "customers.new_per_month", "customers.monthly_churn",
                             "revenue.monthly_expansion", "revenue.monthly_contraction",
                             "costs.sales_marketing_per_month", "costs.gross_margin",
                             "costs.fixed_per_month", "price_factor"})
        CHECK(lever_path(lever(path)) == path);
}

TEST_CASE("options, texts and malformed paths are not levers") {
    for (const char* path : {"options.horizon_months", "options.lifetime_cap_months", "name",
                             "plans[0].name", "plans[0].billing", "plans[0].tiers[0].up_to",
                             "plans[01].price", "plans[-1].price", "plans[50].price", "plans[0]",
                             "plans[0].price.x", "plans.price", "customers", "", "Price_factor",
                             "plans[0].tiers[50].flat", "plans[ 0].price"})
        CHECK_MESSAGE(std::holds_alternative<Message>(parse_lever(path)), path);
}

TEST_CASE("a lever must exist in the scenario: its plan, its tier, no unit_price beside tiers") {
    Scenario s = examples::base_case();
    s.plans[1].tiers = {{10.0, 12, 0}, {std::nullopt, 9, 0}};
    const auto message = [&](const char* path) { return std::get<Message>(lever_of(s, path)).text; };
    CHECK(message("plans[2].price") == "names plan 2 but the scenario's plans go from 0 to 1, got \"plans[2].price\"");
    CHECK(message("plans[0].tiers[0].flat") == "is not a lever of this plan: it has no tiers, got \"plans[0].tiers[0].flat\"");
    CHECK(message("plans[1].tiers[2].flat") ==
          "names tier 2 but the plan's tiers go from 0 to 1, got \"plans[1].tiers[2].flat\"");
    CHECK(message("plans[1].unit_price") ==
          "is not a lever of this plan: its tiers replace unit_price, got \"plans[1].unit_price\"");
    CHECK(std::get<Lever>(lever_of(s, "plans[1].tiers[1].unit_price")) == lever("plans[1].tiers[1].unit_price"));
}

TEST_CASE("ranges are section 1's, with the README's caps, and price_factor goes to 100") {
    const auto range = [](const char* path) { return lever_range(lever(path)); };
    CHECK(range("customers.monthly_churn").max == 1);
    CHECK(range("costs.gross_margin").max == 1);
    CHECK(range("revenue.monthly_expansion").max == 1);
    CHECK(range("plans[0].price").max == 1e12);
    CHECK(range("customers.new_per_month").max == 1e12);
    CHECK(range("price_factor").min == 0);
    CHECK(range("price_factor").max == 100);
}

TEST_CASE("price_factor scales every price, unit price and tier; ARPA scales by it") {
    const Scenario base = examples::base_case(); // ARPA 0.7 x 29 + 0.3 x 96 x 8 / 12 = 39.5
    Scenario work = base;
    set_lever(work, base, lever("price_factor"), 1.5);
    CHECK(work.plans[0].price == 43.5);
    CHECK(work.plans[1].unit_price == 144);
    CHECK(arpa(work.plans) == doctest::Approx(59.25));
    CHECK(lever_value(base, lever("price_factor")) == 1);
    set_lever(work, base, lever("price_factor"), 1); // from the base, not compounded
    CHECK(arpa(work.plans) == doctest::Approx(39.5));

    Scenario tiered = examples::one_plan(10, 1);
    tiered.plans[0].tiers = {{10.0, 12, 5}, {std::nullopt, 9, 0}};
    Scenario doubled = tiered;
    set_lever(doubled, tiered, lever("price_factor"), 2);
    CHECK(doubled.plans[0].price == 20);
    CHECK(doubled.plans[0].tiers[0].unit_price == 24);
    CHECK(doubled.plans[0].tiers[0].flat == 10);
    CHECK(doubled.plans[0].tiers[1].unit_price == 18);
}

TEST_CASE("every lever of the base case, in document order, price_factor last") {
    std::vector<std::string> paths;
    for (const Lever& l : all_levers(examples::base_case())) paths.push_back(lever_path(l));
    CHECK(paths == std::vector<std::string>{
                       "plans[0].price", "plans[0].unit_price", "plans[0].units", "plans[0].share",
                       "plans[1].price", "plans[1].unit_price", "plans[1].units", "plans[1].share",
                       "customers.starting", "customers.new_per_month", "customers.monthly_churn",
                       "revenue.monthly_expansion", "revenue.monthly_contraction",
                       "costs.sales_marketing_per_month", "costs.gross_margin",
                       "costs.fixed_per_month", "price_factor"});
}

TEST_CASE("target metrics: every section 3 key and the four projection summaries") {
    const Scenario s = examples::base_case();
    const Report r = compute(s);
    for (const MetricField& f : metric_fields) {
        INFO(f.key);
        const std::optional<TargetMetric> m = parse_metric(f.key);
        REQUIRE(m);
        CHECK(evaluate(s, *m) == r.metrics.*(f.value));
    }
    CHECK(evaluate(s, metric("break_even_month")) == r.projection.break_even_month);
    CHECK(evaluate(s, metric("mrr_at_horizon")) == r.projection.months.back().mrr);
    CHECK(evaluate(s, metric("customers_at_horizon")) == r.projection.months.back().customers);
    CHECK(evaluate(s, metric("cumulative_profit_at_horizon")) == r.projection.months.back().cumulative_profit);
    CHECK_FALSE(parse_metric("notes"));
    CHECK_FALSE(parse_metric("health"));
}

TEST_CASE("break-even month is undefined when profit stays negative over the horizon") {
    Scenario s = examples::one_plan(10, 10); // MRR 100
    s.costs.fixed_per_month = 1000;
    CHECK_FALSE(evaluate(s, metric("break_even_month")));
    s.costs.fixed_per_month = 100;
    CHECK(evaluate(s, metric("break_even_month")) == 1);
}
