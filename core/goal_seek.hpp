// Goal seek (contract section 9): the value of one lever at which a metric reaches a
// target, or why none does. Robust on non-monotone and stepwise metrics: the lever's
// range is scanned first, then each bracket refined by bisection, and the answer is
// verified before it is returned.
#pragma once

#include "lab_metric.hpp"
#include "levers.hpp"
#include "message_codes.hpp"
#include "scenario.hpp"

#include <optional>
#include <vector>

namespace saas {

struct GoalSeek {
    std::optional<double> value;    // the lever's value; empty when unreachable
    std::optional<double> achieved; // the metric at `value`
    Message note;                   // what was found, or the metric's range when unreachable
};

// For break_even_month, `target` is a month M and the answer is the least change of the
// lever that breaks even at or before month M.
GoalSeek goal_seek(const Scenario& s, const Lever& lever, const TargetMetric& metric, double target);

// The values the scan evaluates: evenly spaced and (from 1e-6 up) log-spaced points over
// the lever's range, plus today's value; ascending, no duplicates.
std::vector<double> scan_points(const LeverRange& range, double today);

} // namespace saas
