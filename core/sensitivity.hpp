// Sensitivity (contract section 9): each lever moved down and up by a swing, the metric
// at both ends, rows sorted by how much the metric moves (the page's tornado chart).
#pragma once

#include "lab_metric.hpp"
#include "levers.hpp"
#include "scenario.hpp"

#include <optional>
#include <vector>

namespace saas {

struct SensitivityRow {
    Lever lever;
    double low_input;  // x(1 - swing), clamped to the lever's range
    double high_input; // x(1 + swing), clamped
    std::optional<double> low, high, base;
};

// The default levers: every lever whose value is not 0 (price_factor, 1, included).
std::vector<Lever> nonzero_levers(const Scenario& s);

// Sorted by |high - low|, largest first (equal to about 1e-12 relative is a tie); rows
// where low or high is undefined come last; ties by lever path.
std::vector<SensitivityRow> sensitivity(const Scenario& s, const TargetMetric& metric,
                                        const std::vector<Lever>& levers, double swing);

} // namespace saas
