// libFuzzer harness over the subscription import (scripts/fuzz 60 import): the CSV
// reader and the analysis. Any input must give JSON that parses, holds no NaN or
// Infinity, and is the same whether the file arrives whole or cut in three chunks.
// The first two bytes choose the cuts and the third the options; the rest is the file.
#include "import_json.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const std::string_view file(reinterpret_cast<const char*>(data) + 3, size - 3);
    const std::string_view as_of = data[2] & 1 ? "2024-03-15" : "";
    const std::string_view currency = data[2] & 2 ? "eur" : "USD";

    saas::ImportState whole = saas::import_begin(currency, as_of);
    saas::import_feed(whole, file);
    const saas::ImportResult expected = saas::import_finish(whole);

    std::size_t i = file.empty() ? 0 : data[0] % (file.size() + 1), j = file.empty() ? 0 : data[1] * 7 % (file.size() + 1);
    if (i > j) std::swap(i, j);
    saas::ImportState cut = saas::import_begin(currency, as_of);
    for (std::string_view chunk : {file.substr(0, i), file.substr(i, j - i), file.substr(j)}) saas::import_feed(cut, chunk);
    if (saas::import_finish(cut).json != expected.json) std::abort();

    const nlohmann::json out = nlohmann::json::parse(expected.json, nullptr, false);
    if (out.is_discarded() || expected.json.find("NaN") != std::string::npos ||
        expected.json.find("Infinity") != std::string::npos || (expected.exit_code == 0) != out.contains("schema"))
        std::abort();
    return 0;
}
