// One function per message code (message_codes.hpp): each takes the parameters and makes
// the code, the named parameters and the English text together, so what the CLI prints
// and what a page translates say the same thing.
#pragma once

#include "csv_reader.hpp"
#include "field_error.hpp"
#include "lab_metric.hpp"
#include "levers.hpp"
#include "message_codes.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace saas {

// A number for a message: 4 significant digits, no exponent below 1e15 ("0.02372", "15000").
std::string short_number(double x);

// What the user gave, for a `got` parameter: JSON text cut at 40 bytes (on a UTF-8
// boundary); a whole number reads as people write it (10000000000000, not ...0.0).
std::string shown(const nlohmann::json& value);

class JsonWriter;

// {"code": ..., "params": {<name>: <value>, ...}}, parameters in their listed order.
void write_message(JsonWriter& w, const Message& m);

// An error as the outputs give it: {"field": path} (or, for a row of an import,
// {"line": n}), then "message" (English), "code" and "params".
void write_error(JsonWriter& w, const FieldError& e);
void write_error(JsonWriter& w, std::uint64_t line, const Message& m);

// {"<code>": ["<parameter>", ...], ...}: every code, in the order of message_codes.
std::string message_codes_json();

namespace msg {

// ---- scenarios and pricing lab requests ------------------------------------------------
Message invalid_json(std::string detail, std::size_t byte);
Message scenario_too_large(std::size_t max_bytes);
Message request_too_large(std::size_t max_bytes);
Message scenario_not_object(std::string got);
Message request_not_object(std::string got);
Message not_object(std::string got);
Message unknown_key(std::string key, std::vector<std::string> allowed);
Message required_number();
Message required_range(double min, double max);
Message required_whole_range(double min, double max);
Message not_number(std::string got);
Message range(double min, double max, std::string got);
Message whole_range(double min, double max, std::string got);
Message not_text(std::size_t max, std::string got);
Message text_too_long(std::size_t max, std::size_t length);
Message one_of(std::vector<std::string> allowed, std::string got);
Message unsupported_schema(std::string got);
Message currency_code(std::string got);
Message required_plans(std::size_t max);
Message plans_list(std::size_t max, std::string got);
Message plans_count(std::size_t max, std::size_t count);
Message shares_all_zero();
Message tiers_list(std::size_t max, std::string got);
Message required_up_to();
Message required_last_up_to();
Message open_tier_not_last();
Message last_tier_bounded();
Message up_to_not_above_zero(std::string got);
Message up_to_not_increasing(std::string previous, std::string got);
Message unit_price_with_tiers();
Message required_scenario();
Message required_target();
Message required_axis();
Message required_change();
Message required_lever();
Message lever_not_text(std::string got);
Message unknown_lever(std::string got);
Message no_such_plan(int plan, std::size_t last, std::string got);
Message no_such_tier(int tier, std::size_t last, std::string got);
Message lever_unit_price_with_tiers(std::string got);
Message lever_without_tiers(std::string got);
Message required_metric();
Message unknown_metric(std::string got);
Message levers_list(std::string got);
Message lever_listed_twice(std::string got);
Message swing_zero();
Message same_levers();
Message price_with_price_factor();
Message elasticity_with_factor();

// ---- notes of the snapshot ----------------------------------------------------------
Message cac_no_new_customers();
Message cac_too_large();
Message payback_no_cac();
Message payback_no_margin();
Message payback_too_long();
Message ltv_to_cac_no_cac();
Message ltv_to_cac_zero_cac();
Message ltv_to_cac_too_large();
Message quick_ratio_no_loss();
Message quick_ratio_too_large();
Message profit_margin_no_mrr();
Message profit_margin_too_large();
Message burn_multiple_no_growth();
Message burn_multiple_too_large();
Message growth_short_horizon();
Message growth_no_mrr();
Message growth_too_large();
Message rule_of_40_undefined();
Message ltv_to_cac_high();

// ---- notes of the pricing lab -------------------------------------------------------
Message goal_reached(const TargetMetric& metric, double target, const Lever& lever, double value, double today);
Message break_even_reached(double month, double by_month, const Lever& lever, double value, double today);
Message goal_unreachable(const TargetMetric& metric, double target, const Lever& lever, double low, double high,
                         bool partly_undefined);
Message goal_jumps(const TargetMetric& metric, double target, const Lever& lever, bool partly_undefined);
Message goal_undefined(const TargetMetric& metric, double target, const Lever& lever);
Message break_even_unreachable(double by_month, const Lever& lever, double earliest);
Message never_breaks_even(double by_month, const Lever& lever);
Message undefined_at(const TargetMetric& metric, const Lever& lever, double value);
Message undefined_today(const TargetMetric& metric);
Message undefined_cells(const TargetMetric& metric, std::size_t count, std::size_t cells);
Message no_payback();
Message no_break_even_signups(double max);
Message no_break_even_migration();
Message new_customer_metrics(const Message& note);

// ---- the subscription import --------------------------------------------------------
Message header_unreadable(const Message& reason);
Message not_text_file();
Message unknown_header();
Message empty_file();
Message no_rows();
Message no_usable_row(std::uint64_t rows, std::uint64_t bad, std::uint64_t not_paying);
Message currency_option();
Message as_of_option();
Message csv_error(CsvError error); // row_too_long, stray_quote, text_after_quote, unclosed_quote
Message missing_value(std::string column);
Message bad_date(std::string column, std::string_view value);
Message bad_number(std::string column, std::string_view value);
Message negative_amount(std::string column, std::string_view value);
Message amount_too_large(std::string column, std::string_view value, double max);
Message bad_currency(std::string_view value);
Message unknown_status(std::string_view value);
Message bad_quantity(std::string_view value, std::uint64_t max);
Message bad_interval(std::string_view value);
Message bad_interval_count(std::string_view value, std::uint64_t min, std::uint64_t max);
Message monthly_amount_too_large(double max);
Message canceled_without_end();
Message end_before_start(std::string start, std::string end);
Message too_many_currencies(std::size_t max);

} // namespace msg
} // namespace saas
