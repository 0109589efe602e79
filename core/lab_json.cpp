#include "lab_json.hpp"

#include "goal_seek.hpp"
#include "grid.hpp"
#include "json_fields.hpp"
#include "json_writer.hpp"
#include "price_change.hpp"
#include "report_json.hpp"
#include "scenario_json.hpp"
#include "sensitivity.hpp"

#include <cmath>
#include <initializer_list>
#include <limits>

namespace saas {
namespace {

using json = nlohmann::json;

constexpr double max_signup_elasticity = 10;

LabResult failed(const FieldErrors& errors) { return {errors_json_text(errors), false}; }

// Reads one request, collecting every error by its JSON path (as section 1 does for a
// scenario); the embedded scenario is read by scenario_from_json.
class Request : public FieldReader {
  public:
    json document;
    std::optional<Scenario> scenario;

    // The text as a JSON object with only `keys` (one of them "scenario", required).
    bool parse(std::string_view text, std::initializer_list<std::string_view> keys) {
        if (text.size() > max_text_bytes) {
            error("", msg::request_too_large(max_text_bytes));
            return false;
        }
        document = json::parse(text, nullptr, false);
        if (document.is_discarded()) { // the scenario parser says where the syntax breaks
            errors = std::get<FieldErrors>(parse_scenario(text));
            return false;
        }
        if (!document.is_object()) {
            error("", msg::request_not_object(shown(document)));
            return false;
        }
        object(document, "", keys);
        const json* s = find(document, "scenario");
        if (!s) {
            error("scenario", msg::required_scenario());
            return true;
        }
        ScenarioOrErrors parsed = scenario_from_json(*s);
        if (auto* e = std::get_if<FieldErrors>(&parsed))
            for (FieldError& f : *e) error(f.field.empty() ? "scenario" : "scenario." + f.field, f.message);
        else
            scenario = std::get<Scenario>(parsed);
        return true;
    }

    // A required object member that must itself be an object with `keys`; `missing` says
    // what belongs there.
    const json* section(std::string_view key, std::initializer_list<std::string_view> keys, Message (*missing)()) {
        const json* value = find(document, key);
        if (!value) error(std::string(key), missing());
        return value && object(*value, std::string(key), keys) ? value : nullptr;
    }

    // The lever at `value` (nullptr: absent), checked against the scenario when it is valid.
    std::optional<Lever> lever(const json* value, const std::string& path) {
        if (!value) {
            error(path, msg::required_lever());
            return std::nullopt;
        }
        if (!value->is_string()) {
            error(path, msg::lever_not_text(shown(*value)));
            return std::nullopt;
        }
        const std::string& text = value->get_ref<const std::string&>();
        std::variant<Lever, Message> l = scenario ? lever_of(*scenario, text) : parse_lever(text);
        if (auto* message = std::get_if<Message>(&l)) {
            error(path, std::move(*message));
            return std::nullopt;
        }
        return std::get<Lever>(l);
    }

    std::optional<TargetMetric> metric(const json& parent, std::string_view key, const std::string& path) {
        const json* value = find(parent, key);
        std::optional<TargetMetric> m;
        if (value && value->is_string()) m = parse_metric(value->get_ref<const std::string&>());
        if (!value) error(path, msg::required_metric());
        else if (!m) error(path, msg::unknown_metric(shown(*value)));
        return m;
    }

    // A number from min to max (a whole one when `whole`); empty when absent or wrong.
    std::optional<double> number(const json& parent, std::string_view key, const std::string& path,
                                 double min, double max, bool required, bool whole = false) {
        const json* value = find(parent, key);
        const bool bounded = !std::isinf(max);
        if (!value) {
            if (required)
                error(path, !bounded ? msg::required_number()
                            : whole  ? msg::required_whole_range(min, max)
                                     : msg::required_range(min, max));
            return std::nullopt;
        }
        const double x = value->is_number() ? value->get<double>() : NAN;
        if (!std::isfinite(x) || !(x >= min && x <= max) || (whole && std::floor(x) != x)) {
            error(path, !bounded ? msg::not_number(shown(*value))
                        : whole  ? msg::whole_range(min, max, shown(*value))
                                 : msg::range(min, max, shown(*value)));
            return std::nullopt;
        }
        return x;
    }

