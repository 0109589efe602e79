// Month-by-month projection over the horizon (contract section 4).
#pragma once

#include "movements.hpp"
#include "scenario.hpp"

#include <optional>
#include <vector>

namespace saas {

struct MonthRow {
    int month = 0;
    double customers = 0; // expected value, may be fractional
    double mrr = 0;
    double arr = 0;
    Movements movements; // computed on the previous month's MRR
    double gross_profit = 0;
    double sales_marketing = 0;
    double fixed = 0;
    double profit = 0;
    double cumulative_profit = 0;
};

struct Projection {
    std::vector<MonthRow> months; // months 1 .. horizon
    std::optional<int> break_even_month;
};

Projection project(const Scenario& s, double arpa);

} // namespace saas
