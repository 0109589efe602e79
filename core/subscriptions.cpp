#include "subscriptions.hpp"

#include "messages.hpp"
#include "ratio.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <system_error>

namespace saas {
namespace {

// ---- header ------------------------------------------------------------------------

bool blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

bool same_name(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
        if (c != lower[i]) return false;
    }
    return true;
}

// The first column named like any of `names` (lower case), in the order given.
int column(std::span<const std::string_view> header, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (same_name(trim(header[i]), name)) return static_cast<int>(i);
    return -1;
}

// ---- fields ------------------------------------------------------------------------

[[gnu::always_inline]] inline std::string_view field(std::span<const std::string_view> fields, int at) {
    if (at < 0 || static_cast<std::size_t>(at) >= fields.size()) return {};
    const std::string_view s = fields[static_cast<std::size_t>(at)];
    // Most fields have nothing to trim: two checks here instead of a call per field. Both
    // blanks are at most ' ', so a field whose ends are above it has none.
    const auto above_blanks = [](char c) { return static_cast<unsigned char>(c) > ' '; };
    return s.empty() || (above_blanks(s.front()) && above_blanks(s.back())) ? s : trim(s);
}

// The parsers of the row path return whether they read a value and put it in `out`:
// GCC built a returned std::optional in memory a piece at a time and read it back whole,
// a stalled load on every field (a tenth of the import's time natively).

// An amount as exports write it ("29.00": digits, maybe a point and more digits, 15 at
// most): its digits as an integer, exact in a double, over a power of ten, exact too, is
// the correctly rounded value fast_float gives (Clinger's fast path), without its generality.
bool plain_amount(std::string_view s, double& out) {
    static constexpr double powers[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    if (s.empty() || s.size() > 16) return false;
    std::uint64_t digits = 0;
    std::size_t point = s.size();
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto digit = static_cast<unsigned char>(s[i] - '0');
        if (digit <= 9)
            digits = digits * 10 + digit;
        else if (s[i] == '.' && point == s.size() && i > 0 && i + 1 < s.size())
            point = i;
        else
            return false;
    }
    if (point == s.size() && s.size() > 15) return false;
    out = static_cast<double>(digits) / powers[point == s.size() ? 0 : s.size() - point - 1];
    return true;
}

bool parse_amount(std::string_view s, double& out) {
    if (plain_amount(s, out)) return true;
    double x = 0;
    const auto [end, ec] = fast_float::from_chars(s.data(), s.data() + s.size(), x);
    if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(x)) return false;
    out = x;
    return true;
}

// Digits only, as std::from_chars reads them; nothing above `max` (so nothing that
// overflows) is a count here. A loop: libc++'s from_chars checks each step for overflow
// with a 128-bit product, a library call in wasm.
bool parse_count(std::string_view s, std::uint64_t max, std::uint64_t& out) {
    if (s.empty()) return false;
    std::uint64_t n = 0;
    for (const char c : s) {
        const auto digit = static_cast<unsigned char>(c - '0');
        if (digit > 9) return false;
        n = n * 10 + digit;
        if (n > max) return false;
    }
    out = n;
    return true;
}

// ---- rows -> segments ----------------------------------------------------------------

struct Segment {
    std::string_view customer;
    CurrencyCode currency;
    Day start;
    std::optional<Day> end;
    double mrr;
};

// What a row turned out to be. The readers below fill a Segment, or the Message of a bad
// row, through references: returned in a variant or an optional, a value was built in
// memory piece by piece and read back whole, a stalled load on every row.
enum class RowKind { segment, not_paying, bad };

// A bad row's message, built away from the path of the rows that are fine.
[[gnu::cold]] bool fail(Message& error, Message message) {
    error = std::move(message);
    return false;
}
[[gnu::cold]] RowKind bad(Message& error, Message message) {
    fail(error, std::move(message));
    return RowKind::bad;
}

// A monthly amount per row stays below this, like the calculator's amounts (README).
constexpr double max_mrr = 1e12;
constexpr std::uint64_t max_quantity = 1'000'000'000;
constexpr std::uint64_t max_interval_count = 1000;

// Each reader puts its value in `out` and returns true, or returns false with the reason
// in `error`. `column` is the column's name in the contract (the Stripe start's:
// "Start (UTC)").
bool read_date(std::string_view text, const char* column, Day& out, Message& error) {
    if (text.empty()) [[unlikely]]
        return fail(error, msg::missing_value(column));
    if (!parse_day(text, out)) [[unlikely]]
        return fail(error, msg::bad_date(column, text));
    return true;
}

