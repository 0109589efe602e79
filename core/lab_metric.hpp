// Target metrics of the pricing lab (contract section 9): any numeric key of section 3,
// or break_even_month, mrr_at_horizon, customers_at_horizon, cumulative_profit_at_horizon,
// evaluated on a Scenario struct as cheaply as the metric allows.
#pragma once

#include "metrics.hpp"
#include "scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saas {

enum class MetricKind {
    snapshot, // a key of section 3
    break_even_month,
    mrr_at_horizon,
    customers_at_horizon,
    cumulative_profit_at_horizon,
};

struct TargetMetric {
    MetricKind kind;
    std::optional<double> Metrics::*field = nullptr; // for snapshot metrics
    const char* key;                                 // the contract's name
    const char* label;                               // in words, for notes
};

std::optional<TargetMetric> parse_metric(std::string_view key);

// The metric for scenario s, or nothing where it is undefined (break_even_month: no
// break-even within the horizon).
std::optional<double> evaluate(const Scenario& s, const TargetMetric& metric);

// Every target metric's key: section 3's in order, then the projection's.
std::vector<std::string> metric_keys();

} // namespace saas
