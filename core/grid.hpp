// Grid (contract section 9): a metric over two levers, each evenly spaced from `from` to
// `to` with both ends included (the page's heatmap).
#pragma once

#include "lab_metric.hpp"
#include "levers.hpp"
#include "scenario.hpp"

#include <optional>
#include <vector>

namespace saas {

struct Axis {
    Lever lever;
    double from;
    double to;
    int steps; // 2 to 101
};

inline constexpr int min_grid_steps = 2;
inline constexpr int max_grid_steps = 101;

struct Grid {
    std::vector<double> x, y;
    std::vector<std::vector<std::optional<double>>> values; // values[j][i]: at y[j], x[i]
};

// from + (to - from) i / (steps - 1); the last is exactly `to`.
std::vector<double> axis_values(const Axis& axis);

Grid grid(const Scenario& s, const TargetMetric& metric, const Axis& x, const Axis& y);

} // namespace saas
