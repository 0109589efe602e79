// Calendar dates of the import (contract section 8): days since 1970-01-01, and months
// as year * 12 + month - 1, so a month's successor is +1 and date order is int order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace saas {

struct Date {
    std::int32_t days = 0; // since 1970-01-01
    friend auto operator<=>(Date, Date) = default;
};

// Years outside this range are bad dates: they are typos in real exports, and they
// would make the month range (and the cohort table, months squared) unbounded.
inline constexpr int first_year = 1990;
inline constexpr int last_year = 2099;

// 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD HH:MM:SS' (only the date counts),
// validated: 2023-02-30 and 24:00 are no dates.
std::optional<Date> parse_date(std::string_view text);

// The same with the date's month, read on the way: the import needs both for every row,
// and month_of's calendar arithmetic on each row cost some 4 % of the import's time.
struct Day {
    Date date;
    int month; // year * 12 + month - 1
};
// False when `text` is no date; returned in a std::optional, the day was built in memory
// a piece at a time and read back whole, a stalled load on each of the import's dates.
bool parse_day(std::string_view text, Day& out);

int month_of(Date d);                // year * 12 + month - 1
Date last_day_of_month(int month);   // the month's last day
std::string month_text(int month);   // "YYYY-MM"
std::string date_text(Date d);       // "YYYY-MM-DD"

} // namespace saas
