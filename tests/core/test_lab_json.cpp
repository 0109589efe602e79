// The pricing lab's JSON requests and results (contract section 9): errors by JSON path,
// the output's keys in their documented order, and what the tools answer.
#include "lab_helpers.hpp"
#include "lab_json.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

// Lists print one item a line when a check fails.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& items) {
        std::string text = "\n";
        for (const std::string& item : items) text += "  " + item + "\n";
        return text.c_str();
    }
};

using namespace saas;
using saas_test::json;

namespace {

json with_base_case(json fields) {
    fields["scenario"] = saas_test::base_case_json();
    return fields;
}

// "field: message" of every error, in order.
std::vector<std::string> errors_of(const LabResult& r) {
    REQUIRE_FALSE(r.ok);
    const json document = json::parse(r.json);
    std::vector<std::string> out;
    for (const json& e : document["errors"])
        out.push_back(e["field"].get<std::string>() + ": " + e["message"].get<std::string>());
    return out;
}

std::vector<std::string> fields_of(const LabResult& r) {
    std::vector<std::string> out;
    for (const std::string& e : errors_of(r)) out.push_back(e.substr(0, e.find(':')));
    return out;
}

std::vector<std::string> keys_of(const json& object) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items()) keys.push_back(key);
    return keys;
}

json ok(const LabResult& r) {
    INFO(r.json);
    REQUIRE(r.ok);
    return json::parse(r.json);
}

// nlohmann sorts keys; this keeps the order the text has.
std::vector<std::string> keys_in_order(const std::string& text) {
    const nlohmann::ordered_json object = nlohmann::ordered_json::parse(text);
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items()) keys.push_back(key);
    return keys;
}

// "arpa, mrr, ..., cumulative_profit_at_horizon"
std::string metric_list() {
    std::string list;
    for (const std::string& key : metric_keys()) list += (list.empty() ? "" : ", ") + key;
    return list;
}

} // namespace

TEST_CASE("solve: LTV/CAC 3 by churn gives value, achieved and a note") {
    const LabResult r = solve_json(
        with_base_case({{"vary", "customers.monthly_churn"}, {"target", {{"metric", "ltv_to_cac"}, {"value", 3}}}}).dump());
    // LTV 39.5 x 0.8 / c over CAC 15,000 / 25 = 600 is 3 at c = 31.6 / 1,800.
    const json out = ok(r);
    CHECK(keys_in_order(r.json) == std::vector<std::string>{"value", "achieved", "note", "note_code"});
    CHECK(out["value"].get<double>() == doctest::Approx(31.6 / 1800).epsilon(1e-12));
    CHECK(out["achieved"].get<double>() == doctest::Approx(3).epsilon(1e-12));
    CHECK(out["note"] == "LTV/CAC reaches 3 with the monthly churn at 0.01756 (today 0.03).");
}

TEST_CASE("solve: unreachable gives null and the metric's range") {
    const json out = ok(solve_json(
        with_base_case({{"vary", "customers.monthly_churn"}, {"target", {{"metric", "ltv_to_cac"}, {"value", 30}}}}).dump()));
    CHECK(out["value"].is_null());
    CHECK(out["achieved"].is_null());
    CHECK(out["note"] == "LTV/CAC stays between 0.05267 and 3.16 whatever the monthly churn (from 0 to 1).");
}

TEST_CASE("solve request errors, each by its JSON path") {
    CHECK(errors_of(solve_json(R"({"scenario": {"plans": [{"price": -1}]}, "vary": 3,
        "target": {"metric": "foo", "valu": 1}, "x": 1})")) ==
          std::vector<std::string>{
              "x: unknown key (allowed here: scenario, vary, target)",
              "scenario.plans[0].price: must be a number from 0 to 1 trillion, got -1",
              "scenario.customers.starting: is required: a number from 0 to 1 trillion",
              "vary: must be a lever's JSON path, such as \"plans[0].price\", got 3",
              "target.valu: unknown key (allowed here: metric, value)",
              "target.metric: must be a metric: one of " + metric_list() + ", got \"foo\"",
              "target.value: is required: a number"});
    CHECK(fields_of(solve_json(with_base_case({{"vary", "options.horizon_months"}, {"target", {{"metric", "mrr"}, {"value", "1"}}}}).dump())) ==
          std::vector<std::string>{"vary", "target.value"});
    CHECK(errors_of(solve_json(with_base_case({{"vary", "plans[2].price"}, {"target", {{"metric", "mrr"}, {"value", 1}}}}).dump())) ==
          std::vector<std::string>{"vary: names plan 2 but the scenario's plans go from 0 to 1, got \"plans[2].price\""});
    // A break-even month is a whole month of the horizon (36 here).
    for (const auto& [month, got] : {std::pair{0.0, "0"}, std::pair{2.5, "2.5"}, std::pair{37.0, "37"}})
        CHECK(errors_of(solve_json(with_base_case({{"vary", "price_factor"}, {"target", {{"metric", "break_even_month"}, {"value", month}}}}).dump())) ==
              std::vector<std::string>{std::string("target.value: must be a whole number from 1 to 36, got ") + got});
    CHECK(fields_of(solve_json(R"({"vary": "price_factor"})")) == std::vector<std::string>{"scenario", "target"});
    CHECK(fields_of(solve_json(R"({"scenario": 1, "vary": "price_factor", "target": []})")) ==
          std::vector<std::string>{"scenario", "target"});
}

