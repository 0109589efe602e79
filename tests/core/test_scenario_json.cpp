#include "scenario_json.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace saas;

namespace {

FieldErrors parse_errors(std::string_view text) {
    ScenarioOrErrors parsed = parse_scenario(text);
    const auto* errors = std::get_if<FieldErrors>(&parsed);
    return errors ? *errors : FieldErrors{};
}

// The single error of `text`, as "field: message".
std::string only_error(std::string_view text) {
    const FieldErrors errors = parse_errors(text);
    REQUIRE(errors.size() == 1);
    return errors[0].field + ": " + errors[0].message.text;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A valid scenario with `extra` spliced into its top-level object.
std::string valid_with(const std::string& plans, const std::string& extra = "") {
    return R"({"plans": )" + plans + R"(, "customers": {"starting": 10})" + extra + "}";
}

} // namespace

TEST_CASE("the contract's example scenario reads field by field") {
    const ScenarioOrErrors parsed = parse_scenario(R"({
      "schema": 1, "name": "Base case", "currency": "EUR",
      "plans": [
        { "name": "Starter", "billing": "monthly", "price": 29, "share": 0.7 },
        { "name": "Team", "billing": "annual", "unit_price": 96, "units": 8, "share": 0.3 },
        { "tiers": [{"up_to": 10, "unit_price": 12, "flat": 5}, {"up_to": null, "unit_price": 9}],
          "tier_mode": "volume", "units": 20 }
      ],
      "customers": { "starting": 200, "new_per_month": 25, "monthly_churn": 0.03 },
      "revenue":   { "monthly_expansion": 0.01, "monthly_contraction": 0.005 },
      "costs":     { "sales_marketing_per_month": 15000, "gross_margin": 0.8, "fixed_per_month": 20000 },
      "options":   { "horizon_months": 48, "lifetime_cap_months": 72 }
    })");
    REQUIRE(std::holds_alternative<Scenario>(parsed));
    const Scenario& s = std::get<Scenario>(parsed);
    CHECK(s.name == "Base case");
    CHECK(s.currency == "EUR");
    REQUIRE(s.plans.size() == 3);
    CHECK(s.plans[0].name == "Starter");
    CHECK(s.plans[0].price == 29);
    CHECK(s.plans[1].billing == Billing::annual);
    CHECK(s.plans[1].unit_price == 96);
    CHECK(s.plans[1].units == 8);
    CHECK(s.plans[2].name == "Plan 3");
    CHECK(s.plans[2].tier_mode == TierMode::volume);
    REQUIRE(s.plans[2].tiers.size() == 2);
    CHECK(s.plans[2].tiers[0].up_to == 10.0);
    CHECK(s.plans[2].tiers[0].flat == 5);
    CHECK_FALSE(s.plans[2].tiers[1].up_to);
    CHECK(s.plans[2].tiers[1].unit_price == 9);
    CHECK(s.customers.starting == 200);
    CHECK(s.customers.new_per_month == 25);
    CHECK(s.customers.monthly_churn == 0.03);
    CHECK(s.revenue.monthly_expansion == 0.01);
    CHECK(s.revenue.monthly_contraction == 0.005);
    CHECK(s.costs.sales_marketing_per_month == 15000);
    CHECK(s.costs.gross_margin == 0.8);
    CHECK(s.costs.fixed_per_month == 20000);
    CHECK(s.options.horizon_months == 48);
    CHECK(s.options.lifetime_cap_months == 72);
}

TEST_CASE("missing optional fields take the contract's defaults") {
    const ScenarioOrErrors parsed = parse_scenario(valid_with("[{}]"));
    REQUIRE(std::holds_alternative<Scenario>(parsed));
    const Scenario& s = std::get<Scenario>(parsed);
    CHECK(s.name.empty());
    CHECK(s.currency == "USD");
    CHECK(s.plans[0].name == "Plan 1");
    CHECK(s.plans[0].billing == Billing::monthly);
    CHECK(s.plans[0].price == 0);
    CHECK(s.plans[0].units == 1);
    CHECK(s.plans[0].share == 1);
    CHECK(s.plans[0].tier_mode == TierMode::graduated);
    CHECK(s.customers.new_per_month == 0);
    CHECK(s.costs.gross_margin == 1);
    CHECK(s.options.horizon_months == 36);
    CHECK(s.options.lifetime_cap_months == 60);
}

TEST_CASE("text that is not JSON is one error on the document, with the parser's reason") {
    CHECK(contains(only_error("{\"plans\": [1,"), ": is not valid JSON: parse error at line 1"));
    CHECK(contains(only_error(""), "is not valid JSON"));
    CHECK(only_error(R"({"plans": [{"price": 1e309}]})") ==
          ": is not valid JSON: number overflow parsing '1e309'");
}

