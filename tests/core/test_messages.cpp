// Message codes (README, "Messages"): every error and note in the JSON outputs carries a
// code from message_codes with exactly its listed parameters, and every listed code is
// produced by some input below, so a page that has a text for each listed code can say
// everything the core says.
#include "calc.hpp"
#include "import_helpers.hpp"
#include "json_writer.hpp"
#include "lab_json.hpp"
#include "messages.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace saas;
using ordered = nlohmann::ordered_json;

namespace {

std::vector<std::string> listed_params(std::string_view code) {
    for (const MessageCode& c : message_codes)
        if (c.code == code) {
            std::vector<std::string> names;
            for (std::size_t begin = 0; begin < c.params.size();) {
                const std::size_t end = std::min(c.params.find(' ', begin), c.params.size());
                names.emplace_back(c.params.substr(begin, end - begin));
                begin = end + 1;
            }
            return names;
        }
    return {};
}

bool is_listed(const std::string& code) {
    return std::any_of(std::begin(message_codes), std::end(message_codes),
                       [&](const MessageCode& c) { return c.code == code; });
}

// A wrapper's last listed parameter names the message it wraps, whose parameters follow.
const std::set<std::string> wrappers{"new_customer_metrics", "header_unreadable"};

// One message as JSON: `beside` (field or line, and message), then "code" and "params".
void check_message(const ordered& m, const std::string& where, std::set<std::string>& seen,
                   std::initializer_list<const char*> beside = {}) {
    INFO(where, ": ", m.dump());
    std::vector<std::string> keys;
    for (const auto& [key, value] : m.items()) keys.push_back(key);
    std::vector<std::string> expected_keys(beside.begin(), beside.end());
    expected_keys.insert(expected_keys.end(), {"code", "params"});
    REQUIRE(keys == expected_keys);
    const std::string code = m["code"];
    REQUIRE(is_listed(code));
    std::vector<std::string> expected = listed_params(code);
    if (wrappers.count(code)) {
        const std::string wrapped = m["params"][expected.back()];
        REQUIRE(is_listed(wrapped));
        for (const std::string& name : listed_params(wrapped)) expected.push_back(name);
    }
    std::vector<std::string> params;
    for (const auto& [name, value] : m["params"].items()) params.push_back(name);
    CHECK(params == expected);
    seen.insert(code);
}

// Every message of one JSON output.
void check_output(const std::string& text, const std::string& where, std::set<std::string>& seen) {
    const ordered out = ordered::parse(text);
    const ordered& list = out.is_array() ? out : out.contains("errors") ? out["errors"] : ordered();
    for (const ordered& e : list) check_message(e, where, seen, {e.contains("line") ? "line" : "field", "message"});
    if (out.is_object() && out.contains("note_codes")) {
        CHECK_MESSAGE(out["note_codes"].size() == out["notes"].size(), where);
        for (const ordered& n : out["note_codes"]) check_message(n, where, seen);
    }
    if (out.is_object() && out.contains("note_code")) check_message(out["note_code"], where, seen);
}

using Tool = std::function<std::string(std::string_view)>;

std::string calc_text(std::string_view s) { return calc(s).json; }
template <LabResult (*tool)(std::string_view)> std::string lab_text(std::string_view s) { return tool(s).json; }

const std::string base =
    R"({"plans": [{"price": 49}], "customers": {"starting": 100, "new_per_month": 10,
    "monthly_churn": 0.03}, "costs": {"sales_marketing_per_month": 5000}})";
const std::string tiered =
    R"({"plans": [{"tiers": [{"up_to": 10, "unit_price": 1}, {"up_to": null, "unit_price": 2}]}],
    "customers": {"starting": 1}})";

std::string with_scenario(const std::string& scenario, const std::string& rest) {
    return R"({"scenario": )" + scenario + (rest.empty() ? "" : ", " + rest) + "}";
}
std::string request(const std::string& rest) { return with_scenario(base, rest); }

// A scenario with `customers`, one plan `plan` and `extra` keys.
std::string scenario(const std::string& plan, const std::string& customers, const std::string& extra = "") {
    return R"({"plans": [)" + plan + R"(], "customers": )" + customers + extra + "}";
}

