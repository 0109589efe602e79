// Runs the import of a CSV text, whole or in chunks, for the import tests.
#pragma once

#include "import_json.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace saas_test {

inline saas::ImportResult import_chunks(const std::vector<std::string_view>& chunks, std::string_view currency = "USD",
                                        std::string_view as_of = "") {
    saas::ImportState state = saas::import_begin(currency, as_of);
    for (std::string_view chunk : chunks) saas::import_feed(state, chunk);
    return saas::import_finish(state);
}

inline saas::ImportResult import_text(std::string_view csv, std::string_view currency = "USD",
                                      std::string_view as_of = "") {
    return import_chunks({csv}, currency, as_of);
}

inline nlohmann::json import_json(std::string_view csv, std::string_view currency = "USD", std::string_view as_of = "") {
    return nlohmann::json::parse(import_text(csv, currency, as_of).json);
}

// One field of every month of the first currency, as "YYYY-MM=value" pairs.
inline std::string column_of(const nlohmann::json& out, const char* field, std::size_t currency = 0) {
    std::string s;
    for (const auto& m : out["currencies"][currency]["months"])
        s += (s.empty() ? "" : " ") + m["month"].get<std::string>() + "=" + m[field].dump();
    return s;
}

} // namespace saas_test
