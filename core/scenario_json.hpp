// JSON -> Scenario (contract section 1): every field checked against its range,
// every error collected in one pass and named by its JSON path.
#pragma once

#include "field_error.hpp"
#include "scenario.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string_view>
#include <variant>

namespace saas {

using ScenarioOrErrors = std::variant<Scenario, FieldErrors>;

// Parses untrusted text; a syntax error is reported on field "".
ScenarioOrErrors parse_scenario(std::string_view json_text);

ScenarioOrErrors scenario_from_json(const nlohmann::json& document);

// Beyond the contract's ">= 0": amounts, counts and units are capped so that every
// product of inputs stays far from overflow (README, "Decisions").
inline constexpr double max_amount = 1e12;
// Monthly expansion is capped at 100 % so a 120-month projection stays finite.
inline constexpr double max_expansion = 1;
inline constexpr std::size_t max_plans = 50;
inline constexpr std::size_t max_tiers = 50;
inline constexpr std::size_t max_text_bytes = 1 << 20;

} // namespace saas