struct Case {
    const char* name;
    Tool tool;
    std::string input;
};

std::vector<Case> cases() {
    const std::string huge(2 << 20, ' ');
    return {
        // Scenario errors.
        {"invalid_json", calc_text, R"({"a": )"},
        {"scenario_too_large", calc_text, huge},
        {"scenario_not_object", calc_text, "[]"},
        {"not_object, unknown_key", calc_text, R"({"plans": [{}], "customers": 1, "x": 1})"},
        {"required_plans, required_range", calc_text, "{}"},
        {"range, whole_range", calc_text,
         scenario(R"({"price": -1})", R"({"starting": 1})", R"(, "options": {"horizon_months": 12.5})")},
        {"not_text", calc_text, scenario("{}", R"({"starting": 1})", R"(, "name": 5)")},
        {"text_too_long", calc_text,
         scenario("{}", R"({"starting": 1})", R"(, "name": ")" + std::string(201, 'x') + "\"")},
        {"one_of", calc_text, scenario(R"({"billing": "weekly"})", R"({"starting": 1})")},
        {"unsupported_schema, currency_code", calc_text,
         scenario("{}", R"({"starting": 1})", R"(, "schema": 2, "currency": "usd")")},
        {"plans_list", calc_text, R"({"plans": 5, "customers": {"starting": 1}})"},
        {"plans_count", calc_text, R"({"plans": [], "customers": {"starting": 1}})"},
        {"shares_all_zero", calc_text, scenario(R"({"share": 0})", R"({"starting": 1})")},
        {"tiers_list", calc_text, scenario(R"({"tiers": []})", R"({"starting": 1})")},
        {"required_up_to", calc_text,
         scenario(R"({"tiers": [{"unit_price": 1}, {"up_to": null}]})", R"({"starting": 1})")},
        {"required_last_up_to", calc_text,
         scenario(R"({"tiers": [{"up_to": 10}, {"unit_price": 1}]})", R"({"starting": 1})")},
        {"open_tier_not_last", calc_text,
         scenario(R"({"tiers": [{"up_to": null}, {"up_to": null}]})", R"({"starting": 1})")},
        {"last_tier_bounded", calc_text, scenario(R"({"tiers": [{"up_to": 10}]})", R"({"starting": 1})")},
        {"up_to_not_above_zero", calc_text,
         scenario(R"({"tiers": [{"up_to": 0}, {"up_to": null}]})", R"({"starting": 1})")},
        {"up_to_not_increasing", calc_text,
         scenario(R"({"tiers": [{"up_to": 10}, {"up_to": 5}, {"up_to": null}]})", R"({"starting": 1})")},
        {"unit_price_with_tiers", calc_text,
         scenario(R"({"unit_price": 1, "tiers": [{"up_to": null}]})", R"({"starting": 1})")},

        // Pricing lab request errors.
        {"request_too_large", lab_text<solve_json>, huge},
        {"request_not_object", lab_text<grid_json>, "[]"},
        {"required_scenario, required_lever, required_target", lab_text<solve_json>, "{}"},
        {"required_axis, required_metric", lab_text<grid_json>, request("")},
        {"required_change", lab_text<price_change_json>, request("")},
        {"lever_not_text, required_number", lab_text<solve_json>, request(R"("vary": 3, "target": {"metric": "mrr"})")},
        {"unknown_lever, not_number, unknown_metric", lab_text<solve_json>,
         request(R"("vary": "x", "target": {"metric": "foo", "value": "1"})")},
        {"no_such_plan", lab_text<solve_json>,
         request(R"("vary": "plans[2].price", "target": {"metric": "mrr", "value": 1})")},
        {"lever_without_tiers", lab_text<solve_json>,
         request(R"("vary": "plans[0].tiers[0].flat", "target": {"metric": "mrr", "value": 1})")},
        {"no_such_tier", lab_text<solve_json>,
         with_scenario(tiered, R"("vary": "plans[0].tiers[5].flat", "target": {"metric": "mrr", "value": 1})")},
        {"lever_unit_price_with_tiers", lab_text<solve_json>,
         with_scenario(tiered, R"("vary": "plans[0].unit_price", "target": {"metric": "mrr", "value": 1})")},
        {"levers_list", lab_text<sensitivity_json>, request(R"("metric": "mrr", "levers": [])")},
        {"lever_listed_twice, swing_zero", lab_text<sensitivity_json>,
         request(R"("metric": "mrr", "levers": ["price_factor", "price_factor"], "swing": 0)")},
        {"required_whole_range", lab_text<grid_json>,
         request(R"("metric": "mrr", "x": {"lever": "price_factor", "from": 0, "to": 2},
                    "y": {"lever": "customers.starting", "from": 0, "to": 2, "steps": 2})")},
        {"same_levers", lab_text<grid_json>,
         request(R"("metric": "mrr", "x": {"lever": "price_factor", "from": 0, "to": 2, "steps": 2},
                    "y": {"lever": "price_factor", "from": 0, "to": 2, "steps": 2})")},
        {"price_with_price_factor", lab_text<grid_json>,
         request(R"("metric": "mrr", "x": {"lever": "price_factor", "from": 0, "to": 2, "steps": 2},
                    "y": {"lever": "plans[0].price", "from": 0, "to": 2, "steps": 2})")},
        {"elasticity_with_factor, one_of", lab_text<price_change_json>,
         request(R"("change": {"new_customers_factor": 1, "signup_elasticity": -1, "existing": "kept"})")},

        // Notes of the snapshot.
        {"cac_no_new_customers, payback_no_cac, ltv_to_cac_no_cac, burn_multiple_no_growth", calc_text,
         scenario(R"({"price": 49})", R"({"starting": 100, "monthly_churn": 0.03})")},
        {"cac_too_large, burn_multiple_too_large, profit_margin_no_mrr, growth_no_mrr, "
         "rule_of_40_undefined",
         calc_text,
         scenario(R"({"price": 1})", R"({"starting": 0, "new_per_month": 1e-300})",
                  R"(, "costs": {"sales_marketing_per_month": 1e12})")},
        {"payback_no_margin, quick_ratio_no_loss", calc_text,
         scenario(R"({"price": 49})", R"({"starting": 100, "new_per_month": 10})",
                  R"(, "costs": {"sales_marketing_per_month": 1000, "gross_margin": 0})")},
        {"payback_too_long", calc_text,
         scenario(R"({"price": 1e-300})", R"({"starting": 100, "new_per_month": 1})",
                  R"(, "costs": {"sales_marketing_per_month": 1e12})")},
        {"ltv_to_cac_zero_cac", calc_text, scenario(R"({"price": 49})", R"({"starting": 100, "new_per_month": 10})")},
        {"ltv_to_cac_too_large", calc_text,
         scenario(R"({"price": 49})", R"({"starting": 100, "new_per_month": 1e12})",
                  R"(, "costs": {"sales_marketing_per_month": 1e-300})")},
        {"quick_ratio_too_large", calc_text,
         scenario(R"({"price": 49})", R"({"starting": 100, "new_per_month": 10, "monthly_churn": 1e-320})")},
        {"profit_margin_too_large, growth_too_large", calc_text,
         scenario(R"({"price": 1e-10})", R"({"starting": 1e-310, "new_per_month": 1000})",
                  R"(, "costs": {"fixed_per_month": 1000})")},
        {"growth_short_horizon", calc_text,
         scenario(R"({"price": 49})", R"({"starting": 100})", R"(, "options": {"horizon_months": 6})")},
        {"ltv_to_cac_high", calc_text,
         scenario(R"({"price": 100})", R"({"starting": 100, "new_per_month": 10})",
                  R"(, "costs": {"sales_marketing_per_month": 100})")},

        // Notes of the pricing lab.
        {"goal_reached", lab_text<solve_json>,
         request(R"("vary": "customers.monthly_churn", "target": {"metric": "ltv_to_cac", "value": 3})")},
        {"goal_unreachable", lab_text<solve_json>,
         request(R"("vary": "customers.monthly_churn", "target": {"metric": "ltv_to_cac", "value": 300})")},
        {"goal_jumps", lab_text<solve_json>,
         with_scenario(
             R"({"plans": [{"units": 10.5, "tier_mode": "volume", "tiers": [{"up_to": 10, "unit_price": 10},
                          {"up_to": null, "unit_price": 20}]}], "customers": {"starting": 1}})",
             R"("vary": "plans[0].units", "target": {"metric": "arpa", "value": 150})")},
        {"goal_undefined", lab_text<solve_json>,
         with_scenario(scenario(R"({"price": 49})", R"({"starting": 100})"),
                       R"("vary": "plans[0].price", "target": {"metric": "cac", "value": 100})")},
        {"break_even_reached", lab_text<solve_json>,
         with_scenario(scenario(R"({"price": 100})", R"({"starting": 100, "new_per_month": 10})",
                                R"(, "costs": {"sales_marketing_per_month": 10000, "fixed_per_month": 5000})"),
                       R"("vary": "plans[0].price", "target": {"metric": "break_even_month", "value": 3})")},
        {"break_even_unreachable", lab_text<solve_json>,
         with_scenario(scenario(R"({"price": 100})", R"({"starting": 100, "new_per_month": 10})",
                                R"(, "costs": {"fixed_per_month": 15000})"),
                       R"("vary": "customers.monthly_churn", "target": {"metric": "break_even_month", "value": 3})")},
        {"never_breaks_even", lab_text<solve_json>,
         with_scenario(
             scenario(R"({"price": 100})", R"({"starting": 100})", R"(, "costs": {"fixed_per_month": 20000})"),
             R"("vary": "customers.monthly_churn", "target": {"metric": "break_even_month", "value": 12})")},
        {"undefined_at", lab_text<sensitivity_json>,
         request(R"("metric": "cac", "levers": ["customers.new_per_month"], "swing": 1)")},
        {"undefined_today", lab_text<sensitivity_json>,
         with_scenario(scenario(R"({"price": 49})", R"({"starting": 100})"),
                       R"("metric": "cac", "levers": ["price_factor"])")},
        {"undefined_cells", lab_text<grid_json>,
         request(
             R"("metric": "cac", "x": {"lever": "customers.new_per_month", "from": 0, "to": 50, "steps": 3},
                    "y": {"lever": "price_factor", "from": 0, "to": 2, "steps": 2})")},
        {"no_payback, no_break_even_signups, no_break_even_migration, new_customer_metrics",
         lab_text<price_change_json>, request(R"("change": {"price_factor": 0, "existing": "migrated"})")},
    };
}

