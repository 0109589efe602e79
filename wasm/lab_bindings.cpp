// The pricing lab's wasm module (contract section 9): core/lab_json.hpp over Embind, a
// module apart from the calculator's. No logic lives here; saas-metrics-lab.d.ts beside
// this file types it for JavaScript.
#include "lab_json.hpp"

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

namespace {

using emscripten::val;

// Text crosses by the browser's TextEncoder and TextDecoder, straight into and out of the
// wasm heap: as std::string, Embind walks it a character at a time in JavaScript (twice
// each way) and copies the result once more, a third of a 50-plan price change's time.
// The page's requests come from JSON.stringify, so they hold no lone surrogate, which
// the two would encode differently.
std::string utf8(const val& text) {
    static const val encoder = val::global("TextEncoder").new_();
    std::string bytes(3 * text["length"].as<std::size_t>(), '\0'); // UTF-8's worst case
    auto* data = reinterpret_cast<unsigned char*>(bytes.data());
    const val written = encoder.call<val>("encodeInto", text, emscripten::typed_memory_view(bytes.size(), data))["written"];
    bytes.resize(written.as<std::size_t>());
    return bytes;
}

val js_string(const std::string& bytes) {
    static const val decoder = val::global("TextDecoder").new_();
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    return decoder.call<val>("decode", emscripten::typed_memory_view(bytes.size(), data));
}

template <saas::LabResult (*tool)(std::string_view)>
val text(const val& request) {
    return js_string(tool(utf8(request)).json);
}

} // namespace

EMSCRIPTEN_BINDINGS(saas_metrics_lab) {
    emscripten::function("solve", &text<saas::solve_json>);
    emscripten::function("sensitivity", &text<saas::sensitivity_json>);
    emscripten::function("grid", &text<saas::grid_json>);
    emscripten::function("priceChange", &text<saas::price_change_json>);
    emscripten::function("levers", &text<saas::levers_json>);
}