bool read_amount(std::string_view text, const char* column, double& out, Message& error) {
    if (text.empty()) [[unlikely]]
        return fail(error, msg::missing_value(column));
    if (!parse_amount(text, out)) [[unlikely]]
        return fail(error, msg::bad_number(column, text));
    if (out < 0) [[unlikely]]
        return fail(error, msg::negative_amount(column, text));
    if (out > max_mrr) [[unlikely]]
        return fail(error, msg::amount_too_large(column, text, max_mrr));
    return true;
}

bool read_currency(const Ledger& ledger, std::string_view text, CurrencyCode& out, Message& error) {
    if (text.empty()) {
        out = ledger.default_currency;
        return true;
    }
    if (!parse_currency(text, out)) [[unlikely]]
        return fail(error, msg::bad_currency(text));
    return true;
}

RowKind read_segments_row(const Ledger& ledger, const Columns& c, std::span<const std::string_view> f, Segment& s,
                          Message& error) {
    s = {field(f, c.customer), ledger.default_currency, {}, std::nullopt, 0};
    if (s.customer.empty()) return bad(error, msg::missing_value("customer_id"));
    if (!read_currency(ledger, field(f, c.currency), s.currency, error)) return RowKind::bad;
    if (!read_date(field(f, c.start), "start", s.start, error)) return RowKind::bad;
    if (!field(f, c.end).empty()) {
        Day end;
        if (!read_date(field(f, c.end), "end", end, error)) return RowKind::bad;
        s.end = end;
    }
    return read_amount(field(f, c.mrr), "mrr", s.mrr, error) ? RowKind::segment : RowKind::bad;
}

// Each row names its status and interval. Read as one word, lowered, each name is one
// comparison instead of a loop over its characters.

// The first eight bytes of `s` (all of it when shorter, zeros after), as a word whose
// first byte is the low one; loaded with overlapping fixed-size copies, never past `s`.
std::uint64_t word_of(std::string_view s) {
    const auto load = [&](std::size_t at, auto word) {
        std::memcpy(&word, s.data() + at, sizeof word);
        return std::uint64_t{word} << (8 * at);
    };
    const std::size_t n = s.size();
    if (n >= 8) return load(0, std::uint64_t{});
    if (n >= 4) return load(0, std::uint32_t{}) | load(n - 4, std::uint32_t{});
    if (n >= 2) return load(0, std::uint16_t{}) | load(n - 2, std::uint16_t{});
    return n == 1 ? static_cast<unsigned char>(s[0]) : 0;
}

// `w` with its letters A-Z lowered, every other byte as it was.
std::uint64_t lowered(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x80 * ones;
    const std::uint64_t low7 = w & ~highs;
    // A byte's high bit after adding: set when its low 7 bits reach 'A', and when they pass 'Z'.
    const std::uint64_t upper = (low7 + (0x80 - 'A') * ones) & ~(low7 + (0x80 - 'Z' - 1) * ones) & ~w & highs;
    return w | upper >> 2;
}

// A lower-case name of at most eight bytes as word_of reads it.
constexpr std::uint64_t name_word(std::string_view name) {
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < name.size(); ++i) w |= std::uint64_t{static_cast<unsigned char>(name[i])} << (8 * i);
    return w;
}

// Whether `text`, read as `word` by lowered(word_of(text)), is `name` in any case. The
// sizes are compared too: word_of pads with zeros, so "day\0" reads as "day" does.
bool named(std::string_view text, std::uint64_t word, std::string_view name) {
    return text.size() == name.size() && word == name_word(name);
}

// Interval in months per Interval Count (contract section 8): month 1, year 12, week
// 12/52, day 12/365; as the factor that turns an amount per interval into one per month.
bool per_month(std::string_view interval, double& out) {
    const std::uint64_t w = lowered(word_of(interval));
    if (named(interval, w, "month")) return out = 1.0, true;
    if (named(interval, w, "year")) return out = 1.0 / 12, true;
    if (named(interval, w, "week")) return out = 52.0 / 12, true;
    if (named(interval, w, "day")) return out = 365.0 / 12, true;
    return false;
}

enum class StripeStatus { open, canceled, not_paying, unknown };

