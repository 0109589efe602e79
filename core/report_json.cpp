#include "report_json.hpp"

#include <cmath>

namespace saas {
namespace {

using json = nlohmann::json;

// Writes JSON text as it goes. Building an ordered_json of the whole report and then
// dumping it took most of a computation's time (bench/); numbers still go through
// nlohmann's own printer, so the text is exactly what json::dump gives.
class Writer {
  public:
    std::string text;

    void open(char bracket) {
        separate();
        text += bracket;
        first_ = true;
    }
    void open(const char* name, char bracket) {
        key(name);
        open(bracket);
    }
    void close(char bracket) {
        text += bracket;
        first_ = false;
    }

    template <class T>
    void field(const char* name, const T& x) {
        key(name);
        value(x);
    }

    void value(double x) {
        if (!std::isfinite(x)) return null(); // never expected; printed as dump() would
        separate();
        char digits[64]; // as large as nlohmann's own buffer
        // -0 would print as "-0.0"; a user never means it.
        text.append(digits, nlohmann::detail::to_chars(digits, digits + sizeof digits, x == 0 ? 0.0 : x));
    }
    void value(int x) {
        separate();
        text += std::to_string(x);
    }
    void value(const std::string& s) {
        separate();
        text += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
    }
    template <class T>
    void value(const std::optional<T>& x) {
        x ? value(*x) : null();
    }
    void null() {
        separate();
        text += "null";
    }

  private:
    bool first_ = true; // no comma before the next value

    void separate() {
        if (!first_) text += ',';
        first_ = false;
    }
    // Keys are the contract's names, plain ASCII, so they need no escaping.
    void key(const char* name) {
        separate();
        text += '"';
        text += name;
        text += "\":";
        first_ = true;
    }
};

void write_month(Writer& w, const MonthRow& row) {
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

} // namespace

std::string report_to_json_text(const Report& r, const std::string& currency) {
    Writer w;
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
    w.open("notes", '[');
    for (const std::string& note : r.metrics.notes) w.value(note);
    w.close(']');
    w.close('}');
    return std::move(w.text);
}

json errors_to_json(const FieldErrors& errors) {
    json list = json::array();
    for (const FieldError& e : errors) list.push_back({{"field", e.field}, {"message", e.message}});
    return list;
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
