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

// The first `months` months only (at most the horizon): the pricing lab evaluates a
// metric thousands of times and asks for no more months than the metric reads.
Projection project(const Scenario& s, double arpa, int months);

// Month t's row from the customers and MRR it ends with and the movements that got
// there; costs from s, cumulative profit carried on from `cumulative_before`.
MonthRow month_row(const Scenario& s, int t, double customers, double mrr,
                   const Movements& movements, double cumulative_before);

} // namespace saas