StripeStatus status_of(std::string_view s) {
    using enum StripeStatus;
    if (s.size() > 8) return same_name(s, "incomplete") || same_name(s, "incomplete_expired") ? not_paying : unknown;
    const std::uint64_t w = lowered(word_of(s));
    if (named(s, w, "active") || named(s, w, "past_due")) return open;
    if (named(s, w, "canceled")) return canceled;
    return named(s, w, "trialing") || named(s, w, "unpaid") || named(s, w, "paused") ? not_paying : unknown;
}

RowKind read_stripe_row(const Ledger& ledger, const Columns& c, std::span<const std::string_view> f, Segment& s,
                        Message& error) {
    const std::string_view status = field(f, c.status);
    const StripeStatus kind = status_of(status);
    if (kind == StripeStatus::not_paying) return RowKind::not_paying;
    if (kind == StripeStatus::unknown)
        return bad(error, status.empty() ? msg::missing_value("Status") : msg::unknown_status(status));
    const bool canceled = kind == StripeStatus::canceled;
    s = {field(f, c.customer), ledger.default_currency, {}, std::nullopt, 0};
    if (s.customer.empty()) return bad(error, msg::missing_value("Customer ID"));
    if (!read_currency(ledger, field(f, c.currency), s.currency, error)) return RowKind::bad;
    double amount = 0;
    if (!read_amount(field(f, c.amount), "Amount", amount, error)) return RowKind::bad;
    std::uint64_t quantity = 1;
    if (const std::string_view q = field(f, c.quantity); !q.empty()) {
        if (!parse_count(q, max_quantity, quantity)) return bad(error, msg::bad_quantity(q, max_quantity));
    }
    const std::string_view interval = field(f, c.interval);
    double factor = 0;
    if (!per_month(interval, factor)) return bad(error, msg::bad_interval(interval));
    std::uint64_t count = 1;
    if (const std::string_view ic = field(f, c.interval_count); !ic.empty()) {
        if (!parse_count(ic, max_interval_count, count) || count < 1)
            return bad(error, msg::bad_interval_count(ic, 1, max_interval_count));
    }
    s.mrr = amount * static_cast<double>(quantity) * factor / static_cast<double>(count);
    if (s.mrr > max_mrr) return bad(error, msg::monthly_amount_too_large(max_mrr));
    if (!read_date(field(f, c.start), "Start (UTC)", s.start, error)) return RowKind::bad;
    if (canceled) {
        // It ended when it ended, else when it was canceled.
        const std::string_view ended = field(f, c.end), canceled_at = field(f, c.canceled_at);
        if (ended.empty() && canceled_at.empty()) return bad(error, msg::canceled_without_end());
        Day end;
        if (!read_date(ended.empty() ? canceled_at : ended, ended.empty() ? "Canceled At" : "Ended At", end, error))
            return RowKind::bad;
        s.end = end;
    }
    return RowKind::segment;
}

// ---- interning -----------------------------------------------------------------------

// The hash of a key (currency index, then id), from the id as the row holds it. Hashing
// the key's copy in pending_keys read back, a word at a time, bytes just written there:
// a stalled load per row.
std::uint32_t hash_key(std::uint16_t currency, std::string_view id) {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ currency;
    std::size_t i = 0;
    for (; i + 8 <= id.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, id.data() + i, 8);
        h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    h = (h ^ word_of(id.substr(i)) ^ (static_cast<std::uint64_t>(id.size()) << 56)) * 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 29;
    return static_cast<std::uint32_t>(h);
}

// A key is stored after its size: one byte, or 0xFF and four bytes for a long one.
std::string_view key_of(const Ledger& l, std::uint32_t customer) {
    const std::uint64_t at = l.key_base[customer / key_group] + l.key_at[customer];
    const char* p = l.key_chunks[at / key_chunk].get() + at % key_chunk;
    std::size_t size = static_cast<unsigned char>(*p++);
    if (size == 0xFF) {
        std::uint32_t long_size;
        std::memcpy(&long_size, p, sizeof long_size);
        size = long_size;
        p += sizeof long_size;
    }
    return {p, size};
}

std::uint16_t currency_of(const Ledger& l, std::uint32_t customer) {
    std::uint16_t currency;
    std::memcpy(&currency, key_of(l, customer).data(), sizeof currency);
    return currency;
}