TEST_CASE("the document must be an object") {
    CHECK(only_error("[1, 2]") == ": must be a JSON object (a scenario), got [1,2]");
    CHECK(only_error("null") == ": must be a JSON object (a scenario), got null");
}

TEST_CASE("schema must be 1") {
    CHECK(only_error(valid_with("[{}]", R"(, "schema": 2)")) == "schema: must be 1 (the only version), got 2");
    CHECK(parse_errors(valid_with("[{}]", R"(, "schema": 1)")).empty());
}

TEST_CASE("unknown keys are errors named by their path") {
    CHECK(contains(only_error(valid_with("[{}]", R"(, "plan": [])")), "plan: unknown key (allowed here: schema"));
    CHECK(contains(only_error(valid_with(R"([{"prise": 29}])")), "plans[0].prise: unknown key"));
    CHECK(contains(only_error(valid_with("[{}]", R"(, "costs": {"margin": 0.8})")), "costs.margin: unknown key"));
    CHECK(contains(only_error(valid_with(R"([{"tiers": [{"up_to": null, "price": 1}]}])")),
                   "plans[0].tiers[0].price: unknown key (allowed here: up_to, unit_price, flat)"));
}

TEST_CASE("a string where a number belongs names the field and what is allowed") {
    CHECK(only_error(R"({"plans": [{}], "customers": {"starting": "200"}})") ==
          R"(customers.starting: must be a number from 0 to 1 trillion, got "200")");
    CHECK(only_error(valid_with(R"([{"price": null}])")) ==
          "plans[0].price: must be a number from 0 to 1 trillion, got null");
    CHECK(only_error(valid_with(R"([{"share": true}])")) ==
          "plans[0].share: must be a number from 0 to 1 trillion, got true");
}

TEST_CASE("required fields: plans and customers.starting") {
    CHECK(only_error(R"({"plans": [{}]})") == "customers.starting: is required: a number from 0 to 1 trillion");
    CHECK(only_error(R"({"plans": [{}], "customers": {}})") ==
          "customers.starting: is required: a number from 0 to 1 trillion");
    CHECK(only_error(R"({"customers": {"starting": 1}})") == "plans: is required: a list of 1 to 50 plans");
}

TEST_CASE("1 to 50 plans") {
    CHECK(only_error(valid_with("[]")) == "plans: must be a list of 1 to 50 plans, got 0 plans");
    CHECK(only_error(valid_with("{}")) == "plans: must be a list of 1 to 50 plans, got {}");
    std::string fifty = "[{}";
    for (int i = 1; i < 50; ++i) fifty += ",{}";
    CHECK(parse_errors(valid_with(fifty + "]")).empty());
    CHECK(only_error(valid_with(fifty + ",{}]")) == "plans: must be a list of 1 to 50 plans, got 51 plans");
}

TEST_CASE("values out of range say what is allowed") {
    CHECK(only_error(valid_with("[{}]", R"(, "customers": {"starting": 1, "monthly_churn": 1.5})")) ==
          "customers.monthly_churn: must be a number from 0 to 1 (0 % to 100 %), got 1.5");
    CHECK(only_error(valid_with("[{}]", R"(, "customers": {"starting": 1, "monthly_churn": -0.5})")) ==
          "customers.monthly_churn: must be a number from 0 to 1 (0 % to 100 %), got -0.5");
    CHECK(only_error(valid_with(R"([{"price": -1}])")) == "plans[0].price: must be a number from 0 to 1 trillion, got -1");
    CHECK(only_error(valid_with(R"([{"units": 1e13}])")) ==
          "plans[0].units: must be a number from 0 to 1 trillion, got 10000000000000");
    CHECK(only_error(valid_with("[{}]", R"(, "costs": {"gross_margin": 1.01})")) ==
          "costs.gross_margin: must be a number from 0 to 1 (0 % to 100 %), got 1.01");
    CHECK(only_error(valid_with("[{}]", R"(, "revenue": {"monthly_expansion": 2})")) ==
          "revenue.monthly_expansion: must be a number from 0 to 1 (0 % to 100 %), got 2");
}

TEST_CASE("horizon and lifetime cap are whole months in range") {
    CHECK(only_error(valid_with("[{}]", R"(, "options": {"horizon_months": 0})")) ==
          "options.horizon_months: must be a whole number from 1 to 120, got 0");
    CHECK(only_error(valid_with("[{}]", R"(, "options": {"horizon_months": 121})")) ==
          "options.horizon_months: must be a whole number from 1 to 120, got 121");
    CHECK(only_error(valid_with("[{}]", R"(, "options": {"horizon_months": 12.5})")) ==
          "options.horizon_months: must be a whole number from 1 to 120, got 12.5");
    CHECK(parse_errors(valid_with("[{}]", R"(, "options": {"horizon_months": 120.0})")).empty());
    CHECK(only_error(valid_with("[{}]", R"(, "options": {"lifetime_cap_months": 601})")) ==
          "options.lifetime_cap_months: must be a whole number from 1 to 600, got 601");
}

