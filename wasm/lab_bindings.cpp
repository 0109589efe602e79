// The pricing lab's wasm module (contract section 9): core/lab_json.hpp over Embind, a
// module apart from the calculator's. No logic lives here; saas-metrics-lab.d.ts beside
// this file types it for JavaScript.
#include "lab_json.hpp"

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

namespace {

// The result decoded by TextDecoder straight from the wasm heap: returned as a std::string,
// Embind would copy it and scan it twice in JavaScript (a third of a price change's time).
template <saas::LabResult (*tool)(std::string_view)>
emscripten::val text(const std::string& request) {
    const std::string json = tool(request).json;
    const auto* bytes = reinterpret_cast<const unsigned char*>(json.data());
    return emscripten::val::global("TextDecoder").new_().call<emscripten::val>(
        "decode", emscripten::typed_memory_view(json.size(), bytes));
}

} // namespace

EMSCRIPTEN_BINDINGS(saas_metrics_lab) {
    emscripten::function("solve", &text<saas::solve_json>);
    emscripten::function("sensitivity", &text<saas::sensitivity_json>);
    emscripten::function("grid", &text<saas::grid_json>);
    emscripten::function("priceChange", &text<saas::price_change_json>);
    emscripten::function("levers", &text<saas::levers_json>);
}
