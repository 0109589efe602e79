// Subscription data -> monthly MRR movements, cohorts and suggested inputs (contract
// section 8). Rows are read one at a time into a Ledger that keeps, per customer and
// currency, only its MRR changes by month (ids interned once), so memory grows with
// customers and months, not with rows; analyse() then walks each customer's changes.
#pragma once

#include "csv_reader.hpp"
#include "date.hpp"
#include "message_codes.hpp"
#include "scenario.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace saas {

enum class Layout { segments, stripe };

using CurrencyCode = std::array<char, 3>; // 'A'-'Z'

// Where each field the layout reads sits in a row; -1 when the file has no such column.
struct Columns {
    Layout layout = Layout::segments;
    int customer = -1, start = -1, end = -1, mrr = -1, currency = -1; // both layouts
    int amount = -1, quantity = -1, interval = -1, interval_count = -1, status = -1, canceled_at = -1; // Stripe
};

// By the header's names (case-insensitive, any order, extra columns ignored); nothing
// when the header is neither layout (msg::unknown_header names the columns of each).
std::optional<Columns> detect_layout(std::span<const std::string_view> header);

struct RowError {
    std::uint64_t line;
    Message message;
};

struct RowCounts {
    std::uint64_t total = 0, used = 0, not_paying = 0, bad = 0;
};

inline constexpr std::size_t max_row_errors = 1000;
// Each currency gets a cohort table of up to months^2 / 2 cells; real exports hold a few.
inline constexpr std::size_t max_currencies = 20;

struct Delta {
    std::uint32_t customer; // interned (id, currency)
    std::int32_t month;
    double mrr; // change of the customer's MRR from this month on
};

// A segment whose customer is still to be interned (its key is in Ledger::pending_keys).
struct PendingSegment {
    std::uint32_t hash; // of the key
    std::int32_t start_month, end_month; // end_month is no_end when the segment is still open
    double mrr;
    std::size_t key_begin, key_size;
    std::uint64_t slot; // its table slot's word when the batch was loaded (see add_pending)
};
inline constexpr std::int32_t no_end = INT32_MIN;
// A customer's first segment, kept beside it rather than as two MRR changes: most
// customers have one segment, and this way their changes are never stored, sorted and
// copied, only read when analyse() walks the customer.
struct FirstSegment {
    std::int32_t start_month, end_month; // end_month is no_end when the segment is still open
    double mrr;
};
// Segments wait in batches of this many: the table slots of a batch's customers are
// loaded together, so their cache misses (the slots are megabytes, the ids random)
// overlap instead of stalling each row.
inline constexpr std::size_t pending_batch = 32;

// Per-customer data and MRR changes in blocks of 64 KiB that never move: growing copies
// nothing and touches only what it holds, where a vector that doubles touches about twice
// its size.
template <class T> struct Blocks {
    static constexpr std::size_t per_block = std::bit_floor((std::size_t{1} << 16) / sizeof(T));
    std::vector<std::unique_ptr<T[]>> blocks;
    std::size_t count = 0;

    T& operator[](std::size_t i) { return blocks[i / per_block][i % per_block]; }
    const T& operator[](std::size_t i) const { return blocks[i / per_block][i % per_block]; }
    std::size_t size() const { return count; }
    void push_back(const T& x) {
        if (count == blocks.size() * per_block) blocks.emplace_back(new T[per_block]);
        (*this)[count++] = x;
    }
};

// Keys end to end in chunks that never move, each key (its size, then its bytes) within
// one chunk: a key is at most a row, so one fits in a chunk.
inline constexpr std::size_t key_chunk = std::size_t{1} << 21;
inline constexpr std::size_t max_key_bytes = max_row_bytes + 8; // with its size and currency
static_assert(key_chunk >= max_key_bytes);
// A customer's key offset is 32 bits, from its group's base: a key and the chunk end it
// may skip take under 2 * max_key_bytes, so a group's keys span under 4 GiB.
inline constexpr std::size_t key_group = 1024;
static_assert(key_group * 2 * max_key_bytes <= std::uint64_t{1} << 32);

struct Ledger {
    CurrencyCode default_currency{'U', 'S', 'D'};
    std::optional<Date> as_of;
    RowCounts rows;
    std::vector<RowError> errors; // the first max_row_errors bad rows, in line order

    // Customers, interned by (id, currency) in an open-addressing table. A customer's key
    // is its currency's index (2 bytes), then its id.
    std::vector<std::unique_ptr<char[]>> key_chunks;
    std::size_t first_chunk_size = 0;         // what key_chunks[0] holds so far (it grows)
    std::uint64_t keys_end = 0;               // where the next key goes, over all chunks
    std::vector<std::uint64_t> key_base;      // per group of key_group customers
    Blocks<std::uint32_t> key_at;             // customer c's key is key_base[c / key_group] + key_at[c]
    std::vector<std::uint64_t> slots;         // hash << 32 | customer + 1, or 0 when free
    std::vector<CurrencyCode> currencies;     // in order of appearance
    std::vector<std::int16_t> currency_index; // 26^3 codes -> index in `currencies`, or -1
    std::vector<std::int32_t> first_month, last_month; // per currency

    std::vector<PendingSegment> pending; // at most pending_batch
    std::string pending_keys;

    // Each customer's MRR changes, in row order: its first segment's while it is kept in
    // `firsts` (customers from firsts_from on), then those in `deltas` (sorted by customer
    // then month and merged), then the newer ones in `recent`, in row order. Merging
    // folds `firsts` in.
    Blocks<FirstSegment> firsts;
    std::uint32_t firsts_from = 0;
    std::vector<Delta> deltas;
    Blocks<Delta> recent;
    std::size_t compact_at = std::size_t{1} << 21; // merge when deltas and recent hold this many
};

// Reads one data row (fields as the CSV reader gave them) into the ledger: a paying
// segment, a row that is not paying, or a bad row with its line and reason.
void add_row(Ledger& ledger, const Columns& columns, std::span<const std::string_view> fields,
             std::uint64_t line, CsvError csv_error);

struct MonthFigures {
    int month = 0; // year * 12 + month - 1
    double mrr = 0;
    std::int64_t customers = 0;
    double new_mrr = 0, expansion_mrr = 0, contraction_mrr = 0, churned_mrr = 0, reactivation_mrr = 0,
           net_new_mrr = 0;
    std::int64_t new_customers = 0, reactivated_customers = 0, churned_customers = 0;
    std::optional<double> customer_churn_rate, gross_mrr_churn_rate, net_mrr_churn_rate, quick_ratio, arpa;
};

struct Cohort {
    int month = 0;
    std::int64_t customers = 0;
    double mrr = 0;
    std::vector<double> customer_retention, revenue_retention; // [0] is 1
};

struct Suggested {
    int months = 0; // how many recent months the inputs average over
    Scenario scenario;
};

struct CurrencyAnalysis {
    std::string currency;
    std::vector<MonthFigures> months;
    std::vector<Cohort> cohorts;
    Suggested suggested;                // over the last 12 months, section 8.1's `suggested`
    std::vector<Suggested> suggestions; // over the last 3, 6 and 12: one per distinct window, shortest first
};

// Per currency, in alphabetical order. Consumes the ledger's MRR changes.
std::vector<CurrencyAnalysis> analyse(Ledger& ledger);

// 3 letters, any case; false, with `out` partly written, when `text` is not.
bool parse_currency(std::string_view text, CurrencyCode& out);

} // namespace saas