// The first chunk starts at 64 KiB and doubles as it fills, up to key_chunk: a small
// file's import allocates little (the sanitizer build's tests import thousands of them).
void fit_first_chunk(Ledger& l, std::size_t end) {
    if (end <= l.first_chunk_size) return;
    std::size_t size = std::max(2 * l.first_chunk_size, std::size_t{1} << 16);
    while (size < end) size *= 2;
    size = std::min(size, key_chunk);
    std::unique_ptr<char[]> chunk(new char[size]);
    if (l.keys_end) std::memcpy(chunk.get(), l.key_chunks[0].get(), l.keys_end);
    l.key_chunks[0] = std::move(chunk);
    l.first_chunk_size = size;
}

void store_key(Ledger& l, std::string_view key) {
    const std::size_t head = key.size() < 0xFF ? 1 : 5;
    if (l.keys_end + head + key.size() > l.key_chunks.size() * key_chunk) {
        l.keys_end = l.key_chunks.size() * key_chunk;
        l.key_chunks.emplace_back(l.key_chunks.empty() ? nullptr : new char[key_chunk]);
    }
    if (l.key_chunks.size() == 1) fit_first_chunk(l, l.keys_end + head + key.size());
    if (l.key_at.size() % key_group == 0) l.key_base.push_back(l.keys_end);
    l.key_at.push_back(static_cast<std::uint32_t>(l.keys_end - l.key_base.back()));
    char* p = l.key_chunks[l.keys_end / key_chunk].get() + l.keys_end % key_chunk;
    if (head == 1) {
        *p = static_cast<char>(key.size());
    } else {
        const auto size = static_cast<std::uint32_t>(key.size());
        *p = '\xFF';
        std::memcpy(p + 1, &size, sizeof size);
    }
    std::memcpy(p + head, key.data(), key.size());
    l.keys_end += head + key.size();
}

// A slot holds the key's hash (high half) and customer + 1 (low half; 0 when free), so
// a probe compares hashes without touching the keys.
void grow_slots(Ledger& l) {
    std::vector<std::uint64_t> slots(l.slots.empty() ? 1024 : l.slots.size() * 2, 0);
    const std::size_t mask = slots.size() - 1;
    for (std::uint64_t slot : l.slots) {
        if (!slot) continue;
        std::size_t at = (slot >> 32) & mask;
        while (slots[at]) at = (at + 1) & mask;
        slots[at] = slot;
    }
    l.slots = std::move(slots);
}

int currency_key(CurrencyCode code) { return ((code[0] - 'A') * 26 + code[1] - 'A') * 26 + code[2] - 'A'; }

bool has_currency(const Ledger& l, CurrencyCode code) {
    return !l.currency_index.empty() && l.currency_index[static_cast<std::size_t>(currency_key(code))] >= 0;
}

std::uint16_t intern_currency(Ledger& l, CurrencyCode code) {
    if (l.currency_index.empty()) l.currency_index.assign(26 * 26 * 26, -1);
    const int key = currency_key(code);
    if (l.currency_index[static_cast<std::size_t>(key)] < 0) {
        l.currency_index[static_cast<std::size_t>(key)] = static_cast<std::int16_t>(l.currencies.size());
        l.currencies.push_back(code);
        l.first_month.push_back(INT32_MAX);
        l.last_month.push_back(INT32_MIN);
    }
    return static_cast<std::uint16_t>(l.currency_index[static_cast<std::size_t>(key)]);
}

// The customer of a key (currency index, then id) whose hash is `h`, interned if new.
// The table fills to 4/5 before it doubles: probes still end within a cache line or two
// (slots are 8 bytes), and a table half the size is half the pages to fault in.
std::uint32_t intern_customer(Ledger& l, std::string_view key, std::uint32_t h) {
    if ((l.key_at.size() + 1) * 5 > l.slots.size() * 4) grow_slots(l);
    const std::size_t mask = l.slots.size() - 1;
    std::size_t at = h & mask;
    while (const std::uint64_t slot = l.slots[at]) {
        const auto c = static_cast<std::uint32_t>(slot) - 1;
        if ((slot >> 32) == h && key_of(l, c) == key) return c;
        at = (at + 1) & mask;
    }
    const auto c = static_cast<std::uint32_t>(l.key_at.size());
    l.slots[at] = std::uint64_t{h} << 32 | (c + 1);
    store_key(l, key);
    return c;
}

// ---- MRR changes ---------------------------------------------------------------------

