// A streaming RFC 4180 reader (contract section 8): quotes, escaped quotes (""), CRLF or
// LF, an optional UTF-8 BOM, line breaks inside quoted fields. Chunks may be cut
// anywhere (inside a quoted field, a CRLF or a UTF-8 character): the reader is one state
// machine whose state carries over, so any cut gives the rows of one whole-file call.
// It holds only the current row, at most max_row_bytes of it: a longer row is reported
// as a bad row and its bytes dropped, so memory never grows with the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace saas {

inline constexpr std::size_t max_row_bytes = std::size_t{1} << 20;

// Why a row cannot be read (messages.hpp says it in words).
enum class CsvError : std::uint8_t { none, row_too_long, stray_quote, text_after_quote, unclosed_quote };

struct CsvRow {
    std::span<const std::string_view> fields; // valid until the callback returns
    std::uint64_t line;                        // physical line where the row starts (1-based)
    CsvError error;                            // why the row cannot be read
};

struct CsvReader {
    enum class State : std::uint8_t { field_start, unquoted, quoted, quote_in_quoted };
    State state = State::field_start;
    bool previous_cr = false; // the last byte was '\r' (a '\n' after it ends no new line)
    bool row_empty = true;    // nothing of the current row read yet
    std::uint8_t bom_matched = 0; // bytes of a leading UTF-8 BOM seen so far
    bool bom_done = false;
    std::uint64_t line = 1;       // line of the next byte
    std::uint64_t row_line = 1;   // line where the current row starts
    std::size_t row_bytes = 0;    // raw bytes of the current row so far
    CsvError error = CsvError::none;
    std::string bytes;            // the current row's field contents, end to end
    std::vector<std::uint32_t> ends;    // where each finished field ends in `bytes`
    std::vector<std::string_view> views; // handed to the callback
};

using CsvRowCallback = void (*)(void* context, const CsvRow& row);

void feed(CsvReader& reader, std::string_view chunk, CsvRowCallback on_row, void* context);
void finish(CsvReader& reader, CsvRowCallback on_row, void* context);

// The same with any callable `void(const CsvRow&)`.
template <class F>
void feed(CsvReader& reader, std::string_view chunk, F&& on_row) {
    feed(reader, chunk, [](void* c, const CsvRow& row) { (*static_cast<std::remove_reference_t<F>*>(c))(row); },
         &on_row);
}
template <class F>
void finish(CsvReader& reader, F&& on_row) {
    finish(reader, [](void* c, const CsvRow& row) { (*static_cast<std::remove_reference_t<F>*>(c))(row); },
           &on_row);
}

} // namespace saas
