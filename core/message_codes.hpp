// Every text the core gives a person (a field error, a note, a bad row of an import) is a
// Message: a stable code with named parameters, so the page and the Web Component can
// say it in the visitor's language, plus the English text the CLI prints. messages.cpp
// makes all three from the same values in one function per code, so they cannot drift
// apart. This file is the list of every code and its parameters (README, "Messages").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace saas {

// A parameter's value as it reaches JSON: a flag, a whole number, a number, a text, or a
// list of texts (keys, columns: a page joins them in its own language).
using ParamValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

struct Param {
    std::string_view name; // one of the code's parameter names below
    ParamValue value;
};

struct Message {
    std::string_view code;     // one of message_codes
    std::vector<Param> params; // in the order message_codes lists them
    std::string text;          // English
};

struct MessageCode {
    std::string_view code;
    // Parameter names, space-separated. `got` is what the user gave, as JSON text cut at
    // 40 bytes; `value` a CSV cell as read. A wrapper (new_customer_metrics,
    // header_unreadable) names the message it wraps and carries that message's
    // parameters after its own.
    std::string_view params;
};

inline constexpr MessageCode message_codes[] = {
    // Errors of a scenario or a pricing lab request, on a JSON path (contract sections 1, 9).
    {"invalid_json", "detail byte"},
    {"scenario_too_large", "max_bytes"},
    {"request_too_large", "max_bytes"},
    {"scenario_not_object", "got"},
    {"request_not_object", "got"},
    {"not_object", "got"},
    {"unknown_key", "key allowed"},
    {"required_number", ""},
    {"required_range", "min max"},
    {"required_whole_range", "min max"},
    {"not_number", "got"},
    {"range", "min max got"},
    {"whole_range", "min max got"},
    {"not_text", "max got"},
    {"text_too_long", "max length"},
    {"one_of", "allowed got"},
    {"unsupported_schema", "got"},
    {"currency_code", "got"},
    {"required_plans", "max"},
    {"plans_list", "max got"},
    {"plans_count", "max count"},
    {"shares_all_zero", ""},
    {"tiers_list", "max got"},
    {"required_up_to", ""},
    {"required_last_up_to", ""},
    {"open_tier_not_last", ""},
    {"last_tier_bounded", ""},
    {"up_to_not_above_zero", "got"},
    {"up_to_not_increasing", "previous got"},
    {"unit_price_with_tiers", ""},
    {"required_scenario", ""},
    {"required_target", ""},
    {"required_axis", ""},
    {"required_change", ""},
    {"required_lever", ""},
    {"lever_not_text", "got"},
    {"unknown_lever", "got"},
    {"no_such_plan", "plan last got"},
    {"no_such_tier", "tier last got"},
    {"lever_unit_price_with_tiers", "got"},
    {"lever_without_tiers", "got"},
    {"required_metric", "allowed"},
    {"unknown_metric", "allowed got"},
    {"levers_list", "got"},
    {"lever_listed_twice", "got"},
    {"swing_zero", ""},
    {"same_levers", ""},
    {"price_with_price_factor", ""},
    {"elasticity_with_factor", ""},

    // Notes of the month-0 snapshot (section 3): why a metric is undefined, then advice.
    // `metric` is the metric's key.
    {"cac_no_new_customers", "metric"},
    {"cac_too_large", "metric"},
    {"payback_no_cac", "metric"},
    {"payback_no_margin", "metric"},
    {"payback_too_long", "metric"},
    {"ltv_to_cac_no_cac", "metric"},
    {"ltv_to_cac_zero_cac", "metric"},
    {"ltv_to_cac_too_large", "metric"},
    {"quick_ratio_no_loss", "metric"},
    {"quick_ratio_too_large", "metric"},
    {"profit_margin_no_mrr", "metric"},
    {"profit_margin_too_large", "metric"},
    {"burn_multiple_no_growth", "metric"},
    {"burn_multiple_too_large", "metric"},
    {"growth_short_horizon", "metric months"},
    {"growth_no_mrr", "metric"},
    {"growth_too_large", "metric"},
    {"rule_of_40_undefined", "metric"},
    {"ltv_to_cac_high", "metric above"},

    // Notes of the pricing lab (section 9). `metric` is a target metric's key, `lever` a
    // lever's path; `min` and `max` are the lever's range.
    {"goal_reached", "metric target lever value today"},
    {"break_even_reached", "month by_month lever value today"},
    {"goal_unreachable", "metric target lever min max low high partly_undefined"},
    {"goal_jumps", "metric target lever min max partly_undefined"},
    {"goal_undefined", "metric target lever min max"},
    {"break_even_unreachable", "by_month lever min max earliest"},
    {"never_breaks_even", "by_month lever min max"},
    {"undefined_at", "metric lever value"},
    {"undefined_today", "metric"},
    {"undefined_cells", "metric count cells"},
    {"no_payback", ""},
    {"no_break_even_signups", "max"},
    {"no_break_even_migration", ""},
    {"new_customer_metrics", "note"},

    // The subscription import (section 8): the file as a whole (line 1), its options (by
    // field), and each bad row (by line). `column` is a column's name in the contract.
    {"header_unreadable", "reason"},
    {"not_text_file", ""},
    {"unknown_header", "segments segments_optional stripe stripe_optional"},
    {"empty_file", ""},
    {"no_rows", ""},
    {"no_usable_row", "rows bad not_paying"},
    {"currency_option", ""},
    {"as_of_option", "first_year last_year"},
    {"row_too_long", "max_bytes"},
    {"stray_quote", ""},
    {"text_after_quote", ""},
    {"unclosed_quote", ""},
    {"missing_value", "column"},
    {"bad_date", "column value first_year last_year"},
    {"bad_number", "column value"},
    {"negative_amount", "column value"},
    {"amount_too_large", "column value max"},
    {"bad_currency", "value"},
    {"unknown_status", "value"},
    {"bad_quantity", "value max"},
    {"bad_interval", "value"},
    {"bad_interval_count", "value min max"},
    {"monthly_amount_too_large", "max"},
    {"canceled_without_end", ""},
    {"end_before_start", "start end"},
    {"too_many_currencies", "max"},
};

} // namespace saas
