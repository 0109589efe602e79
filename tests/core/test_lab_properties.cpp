// Properties of the pricing lab that hold for every valid scenario, checked over generated
// ones (everyday values mixed with the contract's extremes: 0, churn 1, horizon 1 and 120,
// 1 to 50 plans, tiers): the price change's identity, goal seek's answers checked by calc,
// sensitivity's and the grid's values equal to calc at their inputs.
#include "goal_seek.hpp"
#include "grid.hpp"
#include "lab_helpers.hpp"
#include "price_change.hpp"
#include "scenario_json.hpp"
#include "sensitivity.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <random>

namespace {

using saas_test::json;

// Each scenario runs thousands of projections; the sanitizer build and wasm run 10 to 25
// times slower, so they check fewer.
#if defined(__SANITIZE_ADDRESS__) || defined(__EMSCRIPTEN__)
constexpr int lab_scenario_count = 12;
#else
constexpr int lab_scenario_count = 150;
#endif

// Raw std::mt19937_64 output only, so native and wasm runs draw the same scenarios.
struct Draw {
    std::mt19937_64 rng;
    double unit() { return static_cast<double>(rng() >> 11) * 0x1p-53; }
    int between(int lo, int hi) { return lo + static_cast<int>(rng() % std::uint64_t(hi - lo + 1)); }
    double amount(double everyday) { return between(0, 7) == 0 ? 0 : std::round(unit() * everyday * 100) / 100; }
    double rate(double everyday) {
        const int kind = between(0, 9);
        return kind == 0 ? 0 : kind == 1 ? 1 : unit() * everyday;
    }
};

json random_lab_scenario(std::uint64_t seed) {
    Draw d{std::mt19937_64(seed)};
    json plans = json::array();
    const int count = d.between(0, 4) == 0 ? d.between(1, 50) : d.between(1, 3);
    for (int i = 0; i < count; ++i) {
        json plan = {{"price", d.amount(200)}, {"share", 0.1 + d.unit()}};
        if (d.between(0, 1)) plan["billing"] = "annual";
        if (d.between(0, 2) == 0)
            plan["tiers"] = {{{"up_to", 10}, {"unit_price", d.amount(20)}, {"flat", d.amount(50)}},
                             {{"up_to", nullptr}, {"unit_price", d.amount(15)}}};
        else
            plan["unit_price"] = d.amount(30);
        plan["units"] = d.between(0, 40);
        if (d.between(0, 1)) plan["tier_mode"] = "volume";
        plans.push_back(plan);
    }
    const int horizon = d.between(0, 4) == 0 ? (d.between(0, 1) ? 1 : 120) : d.between(1, 60);
    return {{"plans", plans},
            {"customers", {{"starting", d.amount(2000)}, {"new_per_month", d.amount(100)}, {"monthly_churn", d.rate(0.1)}}},
            {"revenue", {{"monthly_expansion", d.rate(0.05)}, {"monthly_contraction", d.rate(0.05)}}},
            {"costs",
             {{"sales_marketing_per_month", d.amount(50000)},
              {"gross_margin", d.rate(1)},
              {"fixed_per_month", d.amount(50000)}}},
            {"options", {{"horizon_months", horizon}, {"lifetime_cap_months", d.between(1, 600)}}}};
}

saas::Scenario lab_scenario_of(const json& document) {
    saas::ScenarioOrErrors parsed = saas::scenario_from_json(document);
    REQUIRE(std::holds_alternative<saas::Scenario>(parsed));
    return std::get<saas::Scenario>(parsed);
}

template <class Check>
void for_each_lab_scenario(Check check) {
    for (std::uint64_t seed = 1; seed <= lab_scenario_count; ++seed) check(seed, random_lab_scenario(seed));
}

constexpr const char* keys[] = {"mrr", "ltv_to_cac", "cac_payback_months", "burn_multiple", "rule_of_40",
                                "break_even_month", "mrr_at_horizon", "cumulative_profit_at_horizon"};

} // namespace

