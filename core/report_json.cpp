#include "report_json.hpp"

namespace saas {
namespace {

using json = nlohmann::ordered_json;

// -0 would print as "-0.0"; a user never means it.
double tidy(double x) { return x == 0 ? 0.0 : x; }

json number_or_null(const std::optional<double>& x) { return x ? json(tidy(*x)) : json(nullptr); }

json month_to_json(const MonthRow& row) {
    return {
        {"month", row.month},
        {"customers", tidy(row.customers)},
        {"mrr", tidy(row.mrr)},
        {"arr", tidy(row.arr)},
        {"new_mrr", tidy(row.movements.new_mrr)},
        {"expansion_mrr", tidy(row.movements.expansion_mrr)},
        {"contraction_mrr", tidy(row.movements.contraction_mrr)},
        {"churned_mrr", tidy(row.movements.churned_mrr)},
        {"net_new_mrr", tidy(row.movements.net_new_mrr)},
        {"gross_profit", tidy(row.gross_profit)},
        {"sales_marketing", tidy(row.sales_marketing)},
        {"fixed", tidy(row.fixed)},
        {"profit", tidy(row.profit)},
        {"cumulative_profit", tidy(row.cumulative_profit)},
    };
}

} // namespace

json report_to_json(const Report& r, const std::string& currency) {
    json metrics = json::object();
    for (const MetricField& f : metric_fields) metrics[f.key] = number_or_null(r.metrics.*(f.value));
    json health = json::object();
    for (const GradedMetric& g : r.health)
        health[g.key] = g.grade ? json(grade_name(*g.grade)) : json(nullptr);
    json projection = json::array();
    for (const MonthRow& row : r.projection.months) projection.push_back(month_to_json(row));
    const auto& break_even = r.projection.break_even_month;
    return {
        {"schema", 1},
        {"currency", currency},
        {"metrics", std::move(metrics)},
        {"health", std::move(health)},
        {"projection", std::move(projection)},
        {"break_even_month", break_even ? json(*break_even) : json(nullptr)},
        {"notes", r.metrics.notes},
    };
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
