#include "sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace saas {

std::vector<Lever> nonzero_levers(const Scenario& s) {
    std::vector<Lever> levers;
    for (const Lever& l : all_levers(s))
        if (lever_value(s, l) != 0) levers.push_back(l);
    return levers;
}

std::vector<SensitivityRow> sensitivity(const Scenario& s, const TargetMetric& metric,
                                        const std::vector<Lever>& levers, double swing) {
    Scenario work = s;
    const std::optional<double> base = evaluate(s, metric);
    std::vector<std::pair<std::string, SensitivityRow>> rows; // with the path, for ties
    for (const Lever& l : levers) {
        const double x = lever_value(s, l);
        const LeverRange range = lever_range(l);
        SensitivityRow row{l, std::clamp(x * (1 - swing), range.min, range.max),
                           std::clamp(x * (1 + swing), range.min, range.max), {}, {}, base};
        set_lever(work, s, l, row.low_input);
        row.low = evaluate(work, metric);
        set_lever(work, s, l, row.high_input);
        row.high = evaluate(work, metric);
        set_lever(work, s, l, x); // back to today's, for the next lever
        rows.emplace_back(lever_path(l), row);
    }
    const auto spread = [](const SensitivityRow& r) {
        return r.low && r.high ? std::abs(*r.high - *r.low) : -1.0; // undefined: last
    };
    std::sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
        const double sa = spread(a.second), sb = spread(b.second);
        return sa != sb ? sa > sb : a.first < b.first;
    });
    std::vector<SensitivityRow> sorted;
    for (auto& [path, row] : rows) sorted.push_back(row);
    return sorted;
}

} // namespace saas
