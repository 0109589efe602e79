#include "csv_reader.hpp"

#include <algorithm>
#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

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

// The specials of a 64-byte block, a bit per byte: where it holds ',' (commas), and where
// '"', '\r' or '\n' (others). The fast path finds a row's fields a block at a time, instead
// of a byte (and a mispredicted branch at each field's end) at a time; commas apart, as the
// fields between two others are ended by one bit each. SIMD where the target has it (SSE2
// natively, SIMD128 in the wasm build), else the tables.
struct Specials {
    std::uint64_t commas = 0, others = 0;
};

// Inlined: g++ leaves it a call per block, and its bits then go through memory.
[[gnu::always_inline]] inline Specials specials(const char* p, std::size_t n) {
    Specials s;
#if defined(__SSE2__) || defined(__wasm_simd128__)
    if (n >= 64) {
        for (int i = 0; i < 64; i += 16) {
#if defined(__SSE2__)
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
            const __m128i others = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                             _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
            // The mask's upper bits are zero: a 32-bit cast needs no instruction, a 16-bit one does.
            s.commas |= std::uint64_t{static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(','))))} << i;
            s.others |= std::uint64_t{static_cast<std::uint32_t>(_mm_movemask_epi8(others))} << i;
#else
            const v128_t v = wasm_v128_load(p + i);
            const v128_t others = wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat('"')),
                                               wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat('\n')),
                                                            wasm_i8x16_eq(v, wasm_i8x16_splat('\r'))));
            s.commas |= std::uint64_t{wasm_i8x16_bitmask(wasm_i8x16_eq(v, wasm_i8x16_splat(',')))} << i;
            s.others |= std::uint64_t{wasm_i8x16_bitmask(others)} << i;
#endif
        }
        return s;
    }
#endif
    for (std::size_t i = 0; i < n && i < 64; ++i) {
        s.commas |= std::uint64_t{p[i] == ','} << i;
        s.others |= std::uint64_t{quoted_stop[static_cast<unsigned char>(p[i])]} << i;
    }
    return s;
}

// Walks a chunk's specials in order: the block read last, with the specials already
// taken cleared.
struct Scan {
    const char* block = nullptr;
    Specials bits;
};

// The common rows, read without copying, one after another from `p` (a row start), with
// the blank lines between them: a row read here lies whole in [p, end), and its fields
// are unquoted or quoted without escaped quotes or line breaks, so each is a view into
// the chunk. Returns where the first row it leaves to the state machine starts (which
// reads every row alike, only slower), or `end`. Rows in one call keep the scan and the
// buffer in registers from one to the next.
const char* whole_rows(CsvReader& r, Scan& s, const char* p, const char* end, CsvRowCallback on_row,
                       void* context) {
    // The scan in locals, which stay in registers through the rows (through a reference,
    // each block's bits would go through memory); written back on every return.
    const char* block = s.block;
    std::uint64_t commas = s.bits.commas, others = s.bits.others;
    const auto leave = [&](const char* next) {
        s = Scan{block, {commas, others}};
        return next;
    };
    // Positions the scan at `from`. Rows are read in order and a row left to the state
    // machine is read by it to its end, past every special the scan took: so a position in
    // the current block never has a special before it still to take, or one after it taken.
    const auto seek = [&](const char* from) {
        if (!block || from < block || from - block >= 64) {
            block = from;
            const Specials bits = specials(from, static_cast<std::size_t>(end - from));
            commas = bits.commas;
            others = bits.others;
        } else {
            const std::uint64_t after = ~std::uint64_t{0} << (from - block);
            commas &= after;
            others &= after;
        }
    };
    // Loads the block after the current one; false when the chunk has none.
    const auto next_block = [&] {
        if (end - block <= 64) return false;
        block += 64;
#if defined(__SSE2__)
        // A chunk not in cache (the whole file in memory) otherwise keeps the reader waiting
        // on memory: asking 1 KiB ahead took a tenth off natively. wasm has no prefetch.
        if (end - block > 1024) _mm_prefetch(block + 1024, _MM_HINT_T0);
#endif
        const Specials bits = specials(block, static_cast<std::size_t>(end - block));
        commas = bits.commas;
        others = bits.others;
        return true;
    };
    // Takes the next quote or line break, dropping the commas before it, or returns `end`
    // when the chunk has none left.
    const auto next_other = [&]() -> const char* {
        while (!others)
            if (!next_block()) return end;
        const int at = std::countr_zero(others);
        others &= others - 1;
        commas &= ~std::uint64_t{0} << at;
        return block + at;
    };
    // r.views is a buffer here: the current row's fields are those before `out`.
    std::string_view* fields = r.views.data();
    std::string_view* last = fields + r.views.size(); // the buffer's end
    while (p != end) {
        if (*p == '\n' || *p == '\r') { // the '\n' of a CRLF that ended the previous row, or a blank line
            count_line(r, *p);
            r.previous_cr = *p++ == '\r';
            continue;
        }
        seek(p);
        std::string_view* out = fields;
        for (const char* begin = p;;) {
            if (last - out <= 64) { // room for a block's commas and one more
                const std::size_t n = static_cast<std::size_t>(out - fields);
                r.views.resize(std::max(n + 65, 2 * r.views.size()));
                fields = r.views.data();
                out = fields + n;
                last = fields + r.views.size();
            }
            // The fields that end at the block's commas before its next quote or line
            // break: a bit each, no branch per field.
            std::uint64_t run = commas & ((others & (0 - others)) - 1);
            commas &= ~run;
            for (; run; run &= run - 1) {
                const char* const at = block + std::countr_zero(run);
                *out++ = std::string_view(begin, static_cast<std::size_t>(at - begin));
                begin = at + 1;
            }
            if (!others) {
                if (!next_block()) return leave(p);
                continue;
            }
            const char* at = next_other();
            const char* field_end = at;
            if (*at == '"') {
                if (at != begin) return leave(p);             // a quote inside an unquoted field
                at = next_other();                            // the commas inside the quotes are text
                if (at == end || *at != '"') return leave(p); // a line break inside the quotes
                field_end = at++;
                ++begin;
                // The closing quote must be followed by a comma or a line break: not by an
                // escaped quote's second '"' or other text.
                if (at == end || (*at != ',' && *at != '\r' && *at != '\n')) return leave(p);
                seek(at + 1);
            }
            *out++ = std::string_view(begin, static_cast<std::size_t>(field_end - begin));
            const char c = *at;
            if (c == ',') {
                begin = at + 1;
                continue;
            }
            if (static_cast<std::size_t>(at - p) > max_row_bytes) return leave(p);
            r.row_line = r.line;
            on_row(context, CsvRow{std::span(fields, out), r.line, CsvError::none});
            ++r.line; // a row's line break, never the '\n' of a CRLF: its '\r' would have ended the row
            r.previous_cr = c == '\r';
            p = at + 1;
            break;
        }
    }
    return leave(p);
}

void feed_bytes(CsvReader& r, const char* p, const char* end, CsvRowCallback on_row, void* context) {
    Scan scan;
    while (p < end) {
        if (r.row_empty) {
            p = whole_rows(r, scan, p, end, on_row, context);
            if (p == end) break;
            r.row_empty = false;
            r.row_line = r.line;
        }
        const char c = *p;
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
