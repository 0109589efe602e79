#include "messages.hpp"

#include "date.hpp"
#include "json_writer.hpp"
#include "scenario_json.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>

// Messages are made only for errors and notes, never in a hot loop: smallest code wins,
// as every line of this file is in the calculator's first download. Never inlined: a
// caller (the scenario reader, at -O2) would otherwise carry its own copy of each message
// it can make (4 KB of the core module's gzip, measured).
#ifdef __clang__
#pragma clang attribute push(__attribute__((minsize)), apply_to = function)
#pragma clang attribute push(__attribute__((noinline)), apply_to = function)
#endif

namespace saas {

std::string_view unlisted_code(); // never defined, and not constexpr: see listed()

namespace {

// The code, checked while compiling: a code missing from message_codes does not compile.
consteval std::string_view listed(std::string_view code) {
    for (const MessageCode& c : message_codes)
        if (c.code == code) return c.code;
    return unlisted_code();
}

Param number(std::string_view name, double x) { return {name, x}; }
template <class Int> // counts, sizes and lines, whatever their type
Param whole(std::string_view name, Int x) {
    return {name, static_cast<std::int64_t>(x)};
}
Param text(std::string_view name, std::string s) { return {name, std::move(s)}; }
Param texts(std::string_view name, std::vector<std::string> list) { return {name, std::move(list)}; }
Param flag(std::string_view name, bool b) { return {name, b}; }

// ---- English words ---------------------------------------------------------------------

std::string capitalized(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

// A range's end: amounts stop at a round 1 trillion (max_amount), read better in words.
std::string limit(double x) { return x == max_amount ? "1 trillion" : short_number(x); }

std::string a_number(double min, double max) {
    return "a number from " + limit(min) + " to " + limit(max) + (min == 0 && max == 1 ? " (0 % to 100 %)" : "");
}
std::string a_whole_number(double min, double max) { return "a whole number from " + limit(min) + " to " + limit(max); }

// "a, b and c", or with `last` "or".
std::string listed_words(const std::vector<std::string>& items, const char* last = " and ") {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
    return out;
}

std::string comma_separated(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// The import's cap on a monthly amount, as its messages have always written it.
std::string cap_words(double max) { return max == 1e12 ? "1e12" : short_number(max); }

// "the monthly churn (from 0 to 1)"
std::string lever_range_words(const Lever& lever) {
    const LeverRange r = lever_range(lever);
    return lever_label(lever) + " (from " + short_number(r.min) + " to " + short_number(r.max) + ")";
}

std::vector<Param> lever_params(const Lever& lever) {
    const LeverRange r = lever_range(lever);
    return {text("lever", lever_path(lever)), number("min", r.min), number("max", r.max)};
}

// A CSV cell in a message, cut short (the JSON writer replaces invalid UTF-8).
std::string cell(std::string_view value) { return std::string(value.substr(0, 40)) + (value.size() > 40 ? "..." : ""); }
std::string quoted(const std::string& cell_text) { return "'" + cell_text + "'"; }

// The Stripe export's start comes from one of three columns (contract section 8).
std::string column_words(const std::string& column) { return column == "Start (UTC)" ? "the start date" : column; }

// A required column with its other accepted names: "start/start_date" -> "start (or start_date)".
std::string column_choice(const std::string& names) {
    std::string out;
    std::size_t begin = 0;
    for (std::size_t i = 0, n = 0; i <= names.size(); ++i) {
        if (i < names.size() && names[i] != '/') continue;
        const std::string name = names.substr(begin, i - begin);
        out += n == 0 ? name : (n == 1 ? " (or " : ", or ") + name;
        ++n;
        begin = i + 1;
        if (i == names.size() && n > 1) out += ")";
    }
    return out;
}

std::string column_choices(const std::vector<std::string>& columns) {
    std::vector<std::string> words;
    for (const std::string& c : columns) words.push_back(column_choice(c));
    return listed_words(words);
}

Message metric_note(std::string_view code, const char* metric, std::string english) {
    return Message{code, {text("metric", metric)}, std::move(english)};
}

// "code" and "params", into the object `w` has open.
void write_code(JsonWriter& w, const Message& m) {
    w.field("code", std::string(m.code));
    w.open("params", '{');
    for (const Param& p : m.params) std::visit([&](const auto& x) { w.field(p.name, x); }, p.value);
    w.close('}');
}

// An error's fields after its "field" or "line".
void write_error_fields(JsonWriter& w, const Message& m) {
    w.field("message", m.text);
    write_code(w, m);
}

} // namespace

std::string short_number(double x) {
    char digits[64];
    if (std::abs(x) >= 1e4 && std::abs(x) < 1e15)
        std::snprintf(digits, sizeof digits, "%.0f", x);
    else
        std::snprintf(digits, sizeof digits, "%.4g", x == 0 ? 0.0 : x);
    return digits;
}

std::string shown(const nlohmann::json& value) {
    if (value.is_number_float()) {
        const double x = value.get<double>();
        if (x == std::trunc(x) && std::abs(x) < 1e15) return std::to_string(static_cast<long long>(x));
    }
    std::string json_text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    constexpr std::size_t longest = 40;
    if (json_text.size() <= longest) return json_text;
    std::size_t cut = longest;
    while (cut > 0 && (static_cast<unsigned char>(json_text[cut]) & 0xC0) == 0x80) --cut;
    return json_text.substr(0, cut) + "...";
}

void write_message(JsonWriter& w, const Message& m) {
    w.open('{');
    write_code(w, m);
    w.close('}');
}

void write_error(JsonWriter& w, const FieldError& e) {
    w.open('{');
    w.field("field", e.field);
    write_error_fields(w, e.message);
    w.close('}');
}

void write_error(JsonWriter& w, std::uint64_t line, const Message& m) {
    w.open('{');
    w.field("line", static_cast<std::int64_t>(line));
    write_error_fields(w, m);
    w.close('}');
}

std::string message_codes_json() {
    JsonWriter w;
    w.open('{');
    for (const MessageCode& c : message_codes) {
        w.open(c.code, '[');
        for (std::size_t begin = 0; begin < c.params.size();) {
            std::size_t end = c.params.find(' ', begin);
            if (end == std::string_view::npos) end = c.params.size();
            w.value(std::string(c.params.substr(begin, end - begin)));
            begin = end + 1;
        }
        w.close(']');
    }
    w.close('}');
    return std::move(w.text);
}

namespace msg {

// ---- scenarios and pricing lab requests ------------------------------------------------

Message invalid_json(std::string detail, std::size_t byte) {
    std::string english = "is not valid JSON: " + detail;
    return Message{
        listed("invalid_json"), {text("detail", std::move(detail)), whole("byte", byte)}, std::move(english)};
}
Message scenario_too_large(std::size_t max_bytes) {
    return Message{listed("scenario_too_large"),
                   {whole("max_bytes", max_bytes)},
                   "is too large: a scenario is at most " + mib(max_bytes) + " of JSON"};
}
Message request_too_large(std::size_t max_bytes) {
    return Message{listed("request_too_large"),
                   {whole("max_bytes", max_bytes)},
                   "is too large: a request is at most " + mib(max_bytes) + " of JSON"};
}
Message scenario_not_object(std::string got) {
    return Message{listed("scenario_not_object"), {text("got", got)}, "must be a JSON object (a scenario), got " + got};
}
Message request_not_object(std::string got) {
    return Message{
        listed("request_not_object"), {text("got", got)}, "must be a JSON object (a pricing lab request), got " + got};
}
Message not_object(std::string got) {
    return Message{listed("not_object"), {text("got", got)}, "must be an object, got " + got};
}
Message unknown_key(std::string key, std::vector<std::string> allowed) {
    std::string english = "unknown key (allowed here: " + comma_separated(allowed) + ")";
    return Message{
        listed("unknown_key"), {text("key", std::move(key)), texts("allowed", std::move(allowed))}, std::move(english)};
}
Message required_number() { return Message{listed("required_number"), {}, "is required: a number"}; }
Message required_range(double min, double max) {
    return Message{
        listed("required_range"), {number("min", min), number("max", max)}, "is required: " + a_number(min, max)};
}
Message required_whole_range(double min, double max) {
    return Message{listed("required_whole_range"),
                   {number("min", min), number("max", max)},
                   "is required: " + a_whole_number(min, max)};
}
Message not_number(std::string got) {
    return Message{listed("not_number"), {text("got", got)}, "must be a number, got " + got};
}
Message range(double min, double max, std::string got) {
    return Message{listed("range"),
                   {number("min", min), number("max", max), text("got", got)},
                   "must be " + a_number(min, max) + ", got " + got};
}
Message whole_range(double min, double max, std::string got) {
    return Message{listed("whole_range"),
                   {number("min", min), number("max", max), text("got", got)},
                   "must be " + a_whole_number(min, max) + ", got " + got};
}
Message not_text(std::size_t max, std::string got) {
    return Message{listed("not_text"),
                   {whole("max", max), text("got", got)},
                   "must be a text of at most " + std::to_string(max) + " characters, got " + got};
}
Message text_too_long(std::size_t max, std::size_t length) {
    return Message{listed("text_too_long"),
                   {whole("max", max), whole("length", length)},
                   "must be a text of at most " + std::to_string(max) + " characters (has " + std::to_string(length) +
                       ")"};
}
Message one_of(std::vector<std::string> allowed, std::string got) {
    std::vector<std::string> in_quotes;
    for (const std::string& a : allowed) in_quotes.push_back("\"" + a + "\"");
    std::string english = "must be " + listed_words(in_quotes, " or ") + ", got " + got;
    return Message{
        listed("one_of"), {texts("allowed", std::move(allowed)), text("got", std::move(got))}, std::move(english)};
}
Message unsupported_schema(std::string got) {
    return Message{listed("unsupported_schema"), {text("got", got)}, "must be 1 (the only version), got " + got};
}
Message currency_code(std::string got) {
    return Message{listed("currency_code"),
                   {text("got", got)},
                   "must be a 3-letter ISO 4217 code in capitals, like \"USD\", got " + got};
}
Message required_plans(std::size_t max) {
    return Message{
        listed("required_plans"), {whole("max", max)}, "is required: a list of 1 to " + std::to_string(max) + " plans"};
}
Message plans_list(std::size_t max, std::string got) {
    return Message{listed("plans_list"),
                   {whole("max", max), text("got", got)},
                   "must be a list of 1 to " + std::to_string(max) + " plans, got " + got};
}
Message plans_count(std::size_t max, std::size_t count) {
    return Message{listed("plans_count"),
                   {whole("max", max), whole("count", count)},
                   "must be a list of 1 to " + std::to_string(max) + " plans, got " + std::to_string(count) + " plans"};
}
Message shares_all_zero() {
    return Message{listed("shares_all_zero"), {}, "needs at least one plan with a share above 0 (all shares are 0)"};
}
Message tiers_list(std::size_t max, std::string got) {
    return Message{listed("tiers_list"),
                   {whole("max", max), text("got", got)},
                   "must be a list of 1 to " + std::to_string(max) + " tiers, the last with \"up_to\": null, got " +
                       got};
}
Message required_up_to() { return Message{listed("required_up_to"), {}, "is required: the tier's highest unit count"}; }
Message required_last_up_to() {
    return Message{listed("required_last_up_to"), {}, "is required: null (the last tier covers all remaining units)"};
}
Message open_tier_not_last() {
    return Message{listed("open_tier_not_last"), {}, "only the last tier may be open-ended (null)"};
}
Message last_tier_bounded() {
    return Message{listed("last_tier_bounded"), {}, "must be null: the last tier covers all remaining units"};
}
Message up_to_not_above_zero(std::string got) {
    return Message{listed("up_to_not_above_zero"), {text("got", got)}, "must be more than 0, got " + got};
}
Message up_to_not_increasing(std::string previous, std::string got) {
    return Message{listed("up_to_not_increasing"),
                   {text("previous", previous), text("got", got)},
                   "must be more than the previous tier's up_to (" + previous + "), got " + got};
}
Message unit_price_with_tiers() {
    return Message{listed("unit_price_with_tiers"), {}, "cannot be combined with tiers (tiers replace unit_price)"};
}
Message required_scenario() {
    return Message{listed("required_scenario"), {}, "is required: a scenario (contract section 1)"};
}
Message required_target() {
    return Message{listed("required_target"), {}, "is required: a target {\"metric\", \"value\"}"};
}
Message required_axis() {
    return Message{listed("required_axis"), {}, "is required: an axis {\"lever\", \"from\", \"to\", \"steps\"}"};
}
Message required_change() {
    return Message{listed("required_change"), {}, "is required: a price change {\"price_factor\", ...}"};
}
Message required_lever() {
    return Message{listed("required_lever"),
                   {},
                   "is required: a lever's JSON path, such as \"plans[0].price\" or \"price_factor\""};
}
Message lever_not_text(std::string got) {
    return Message{listed("lever_not_text"),
                   {text("got", got)},
                   "must be a lever's JSON path, such as \"plans[0].price\", got " + got};
}
Message unknown_lever(std::string got) {
    return Message{listed("unknown_lever"),
                   {text("got", got)},
                   "is not a lever: a numeric input's JSON path such as \"plans[0].price\", "
                   "\"customers.monthly_churn\" or \"price_factor\" (the options are not levers), got " +
                       got};
}
Message no_such_plan(int plan, std::size_t last, std::string got) {
    return Message{listed("no_such_plan"),
                   {whole("plan", plan), whole("last", last), text("got", got)},
                   "names plan " + std::to_string(plan) + " but the scenario's plans go from 0 to " +
                       std::to_string(last) + ", got " + got};
}
Message no_such_tier(int tier, std::size_t last, std::string got) {
    return Message{listed("no_such_tier"),
                   {whole("tier", tier), whole("last", last), text("got", got)},
                   "names tier " + std::to_string(tier) + " but the plan's tiers go from 0 to " + std::to_string(last) +
                       ", got " + got};
}
Message lever_unit_price_with_tiers(std::string got) {
    return Message{listed("lever_unit_price_with_tiers"),
                   {text("got", got)},
                   "is not a lever of this plan: its tiers replace unit_price, got " + got};
}
Message lever_without_tiers(std::string got) {
    return Message{
        listed("lever_without_tiers"), {text("got", got)}, "is not a lever of this plan: it has no tiers, got " + got};
}
Message required_metric() {
    return Message{listed("required_metric"),
                   {texts("allowed", metric_keys())},
                   "is required: a metric: one of " + comma_separated(metric_keys())};
}
Message unknown_metric(std::string got) {
    return Message{listed("unknown_metric"),
                   {texts("allowed", metric_keys()), text("got", got)},
                   "must be a metric: one of " + comma_separated(metric_keys()) + ", got " + got};
}
Message levers_list(std::string got) {
    return Message{listed("levers_list"), {text("got", got)}, "must be a non-empty list of lever paths, got " + got};
}
Message lever_listed_twice(std::string got) {
    return Message{listed("lever_listed_twice"), {text("got", got)}, "is listed twice: " + got};
}
Message swing_zero() { return Message{listed("swing_zero"), {}, "must be above 0: a swing of 0 moves nothing"}; }
Message same_levers() { return Message{listed("same_levers"), {}, "must differ from x.lever"}; }
Message price_with_price_factor() {
    return Message{listed("price_with_price_factor"),
                   {},
                   "cannot be a price when the other axis is price_factor, which already scales every price"};
}
Message elasticity_with_factor() {
    return Message{listed("elasticity_with_factor"),
                   {},
                   "cannot be combined with change.new_customers_factor: give one or the other"};
}

// ---- notes of the snapshot ----------------------------------------------------------

Message cac_no_new_customers() {
    return metric_note(listed("cac_no_new_customers"), "cac",
                       "CAC is undefined: there are no new customers per month to divide sales & "
                       "marketing spend by.");
}
Message cac_too_large() {
    return metric_note(listed("cac_too_large"), "cac",
                       "CAC is too large to show: new customers per month is almost 0.");
}
Message payback_no_cac() {
    return metric_note(listed("payback_no_cac"), "cac_payback_months", "CAC payback is undefined because CAC is.");
}
Message payback_no_margin() {
    return metric_note(listed("payback_no_margin"), "cac_payback_months",
                       "CAC payback is undefined: gross-margin-adjusted ARPA is 0, so CAC is never paid back.");
}
Message payback_too_long() {
    return metric_note(listed("payback_too_long"), "cac_payback_months",
                       "CAC payback is too long to show: gross-margin-adjusted ARPA is almost 0.");
}
Message ltv_to_cac_no_cac() {
    return metric_note(listed("ltv_to_cac_no_cac"), "ltv_to_cac", "LTV/CAC is undefined because CAC is.");
}
Message ltv_to_cac_zero_cac() {
    return metric_note(listed("ltv_to_cac_zero_cac"), "ltv_to_cac",
                       "LTV/CAC is undefined: CAC is 0 (no sales & marketing spend).");
}
Message ltv_to_cac_too_large() {
    return metric_note(listed("ltv_to_cac_too_large"), "ltv_to_cac", "LTV/CAC is too large to show: CAC is almost 0.");
}
Message quick_ratio_no_loss() {
    return metric_note(listed("quick_ratio_no_loss"), "quick_ratio",
                       "Quick ratio is undefined: no MRR is lost to churn or contraction.");
}
Message quick_ratio_too_large() {
    return metric_note(listed("quick_ratio_too_large"), "quick_ratio",
                       "Quick ratio is too large to show: almost no MRR is lost.");
}
Message profit_margin_no_mrr() {
    return metric_note(listed("profit_margin_no_mrr"), "profit_margin", "Profit margin is undefined: MRR is 0.");
}
Message profit_margin_too_large() {
    return metric_note(listed("profit_margin_too_large"), "profit_margin",
                       "Profit margin is too large to show: MRR is almost 0.");
}
Message burn_multiple_no_growth() {
    return metric_note(listed("burn_multiple_no_growth"), "burn_multiple",
                       "Burn multiple is undefined: net new MRR is not positive, so the burn buys no growth.");
}
Message burn_multiple_too_large() {
    return metric_note(listed("burn_multiple_too_large"), "burn_multiple",
                       "Burn multiple is too large to show: net new MRR is almost 0.");
}
Message growth_short_horizon() {
    return Message{listed("growth_short_horizon"),
                   {text("metric", "mrr_growth_annual"), whole("months", growth_months)},
                   "Annual MRR growth is undefined: the horizon is shorter than " + std::to_string(growth_months) +
                       " months."};
}
Message growth_no_mrr() {
    return metric_note(listed("growth_no_mrr"), "mrr_growth_annual",
                       "Annual MRR growth is undefined: MRR at month 0 is 0.");
}
Message growth_too_large() {
    return metric_note(listed("growth_too_large"), "mrr_growth_annual",
                       "Annual MRR growth is too large to show: MRR at month 0 is almost 0.");
}
Message rule_of_40_undefined() {
    return metric_note(listed("rule_of_40_undefined"), "rule_of_40",
                       "Rule of 40 is undefined: it needs both annual MRR growth and profit margin.");
}
Message ltv_to_cac_high() {
    return Message{listed("ltv_to_cac_high"),
                   {text("metric", "ltv_to_cac"), number("above", under_funded_ltv_to_cac)},
                   "LTV/CAC is above " + short_number(under_funded_ltv_to_cac) +
                       ": growth may be under-funded; more sales & marketing spend could pay off."};
}

// ---- notes of the pricing lab -------------------------------------------------------

Message goal_reached(const TargetMetric& metric, double target, const Lever& lever, double value, double today) {
    return Message{listed("goal_reached"),
                   {text("metric", metric.key), number("target", target), text("lever", lever_path(lever)),
                    number("value", value), number("today", today)},
                   capitalized(metric.label) + " reaches " + short_number(target) + " with " + lever_label(lever) +
                       " at " + short_number(value) + " (today " + short_number(today) + ")."};
}
Message break_even_reached(double month, double by_month, const Lever& lever, double value, double today) {
    return Message{listed("break_even_reached"),
                   {number("month", month), number("by_month", by_month), text("lever", lever_path(lever)),
                    number("value", value), number("today", today)},
                   "Breaks even in month " + short_number(month) + " (by month " + short_number(by_month) + ") with " +
                       lever_label(lever) + " at " + short_number(value) + " (today " + short_number(today) + ")."};
}
Message goal_unreachable(const TargetMetric& metric, double target, const Lever& lever, double low, double high,
                         bool partly_undefined) {
    std::vector<Param> params{text("metric", metric.key), number("target", target)};
    for (Param& p : lever_params(lever)) params.push_back(std::move(p));
    params.push_back(number("low", low));
    params.push_back(number("high", high));
    params.push_back(flag("partly_undefined", partly_undefined));
    return Message{listed("goal_unreachable"), std::move(params),
                   capitalized(metric.label) + " stays between " + short_number(low) + " and " + short_number(high) +
                       " whatever " + lever_range_words(lever) +
                       (partly_undefined ? ", and is undefined for part of that range." : ".")};
}
Message goal_jumps(const TargetMetric& metric, double target, const Lever& lever, bool partly_undefined) {
    std::vector<Param> params{text("metric", metric.key), number("target", target)};
    for (Param& p : lever_params(lever)) params.push_back(std::move(p));
    params.push_back(flag("partly_undefined", partly_undefined));
    return Message{listed("goal_jumps"), std::move(params),
                   capitalized(metric.label) + " jumps past " + short_number(target) + " without reaching it as " +
                       lever_range_words(lever) + " changes" +
                       (partly_undefined ? ", and is undefined for part of that range." : ".")};
}
Message goal_undefined(const TargetMetric& metric, double target, const Lever& lever) {
    std::vector<Param> params{text("metric", metric.key), number("target", target)};
    for (Param& p : lever_params(lever)) params.push_back(std::move(p));
    return Message{listed("goal_undefined"), std::move(params),
                   capitalized(metric.label) + " is undefined whatever " + lever_range_words(lever) + "."};
}
Message break_even_unreachable(double by_month, const Lever& lever, double earliest) {
    std::vector<Param> params{number("by_month", by_month)};
    for (Param& p : lever_params(lever)) params.push_back(std::move(p));
    params.push_back(number("earliest", earliest));
    return Message{listed("break_even_unreachable"), std::move(params),
                   "It does not break even by month " + short_number(by_month) + " whatever " +
                       lever_range_words(lever) + ": the earliest break-even is month " + short_number(earliest) + "."};
}
Message never_breaks_even(double by_month, const Lever& lever) {
    std::vector<Param> params{number("by_month", by_month)};
    for (Param& p : lever_params(lever)) params.push_back(std::move(p));
    return Message{listed("never_breaks_even"), std::move(params),
                   "It does not break even by month " + short_number(by_month) + " whatever " +
                       lever_range_words(lever) + ": it never breaks even within the horizon."};
}
Message undefined_at(const TargetMetric& metric, const Lever& lever, double value) {
    return Message{listed("undefined_at"),
                   {text("metric", metric.key), text("lever", lever_path(lever)), number("value", value)},
                   capitalized(metric.label) + " is undefined with " + lever_label(lever) + " at " +
                       short_number(value) + "."};
}
Message undefined_today(const TargetMetric& metric) {
    return Message{listed("undefined_today"),
                   {text("metric", metric.key)},
                   capitalized(metric.label) + " is undefined for today's scenario."};
}
Message undefined_cells(const TargetMetric& metric, std::size_t count, std::size_t cells) {
    return Message{listed("undefined_cells"),
                   {text("metric", metric.key), whole("count", count), whole("cells", cells)},
                   capitalized(metric.label) + " is undefined (null) in " + std::to_string(count) + " of " +
                       std::to_string(cells) + " cells."};
}
Message no_payback() {
    return Message{
        listed("no_payback"), {}, "No payback month: the cumulative profit delta is negative at the horizon."};
}
Message no_break_even_signups(double max) {
    return Message{listed("no_break_even_signups"),
                   {number("max", max)},
                   "No new-customers factor from 0 to " + short_number(max) +
                       " makes the change pay off by the horizon."};
}
Message no_break_even_migration() {
    return Message{listed("no_break_even_migration"),
                   {},
                   "Even with no migration churn the change does not pay off by the horizon."};
}
Message new_customer_metrics(const Message& note) {
    std::vector<Param> params{text("note", std::string(note.code))};
    params.insert(params.end(), note.params.begin(), note.params.end());
    return Message{listed("new_customer_metrics"), std::move(params), "New customer metrics: " + note.text};
}

// ---- the subscription import --------------------------------------------------------

Message header_unreadable(const Message& reason) {
    std::vector<Param> params{text("reason", std::string(reason.code))};
    params.insert(params.end(), reason.params.begin(), reason.params.end());
    return Message{listed("header_unreadable"), std::move(params), "the header cannot be read: " + reason.text};
}
Message not_text_file() {
    return Message{listed("not_text_file"),
                   {},
                   "the file is not text (NUL bytes or bytes that are not UTF-8 in its first line); "
                   "a CSV file was expected"};
}
// Required columns name their other accepted names after a '/'.
Message unknown_header() {
    std::vector<std::string> segments{"customer_id", "start/start_date", "end/end_date", "mrr/monthly_amount"};
    std::vector<std::string> segments_optional{"plan", "currency"};
    std::vector<std::string> stripe{"Customer ID", "Amount", "Interval", "Status",
                                    "Start (UTC)/Start Date (UTC)/Created (UTC)"};
    std::vector<std::string> stripe_optional{"Quantity", "Interval Count", "Currency", "Canceled At (UTC)",
                                             "Ended At (UTC)"};
    std::string english = "the header matches neither layout: segments needs " + column_choices(segments) +
                          ", optionally " + listed_words(segments_optional) + "; a Stripe subscriptions export needs " +
                          column_choices(stripe) + ", optionally " + listed_words(stripe_optional);
    return Message{listed("unknown_header"),
                   {texts("segments", std::move(segments)), texts("segments_optional", std::move(segments_optional)),
                    texts("stripe", std::move(stripe)), texts("stripe_optional", std::move(stripe_optional))},
                   std::move(english)};
}
Message empty_file() {
    return Message{listed("empty_file"), {}, "the file is empty: a CSV file with a header line was expected"};
}
Message no_rows() { return Message{listed("no_rows"), {}, "the file has a header but no rows"}; }
Message no_usable_row(std::uint64_t rows, std::uint64_t bad, std::uint64_t not_paying) {
    return Message{listed("no_usable_row"),
                   {whole("rows", rows), whole("bad", bad), whole("not_paying", not_paying)},
                   "no usable row: of " + std::to_string(rows) + " rows, " + std::to_string(bad) +
                       " cannot be read and " + std::to_string(not_paying) + " are not paying"};
}
Message currency_option() { return Message{listed("currency_option"), {}, "must be 3 letters, such as USD"}; }
Message as_of_option() {
    return Message{listed("as_of_option"),
                   {whole("first_year", first_year), whole("last_year", last_year)},
                   "must be a date YYYY-MM-DD between " + std::to_string(first_year) + " and " +
                       std::to_string(last_year) + ", or empty"};
}
Message csv_error(CsvError error) {
    switch (error) {
    case CsvError::row_too_long:
        return Message{listed("row_too_long"),
                       {whole("max_bytes", max_row_bytes)},
                       "the row is longer than " + mib(max_row_bytes)};
    case CsvError::stray_quote:
        return Message{listed("stray_quote"), {}, "a quote inside a field that does not start with one"};
    case CsvError::text_after_quote:
        return Message{listed("text_after_quote"), {}, "text after a quoted field's closing quote"};
    case CsvError::unclosed_quote:
    case CsvError::none:
        break; // callers ask only about rows that cannot be read
    }
    return Message{listed("unclosed_quote"), {}, "a quoted field is not closed before the end of the file"};
}
Message missing_value(std::string column) {
    std::string english = "missing " + column_words(column);
    return Message{listed("missing_value"), {text("column", std::move(column))}, std::move(english)};
}
Message bad_date(std::string column, std::string_view value) {
    const std::string v = cell(value);
    std::string english = "bad date " + quoted(v) + " in " + column_words(column) + " (expected YYYY-MM-DD, years " +
                          std::to_string(first_year) + " to " + std::to_string(last_year) + ")";
    return Message{listed("bad_date"),
                   {text("column", std::move(column)), text("value", v), whole("first_year", first_year),
                    whole("last_year", last_year)},
                   std::move(english)};
}
Message bad_number(std::string column, std::string_view value) {
    const std::string v = cell(value);
    std::string english = "bad number " + quoted(v) + " in " + column;
    return Message{listed("bad_number"), {text("column", std::move(column)), text("value", v)}, std::move(english)};
}
Message negative_amount(std::string column, std::string_view value) {
    std::string english = "negative amount " + std::string(value) + " in " + column;
    return Message{listed("negative_amount"),
                   {text("column", std::move(column)), text("value", std::string(value))},
                   std::move(english)};
}
Message amount_too_large(std::string column, std::string_view value, double max) {
    std::string english = column + " " + std::string(value) + " is above " + cap_words(max);
    return Message{listed("amount_too_large"),
                   {text("column", std::move(column)), text("value", std::string(value)), number("max", max)},
                   std::move(english)};
}
Message bad_currency(std::string_view value) {
    const std::string v = cell(value);
    return Message{listed("bad_currency"),
                   {text("value", v)},
                   "bad currency code " + quoted(v) + " (expected 3 letters, such as usd)"};
}
Message unknown_status(std::string_view value) {
    const std::string v = cell(value);
    return Message{listed("unknown_status"), {text("value", v)}, "unknown Status " + quoted(v)};
}
Message bad_quantity(std::string_view value, std::uint64_t max) {
    const std::string v = cell(value);
    return Message{listed("bad_quantity"),
                   {text("value", v), whole("max", max)},
                   "bad Quantity " + quoted(v) + " (expected a whole number)"};
}
Message bad_interval(std::string_view value) {
    const std::string v = cell(value);
    return Message{listed("bad_interval"),
                   {text("value", v)},
                   "bad Interval " + quoted(v) + " (expected day, week, month or year)"};
}
Message bad_interval_count(std::string_view value, std::uint64_t min, std::uint64_t max) {
    const std::string v = cell(value);
    return Message{listed("bad_interval_count"),
                   {text("value", v), whole("min", min), whole("max", max)},
                   "bad Interval Count " + quoted(v) + " (expected " + std::to_string(min) + " to " +
                       std::to_string(max) + ")"};
}
Message monthly_amount_too_large(double max) {
    return Message{listed("monthly_amount_too_large"),
                   {number("max", max)},
                   "the monthly amount (Amount x Quantity per month) is above " + cap_words(max)};
}
Message canceled_without_end() {
    return Message{listed("canceled_without_end"), {}, "canceled, but Ended At and Canceled At are empty"};
}
Message end_before_start(std::string start, std::string end) {
    std::string english = "end " + end + " is before start " + start;
    return Message{
        listed("end_before_start"), {text("start", std::move(start)), text("end", std::move(end))}, std::move(english)};
}
Message too_many_currencies(std::size_t max) {
    return Message{listed("too_many_currencies"),
                   {whole("max", max)},
                   "more than " + std::to_string(max) + " currencies in one file"};
}

} // namespace msg
} // namespace saas

#ifdef __clang__
#pragma clang attribute pop
#pragma clang attribute pop
#endif