// The changes in `deltas` and `recent`, taken out of the ledger and grouped by customer
// with a counting sort (stable: each customer's keep their row order): customer c's are
// changes[begin[c], begin[c + 1]).
struct LoggedChanges {
    std::vector<std::uint32_t> begin;
    std::vector<Delta> changes;
};

LoggedChanges take_logged(Ledger& l) {
    LoggedChanges g;
    const std::size_t customers = l.key_at.size();
    g.begin.assign(customers + 1, 0);
    for (const Delta& d : l.deltas) ++g.begin[d.customer];
    for (std::size_t i = 0; i < l.recent.size(); ++i) ++g.begin[l.recent[i].customer];
    std::partial_sum(g.begin.begin(), g.begin.end(), g.begin.begin()); // begin[c]: the end of c's changes
    g.changes.resize(g.begin[customers]);
    // Placed from the last change back, each just before those of its customer already
    // placed: a customer's changes keep their row order and begin[c] ends at c's first,
    // with no second array of positions. Each block of `recent` is freed once placed.
    for (std::size_t i = l.recent.size(); i-- > 0;) {
        const Delta& d = l.recent[i];
        g.changes[--g.begin[d.customer]] = d;
        if (i % Blocks<Delta>::per_block == 0) l.recent.blocks.pop_back();
    }
    for (auto d = l.deltas.rbegin(); d != l.deltas.rend(); ++d) g.changes[--g.begin[d->customer]] = *d;
    l.deltas = {};
    l.recent = {};
    return g;
}

// Appends customer c's changes to `out`, sorted by month (an insertion sort: it has few),
// those of one month summed in row order.
void append_changes(const Ledger& l, const LoggedChanges& logged, std::uint32_t c, std::vector<Delta>& out) {
    const std::size_t from = out.size();
    if (c >= l.firsts_from) {
        const FirstSegment& s = l.firsts[c - l.firsts_from];
        out.push_back({c, s.start_month, s.mrr});
        if (s.end_month != no_end) out.push_back({c, s.end_month, -s.mrr});
    }
    out.insert(out.end(), logged.changes.begin() + logged.begin[c], logged.changes.begin() + logged.begin[c + 1]);
    if (out.size() == from) return;
    Delta* const first = out.data() + from;
    Delta* const last = out.data() + out.size();
    for (Delta* p = first + 1; p < last; ++p)
        for (Delta* q = p; q > first && q[-1].month > q->month; --q) std::swap(q[-1], q[0]);
    Delta* merged = first;
    for (Delta* p = first + 1; p < last; ++p) {
        if (p->month == merged->month)
            merged->mrr += p->mrr;
        else
            *++merged = *p;
    }
    out.resize(static_cast<std::size_t>(merged + 1 - out.data()));
}

// Folds `firsts` and the newer changes into `deltas`, so that they hold at most one change
// per customer and month.
void merge_deltas(Ledger& l) {
    const LoggedChanges logged = take_logged(l);
    const auto customers = static_cast<std::uint32_t>(l.key_at.size());
    std::vector<Delta> merged;
    merged.reserve(logged.changes.size() + 2 * l.firsts.size());
    for (std::uint32_t c = 0; c < customers; ++c) append_changes(l, logged, c, merged);
    l.deltas = std::move(merged);
    l.firsts = {};
    l.firsts_from = customers;
}

// Interns the waiting segments' customers, in row order, and records their MRR changes.
void add_pending(Ledger& l) {
    // The batch's slots are loaded in one loop, so their cache misses overlap (wasm has
    // no prefetch instruction); the interning loop below then finds them in the cache.
    if (!l.slots.empty())
        for (PendingSegment& p : l.pending) p.slot = l.slots[p.hash & (l.slots.size() - 1)];
    for (const PendingSegment& p : l.pending) {
        const std::string_view key(l.pending_keys.data() + p.key_begin, p.key_size);
        const std::size_t customers = l.key_at.size();
        const std::uint32_t customer = intern_customer(l, key, p.hash);
        if (customer == customers) {
            l.firsts.push_back({p.start_month, p.end_month, p.mrr});
            continue;
        }
        l.recent.push_back({customer, p.start_month, p.mrr});
        if (p.end_month != no_end) l.recent.push_back({customer, p.end_month, -p.mrr});
        if (l.deltas.size() + l.recent.size() >= l.compact_at) {
            merge_deltas(l);
            l.compact_at = std::max(l.compact_at, l.deltas.size() * 2);
        }
    }
    l.pending.clear();
    l.pending_keys.clear();
}

