// Properties that hold for every valid scenario (issue 3), checked over 10,000 generated
// ones: ordinary values mixed with the extremes the contract allows (0, 1e12, 1e-300,
// churn 0 and 1, horizon 1 and 120, 1 to 50 plans of every pricing kind).
#include "../fuzz/report_finite.hpp"
#include "calc.hpp"
#include "report.hpp"
#include "scenario_json.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <variant>

namespace {

using json = nlohmann::json;

// 10,000 natively. The sanitizer build (unoptimised) and wasm run the same checks 10 to
// 25 times slower; there, the first 1,000 scenarios still reach every code path.
#if defined(__SANITIZE_ADDRESS__) || defined(__EMSCRIPTEN__)
constexpr int scenario_count = 1000;
#else
constexpr int scenario_count = 10000;
#endif

// Draws from std::mt19937_64 only through its raw output: the standard fixes that
// sequence, but not the distributions', so native and wasm runs test the same scenarios.
class Generator {
  public:
    explicit Generator(std::uint64_t seed) : rng_(seed) {}

    double unit() { return static_cast<double>(rng_() >> 11) * 0x1p-53; } // [0, 1)
    int between(int lo, int hi) { return lo + static_cast<int>(rng_() % std::uint64_t(hi - lo + 1)); }
    bool chance(double p) { return unit() < p; }

    // An amount from 0 to 1e12: mostly everyday values, often an extreme.
    double amount() {
        switch (between(0, 9)) {
        case 0: return 0;
        case 1: return saas::max_amount;
        case 2: return 1e-300;
        case 3: return std::pow(10.0, -300 + 312 * unit()); // any magnitude
        default: return std::round(unit() * 100000) / 100;  // up to 1,000.00
        }
    }

    double fraction() {
        switch (between(0, 7)) {
        case 0: return 0;
        case 1: return 1;
        case 2: return 1e-300;
        case 3: return std::nextafter(1.0, 0.0);
        case 4: return unit();
        default: return unit() * 0.1; // everyday monthly rates
        }
    }

  private:
    std::mt19937_64 rng_;
};

json random_tiers(Generator& g) {
    json tiers = json::array();
    double up_to = 0;
    const int finite_tiers = g.between(0, 5);
    for (int i = 0; i < finite_tiers; ++i) {
        // Boundaries as close as a double allows, or everyday steps, up to the cap.
        const double next = g.chance(0.2) ? std::nextafter(up_to, saas::max_amount)
                                          : up_to + std::max(1.0, g.amount());
        if (next <= up_to || next > saas::max_amount) break;
        up_to = next;
        tiers.push_back({{"up_to", up_to}, {"unit_price", g.amount()}});
        if (g.chance(0.3)) tiers.back()["flat"] = g.amount();
    }
    tiers.push_back({{"up_to", nullptr}, {"unit_price", g.amount()}});
    return tiers;
}

json random_plan(Generator& g) {
    json plan = json::object();
    if (g.chance(0.5)) plan["billing"] = g.chance(0.5) ? "annual" : "monthly";
    switch (g.between(0, 3)) { // flat, per unit, base + per unit, tiers
    case 0: plan["price"] = g.amount(); break;
    case 1: plan["unit_price"] = g.amount(); break;
    case 2:
        plan["price"] = g.amount();
        plan["unit_price"] = g.amount();
        break;
    default:
        if (g.chance(0.5)) plan["price"] = g.amount();
        plan["tiers"] = random_tiers(g);
        plan["tier_mode"] = g.chance(0.5) ? "graduated" : "volume";
    }
    if (g.chance(0.8)) plan["units"] = g.chance(0.5) ? g.between(0, 100) : g.amount();
    if (g.chance(0.8)) plan["share"] = g.amount();
    return plan;
}

json random_scenario(std::uint64_t seed) {
    Generator g(seed);
    json plans = json::array();
    const int plan_count = g.chance(0.2) ? g.between(1, 50) : g.between(1, 4);
    for (int i = 0; i < plan_count; ++i) plans.push_back(random_plan(g));
    if (plans[0].value("share", 1.0) == 0) plans[0]["share"] = 1; // shares must not all be 0

    const int horizon = g.chance(0.2) ? (g.chance(0.5) ? 1 : 120) : g.between(1, 120);
    return {
        {"plans", plans},
        {"customers",
         {{"starting", g.amount()}, {"new_per_month", g.amount()}, {"monthly_churn", g.fraction()}}},
        {"revenue", {{"monthly_expansion", g.fraction()}, {"monthly_contraction", g.fraction()}}},
        {"costs",
         {{"sales_marketing_per_month", g.amount()},
          {"gross_margin", g.fraction()},
          {"fixed_per_month", g.amount()}}},
        {"options", {{"horizon_months", horizon}, {"lifetime_cap_months", g.between(1, 600)}}},
    };
}

saas::Scenario scenario_of(const json& document) {
    saas::ScenarioOrErrors parsed = saas::scenario_from_json(document);
    REQUIRE(std::holds_alternative<saas::Scenario>(parsed)); // the generator makes valid ones
    return std::get<saas::Scenario>(parsed);
}

// Calls check(seed, scenario document) for every generated scenario.
template <class Check>
void for_each_scenario(Check check) {
    for (std::uint64_t seed = 1; seed <= scenario_count; ++seed) check(seed, random_scenario(seed));
}

bool all_finite(const json& j) {
    if (j.is_number()) return std::isfinite(j.get<double>());
    if (!j.is_structured()) return true;
    for (const json& value : j)
        if (!all_finite(value)) return false;
    return true;
}

bool close(double actual, double expected, double scale) {
    return std::abs(actual - expected) <= 1e-12 * scale;
}

} // namespace