TEST_CASE("price change with all factors 1 and no migration churn is today's projection, month by month") {
    for_each_lab_scenario([](std::uint64_t seed, const json& document) {
        INFO("seed ", seed, ": ", document.dump());
        const saas::Scenario s = lab_scenario_of(document);
        saas::PriceChange change;
        change.existing = seed % 2 ? saas::Existing::migrated : saas::Existing::grandfathered;
        change.migration_month = 1 + static_cast<int>(seed) % s.options.horizon_months;
        const saas::PriceChangeResult r = saas::price_change(s, change);
        REQUIRE(r.changed.months.size() == r.baseline.months.size());
        for (std::size_t i = 0; i < r.baseline.months.size(); ++i) {
            const saas::MonthRow &a = r.changed.months[i], &b = r.baseline.months[i];
            INFO("month ", b.month);
            CHECK(a.customers == b.customers);
            CHECK(a.mrr == b.mrr);
            CHECK(a.movements.net_new_mrr == b.movements.net_new_mrr);
            CHECK(a.cumulative_profit == b.cumulative_profit);
        }
        CHECK(r.changed.break_even_month == r.baseline.break_even_month);
    });
}

TEST_CASE("goal seek never answers wrongly: calc at its value reaches the target") {
    int found = 0;
    for_each_lab_scenario([&](std::uint64_t seed, const json& document) {
        const saas::Scenario s = lab_scenario_of(document);
        const std::vector<saas::Lever> levers = saas::all_levers(s);
        const saas::Lever lever = levers[seed % levers.size()];
        const char* key = keys[seed % std::size(keys)];
        // A target the metric takes somewhere in the lever's range, so it is reachable.
        const saas::LeverRange range = saas::lever_range(lever);
        saas::Scenario at = s;
        const double somewhere = std::min(range.max, saas::lever_value(s, lever) * (0.5 + (seed % 7) * 0.25) + 0.01);
        saas::set_lever(at, s, lever, somewhere);
        const std::optional<double> target = saas::evaluate(at, saas_test::metric(key));
        if (!target) return;
        INFO("seed ", seed, ": ", saas::lever_path(lever), " -> ", std::string(key), " = ", *target, " in ", document.dump());
        const saas::GoalSeek g = saas::goal_seek(s, lever, saas_test::metric(key), *target);
        if (!g.value) return;
        ++found;
        CHECK(*g.value >= range.min);
        CHECK(*g.value <= range.max);
        const std::optional<double> reached =
            saas_test::calc_metric(saas_test::with_lever(document, lever, *g.value), key);
        REQUIRE(reached);
        CHECK(reached == g.achieved);
        if (std::string(key) == "break_even_month")
            CHECK(*reached <= *target);
        else
            CHECK(std::abs(*reached - *target) <= 1e-9 * std::max({1.0, std::abs(*target), std::abs(*reached)}));
    });
    CHECK(found > lab_scenario_count / 2); // most reachable targets are found
}

TEST_CASE("sensitivity rows are sorted and their low and high equal calc at the clamped inputs") {
    for_each_lab_scenario([](std::uint64_t seed, const json& document) {
        INFO("seed ", seed, ": ", document.dump());
        const saas::Scenario s = lab_scenario_of(document);
        const char* key = keys[seed % std::size(keys)];
        const std::vector<saas::SensitivityRow> rows =
            saas::sensitivity(s, saas_test::metric(key), saas::nonzero_levers(s), 0.05 + (seed % 10) * 0.1);
        double previous = INFINITY;
        for (const saas::SensitivityRow& row : rows) {
            INFO(saas::lever_path(row.lever));
            const double spread = row.low && row.high ? std::abs(*row.high - *row.low) : -1;
            CHECK(spread <= previous + 1e-12 * std::abs(previous)); // ties to rounding may swap
            previous = spread;
            if (seed % 5 == 0) { // calc on every row of every scenario would take minutes
                CHECK(row.low == saas_test::calc_metric(saas_test::with_lever(document, row.lever, row.low_input), key));
                CHECK(row.high == saas_test::calc_metric(saas_test::with_lever(document, row.lever, row.high_input), key));
            }
        }
    });
}

TEST_CASE("a grid's values equal calc at their inputs") {
    for_each_lab_scenario([](std::uint64_t seed, const json& document) {
        INFO("seed ", seed, ": ", document.dump());
        const saas::Scenario s = lab_scenario_of(document);
        const char* key = keys[seed % std::size(keys)];
        const saas::Axis x{saas_test::lever("customers.monthly_churn"), 0, 0.3, 3};
        const saas::Axis y{saas_test::lever(seed % 2 ? "price_factor" : "costs.fixed_per_month"), 0, 3, 3};
        const saas::Grid g = saas::grid(s, saas_test::metric(key), x, y);
        for (std::size_t j = 0; j < g.y.size(); ++j)
            for (std::size_t i = 0; i < g.x.size(); ++i)
                CHECK(g.values[j][i] == saas_test::calc_metric(
                                            saas_test::with_lever(saas_test::with_lever(document, y.lever, g.y[j]), x.lever, g.x[i]), key));
    });
}
