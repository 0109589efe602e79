#include "calc.hpp"

#include "report_json.hpp"
#include "scenario_json.hpp"

namespace saas {
namespace {

template <class Json>
std::string dump(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

CalcResult calc(std::string_view scenario_json) {
    ScenarioOrErrors parsed = parse_scenario(scenario_json);
    if (auto* errors = std::get_if<FieldErrors>(&parsed))
        return {errors_json_text(*errors), false};
    const Scenario& s = std::get<Scenario>(parsed);
    return {report_to_json_text(compute(s), s.currency), true};
}

std::string validate(std::string_view scenario_json) {
    ScenarioOrErrors parsed = parse_scenario(scenario_json);
    const auto* errors = std::get_if<FieldErrors>(&parsed);
    return dump(errors_to_json(errors ? *errors : FieldErrors{}));
}

std::string health_thresholds_json() { return dump(thresholds_to_json()); }

} // namespace saas
