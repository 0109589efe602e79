#include "grid.hpp"

namespace saas {

std::vector<double> axis_values(const Axis& axis) {
    std::vector<double> values;
    for (int i = 0; i < axis.steps; ++i)
        values.push_back(i + 1 == axis.steps ? axis.to
                                             : axis.from + (axis.to - axis.from) * i / (axis.steps - 1));
    return values;
}

Grid grid(const Scenario& s, const TargetMetric& metric, const Axis& x, const Axis& y) {
    Grid g{axis_values(x), axis_values(y), {}};
    Scenario work = s;
    for (double yv : g.y) {
        set_lever(work, s, y.lever, yv);
        auto& row = g.values.emplace_back();
        for (double xv : g.x) {
            set_lever(work, s, x.lever, xv);
            row.push_back(evaluate(work, metric));
        }
    }
    return g;
}

} // namespace saas