    int horizon() const { return scenario ? scenario->options.horizon_months : 120; }
};

constexpr double unbounded = std::numeric_limits<double>::infinity();

std::optional<Axis> read_axis(Request& r, const char* name) {
    const json* axis = r.section(name, {"lever", "from", "to", "steps"}, msg::required_axis);
    if (!axis) return std::nullopt;
    const std::string path = name;
    const std::optional<Lever> l = r.lever(find(*axis, "lever"), path + ".lever");
    const LeverRange range = l ? lever_range(*l) : LeverRange{-unbounded, unbounded};
    const std::optional<double> from = r.number(*axis, "from", path + ".from", range.min, range.max, true);
    const std::optional<double> to = r.number(*axis, "to", path + ".to", range.min, range.max, true);
    const std::optional<double> steps =
        r.number(*axis, "steps", path + ".steps", min_grid_steps, max_grid_steps, true, true);
    if (!l || !from || !to || !steps) return std::nullopt;
    return Axis{*l, *from, *to, static_cast<int>(*steps)};
}

bool is_price(const Lever& l) {
    return l.field == LeverField::price || l.field == LeverField::unit_price ||
           l.field == LeverField::tier_unit_price || l.field == LeverField::tier_flat;
}

} // namespace

LabResult solve_json(std::string_view text) {
    Request r;
    if (!r.parse(text, {"scenario", "vary", "target"})) return failed(r.errors);
    const std::optional<Lever> lever = r.lever(find(r.document, "vary"), "vary");
    std::optional<TargetMetric> metric;
    std::optional<double> target;
    if (const json* t = r.section("target", {"metric", "value"}, msg::required_target)) {
        metric = r.metric(*t, "metric", "target.metric");
        // A break-even month M means "by month M": a month of the horizon.
        const bool month = metric && metric->kind == MetricKind::break_even_month;
        target = month ? r.number(*t, "value", "target.value", 1, r.horizon(), true, true)
                       : r.number(*t, "value", "target.value", -unbounded, unbounded, true);
    }
    if (!r.errors.empty()) return failed(r.errors);

    const GoalSeek g = goal_seek(*r.scenario, *lever, *metric, *target);
    JsonWriter w;
    w.open('{');
    w.field("value", g.value);
    w.field("achieved", g.achieved);
    w.field("note", g.note.text);
    w.key("note_code");
    write_message(w, g.note);
    w.close('}');
    return {std::move(w.text), true};
}

LabResult sensitivity_json(std::string_view text) {
    Request r;
    if (!r.parse(text, {"scenario", "metric", "levers", "swing"})) return failed(r.errors);
    const std::optional<TargetMetric> metric = r.metric(r.document, "metric", "metric");
    std::vector<Lever> levers;
    const json* list = find(r.document, "levers");
    if (list && (!list->is_array() || list->empty()))
        r.error("levers", msg::levers_list(shown(*list)));
    else if (list)
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = at_index("levers", i);
            const std::optional<Lever> l = r.lever(&(*list)[i], path);
            if (l && std::find(levers.begin(), levers.end(), *l) != levers.end())
                r.error(path, msg::lever_listed_twice(shown((*list)[i])));
            else if (l)
                levers.push_back(*l);
        }
    const std::optional<double> swing = r.number(r.document, "swing", "swing", 0, 1, false);
    if (swing == 0.0) r.error("swing", msg::swing_zero());
    if (!r.errors.empty()) return failed(r.errors);

    const Scenario& s = *r.scenario;
    const std::vector<SensitivityRow> rows =
        sensitivity(s, *metric, list ? levers : nonzero_levers(s), swing.value_or(0.1));
    JsonWriter w;
    std::vector<Message> notes;
    w.open('{');
    w.field("metric", std::string(metric->key));
    w.open("rows", '[');
    for (const SensitivityRow& row : rows) {
        w.open('{');
        w.field("lever", lever_path(row.lever));
        w.field("low_input", row.low_input);
        w.field("high_input", row.high_input);
        w.field("low", row.low);
        w.field("high", row.high);
        w.field("base", row.base);
        w.close('}');
        for (const auto& [end, input] : {std::pair{row.low, row.low_input}, std::pair{row.high, row.high_input}})
            if (!end) notes.push_back(msg::undefined_at(*metric, row.lever, input));
    }
    w.close(']');
    if (!rows.empty() && !rows[0].base) notes.insert(notes.begin(), msg::undefined_today(*metric));
    write_notes(w, notes);
    w.close('}');
    return {std::move(w.text), true};
}

LabResult grid_json(std::string_view text) {
    Request r;
    if (!r.parse(text, {"scenario", "metric", "x", "y"})) return failed(r.errors);
    const std::optional<TargetMetric> metric = r.metric(r.document, "metric", "metric");
    const std::optional<Axis> x = read_axis(r, "x");
    const std::optional<Axis> y = read_axis(r, "y");
    if (x && y && x->lever == y->lever) r.error("y.lever", msg::same_levers());
    // price_factor scales every price from today's, so a price on the other axis would be
    // overwritten by it (or it by the price): the grid would not mean what it says.
    if (x && y && ((x->lever.field == LeverField::price_factor && is_price(y->lever)) ||
                   (y->lever.field == LeverField::price_factor && is_price(x->lever))))
        r.error("y.lever", msg::price_with_price_factor());
    if (!r.errors.empty()) return failed(r.errors);

    const Grid g = grid(*r.scenario, *metric, *x, *y);
    JsonWriter w;
    w.text.reserve(64 + 24 * g.x.size() * g.y.size());
    w.open('{');
    w.field("metric", std::string(metric->key));
    for (const auto& [name, values] : {std::pair{"x", &g.x}, std::pair{"y", &g.y}}) {
        w.open(name, '[');
        for (double v : *values) w.value(v);
        w.close(']');
    }
    std::size_t undefined = 0;
    w.open("values", '[');
    for (const auto& row : g.values) {
        w.open('[');
        for (const std::optional<double>& v : row) {
            w.value(v);
            undefined += !v;
        }
        w.close(']');
    }
    w.close(']');
    std::vector<Message> notes;
    if (undefined) notes.push_back(msg::undefined_cells(*metric, undefined, g.x.size() * g.y.size()));
    write_notes(w, notes);
    w.close('}');
    return {std::move(w.text), true};
}

