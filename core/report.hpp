// Everything computed from one scenario: snapshot, health, projection (sections 3-5).
#pragma once

#include "health.hpp"
#include "metrics.hpp"
#include "projection.hpp"
#include "scenario.hpp"

#include <vector>

namespace saas {

struct Report {
    Metrics metrics;
    std::vector<GradedMetric> health;
    Projection projection;
};

Report compute(const Scenario& s);

} // namespace saas
