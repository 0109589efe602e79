// Text in, text out: the one entry point the CLI and the wasm module share, so both
// give byte-identical output for the same scenario.
#pragma once

#include <string>
#include <string_view>

namespace saas {

struct CalcResult {
    std::string json; // the output of contract section 6, or {"errors": [...]}
    bool ok;          // false when `json` holds errors
};

CalcResult calc(std::string_view scenario_json);

// The errors of a scenario as a JSON list; "[]" when it is valid.
std::string validate(std::string_view scenario_json);

// The health thresholds as JSON (see thresholds_to_json).
std::string health_thresholds_json();

} // namespace saas