void add_segment(Ledger& l, const Segment& s) {
    const std::uint16_t currency = intern_currency(l, s.currency);
    // Active on a month's last day D when start <= D < end: from the start's month up
    // to, not including, the end's month. With an as-of date A, the last month's day is A.
    const int start_month = s.start.month;
    std::optional<int> end_month;
    if (s.end && (!l.as_of || s.end->date <= *l.as_of)) end_month = s.end->month;
    int& first = l.first_month[currency];
    int& last = l.last_month[currency];
    first = std::min(first, start_month);
    last = std::max({last, start_month, end_month.value_or(start_month)});
    if (l.as_of) last = month_of(*l.as_of);
    if ((end_month && *end_month == start_month) || s.mrr == 0) return; // never on a month's last day
    const std::size_t key_begin = l.pending_keys.size();
    l.pending_keys.append(reinterpret_cast<const char*>(&currency), sizeof currency);
    l.pending_keys.append(s.customer);
    const std::size_t key_size = l.pending_keys.size() - key_begin;
    const std::uint32_t h = hash_key(currency, s.customer);
    l.pending.push_back({h, start_month, end_month.value_or(no_end), s.mrr, key_begin, key_size, 0});
    if (l.pending.size() == pending_batch) add_pending(l);
}

void bad_row(Ledger& l, std::uint64_t line, Message message) {
    ++l.rows.bad;
    if (l.errors.size() < max_row_errors) l.errors.push_back({line, std::move(message)});
}

// ---- analysis ------------------------------------------------------------------------

struct CurrencyWork {
    std::vector<MonthFigures> months;
    std::vector<std::vector<double>> cohort_mrr;           // by cohort offset, changes by offset
    std::vector<std::vector<std::int64_t>> cohort_paying;  // the same for paying customers
};

// The MRR changes of one customer (sorted by month, merged) -> its movements.
void walk_customer(CurrencyWork& w, int first_month, const Delta* p, const Delta* end) {
    double mrr = 0;
    int cohort = -1;
    for (; p < end; ++p) {
        const double scale = std::max(std::abs(mrr), std::abs(p->mrr));
        double next = mrr + p->mrr;
        // Removing a segment may leave a rounding residue; its true MRR is then 0.
        if (next <= 1e-9 * scale) next = 0;
        if (std::abs(next - mrr) <= 1e-9 * scale) continue;
        const auto at = static_cast<std::size_t>(p->month - first_month);
        MonthFigures& m = w.months[at];
        if (mrr == 0) {
            if (cohort < 0) {
                cohort = static_cast<int>(at);
                m.new_mrr += next;
                ++m.new_customers;
                if (w.cohort_mrr[at].empty()) {
                    w.cohort_mrr[at].assign(w.months.size() - at, 0);
                    w.cohort_paying[at].assign(w.months.size() - at, 0);
                }
            } else {
                m.reactivation_mrr += next;
                ++m.reactivated_customers;
            }
        } else if (next == 0) {
            m.churned_mrr += mrr;
            ++m.churned_customers;
        } else if (next > mrr) {
            m.expansion_mrr += next - mrr;
        } else {
            m.contraction_mrr += mrr - next;
        }
        const auto since = at - static_cast<std::size_t>(cohort);
        w.cohort_mrr[static_cast<std::size_t>(cohort)][since] += next - mrr;
        w.cohort_paying[static_cast<std::size_t>(cohort)][since] += (next > 0) - (mrr > 0);
        mrr = next;
    }
}

// Running totals and the per-month rates (contract section 8).
void finish_months(std::vector<MonthFigures>& months) {
    double mrr = 0;
    std::int64_t customers = 0;
    for (MonthFigures& m : months) {
        const double previous_mrr = mrr;
        const std::int64_t previous_customers = customers;
        m.net_new_mrr = m.new_mrr + m.expansion_mrr + m.reactivation_mrr - m.contraction_mrr - m.churned_mrr;
        mrr = std::max(0.0, previous_mrr + m.net_new_mrr);
        customers = previous_customers + m.new_customers + m.reactivated_customers - m.churned_customers;
        m.mrr = mrr;
        m.customers = customers;
        m.customer_churn_rate = ratio(static_cast<double>(m.churned_customers), static_cast<double>(previous_customers));
        m.gross_mrr_churn_rate = ratio(m.churned_mrr + m.contraction_mrr, previous_mrr);
        m.net_mrr_churn_rate =
            ratio(m.churned_mrr + m.contraction_mrr - m.expansion_mrr - m.reactivation_mrr, previous_mrr);
        m.quick_ratio = ratio(m.new_mrr + m.expansion_mrr + m.reactivation_mrr, m.churned_mrr + m.contraction_mrr);
        m.arpa = ratio(m.mrr, static_cast<double>(m.customers));
    }
}