std::string import_result(std::string_view csv, std::string_view currency = "USD", std::string_view as_of = "") {
    return saas_test::import_text(csv, currency, as_of).json;
}

const char* const segments_header = "customer_id,start,end,mrr,currency\n";
const char* const stripe_header = "Customer ID,Amount,Quantity,Interval,Interval "
                                  "Count,Status,Start (UTC),Canceled At (UTC),Ended At (UTC)\n";

std::vector<std::pair<const char*, std::string>> imports() {
    std::string currencies = segments_header;
    for (char c = 'A'; c <= 'U'; ++c) currencies += std::string("x,2024-01-01,,10,AA") + c + "\n";
    return {
        {"header_unreadable", import_result("\"a\"b,c\n1,2\n")},
        {"not_text_file", import_result(std::string("a\0b,c\n1,2\n", 10))},
        {"unknown_header", import_result("x,y\n1,2\n")},
        {"empty_file", import_result("")},
        {"no_rows", import_result(segments_header)},
        {"no_usable_row, missing_value", import_result(std::string(segments_header) + ",2024-01-01,,10,usd\n")},
        {"currency_option", import_result(segments_header, "us")},
        {"as_of_option", import_result(segments_header, "USD", "2024-13-01")},
        {"bad rows of segments",
         import_result(std::string(segments_header) +
                       "a,2024-01-01,,10,usd\n"
                       "b,2024-13-01,,10,usd\n"           // bad_date
                       "c,2024-01-01,,ten,usd\n"          // bad_number
                       "d,2024-01-01,,-5,usd\n"           // negative_amount
                       "e,2024-01-01,,2e12,usd\n"         // amount_too_large
                       "f,2024-01-01,,10,us\n"            // bad_currency
                       "g,2024-03-01,2024-01-01,10,usd\n" // end_before_start
                       "h,2024-01-01,,1\"0,usd\n"         // stray_quote
                       "\"i\"j,2024-01-01,,10,usd\n"      // text_after_quote
                       + std::string(max_row_bytes + 1, 'x') +
                       "\n"                          // row_too_long
                       "\"k,2024-01-01,,10,usd\n")}, // unclosed_quote
        {"bad rows of a Stripe export",
         import_result(std::string(stripe_header) +
                       "c1,10,1,month,,active,2024-01-01 00:00,,\n"
                       "c2,10,1,month,,frozen,2024-01-01 00:00,,\n"         // unknown_status
                       "c3,10,1,fortnight,,active,2024-01-01 00:00,,\n"     // bad_interval
                       "c4,10,1.5,month,,active,2024-01-01 00:00,,\n"       // bad_quantity
                       "c5,10,1,month,0,active,2024-01-01 00:00,,\n"        // bad_interval_count
                       "c6,10,1,month,,canceled,2024-01-01 00:00,,\n"       // canceled_without_end
                       "c7,1e12,1000,month,,active,2024-01-01 00:00,,\n")}, // monthly_amount_too_large
        {"too_many_currencies", import_result(currencies)},
    };
}

} // namespace

