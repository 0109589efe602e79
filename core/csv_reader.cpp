#include "csv_reader.hpp"

#include <array>

namespace saas {
namespace {

using State = CsvReader::State;

// Bytes that end a run of plain field text, outside quotes and inside them.
constexpr auto table(std::string_view specials) {
    std::array<bool, 256> t{};
    for (char c : specials) t[static_cast<unsigned char>(c)] = true;
    return t;
}
constexpr auto plain_stop = table(",\"\r\n");
constexpr auto quoted_stop = table("\"\r\n");

void append(CsvReader& r, const char* p, std::size_t n) {
    if (r.row_bytes + n > max_row_bytes) r.error = CsvError::row_too_long;
    r.row_bytes += n;
    if (r.error != CsvError::row_too_long) r.bytes.append(p, n);
}

void end_field(CsvReader& r) {
    r.row_bytes += 1;
    if (r.row_bytes > max_row_bytes) r.error = CsvError::row_too_long;
    if (r.error != CsvError::row_too_long) r.ends.push_back(static_cast<std::uint32_t>(r.bytes.size()));
    r.state = State::field_start;
}

void end_row(CsvReader& r, CsvRowCallback on_row, void* context) {
    if (!r.row_empty) {
        if (r.error != CsvError::row_too_long) r.ends.push_back(static_cast<std::uint32_t>(r.bytes.size()));
        r.views.clear();
        if (r.error != CsvError::row_too_long) {
            std::uint32_t begin = 0;
            for (std::uint32_t end : r.ends) {
                r.views.emplace_back(r.bytes.data() + begin, end - begin);
                begin = end;
            }
        }
        on_row(context, CsvRow{r.views, r.row_line, r.error});
    }
    r.bytes.clear();
    r.ends.clear();
    r.row_bytes = 0;
    r.error = CsvError::none;
    r.row_empty = true;
    r.state = State::field_start;
}

// A line break byte: counts a line unless it is the '\n' of a CRLF.
void count_line(CsvReader& r, char c) {
    if (c == '\r' || !r.previous_cr) ++r.line;
}

// The common row, read without copying: it lies whole in [p, end), and its fields are
// unquoted or quoted without escaped quotes or line breaks, so each is a view into the
// chunk. Returns the byte after the row's line break, or nullptr to leave the row to the
// state machine (which reads every row alike, only slower).
const char* whole_row(CsvReader& r, const char* p, const char* end, CsvRowCallback on_row, void* context) {
    const char* const row = p;
    r.views.clear();
    for (;;) {
        const char* begin = p;
        if (*p == '"') {
            begin = ++p;
            while (p < end && !quoted_stop[static_cast<unsigned char>(*p)]) ++p;
            if (p == end || *p != '"') return nullptr;
            r.views.emplace_back(begin, static_cast<std::size_t>(p++ - begin));
        } else {
            while (p < end && !plain_stop[static_cast<unsigned char>(*p)]) ++p;
            r.views.emplace_back(begin, static_cast<std::size_t>(p - begin));
        }
        if (p == end) return nullptr;
        const char c = *p++;
        if (c == ',') {
            if (p == end) return nullptr;
            continue;
        }
        if ((c != '\n' && c != '\r') || static_cast<std::size_t>(p - 1 - row) > max_row_bytes) return nullptr;
        r.row_line = r.line;
        on_row(context, CsvRow{r.views, r.line, CsvError::none});
        r.previous_cr = false;
        count_line(r, c);
        r.previous_cr = c == '\r';
        return p;
    }
}

void feed_bytes(CsvReader& r, const char* p, const char* end, CsvRowCallback on_row, void* context) {
    while (p < end) {
        const char c = *p;
        if (r.row_empty) {
            // The '\n' of a CRLF that ended the previous row, or a blank line.
            if (c == '\n' || c == '\r') {
                count_line(r, c);
                r.previous_cr = c == '\r';
                ++p;
                continue;
            }
            if (const char* next = whole_row(r, p, end, on_row, context)) {
                p = next;
                continue;
            }
            r.row_empty = false;
            r.row_line = r.line;
        }
        switch (r.state) {
        case State::field_start:
        case State::unquoted: {
            if (c == '"' && r.state == State::field_start) {
                r.state = State::quoted;
                r.row_bytes += 1;
                ++p;
                break;
            }
            const char* run = p;
            while (p < end && !plain_stop[static_cast<unsigned char>(*p)]) ++p;
            if (p > run) {
                append(r, run, static_cast<std::size_t>(p - run));
                r.state = State::unquoted;
                break;
            }
            ++p;
            if (c == ',') {
                end_field(r);
            } else if (c == '"') {
                if (r.error == CsvError::none) r.error = CsvError::stray_quote;
                append(r, &c, 1);
                r.state = State::unquoted;
            } else {
                count_line(r, c);
                end_row(r, on_row, context);
            }
            break;
        }
        case State::quoted: {
            const char* run = p;
            while (p < end && !quoted_stop[static_cast<unsigned char>(*p)]) ++p;
            if (p > run) {
                append(r, run, static_cast<std::size_t>(p - run));
                r.previous_cr = false;
                continue;
            }
            ++p;
            if (c == '"') {
                r.row_bytes += 1;
                r.state = State::quote_in_quoted;
            } else {
                count_line(r, c);
                append(r, &c, 1);
            }
            break;
        }
        case State::quote_in_quoted:
            ++p;
            if (c == '"') {
                append(r, &c, 1);
                r.state = State::quoted;
            } else if (c == ',') {
                end_field(r);
            } else if (c == '\n' || c == '\r') {
                count_line(r, c);
                end_row(r, on_row, context);
            } else {
                if (r.error == CsvError::none) r.error = CsvError::text_after_quote;
                append(r, &c, 1);
                r.state = State::unquoted;
            }
            break;
        }
        r.previous_cr = c == '\r';
    }
}

} // namespace

void feed(CsvReader& r, std::string_view chunk, CsvRowCallback on_row, void* context) {
    const char* p = chunk.data();
    const char* end = p + chunk.size();
    // A leading BOM may itself be cut; bytes that turn out not to be one are replayed.
    static constexpr char bom[] = "\xEF\xBB\xBF";
    while (!r.bom_done && p < end) {
        if (*p == bom[r.bom_matched]) {
            ++p;
            r.bom_done = ++r.bom_matched == 3;
            continue;
        }
        r.bom_done = true;
        feed_bytes(r, bom, bom + r.bom_matched, on_row, context);
    }
    feed_bytes(r, p, end, on_row, context);
}

void finish(CsvReader& r, CsvRowCallback on_row, void* context) {
    if (!r.bom_done) {
        r.bom_done = true;
        static constexpr char bom[] = "\xEF\xBB\xBF";
        feed_bytes(r, bom, bom + r.bom_matched, on_row, context);
    }
    if (r.state == State::quoted && r.error == CsvError::none) r.error = CsvError::unclosed_quote;
    end_row(r, on_row, context);
}

} // namespace saas