std::vector<Cohort> cohorts_of(const CurrencyWork& w) {
    std::vector<Cohort> cohorts;
    for (std::size_t at = 0; at < w.cohort_mrr.size(); ++at) {
        if (w.cohort_mrr[at].empty()) continue;
        Cohort c;
        c.month = w.months[at].month;
        double mrr = 0;
        std::int64_t paying = 0;
        for (std::size_t i = 0; i < w.cohort_mrr[at].size(); ++i) {
            mrr += w.cohort_mrr[at][i];
            paying += w.cohort_paying[at][i];
            if (i == 0) c.customers = paying, c.mrr = mrr;
            c.customer_retention.push_back(static_cast<double>(paying) / static_cast<double>(c.customers));
            c.revenue_retention.push_back(i == 0 ? 1.0 : std::max(0.0, ratio(mrr, c.mrr).value_or(0)));
        }
        cohorts.push_back(std::move(c));
    }
    return cohorts;
}

double mean(const std::vector<double>& xs) {
    return xs.empty() ? 0 : std::accumulate(xs.begin(), xs.end(), 0.0) / static_cast<double>(xs.size());
}

// Section 8: inputs can be suggested from the last 3, 6 or 12 months of data.
constexpr std::size_t suggestion_windows[] = {3, 6, 12};

// Contract section 8.1's rule for 12, for any window: the last min(window, months with a
// previous month) months.
Suggested suggest(const std::vector<MonthFigures>& months, const std::string& currency, std::size_t window) {
    Suggested s;
    s.months = static_cast<int>(std::min(window, months.size() - 1));
    std::vector<double> arrivals, churn, expansion, contraction;
    for (std::size_t i = months.size() - static_cast<std::size_t>(s.months); i < months.size(); ++i) {
        const MonthFigures& m = months[i];
        arrivals.push_back(static_cast<double>(m.new_customers + m.reactivated_customers));
        if (m.customer_churn_rate) churn.push_back(*m.customer_churn_rate);
        if (months[i - 1].mrr > 0) {
            expansion.push_back(m.expansion_mrr / months[i - 1].mrr);
            contraction.push_back(m.contraction_mrr / months[i - 1].mrr);
        }
    }
    const MonthFigures& last = months.back();
    Scenario& sc = s.scenario;
    sc.currency = currency;
    Plan plan;
    plan.name = "Current ARPA";
    plan.price = std::min(last.arpa.value_or(0), max_mrr);
    sc.plans = {plan};
    sc.customers.starting = static_cast<double>(last.customers);
    sc.customers.new_per_month = mean(arrivals);
    sc.customers.monthly_churn = std::clamp(mean(churn), 0.0, 1.0);
    sc.revenue.monthly_expansion = std::clamp(mean(expansion), 0.0, 1.0);
    sc.revenue.monthly_contraction = std::clamp(mean(contraction), 0.0, 1.0);
    return s;
}

} // namespace

bool parse_currency(std::string_view text, CurrencyCode& out) {
    if (text.size() != 3) return false;
    for (std::size_t i = 0; i < 3; ++i) {
        // Setting bit 5 lowers a letter, and makes a letter of no other byte.
        const auto lower = static_cast<unsigned char>(text[i] | 0x20);
        if (static_cast<unsigned>(lower - 'a') > 'z' - 'a') return false;
        out[i] = static_cast<char>(lower - 'a' + 'A');
    }
    return true;
}