TEST_CASE("texts and choices") {
    CHECK(only_error(valid_with("[{}]", R"(, "currency": "usd")")) ==
          R"(currency: must be a 3-letter ISO 4217 code in capitals, like "USD", got "usd")");
    CHECK(contains(only_error(valid_with("[{}]", R"(, "currency": "US")")), "3-letter"));
    CHECK(only_error(valid_with("[{}]", ", \"name\": \"" + std::string(201, 'x') + "\"")) ==
          "name: must be a text of at most 200 characters (has 201)");
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "\u00e9"; // 200 characters, 400 bytes
    CHECK(parse_errors(valid_with("[{}]", ", \"name\": \"" + accents + "\"")).empty());
    CHECK(only_error(valid_with("[{\"name\": \"" + std::string(101, 'p') + "\"}]")) ==
          "plans[0].name: must be a text of at most 100 characters (has 101)");
    CHECK(only_error(valid_with(R"([{"billing": "weekly"}])")) ==
          R"(plans[0].billing: must be "monthly" or "annual", got "weekly")");
    CHECK(only_error(valid_with(R"([{"tier_mode": "stairs"}])")) ==
          R"(plans[0].tier_mode: must be "graduated" or "volume", got "stairs")");
}

TEST_CASE("tiers: up_to strictly increasing, only the last open-ended") {
    CHECK(parse_errors(valid_with(R"([{"tiers": [{"up_to": 10}, {"up_to": null}]}])")).empty());
    CHECK(only_error(valid_with(R"([{"tiers": [{"up_to": 10}, {"up_to": 10}, {"up_to": null}]}])")) ==
          "plans[0].tiers[1].up_to: must be more than the previous tier's up_to (10), got 10");
    CHECK(only_error(valid_with(R"([{"tiers": [{"up_to": 0}, {"up_to": null}]}])")) ==
          "plans[0].tiers[0].up_to: must be more than 0, got 0");
    CHECK(only_error(valid_with(R"([{"tiers": [{"up_to": 10}, {"up_to": 20}]}])")) ==
          "plans[0].tiers[1].up_to: must be null: the last tier covers all remaining units");
    CHECK(only_error(valid_with(R"([{"tiers": [{"up_to": null}, {"up_to": null}]}])")) ==
          "plans[0].tiers[0].up_to: only the last tier may be open-ended (null)");
    CHECK(only_error(valid_with(R"([{"tiers": [{"unit_price": 3}]}])")) ==
          "plans[0].tiers[0].up_to: is required: null (the last tier covers all remaining units)");
    CHECK(contains(only_error(valid_with(R"([{"tiers": []}])")), "plans[0].tiers: must be a list of 1 to 50 tiers"));
    CHECK(only_error(valid_with(R"([{"unit_price": 5, "tiers": [{"up_to": null}]}])")) ==
          "plans[0].unit_price: cannot be combined with tiers (tiers replace unit_price)");
}

TEST_CASE("plan shares must not all be 0") {
    CHECK(only_error(valid_with(R"([{"share": 0}, {"share": 0}])")) ==
          "plans: needs at least one plan with a share above 0 (all shares are 0)");
    CHECK(parse_errors(valid_with(R"([{"share": 0}, {"share": 2}])")).empty());
}

TEST_CASE("all errors come back together, in document order") {
    const FieldErrors errors = parse_errors(R"({
      "schema": 3, "currency": "dollars", "colour": "blue",
      "plans": [{"price": -5, "billing": "yearly"}, {"tiers": [{"up_to": 5}]}],
      "customers": {"starting": "many", "monthly_churn": 2},
      "options": {"horizon_months": 500}
    })");
    std::vector<std::string> fields;
    for (const FieldError& e : errors) fields.push_back(e.field);
    CHECK(fields == std::vector<std::string>{"colour", "schema", "currency", "plans[0].billing",
                                             "plans[0].price", "plans[1].tiers[0].up_to",
                                             "customers.starting", "customers.monthly_churn",
                                             "options.horizon_months"});
}

TEST_CASE("a scenario larger than 1 MiB is refused before parsing") {
    const std::string huge = valid_with("[{}]", ", \"name\": \"" + std::string(max_text_bytes, 'x') + "\"");
    CHECK(only_error(huge) == ": is too large: a scenario is at most 1 MiB of JSON");
}