LabResult price_change_json(std::string_view text) {
    Request r;
    if (!r.parse(text, {"scenario", "change"})) return failed(r.errors);
    PriceChange change;
    const json* c = r.section("change", {"price_factor", "new_customers_factor", "signup_elasticity", "churn_factor",
                                         "existing", "migration_month", "migration_churn"},
                              msg::required_change);
    if (c) {
        change.price_factor =
            r.number(*c, "price_factor", "change.price_factor", 0, max_price_factor, false).value_or(1);
        change.new_customers_factor = r.number(*c, "new_customers_factor", "change.new_customers_factor", 0,
                                               max_new_customers_factor, false).value_or(1);
        if (const std::optional<double> e = r.number(*c, "signup_elasticity", "change.signup_elasticity",
                                                     -max_signup_elasticity, max_signup_elasticity, false))
            change.new_customers_factor = signup_factor(change.price_factor, *e);
        if (c->contains("signup_elasticity") && c->contains("new_customers_factor"))
            r.error("change.signup_elasticity", msg::elasticity_with_factor());
        change.churn_factor =
            r.number(*c, "churn_factor", "change.churn_factor", 0, max_churn_factor, false).value_or(1);
        if (const json* existing = find(*c, "existing")) {
            if (*existing == "migrated") change.existing = Existing::migrated;
            else if (*existing != "grandfathered")
                r.error("change.existing", msg::one_of({"grandfathered", "migrated"}, shown(*existing)));
        }
        change.migration_month = static_cast<int>(
            r.number(*c, "migration_month", "change.migration_month", 1, r.horizon(), false, true).value_or(1));
        change.migration_churn =
            r.number(*c, "migration_churn", "change.migration_churn", 0, 1, false).value_or(0);
    }
    if (!r.errors.empty()) return failed(r.errors);

    const PriceChangeResult p = price_change(*r.scenario, change);
    JsonWriter w;
    w.text.reserve(2048 + 1024 * p.baseline.months.size());
    w.open('{');
    for (const auto& [name, projection] : {std::pair{"baseline", &p.baseline}, std::pair{"changed", &p.changed}}) {
        w.open(name, '[');
        for (const MonthRow& row : projection->months) write_month(w, row);
        w.close(']');
    }
    for (const auto& [name, deltas] :
         {std::pair{"mrr_delta", &p.mrr_delta}, std::pair{"cumulative_profit_delta", &p.cumulative_profit_delta}}) {
        w.open(name, '[');
        for (double d : *deltas) w.value(d);
        w.close(']');
    }
    w.field("payback_month", p.payback_month);
    w.open("new_customer_metrics", '{');
    for (const MetricField& f : metric_fields) w.field(f.key, p.new_customer_metrics.*(f.value));
    w.close('}');
    w.field("break_even_new_customers_factor", p.break_even_new_customers_factor);
    w.field("break_even_migration_churn", p.break_even_migration_churn);
    std::vector<Message> notes;
    if (!p.payback_month) notes.push_back(msg::no_payback());
    if (!p.break_even_new_customers_factor) notes.push_back(msg::no_break_even_signups(max_new_customers_factor));
    if (change.existing == Existing::migrated && !p.break_even_migration_churn)
        notes.push_back(msg::no_break_even_migration());
    for (auto note : p.new_customer_metrics.notes) notes.push_back(msg::new_customer_metrics(note()));
    write_notes(w, notes);
    w.close('}');
    return {std::move(w.text), true};
}

LabResult levers_json(std::string_view text) {
    ScenarioOrErrors parsed = parse_scenario(text);
    if (auto* errors = std::get_if<FieldErrors>(&parsed)) return failed(*errors);
    const Scenario& s = std::get<Scenario>(parsed);
    JsonWriter w;
    w.open('[');
    for (const Lever& l : all_levers(s)) {
        const LeverRange range = lever_range(l);
        w.open('{');
        w.field("lever", lever_path(l));
        w.field("value", lever_value(s, l));
        w.field("min", range.min);
        w.field("max", range.max);
        w.close('}');
    }
    w.close(']');
    return {std::move(w.text), true};
}

} // namespace saas
