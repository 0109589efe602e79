#include "health.hpp"

namespace saas {

const char* grade_name(Grade g) {
    switch (g) {
    case Grade::great: return "great";
    case Grade::good: return "good";
    case Grade::watch: return "watch";
    case Grade::bad: return "bad";
    }
    return "";
}

Grade grade(double value, const Thresholds& t) {
    auto reaches = [&](double bound) { return t.higher_is_better ? value >= bound : value <= bound; };
    if (reaches(t.great)) return Grade::great;
    if (reaches(t.good)) return Grade::good;
    if (reaches(t.watch)) return Grade::watch;
    return Grade::bad;
}

std::vector<GradedMetric> grade_all(const Metrics& m) {
    std::vector<GradedMetric> graded;
    for (const Thresholds& t : health_thresholds) {
        const std::optional<double>& value = m.*(t.metric.value);
        graded.push_back({t.metric.key, value ? std::optional(grade(*value, t)) : std::nullopt});
    }
    return graded;
}

} // namespace saas