TEST_CASE("not JSON, not an object, too large: errors on the document itself") {
    CHECK(fields_of(solve_json("{\"a\": ")) == std::vector<std::string>{""});
    CHECK(errors_of(grid_json("[]")) == std::vector<std::string>{": must be a JSON object (a pricing lab request), got []"});
    CHECK(errors_of(sensitivity_json(std::string(2 << 20, ' '))) ==
          std::vector<std::string>{": is too large: a request is at most 1 MiB of JSON"});
}

TEST_CASE("sensitivity: rows with their keys in order, default levers, swing 0.1") {
    const LabResult r = sensitivity_json(with_base_case({{"metric", "mrr"}}).dump());
    const json out = ok(r);
    CHECK(keys_in_order(r.json) == std::vector<std::string>{"metric", "rows", "notes", "note_codes"});
    CHECK(out["metric"] == "mrr");
    CHECK(out["rows"].size() == 15);
    CHECK(keys_in_order(nlohmann::ordered_json::parse(r.json)["rows"][0].dump()) ==
          std::vector<std::string>{"lever", "low_input", "high_input", "low", "high", "base"});
    CHECK(out["rows"][0]["lever"] == "customers.starting");
    CHECK(out["rows"][0]["low_input"] == 180.0);
    CHECK(out["notes"] == json::array());

    const json two = ok(sensitivity_json(with_base_case({{"metric", "cac"}, {"levers", {"customers.new_per_month", "price_factor"}}, {"swing", 1}}).dump()));
    CHECK(two["rows"].size() == 2);
    CHECK(two["rows"][1]["lever"] == "customers.new_per_month"); // undefined at 0: last
    CHECK(two["rows"][1]["low"].is_null());
    CHECK(two["notes"] == json{"CAC is undefined with the new customers per month at 0."});
}

TEST_CASE("sensitivity request errors") {
    CHECK(errors_of(sensitivity_json(with_base_case({{"metric", "mrr"}, {"levers", {"price_factor", "x", "price_factor"}}, {"swing", 0}}).dump())) ==
          std::vector<std::string>{
              "levers[1]: is not a lever: a numeric input's JSON path such as \"plans[0].price\", "
              "\"customers.monthly_churn\" or \"price_factor\" (the options are not levers), got \"x\"",
              "levers[2]: is listed twice: \"price_factor\"",
              "swing: must be above 0: a swing of 0 moves nothing"});
    CHECK(fields_of(sensitivity_json(with_base_case({{"levers", json::array()}, {"swing", 1.5}}).dump())) ==
          std::vector<std::string>{"metric", "levers", "swing"});
}

TEST_CASE("grid: x, y and values[y][x], null where undefined, with a note") {
    const LabResult r = grid_json(with_base_case({{"metric", "cac"},
                                           {"x", {{"lever", "customers.new_per_month"}, {"from", 0}, {"to", 50}, {"steps", 3}}},
                                           {"y", {{"lever", "costs.sales_marketing_per_month"}, {"from", 0}, {"to", 10000}, {"steps", 2}}}})
                                      .dump());
    CHECK(r.json == R"({"metric":"cac","x":[0.0,25.0,50.0],"y":[0.0,10000.0],"values":[[null,0.0,0.0],[null,400.0,200.0]],)"
                    R"("notes":["CAC is undefined (null) in 2 of 6 cells."],)"
                    R"("note_codes":[{"code":"undefined_cells","params":{"metric":"cac","count":2,"cells":6}}]})");
}

