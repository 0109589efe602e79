#include "date.hpp"

namespace saas {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
std::int32_t days_from_civil(int y, int m, int d) {
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

std::string two_digits(int n) { return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }

} // namespace

std::optional<Date> parse_date(std::string_view s) {
    const std::optional<Day> d = parse_day(s);
    return d ? std::optional<Date>(d->date) : std::nullopt;
}

std::optional<Day> parse_day(std::string_view s) {
    if (s.size() != 10 && s.size() != 16 && s.size() != 19) return std::nullopt;
    if (s[4] != '-' || s[7] != '-') return std::nullopt;
    const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    if (y < first_year || y > last_year || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return std::nullopt;
    if (s.size() > 10) {
        if (s[10] != ' ' || s[13] != ':') return std::nullopt;
        const int hh = digits(s, 11, 2), mm = digits(s, 14, 2);
        if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return std::nullopt;
        if (s.size() == 19) {
            const int ss = digits(s, 17, 2);
            if (s[16] != ':' || ss < 0 || ss > 59) return std::nullopt;
        }
    }
    return Day{{days_from_civil(y, m, d)}, y * 12 + m - 1};
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
