// The pricing lab's wasm module (contract section 9): core/lab_json.hpp over Embind, a
// module apart from the calculator's. No logic lives here; saas-metrics-lab.d.ts beside
// this file types it for JavaScript.
#include "lab_json.hpp"

#include <emscripten/bind.h>

#include <string>

namespace {

template <saas::LabResult (*tool)(std::string_view)>
std::string text(const std::string& request) {
    return tool(request).json;
}

} // namespace

EMSCRIPTEN_BINDINGS(saas_metrics_lab) {
    emscripten::function("solve", &text<saas::solve_json>);
    emscripten::function("sensitivity", &text<saas::sensitivity_json>);
    emscripten::function("grid", &text<saas::grid_json>);
    emscripten::function("priceChange", &text<saas::price_change_json>);
    emscripten::function("levers", &text<saas::levers_json>);
}
