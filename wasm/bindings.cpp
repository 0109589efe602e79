// The wasm module's whole surface: core/calc.hpp over Embind. No logic lives here;
// saas-metrics-core.d.ts beside this file types it for JavaScript.
#include "calc.hpp"
#include "messages.hpp"

#include <emscripten/bind.h>

#include <string>

using emscripten::val;

namespace {

std::string calc_text(const std::string& scenario) { return saas::calc(scenario).json; }

// The same computation over plain objects: JSON.stringify in, JSON.parse out.
// JSON.stringify(undefined) is no string; the core then reports "not valid JSON".
val calc_object(val scenario) {
    val json = val::global("JSON");
    val text = json.call<val>("stringify", scenario);
    return json.call<val>("parse", calc_text(text.isString() ? text.as<std::string>() : ""));
}

std::string validate_text(const std::string& scenario) { return saas::validate(scenario); }

} // namespace

EMSCRIPTEN_BINDINGS(saas_metrics) {
    emscripten::function("calc", &calc_text);
    emscripten::function("calcObject", &calc_object);
    emscripten::function("validate", &validate_text);
    emscripten::function("healthThresholds", &saas::health_thresholds_json);
    emscripten::function("messageCodes", &saas::message_codes_json);
}
