#include "date.hpp"

#include <array>
#include <bit>
#include <cstring>

namespace saas {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
constexpr std::int32_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = y / 400; // y >= 0 here
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Civil {
    int year, month, day;
};

Civil civil_from_days(std::int32_t z) {
    z += 719468;
    const int era = z / 146097; // z >= 0 for the years we accept
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {yoe + era * 400 + (m <= 2), m, d};
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Reads `count` digits at `at`; -1 if any is not a digit.
int digits(std::string_view s, std::size_t at, int count) {
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const unsigned digit = static_cast<unsigned char>(s[at + i]) - '0';
        if (digit > 9) return -1;
        value = value * 10 + static_cast<int>(digit);
    }
    return value;
}

// The import reads a date or two on each of a million rows, so "YYYY-MM-" and
// "DD HH:MM" are read eight bytes at a time: a test per word instead of a branch per
// character.
static_assert(std::endian::native == std::endian::little, "a word's first byte is its low byte");
constexpr std::uint64_t each_byte(std::uint8_t b) { return 0x0101010101010101ULL * b; }

std::uint64_t load8(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

// Whether the bytes of `w` under `digits` (0xFF per byte) are '0'-'9' and the others
// under `mask` are as in `expected`. Digits xor '0' are 0-9: no high nibble, and none
// reaches one when 6 is added.
bool word_matches(std::uint64_t w, std::uint64_t digits, std::uint64_t mask, std::uint64_t expected) {
    const std::uint64_t x = (w ^ each_byte('0')) & digits;
    return ((x | (x + (each_byte(6) & digits))) & each_byte(0xF0)) == 0 && (w & mask) == expected;
}

// The value of the digit in byte `i` of a word that word_matches accepted.
int digit_at(std::uint64_t w, int i) { return static_cast<int>((w >> (8 * i)) & 0x0F); }

// The first day of each month from first_year to the month after last_year's last, so a
// date is its month's first day plus its day, and a month's length the next first minus it.
constexpr int months = (last_year - first_year + 1) * 12;
constexpr auto month_starts = [] {
    std::array<std::int32_t, months + 1> starts{};
    for (int i = 0; i <= months; ++i) starts[i] = days_from_civil(first_year + i / 12, i % 12 + 1, 1);
    return starts;
}();

std::string two_digits(int n) { return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }

} // namespace

std::optional<Date> parse_date(std::string_view s) {
    Day d;
    return parse_day(s, d) ? std::optional<Date>(d.date) : std::nullopt;
}

bool parse_day(std::string_view s, Day& out) {
    if (s.size() != 10 && s.size() != 16 && s.size() != 19) return false;
    const std::uint64_t date = load8(s.data()); // "YYYY-MM-"
    if (!word_matches(date, 0x00FFFF00FFFFFFFF, 0xFF0000FF00000000, 0x2D00002D00000000)) return false;
    const int y = digit_at(date, 0) * 1000 + digit_at(date, 1) * 100 + digit_at(date, 2) * 10 + digit_at(date, 3);
    const int m = digit_at(date, 5) * 10 + digit_at(date, 6), d = digits(s, 8, 2);
    if (y < first_year || y > last_year || m < 1 || m > 12) return false;
    const int month = (y - first_year) * 12 + m - 1;
    if (d < 1 || d > month_starts[month + 1] - month_starts[month]) return false;
    if (s.size() > 10) {
        const std::uint64_t time = load8(s.data() + 8); // "DD HH:MM", its day read above
        if (!word_matches(time, 0xFFFF00FFFF000000, 0x0000FF0000FF0000, 0x00003A0000200000)) return false;
        if (digit_at(time, 3) * 10 + digit_at(time, 4) > 23 || digit_at(time, 6) * 10 + digit_at(time, 7) > 59)
            return false;
        if (s.size() == 19) {
            const int ss = digits(s, 17, 2);
            if (s[16] != ':' || ss < 0 || ss > 59) return false;
        }
    }
    out = Day{{month_starts[month] + d - 1}, y * 12 + m - 1};
    return true;
}

int month_of(Date d) {
    const Civil c = civil_from_days(d.days);
    return c.year * 12 + c.month - 1;
}

Date last_day_of_month(int month) {
    const int y = month / 12, m = month % 12 + 1;
    return Date{days_from_civil(y, m, days_in_month(y, m))};
}

std::string month_text(int month) {
    const int y = month / 12, m = month % 12 + 1;
    return std::to_string(y) + "-" + two_digits(m);
}

std::string date_text(Date d) {
    const Civil c = civil_from_days(d.days);
    return std::to_string(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day);
}

} // namespace saas
