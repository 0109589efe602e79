// Inputs scripts/fuzz found crashing, kept so they never come back. Each must give a
// result (here: the errors JSON naming the field) instead of a crash.
#include "calc.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace {

// The errors of an invalid scenario, as "field: message" lines.
std::string calc_errors(const char* scenario) {
    const saas::CalcResult result = saas::calc(scenario);
    REQUIRE_FALSE(result.ok);
    const nlohmann::json out = nlohmann::json::parse(result.json);
    std::string lines;
    for (const auto& e : out["errors"])
        lines += e["field"].get<std::string>() + ": " + e["message"].get<std::string>() + "\n";
    return lines;
}

} // namespace

// The out-of-order message quoted the tier just before, read with operator[] on a
// JSON value that had no "up_to" (or was no object): an assertion, or undefined
// behaviour in a release build.
TEST_CASE("a tier out of order after a tier without up_to is an error, not a crash") {
    CHECK(calc_errors(R"({"plans":[{"tiers":[{"up_to":5},{"unit_price":1},{"up_to":3},{"up_to":null}]}],
                        "customers":{"starting":1}})") ==
          "plans[0].tiers[1].up_to: is required: the tier's highest unit count\n"
          "plans[0].tiers[2].up_to: must be more than the previous tier's up_to (5), got 3\n");
}

TEST_CASE("a tier out of order after a tier that is not an object is an error, not a crash") {
    CHECK(calc_errors(R"({"plans":[{"tiers":[{"up_to":5},7,{"up_to":3},{"up_to":null}]}],
                        "customers":{"starting":1}})") ==
          "plans[0].tiers[1]: must be an object, got 7\n"
          "plans[0].tiers[2].up_to: must be more than the previous tier's up_to (5), got 3\n");
}

TEST_CASE("fuzzer input crash-b9c4aefa: mangled tiers give errors") {
    const char* found =
        R"({"plans":[{"price":10,"units":25,"tiers":[{"up_to":20,"unit_price":29,"fla+++++++++++++++++++++++++++++++++++++++++++++++++++++t":5},{"up_t+++++++++++++++++++t":5},{"up_to":20,"u+++++++++++++++++++++++++++++++++++++++t":5},{"up_to":20,"unit_price":50},{"up_to":null,"unit_price":50},{"up_to":null,"unit_price":4,"flat":1}]},{"billing":"annual","units":20,"etir_mode":"volume","tiers":[{"up_to":20,"unit_prie":6}],"share":2}],"customers":{"starting":0,"new_per_month":40,"monthly_churn":0},"options":{"horizon_months":120,"lifetime_cap_months":600}})";
    CHECK(calc_errors(found).find("plans[0].tiers[2].up_to: must be more than the previous tier's up_to (20), got 20\n") !=
          std::string::npos);
}
