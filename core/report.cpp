#include "report.hpp"

#include "pricing.hpp"

namespace saas {

Report compute(const Scenario& s) {
    Report r;
    r.projection = project(s, arpa(s.plans));
    r.metrics = compute_metrics(s, r.projection);
    r.health = grade_all(r.metrics);
    return r;
}

} // namespace saas
