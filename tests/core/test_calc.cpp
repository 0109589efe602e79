#include "calc.hpp"
#include "metrics.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace saas;
using ordered = nlohmann::ordered_json;

namespace {

const char* const base_case = R"({
  "currency": "EUR",
  "plans": [
    { "name": "Starter", "billing": "monthly", "price": 29, "share": 0.7 },
    { "name": "Team", "billing": "annual", "unit_price": 96, "units": 8, "share": 0.3 }
  ],
  "customers": { "starting": 200, "new_per_month": 25, "monthly_churn": 0.03 },
  "revenue":   { "monthly_expansion": 0.01, "monthly_contraction": 0.005 },
  "costs":     { "sales_marketing_per_month": 15000, "gross_margin": 0.8, "fixed_per_month": 20000 },
  "options":   { "horizon_months": 36, "lifetime_cap_months": 60 }
})";

std::vector<std::string> keys_of(const ordered& object) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items()) keys.push_back(key);
    return keys;
}

} // namespace

TEST_CASE("output JSON has the contract's keys in the contract's order") {
    const CalcResult result = calc(base_case);
    REQUIRE(result.ok);
    const ordered out = ordered::parse(result.json);
    CHECK(keys_of(out) == std::vector<std::string>{"schema", "currency", "metrics", "health",
                                                   "projection", "break_even_month", "notes", "note_codes"});
    CHECK(out["schema"] == 1);
    CHECK(out["currency"] == "EUR");
    std::vector<std::string> metric_keys;
    for (const MetricField& f : metric_fields) metric_keys.push_back(f.key);
    CHECK(keys_of(out["metrics"]) == metric_keys);
    CHECK(keys_of(out["health"]) ==
          std::vector<std::string>{"ltv_to_cac", "cac_payback_months", "nrr_annual",
                                   "customer_churn_annual", "quick_ratio", "burn_multiple",
                                   "rule_of_40"});
    REQUIRE(out["projection"].size() == 36);
    CHECK(keys_of(out["projection"][0]) ==
          std::vector<std::string>{"month", "customers", "mrr", "arr", "new_mrr", "expansion_mrr",
                                   "contraction_mrr", "churned_mrr", "net_new_mrr", "gross_profit",
                                   "sales_marketing", "fixed", "profit", "cumulative_profit"});
    CHECK(out["break_even_month"].is_null());
    CHECK(out["notes"] == ordered::array());
}

TEST_CASE("output values: the base case's metrics and grades") {
    const ordered out = ordered::parse(calc(base_case).json);
    CHECK(out["metrics"]["mrr"] == 7900.0);
    CHECK(out["metrics"]["cac"] == 600.0);
    CHECK(out["health"]["ltv_to_cac"] == "watch");       // 1.76
    CHECK(out["health"]["cac_payback_months"] == "watch"); // 18.99
    CHECK(out["health"]["nrr_annual"] == "bad");           // 0.74
    CHECK(out["health"]["quick_ratio"] == "good");         // 3.86
    CHECK(out["health"]["burn_multiple"] == "bad");        // 3.03
    CHECK(out["projection"][0]["mrr"] == 8690.0);
    CHECK(out["projection"][35]["month"] == 36);
}

TEST_CASE("numbers print in their shortest round-trip form") {
    const std::string json = calc(base_case).json;
    CHECK(json.find(R"("customer_churn_annual":0.30615763900456217)") != std::string::npos);
    CHECK(json.find(R"("gross_mrr_churn_monthly":0.034999999999999996)") != std::string::npos);
}

TEST_CASE("undefined metrics are null, with grades null and a note") {
    const ordered out = ordered::parse(calc(R"({"plans": [{"price": 10}], "customers": {"starting": 5}})").json);
    CHECK(out["metrics"]["cac"].is_null());
    CHECK(out["health"]["ltv_to_cac"].is_null());
    CHECK(out["notes"][0] == "CAC is undefined: there are no new customers per month to divide "
                             "sales & marketing spend by.");
    CHECK(out["break_even_month"] == 1);
}

TEST_CASE("no negative zero in the output") {
    const std::string json = calc(R"({"plans": [{}], "customers": {"starting": 0}})").json;
    CHECK(json.find("-0.0") == std::string::npos);
}

TEST_CASE("invalid input gives {\"errors\": [...]} and ok = false") {
    const CalcResult result = calc(R"({"plans": [{"price": -1}], "customers": {"starting": 1}})");
    CHECK_FALSE(result.ok);
    CHECK(result.json ==
          R"({"errors":[{"field":"plans[0].price","message":"must be a number from 0 to 1 trillion, got -1",)"
          R"("code":"range","params":{"min":0.0,"max":1000000000000.0,"got":"-1"}}]})");
}

TEST_CASE("validate lists the errors, [] when valid") {
    CHECK(validate(base_case) == "[]");
    CHECK(validate(R"({"plans": []})") ==
          R"([{"field":"plans","message":"must be a list of 1 to 50 plans, got 0 plans","code":"plans_count",)"
          R"("params":{"max":50,"count":0}},{"field":"customers.starting",)"
          R"("message":"is required: a number from 0 to 1 trillion","code":"required_range",)"
          R"("params":{"min":0.0,"max":1000000000000.0}}])");
}

TEST_CASE("health thresholds are published for every graded metric") {
    const auto t = nlohmann::json::parse(health_thresholds_json());
    CHECK(t.size() == 7);
    CHECK(t["cac_payback_months"] ==
          nlohmann::json::parse(R"({"higher_is_better":false,"great":12,"good":18,"watch":24})"));
}

TEST_CASE("invalid UTF-8 in a name is refused by the parser, not echoed") {
    const CalcResult result = calc("{\"name\": \"\xff\", \"plans\": [{}], \"customers\": {\"starting\": 1}}");
    CHECK_FALSE(result.ok);
    CHECK(result.json.find("is not valid JSON") != std::string::npos);
}