TEST_CASE("grid request errors: axes by path") {
    CHECK(errors_of(grid_json(with_base_case({{"metric", "mrr"},
                                       {"x", {{"lever", "customers.monthly_churn"}, {"from", -1}, {"to", 2}, {"steps", 102}}},
                                       {"y", {{"lever", "customers.monthly_churn"}, {"from", 0}, {"to", 1}, {"steps", 2.5}, {"step", 1}}}})
                                  .dump())) ==
          std::vector<std::string>{"x.from: must be a number from 0 to 1 (0 % to 100 %), got -1",
                                   "x.to: must be a number from 0 to 1 (0 % to 100 %), got 2",
                                   "x.steps: must be a whole number from 2 to 101, got 102",
                                   "y.step: unknown key (allowed here: lever, from, to, steps)",
                                   "y.steps: must be a whole number from 2 to 101, got 2.5"});
    CHECK(fields_of(grid_json(with_base_case({{"metric", "mrr"},
                                       {"x", {{"lever", "price_factor"}, {"from", 0}, {"to", 2}, {"steps", 2}}},
                                       {"y", {{"lever", "price_factor"}, {"from", 0}, {"to", 2}, {"steps", 2}}}})
                                  .dump())) == std::vector<std::string>{"y.lever"});
    CHECK(fields_of(grid_json(with_base_case({{"metric", "mrr"},
                                       {"x", {{"lever", "price_factor"}, {"from", 0}, {"to", 2}, {"steps", 2}}},
                                       {"y", {{"lever", "plans[0].price"}, {"from", 0}, {"to", 2}, {"steps", 2}}}})
                                  .dump())) == std::vector<std::string>{"y.lever"});
    CHECK(fields_of(grid_json(with_base_case({{"metric", "mrr"}}).dump())) == std::vector<std::string>{"x", "y"});
}

TEST_CASE("price change: the keys in order; all factors 1 gives changed = baseline") {
    const LabResult r = price_change_json(with_base_case({{"change", json::object()}}).dump());
    const json out = ok(r);
    CHECK(keys_in_order(r.json) ==
          std::vector<std::string>{"baseline", "changed", "mrr_delta", "cumulative_profit_delta", "payback_month",
                                   "new_customer_metrics", "break_even_new_customers_factor",
                                   "break_even_migration_churn", "notes", "note_codes"});
    CHECK(out["changed"] == out["baseline"]);
    CHECK(out["baseline"].size() == 36);
    CHECK(keys_of(out["baseline"][0]).size() == 14);
    CHECK(out["payback_month"] == 1);
    CHECK(out["break_even_migration_churn"].is_null()); // grandfathered: nobody migrates
}

TEST_CASE("price change request errors, and elasticity with new_customers_factor") {
    CHECK(errors_of(price_change_json(with_base_case({{"change", {{"price_factor", 101}, {"new_customers_factor", 2}, {"signup_elasticity", -1},
                                                           {"churn_factor", -1}, {"existing", "kept"}, {"migration_month", 37},
                                                           {"migration_churn", 2}, {"when", 1}}}})
                                          .dump())) ==
          std::vector<std::string>{
              "change.when: unknown key (allowed here: price_factor, new_customers_factor, signup_elasticity, "
              "churn_factor, existing, migration_month, migration_churn)",
              "change.price_factor: must be a number from 0 to 100, got 101",
              "change.signup_elasticity: cannot be combined with change.new_customers_factor: give one or the other",
              "change.churn_factor: must be a number from 0 to 100, got -1",
              "change.existing: must be \"grandfathered\" or \"migrated\", got \"kept\"",
              "change.migration_month: must be a whole number from 1 to 36, got 37",
              "change.migration_churn: must be a number from 0 to 1 (0 % to 100 %), got 2"});
    CHECK(fields_of(price_change_json(with_base_case({}).dump())) == std::vector<std::string>{"change"});
}

TEST_CASE("price change: signup elasticity -1 at +10 % is 1/1.1 of the signups") {
    const json out = ok(price_change_json(with_base_case({{"change", {{"price_factor", 1.1}, {"signup_elasticity", -1}}}}).dump()));
    // New MRR: 25 / 1.1 customers at 39.5 x 1.1: the same 987.5 as today.
    CHECK(out["changed"][0]["new_mrr"].get<double>() == doctest::Approx(987.5));
    CHECK(out["new_customer_metrics"]["arpa"].get<double>() == doctest::Approx(43.45));
}

TEST_CASE("levers: every lever with today's value and range; errors for a bad scenario") {
    const json out = ok(levers_json(saas_test::base_case_json().dump()));
    REQUIRE(out.size() == 17);
    CHECK(out[0] == json{{"lever", "plans[0].price"}, {"value", 29.0}, {"min", 0.0}, {"max", 1e12}});
    CHECK(out[10] == json{{"lever", "customers.monthly_churn"}, {"value", 0.03}, {"min", 0.0}, {"max", 1.0}});
    CHECK(out[16] == json{{"lever", "price_factor"}, {"value", 1.0}, {"min", 0.0}, {"max", 100.0}});
    CHECK(fields_of(levers_json("{}")) == std::vector<std::string>{"plans", "customers.starting"});
}
