#include "report.hpp"

#include "pricing.hpp"

namespace saas {

Report compute(const Scenario& s) {
    Report r;
    const double arpa_value = arpa(s.plans);
    r.projection = project(s, arpa_value);
    r.metrics = compute_metrics(s, arpa_value, r.projection);
    r.health = grade_all(r.metrics);
    return r;
}

} // namespace saas
