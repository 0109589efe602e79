#include "sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace saas {
namespace {

// |high - low| rounded to 40 bits of mantissa (about 1e-12 relative), so levers that move
// the metric equally up to rounding (customers and prices, for MRR) tie, and sort by path.
double spread(const SensitivityRow& r) {
    if (!r.low || !r.high) return -1; // undefined: last
    const double exact = std::abs(*r.high - *r.low);
    std::uint64_t bits;
    std::memcpy(&bits, &exact, sizeof bits);
    bits = (bits + 0x800) & ~std::uint64_t{0xFFF};
    double rounded;
    std::memcpy(&rounded, &bits, sizeof rounded);
    return rounded;
}

} // namespace

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
    // Each row's sort key made once, not at every comparison: with many levers most
    // rows often tie (none moves the break-even month) and sort by path.
    struct Keyed {
        double spread;
        std::string path;
        SensitivityRow row;
    };
    std::vector<Keyed> rows;
    rows.reserve(levers.size());
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
        rows.push_back({spread(row), lever_path(l), row});
    }
    std::sort(rows.begin(), rows.end(), [](const Keyed& a, const Keyed& b) {
        return a.spread != b.spread ? a.spread > b.spread : a.path < b.path;
    });
    std::vector<SensitivityRow> sorted;
    sorted.reserve(rows.size());
    for (const Keyed& k : rows) sorted.push_back(k.row);
    return sorted;
}

} // namespace saas