std::optional<Columns> detect_layout(std::span<const std::string_view> header) {
    Columns stripe;
    stripe.layout = Layout::stripe;
    stripe.customer = column(header, {"customer id"});
    stripe.amount = column(header, {"amount"});
    stripe.interval = column(header, {"interval"});
    stripe.status = column(header, {"status"});
    stripe.start = column(header, {"start (utc)", "start date (utc)", "created (utc)"});
    if (stripe.customer >= 0 && stripe.amount >= 0 && stripe.interval >= 0 && stripe.status >= 0 && stripe.start >= 0) {
        stripe.quantity = column(header, {"quantity"});
        stripe.interval_count = column(header, {"interval count"});
        stripe.currency = column(header, {"currency"});
        stripe.canceled_at = column(header, {"canceled at (utc)"});
        stripe.end = column(header, {"ended at (utc)"});
        return stripe;
    }
    Columns segments;
    segments.customer = column(header, {"customer_id"});
    segments.start = column(header, {"start", "start_date"});
    segments.end = column(header, {"end", "end_date"});
    segments.mrr = column(header, {"mrr", "monthly_amount"});
    segments.currency = column(header, {"currency"});
    if (segments.customer >= 0 && segments.start >= 0 && segments.end >= 0 && segments.mrr >= 0) return segments;
    return std::nullopt;
}

void add_row(Ledger& l, const Columns& c, std::span<const std::string_view> fields, std::uint64_t line,
             CsvError csv_error) {
    ++l.rows.total;
    if (csv_error != CsvError::none) return bad_row(l, line, msg::csv_error(csv_error));
    Segment s;
    Message error;
    const RowKind kind = c.layout == Layout::stripe ? read_stripe_row(l, c, fields, s, error)
                                                    : read_segments_row(l, c, fields, s, error);
    if (kind == RowKind::bad) return bad_row(l, line, std::move(error));
    if (kind == RowKind::segment && s.end && s.end->date < s.start.date)
        return bad_row(l, line, msg::end_before_start(date_text(s.start.date), date_text(s.end->date)));
    if (kind == RowKind::not_paying || (l.as_of && s.start.date > *l.as_of)) {
        ++l.rows.not_paying;
        return;
    }
    if (l.currencies.size() == max_currencies && !has_currency(l, s.currency))
        return bad_row(l, line, msg::too_many_currencies(max_currencies));
    ++l.rows.used;
    add_segment(l, s);
}

std::vector<CurrencyAnalysis> analyse(Ledger& l) {
    add_pending(l);
    const LoggedChanges logged = take_logged(l);
    std::vector<CurrencyWork> work(l.currencies.size());
    for (std::size_t k = 0; k < work.size(); ++k) {
        const auto count = static_cast<std::size_t>(l.last_month[k] - l.first_month[k] + 1);
        work[k].months.resize(count);
        for (std::size_t i = 0; i < count; ++i) work[k].months[i].month = l.first_month[k] + static_cast<int>(i);
        work[k].cohort_mrr.resize(count);
        work[k].cohort_paying.resize(count);
    }
    std::vector<Delta> changes;
    for (std::uint32_t c = 0; c < l.key_at.size(); ++c) {
        const std::uint16_t k = currency_of(l, c);
        const FirstSegment* s = c >= l.firsts_from ? &l.firsts[c - l.firsts_from] : nullptr;
        if (s && logged.begin[c] == logged.begin[c + 1] && (s->end_month == no_end || s->end_month > s->start_month)) {
            // Most customers have one segment and nothing else: its changes are in order
            // already, and are walked as they are rather than copied and sorted.
            const Delta first[] = {{c, s->start_month, s->mrr}, {c, s->end_month, -s->mrr}};
            walk_customer(work[k], l.first_month[k], first, first + (s->end_month == no_end ? 1 : 2));
            continue;
        }
        changes.clear();
        append_changes(l, logged, c, changes);
        walk_customer(work[k], l.first_month[k], changes.data(), changes.data() + changes.size());
    }
    l.firsts = {};
    std::vector<std::size_t> order(l.currencies.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return l.currencies[a] < l.currencies[b]; });
    std::vector<CurrencyAnalysis> out;
    for (std::size_t k : order) {
        CurrencyAnalysis a;
        a.currency = std::string(l.currencies[k].data(), 3);
        finish_months(work[k].months);
        a.cohorts = cohorts_of(work[k]);
        for (std::size_t window : suggestion_windows) {
            Suggested s = suggest(work[k].months, a.currency, window);
            if (a.suggestions.empty() || a.suggestions.back().months != s.months) a.suggestions.push_back(std::move(s));
        }
        a.suggested = a.suggestions.back();
        a.months = std::move(work[k].months);
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace saas
