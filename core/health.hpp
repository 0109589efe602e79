// Health grades (contract section 5): each graded metric against its thresholds.
#pragma once

#include "metrics.hpp"

#include <optional>
#include <vector>

namespace saas {

enum class Grade { great, good, watch, bad };

const char* grade_name(Grade g);

// A value beyond `great` is great, beyond `good` is good, beyond `watch` is watch,
// else bad; a value exactly on a boundary takes the better grade.
struct Thresholds {
    MetricField metric;
    bool higher_is_better;
    double great, good, watch;
};

inline constexpr Thresholds health_thresholds[] = {
    {{"ltv_to_cac", &Metrics::ltv_to_cac}, true, 5, 3, 1},
    {{"cac_payback_months", &Metrics::cac_payback_months}, false, 12, 18, 24},
    {{"nrr_annual", &Metrics::nrr_annual}, true, 1.20, 1.00, 0.90},
    {{"customer_churn_annual", &Metrics::customer_churn_annual}, false, 0.05, 0.10, 0.20},
    {{"quick_ratio", &Metrics::quick_ratio}, true, 4, 2, 1},
    {{"burn_multiple", &Metrics::burn_multiple}, false, 1, 2, 3},
    {{"rule_of_40", &Metrics::rule_of_40}, true, 0.40, 0.20, 0},
};

Grade grade(double value, const Thresholds& t);

struct GradedMetric {
    const char* key;
    std::optional<Grade> grade; // empty when the metric is undefined
};

// One entry per row of health_thresholds, in that order.
std::vector<GradedMetric> grade_all(const Metrics& m);

} // namespace saas
