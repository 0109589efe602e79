#include "lab_metric.hpp"

#include "pricing.hpp"
#include "projection.hpp"

#include <algorithm>
#include <iterator>

namespace saas {
namespace {

struct Label {
    const char* key;
    const char* label;
};

// Names as the page shows them; every key of metric_fields has one.
constexpr Label snapshot_labels[] = {
    {"arpa", "ARPA"},
    {"mrr", "MRR"},
    {"arr", "ARR"},
    {"customers", "the customers"},
    {"new_mrr", "new MRR"},
    {"expansion_mrr", "expansion MRR"},
    {"contraction_mrr", "contraction MRR"},
    {"churned_mrr", "churned MRR"},
    {"net_new_mrr", "net new MRR"},
    {"customer_churn_monthly", "monthly customer churn"},
    {"customer_churn_annual", "annual customer churn"},
    {"gross_mrr_churn_monthly", "monthly gross MRR churn"},
    {"net_mrr_churn_monthly", "monthly net MRR churn"},
    {"nrr_annual", "NRR"},
    {"grr_annual", "GRR"},
    {"customer_lifetime_months", "the customer lifetime"},
    {"ltv", "LTV"},
    {"cac", "CAC"},
    {"cac_payback_months", "CAC payback"},
    {"ltv_to_cac", "LTV/CAC"},
    {"quick_ratio", "the quick ratio"},
    {"burn_or_profit_monthly", "the monthly burn or profit"},
    {"profit_margin", "the profit margin"},
    {"burn_multiple", "the burn multiple"},
    {"mrr_growth_annual", "annual MRR growth"},
    {"rule_of_40", "the rule of 40"},
};
static_assert(std::size(snapshot_labels) == std::size(metric_fields));

constexpr TargetMetric projection_metrics[] = {
    {MetricKind::break_even_month, nullptr, "break_even_month", "the break-even month"},
    {MetricKind::mrr_at_horizon, nullptr, "mrr_at_horizon", "MRR at the horizon"},
    {MetricKind::customers_at_horizon, nullptr, "customers_at_horizon", "the customers at the horizon"},
    {MetricKind::cumulative_profit_at_horizon, nullptr, "cumulative_profit_at_horizon",
     "the cumulative profit at the horizon"},
};

// Only annual MRR growth (and the rule of 40 built on it) reads the projection, and
// only its month 12.
bool reads_month_12(const TargetMetric& m) {
    return m.field == &Metrics::mrr_growth_annual || m.field == &Metrics::rule_of_40;
}

} // namespace

std::optional<TargetMetric> parse_metric(std::string_view key) {
    for (std::size_t i = 0; i < std::size(metric_fields); ++i)
        if (key == metric_fields[i].key)
            return TargetMetric{MetricKind::snapshot, metric_fields[i].value, metric_fields[i].key,
                                snapshot_labels[i].label};
    for (const TargetMetric& m : projection_metrics)
        if (key == m.key) return m;
    return std::nullopt;
}

std::optional<double> evaluate(const Scenario& s, const TargetMetric& metric) {
    const double arpa_value = arpa(s.plans);
    if (metric.kind == MetricKind::snapshot)
        return compute_metrics(s, arpa_value, project(s, arpa_value, reads_month_12(metric) ? 12 : 0)).*
               (metric.field);
    // The projection's summaries without its rows: the grid evaluates them 10,000 times.
    double customers = 0, mrr = 0, cumulative = 0;
    std::optional<int> break_even;
    each_month(s, arpa_value, s.options.horizon_months, [&](int t, double c, double m, const Movements&) {
        const double profit = month_profit(s, m);
        customers = c;
        mrr = m;
        cumulative += profit;
        if (!break_even && profit >= 0) break_even = t;
        return !(break_even && metric.kind == MetricKind::break_even_month);
    });
    switch (metric.kind) {
    case MetricKind::break_even_month:
        if (break_even) return *break_even;
        return std::nullopt;
    case MetricKind::mrr_at_horizon: return mrr;
    case MetricKind::customers_at_horizon: return customers;
    default: return cumulative;
    }
}

std::vector<std::string> metric_keys() {
    std::vector<std::string> keys;
    for (const MetricField& f : metric_fields) keys.push_back(f.key);
    for (const TargetMetric& m : projection_metrics) keys.push_back(m.key);
    return keys;
}

} // namespace saas
