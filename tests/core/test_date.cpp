// Dates of the import (contract section 8): a date and its month read in one pass.
#include "date.hpp"

#include <set>
#include <string>

#include <doctest/doctest.h>

using namespace saas;

TEST_CASE("parse_day gives the date parse_date gives, and the month month_of gives") {
    for (std::int32_t days = parse_date("1990-01-01")->days; days <= parse_date("2099-12-31")->days; ++days) {
        const std::string text = date_text(Date{days});
        Day day;
        REQUIRE(parse_day(text + " 23:59", day));
        CHECK(day.date == Date{days});
        CHECK(day.month == month_of(Date{days}));
    }
    Day day;
    REQUIRE(parse_day("2024-02-29", day));
    CHECK(day.month == 2024 * 12 + 1);
    CHECK_FALSE(parse_day("2023-02-29", day));
    CHECK_FALSE(parse_day("2023-01-01 24:00", day));
}

// parse_day reads a date a word at a time: every byte of each form, changed to every other
// value, must be refused exactly when a character-by-character reading refuses it.
TEST_CASE("parse_day accepts a changed byte exactly when it leaves a date") {
    std::set<std::string> dates;
    for (std::int32_t days = parse_date("1990-01-01")->days; days <= parse_date("2099-12-31")->days; ++days)
        dates.insert(date_text(Date{days}));
    const auto two = [](std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); };
    const auto is_day = [&](std::string_view s) {
        constexpr std::string_view form = "dddd-dd-dd dd:dd:dd";
        for (std::size_t i = 0; i < s.size(); ++i)
            if (form[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != form[i]) return false;
        return dates.contains(std::string(s.substr(0, 10))) && (s.size() < 16 || (two(s, 11) <= 23 && two(s, 14) <= 59)) &&
               (s.size() < 19 || two(s, 17) <= 59);
    };
    for (const std::string base : {"2024-02-29", "2023-12-31 23:59", "2024-01-31 09:05:59"}) {
        for (std::size_t at = 0; at < base.size(); ++at) {
            for (int byte = 0; byte < 256; ++byte) {
                std::string text = base;
                text[at] = static_cast<char>(byte);
                Day day;
                CAPTURE(text);
                CHECK(parse_day(text, day) == is_day(text));
            }
        }
    }
}
