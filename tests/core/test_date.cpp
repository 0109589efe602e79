// Dates of the import (contract section 8): a date and its month read in one pass.
#include "date.hpp"

#include <doctest/doctest.h>

using namespace saas;

TEST_CASE("parse_day gives the date parse_date gives, and the month month_of gives") {
    for (std::int32_t days = parse_date("1990-01-01")->days; days <= parse_date("2099-12-31")->days; ++days) {
        const std::string text = date_text(Date{days});
        const std::optional<Day> day = parse_day(text + " 23:59");
        REQUIRE(day);
        CHECK(day->date == Date{days});
        CHECK(day->month == month_of(Date{days}));
    }
    CHECK(parse_day("2024-02-29")->month == 2024 * 12 + 1);
    CHECK_FALSE(parse_day("2023-02-29"));
    CHECK_FALSE(parse_day("2023-01-01 24:00"));
}
