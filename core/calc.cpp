#include "calc.hpp"

#include "json_writer.hpp"
#include "report_json.hpp"
#include "scenario_json.hpp"

namespace saas {

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
    JsonWriter w;
    write_errors(w, errors ? *errors : FieldErrors{});
    return std::move(w.text);
}

std::string health_thresholds_json() {
    return thresholds_to_json().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace saas