TEST_CASE("the list: unique codes, each parameter named once") {
    std::set<std::string_view> codes;
    for (const MessageCode& c : message_codes) {
        CHECK_MESSAGE(codes.insert(c.code).second, c.code);
        const std::vector<std::string> params = listed_params(c.code);
        CHECK_MESSAGE(std::set<std::string>(params.begin(), params.end()).size() == params.size(), c.code);
    }
}

TEST_CASE("message_codes_json lists every code with its parameters, in order") {
    const ordered all = ordered::parse(message_codes_json());
    REQUIRE(all.size() == std::size(message_codes));
    std::size_t i = 0;
    for (const auto& [code, params] : all.items()) {
        CHECK(code == message_codes[i].code);
        CHECK(params.get<std::vector<std::string>>() == listed_params(code));
        ++i;
    }
}

TEST_CASE("every error and note carries a listed code with its parameters, and every code is produced") {
    std::set<std::string> seen;
    for (const Case& c : cases()) check_output(c.tool(c.input), c.name, seen);
    for (const auto& [name, json] : imports()) check_output(json, name, seen);
    // The levers of a scenario report the scenario's errors; validate lists them bare.
    check_output(levers_json("{}").json, "levers_json", seen);
    check_output(validate("{}"), "validate", seen);
    for (const MessageCode& c : message_codes) CHECK_MESSAGE(seen.count(std::string(c.code)), c.code);
}

