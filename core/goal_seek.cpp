#include "goal_seek.hpp"

#include "messages.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace saas {
namespace {

constexpr int linear_points = 128;
// 10^(1/16): sixteen log-spaced points a decade. A literal rather than std::pow, which
// rounds differently in glibc and Emscripten's libc: the CLI and the wasm module must
// scan the same points to give the same answer.
constexpr double log_step = 1.1547819846894581796;
constexpr double log_floor = 1e-6;
constexpr int bisection_limit = 300;

using Evaluate = std::function<std::optional<double>(double)>;

struct Probe {
    double x;
    std::optional<double> y;
};

// Where the metric is "on the target's side": at or above it for an equation, broken
// even by the target month for break_even_month. Undefined values are on neither.
struct Goal {
    bool by_month; // break_even_month
    double target;

    std::optional<bool> side(const std::optional<double>& y) const {
        if (by_month) return y && *y <= target;
        if (!y) return std::nullopt;
        return *y >= target;
    }
    // Verified: the answer really reaches the target.
    bool reached(const std::optional<double>& y) const {
        if (by_month) return y && *y <= target;
        return y && std::abs(*y - target) <= 1e-9 * std::max(std::abs(target), 1.0);
    }
};

// Bisects [a, b], whose ends lie on different sides, down to the crossing: to adjacent
// doubles for an equation, to 1e-12 relative for a break-even month. Returns the end that
// reaches the target, or nothing when the bracket holds a jump over the target (or an
// undefined stretch) rather than a crossing. Bisecting on the side, rather than stopping
// at the first value that reaches the target, finds the edge of a flat stretch at the
// target: the value nearest outside it.
std::optional<Probe> refine(const Goal& goal, const Evaluate& f, Probe a, Probe b) {
    const bool a_side = *goal.side(a.y);
    // The metric's size over the bracket, for the precision of a double below.
    const double size = goal.by_month ? 0 : std::max({std::abs(*a.y), std::abs(*b.y), std::abs(goal.target)});
    for (int i = 0; i < bisection_limit; ++i) {
        const double mid = a.x + (b.x - a.x) / 2;
        if (mid == a.x || mid == b.x) break; // adjacent doubles
        if (goal.by_month && b.x - a.x <= 1e-12 * std::max(std::abs(a.x), std::abs(b.x))) break;
        const Probe m{mid, f(mid)};
        const std::optional<bool> side = goal.side(m.y);
        if (!side) return std::nullopt;
        (side == a_side ? a : b) = m;
    }
    if (goal.by_month) return goal.side(a.y) == true ? a : b; // the side that breaks even
    const Probe& best = std::abs(*a.y - goal.target) <= std::abs(*b.y - goal.target) ? a : b;
    if (goal.reached(best.y)) return best;
    // A target of 0 among large terms is met to the precision of a double: the two ends
    // (adjacent doubles) within 1e-9 of the metric's size; a jump leaves them far apart.
    if (std::abs(*a.y - *b.y) <= 1e-9 * size) return best;
    return std::nullopt;
}

double distance(const Probe& a, const Probe& b, double today) {
    if (a.x <= today && today <= b.x) return 0;
    return std::min(std::abs(a.x - today), std::abs(b.x - today));
}

// Why no value reaches the target, with the metric's range over the lever's.
Message unreachable(const Goal& goal, const TargetMetric& metric, const Lever& lever,
                    const std::vector<Probe>& scan) {
    std::optional<double> low, high;
    bool undefined_somewhere = false;
    for (const Probe& p : scan) {
        if (!p.y) {
            undefined_somewhere = true;
            continue;
        }
        low = std::min(low.value_or(*p.y), *p.y);
        high = std::max(high.value_or(*p.y), *p.y);
    }
    if (goal.by_month)
        return low ? msg::break_even_unreachable(goal.target, lever, *low) : msg::never_breaks_even(goal.target, lever);
    if (!low) return msg::goal_undefined(metric, goal.target, lever);
    if (*low <= goal.target && goal.target <= *high)
        return msg::goal_jumps(metric, goal.target, lever, undefined_somewhere);
    return msg::goal_unreachable(metric, goal.target, lever, *low, *high, undefined_somewhere);
}

} // namespace

std::vector<double> scan_points(const LeverRange& range, double today) {
    std::vector<double> points{today};
    for (int i = 0; i <= linear_points; ++i)
        points.push_back(range.min + (range.max - range.min) * i / linear_points);
    for (double x = log_floor; x < range.max; x *= log_step)
        if (x > range.min) points.push_back(x);
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    return points;
}

GoalSeek goal_seek(const Scenario& s, const Lever& lever, const TargetMetric& metric, double target) {
    Scenario work = s;
    const Evaluate f = [&](double x) {
        set_lever(work, s, lever, x);
        return evaluate(work, metric);
    };
    const Goal goal{metric.kind == MetricKind::break_even_month, target};
    const LeverRange range = lever_range(lever);
    const double today = lever_value(s, lever);

    std::vector<Probe> scan;
    for (double x : scan_points(range, today)) scan.push_back({x, f(x)});

    // Today's value, when it already reaches the target, is the nearest of all.
    std::optional<Probe> best;
    for (const Probe& p : scan)
        if (p.x == today && goal.reached(p.y)) best = p;
    // Brackets nearest today first; a bracket farther than the best answer is skipped.
    std::vector<std::pair<Probe, Probe>> brackets;
    for (std::size_t i = 0; i + 1 < scan.size(); ++i) {
        const std::optional<bool> a = goal.side(scan[i].y), b = goal.side(scan[i + 1].y);
        if (goal.reached(scan[i].y)) brackets.push_back({scan[i], scan[i]});
        if (a && b && *a != *b) brackets.push_back({scan[i], scan[i + 1]});
    }
    if (goal.reached(scan.back().y)) brackets.push_back({scan.back(), scan.back()});
    std::stable_sort(brackets.begin(), brackets.end(), [&](const auto& l, const auto& r) {
        return distance(l.first, l.second, today) < distance(r.first, r.second, today);
    });
    for (const auto& [a, b] : brackets) {
        if (best && distance(a, b, today) > std::abs(best->x - today)) break;
        const std::optional<Probe> found = a.x == b.x ? std::optional<Probe>(a) : refine(goal, f, a, b);
        if (found && (!best || std::abs(found->x - today) < std::abs(best->x - today)))
            best = found;
    }

    GoalSeek result;
    if (!best) {
        result.note = unreachable(goal, metric, lever, scan);
        return result;
    }
    // Verified once more on a fresh copy: the answer is what calc would give.
    Scenario check = s;
    set_lever(check, s, lever, best->x);
    result.value = best->x;
    result.achieved = evaluate(check, metric);
    result.note = goal.by_month ? msg::break_even_reached(*result.achieved, target, lever, best->x, today)
                                : msg::goal_reached(metric, target, lever, best->x, today);
    return result;
}

} // namespace saas
