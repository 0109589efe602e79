// The import module's whole surface (saas-metrics-import.{js,wasm}): core/import_json.hpp
// over Embind, as one class the page's worker feeds chunk by chunk. A module apart from
// saas-metrics-core, so the calculator's first visit does not download the import.
// saas-metrics-import.d.ts beside this file types it for JavaScript.
#include "import_json.hpp"

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

namespace {

struct Importer {
    saas::ImportState state;
    std::vector<char> chunk; // where a Uint8Array is copied in

    Importer(const std::string& currency, const std::string& as_of) : state(saas::import_begin(currency, as_of)) {}

    // One TypedArray.set (a memcpy) into the heap: Embind's std::string would copy a
    // Uint8Array byte by byte in JavaScript.
    void feed(const emscripten::val& bytes) {
        chunk.resize(bytes["length"].as<std::size_t>());
        emscripten::val(emscripten::typed_memory_view(chunk.size(), reinterpret_cast<unsigned char*>(chunk.data())))
            .call<void>("set", bytes);
        saas::import_feed(state, std::string_view(chunk.data(), chunk.size()));
    }
    double rows() const { return static_cast<double>(saas::import_rows(state)); }
    std::string finish() { return saas::import_finish(state).json; }
};

} // namespace

EMSCRIPTEN_BINDINGS(saas_metrics_import) {
    emscripten::class_<Importer>("Importer")
        .constructor<const std::string&, const std::string&>()
        .function("feed", &Importer::feed)
        .function("rows", &Importer::rows)
        .function("finish", &Importer::finish);
}