TEST_CASE("no output of any valid scenario holds NaN or Infinity") {
    for_each_scenario([](std::uint64_t seed, const json& document) {
        INFO("seed ", seed, ": ", document.dump());
        // The values themselves first: the JSON printer would show NaN as null.
        CHECK(saas_test::first_non_finite(saas::compute(scenario_of(document))) == "");
        const saas::CalcResult result = saas::calc(document.dump());
        REQUIRE(result.ok);
        const json out = json::parse(result.json);
        CHECK(all_finite(out));

        // The printer writes NaN and Infinity as null: a number must never be null
        // where the contract has no "undefined", and every null metric has its note.
        int null_metrics = 0;
        for (const auto& [key, value] : out["metrics"].items()) null_metrics += value.is_null();
        CHECK(null_metrics <= static_cast<int>(out["notes"].size()));
        for (const auto& [key, grade] : out["health"].items())
            CHECK(grade.is_null() == out["metrics"][key].is_null());
        bool projection_all_numbers = true;
        for (const json& row : out["projection"])
            for (const auto& [key, value] : row.items()) projection_all_numbers &= value.is_number();
        CHECK(projection_all_numbers);
    });
}

TEST_CASE("MRR at month t is MRR at t-1 plus that month's net new MRR") {
    for_each_scenario([](std::uint64_t seed, const json& document) {
        INFO("seed ", seed, ": ", document.dump());
        const saas::Report r = saas::compute(scenario_of(document));
        double previous = *r.metrics.mrr;
        for (const saas::MonthRow& row : r.projection.months) {
            const saas::Movements& m = row.movements;
            INFO("month ", row.month);
            // Relative to the amounts moved, as the net can cancel to almost nothing.
            const double moved =
                previous + m.new_mrr + m.expansion_mrr + m.contraction_mrr + m.churned_mrr;
            REQUIRE(close(m.net_new_mrr, m.new_mrr + m.expansion_mrr - m.contraction_mrr - m.churned_mrr, moved));
            REQUIRE(close(row.mrr, previous + m.net_new_mrr, moved));
            previous = row.mrr;
        }
    });
}

TEST_CASE("customers follow N_t = N_(t-1) x (1 - c) + n") {
    for_each_scenario([](std::uint64_t seed, const json& document) {
        INFO("seed ", seed, ": ", document.dump());
        const saas::Scenario s = scenario_of(document);
        const saas::Report r = saas::compute(s);
        const double c = s.customers.monthly_churn, n = s.customers.new_per_month;
        double expected = s.customers.starting;
        for (const saas::MonthRow& row : r.projection.months) {
            expected = expected * (1 - c) + n;
            INFO("month ", row.month);
            REQUIRE(close(row.customers, expected, expected + n));
        }
    });
}

TEST_CASE("LTV never rises when churn rises") {
    for_each_scenario([](std::uint64_t seed, const json& document) {
        INFO("seed ", seed, ": ", document.dump());
        saas::Scenario s = scenario_of(document);
        double& churn = s.customers.monthly_churn;
        if (churn == 1) return; // cannot rise
        const double ltv = *saas::compute(s).metrics.ltv;
        Generator g(seed);
        churn = g.chance(0.3) ? std::nextafter(churn, 1.0) : churn + (1 - churn) * g.unit();
        CHECK(*saas::compute(s).metrics.ltv <= ltv);
    });
}

TEST_CASE("CAC payback never rises when a plan's price rises") {
    for_each_scenario([](std::uint64_t seed, const json& document) {
        INFO("seed ", seed, ": ", document.dump());
        saas::Scenario s = scenario_of(document);
        const std::optional<double> payback = saas::compute(s).metrics.cac_payback_months;
        Generator g(seed);
        double& price = s.plans[g.between(0, static_cast<int>(s.plans.size()) - 1)].price;
        if (price == saas::max_amount) return; // cannot rise
        price = g.chance(0.3) ? std::nextafter(price, saas::max_amount)
                              : price + (saas::max_amount - price) * g.unit();
        const std::optional<double> raised = saas::compute(s).metrics.cac_payback_months;
        // Undefined means never paid back; a defined payback must stay defined.
        if (payback) {
            REQUIRE(raised);
            CHECK(*raised <= *payback);
        }
    });
}
