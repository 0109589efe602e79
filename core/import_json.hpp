// Text in, text out for the subscription import (contract section 8.1): the entry
// points the CLI and the wasm module share, so both print byte-identical JSON. The CSV
// arrives in chunks of any size (import_feed); nothing keeps the whole file.
#pragma once

#include "csv_reader.hpp"
#include "date.hpp"
#include "field_error.hpp"
#include "subscriptions.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace saas {

struct ImportOptions {
    std::string currency = "USD"; // of rows without a currency column (3 letters)
    std::optional<Date> as_of;
};

struct ImportState {
    FieldErrors option_errors; // invalid options: finish() reports them, feeding is ignored
    CsvReader reader;
    Ledger ledger;
    std::optional<Columns> columns;   // once the header is read
    std::optional<Message> fatal;     // the header's problem: the rest is not read
};

struct ImportResult {
    std::string json; // contract section 8.1, or {"errors": [...]}
    int exit_code;    // 0, or 2 with errors
};

ImportState import_begin(const ImportOptions& options);
// The options as text, as the CLI and the page take them: currency "usd" or "USD";
// as_of "" (none) or "YYYY-MM-DD". Invalid ones make finish() return their errors.
ImportState import_begin(std::string_view currency, std::string_view as_of);
void import_feed(ImportState& state, std::string_view chunk);
std::size_t import_rows(const ImportState& state); // data rows read so far
ImportResult import_finish(ImportState& state);

} // namespace saas