TEST_CASE("a note's English text says its parameters") {
    const ordered out = ordered::parse(
        solve_json(request(R"("vary": "customers.monthly_churn", "target": {"metric": "ltv_to_cac", "value": 300})"))
            .json);
    CHECK(out["note_code"]["code"] == "goal_unreachable");
    const ordered& note = out["note_code"]["params"];
    CHECK(note["metric"] == "ltv_to_cac");
    CHECK(note["target"] == 300);
    CHECK(note["lever"] == "customers.monthly_churn");
    CHECK(note["min"] == 0);
    CHECK(note["max"] == 1);
    CHECK(note["partly_undefined"] == false);
    CHECK(out["note"] == "LTV/CAC stays between " + short_number(note["low"]) + " and " + short_number(note["high"]) +
                             " whatever the monthly churn (from 0 to 1).");
}

TEST_CASE("a wrapped message: the wrapper's parameters, then the wrapped one's") {
    const Message m = msg::new_customer_metrics(msg::ltv_to_cac_high());
    CHECK(m.text == "New customer metrics: LTV/CAC is above 5: growth may be under-funded; more sales & marketing "
                    "spend could pay off.");
    JsonWriter w;
    write_message(w, m);
    CHECK(w.text == R"({"code":"new_customer_metrics","params":{"note":"ltv_to_cac_high",)"
                                    R"("metric":"ltv_to_cac","above":5.0}})");
}
