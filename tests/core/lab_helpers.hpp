// What the pricing lab's tests share: a scenario's JSON with one lever set (so a tool's
// answer can be checked against calc itself), and the metric calc prints for it.
#pragma once

#include "calc.hpp"
#include "lab_metric.hpp"
#include "levers.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <string>

namespace saas_test {

using json = nlohmann::json;

// "plans[1].tiers[0].flat" -> "/plans/1/tiers/0/flat"
inline json::json_pointer pointer(std::string path) {
    std::string p = "/";
    for (char c : path) p += c == '[' || c == '.' ? '/' : c == ']' ? '\0' : c;
    std::erase(p, '\0');
    return json::json_pointer(p);
}

// The scenario document with the lever at x: price_factor multiplies every price field.
inline json with_lever(json scenario, const saas::Lever& lever, double x) {
    if (lever.field != saas::LeverField::price_factor) {
        scenario[pointer(saas::lever_path(lever))] = x;
        return scenario;
    }
    for (json& plan : scenario["plans"]) {
        for (const char* key : {"price", "unit_price"})
            if (plan.contains(key)) plan[key] = plan[key].get<double>() * x;
        if (plan.contains("tiers"))
            for (json& tier : plan["tiers"])
                for (const char* key : {"unit_price", "flat"})
                    if (tier.contains(key)) tier[key] = tier[key].get<double>() * x;
    }
    return scenario;
}

// The metric as the CLI's calc prints it: a section 3 key, or the projection's summaries.
inline std::optional<double> calc_metric(const json& scenario, const char* key) {
    const saas::CalcResult r = saas::calc(scenario.dump());
    REQUIRE(r.ok);
    const json out = json::parse(r.json);
    const std::string k = key;
    const json* value = nullptr;
    if (out["metrics"].contains(k)) value = &out["metrics"][k];
    else if (k == "break_even_month") value = &out["break_even_month"];
    else if (k == "mrr_at_horizon") value = &out["projection"].back()["mrr"];
    else if (k == "customers_at_horizon") value = &out["projection"].back()["customers"];
    else value = &out["projection"].back()["cumulative_profit"];
    if (value->is_null()) return std::nullopt;
    return value->get<double>();
}

// The contract's example (section 1) as JSON, the same as examples::base_case().
inline json base_case_json() {
    return json::parse(R"({"name": "Base case",
      "plans": [{"name": "Starter", "billing": "monthly", "price": 29, "share": 0.7},
                {"name": "Team", "billing": "annual", "unit_price": 96, "units": 8, "share": 0.3}],
      "customers": {"starting": 200, "new_per_month": 25, "monthly_churn": 0.03},
      "revenue": {"monthly_expansion": 0.01, "monthly_contraction": 0.005},
      "costs": {"sales_marketing_per_month": 15000, "gross_margin": 0.8, "fixed_per_month": 20000},
      "options": {"horizon_months": 36, "lifetime_cap_months": 60}})");
}

inline saas::Lever lever(const char* path) { return std::get<saas::Lever>(saas::parse_lever(path)); }
inline saas::TargetMetric metric(const char* key) { return *saas::parse_metric(key); }

// `actual` within `relative` of `expected` (a relative tolerance).
inline bool within(double actual, double expected, double relative) {
    return std::abs(actual - expected) <= relative * std::abs(expected);
}

} // namespace saas_test
