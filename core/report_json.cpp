#include "report_json.hpp"

#include "json_writer.hpp"
#include "messages.hpp"

#include <cmath>

namespace saas {
namespace {

using json = nlohmann::json;

} // namespace

void write_month(JsonWriter& w, const MonthRow& row) {
    const Movements& m = row.movements;
    w.open('{');
    w.field("month", row.month);
    w.field("customers", row.customers);
    w.field("mrr", row.mrr);
    w.field("arr", row.arr);
    w.field("new_mrr", m.new_mrr);
    w.field("expansion_mrr", m.expansion_mrr);
    w.field("contraction_mrr", m.contraction_mrr);
    w.field("churned_mrr", m.churned_mrr);
    w.field("net_new_mrr", m.net_new_mrr);
    w.field("gross_profit", row.gross_profit);
    w.field("sales_marketing", row.sales_marketing);
    w.field("fixed", row.fixed);
    w.field("profit", row.profit);
    w.field("cumulative_profit", row.cumulative_profit);
    w.close('}');
}

std::string report_to_json_text(const Report& r, const std::string& currency) {
    JsonWriter w;
    w.text.reserve(1024 + 512 * r.projection.months.size()); // a month takes about 400 bytes
    w.open('{');
    w.field("schema", 1);
    w.field("currency", currency);
    w.open("metrics", '{');
    for (const MetricField& f : metric_fields) w.field(f.key, r.metrics.*(f.value));
    w.close('}');
    w.open("health", '{');
    for (const GradedMetric& g : r.health)
        w.field(g.key, g.grade ? std::optional<std::string>(grade_name(*g.grade)) : std::nullopt);
    w.close('}');
    w.open("projection", '[');
    for (const MonthRow& row : r.projection.months) write_month(w, row);
    w.close(']');
    w.field("break_even_month", r.projection.break_even_month);
    std::vector<Message> notes;
    for (auto note : r.metrics.notes) notes.push_back(note());
    write_notes(w, notes);
    w.close('}');
    return std::move(w.text);
}

void write_notes(JsonWriter& w, const std::vector<Message>& notes) {
    w.open("notes", '[');
    for (const Message& note : notes) w.value(note.text);
    w.close(']');
    w.open("note_codes", '[');
    for (const Message& note : notes) write_message(w, note);
    w.close(']');
}

void write_errors(JsonWriter& w, const FieldErrors& errors) {
    w.open('[');
    for (const FieldError& e : errors) write_error(w, e);
    w.close(']');
}

std::string errors_json_text(const FieldErrors& errors) {
    JsonWriter w;
    w.open('{');
    w.key("errors");
    write_errors(w, errors);
    w.close('}');
    return std::move(w.text);
}

json thresholds_to_json() {
    json all = json::object();
    for (const Thresholds& t : health_thresholds)
        all[t.metric.key] = {{"higher_is_better", t.higher_is_better},
                             {"great", t.great},
                             {"good", t.good},
                             {"watch", t.watch}};
    return all;
}

} // namespace saas
