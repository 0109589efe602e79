// Month-by-month projection over the horizon (contract section 4).
#pragma once

#include "movements.hpp"
#include "scenario.hpp"

#include <algorithm>
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

// Steps section 4's recurrence for the first `months` months (at most the horizon),
// calling step(t, customers, mrr, movements) with the values month t ends with, until it
// returns false: project() keeps every row, the pricing lab only what its metric reads
// (the break-even month needs no month after it).
template <class Step>
void each_month(const Scenario& s, double arpa, int months, Step step) {
    double customers = s.customers.starting;
    double mrr = customers * arpa;
    for (int t = 1; t <= std::min(months, s.options.horizon_months); ++t) {
        const Movements m = movements(s, mrr, arpa);
        customers = customers * (1 - s.customers.monthly_churn) + s.customers.new_per_month;
        mrr = std::max(0.0, mrr + m.net_new_mrr);
        if (!step(t, customers, mrr, m)) return;
    }
}

// Gross profit less the month's costs.
inline double month_profit(const Scenario& s, double mrr) {
    return mrr * s.costs.gross_margin - s.costs.sales_marketing_per_month - s.costs.fixed_per_month;
}

Projection project(const Scenario& s, double arpa);

// The first `months` months only (at most the horizon): the pricing lab evaluates a
// metric thousands of times and asks for no more months than the metric reads.
Projection project(const Scenario& s, double arpa, int months);

// Month t's row from the customers and MRR it ends with and the movements that got
// there; costs from s, cumulative profit carried on from `cumulative_before`.
MonthRow month_row(const Scenario& s, int t, double customers, double mrr,
                   const Movements& movements, double cumulative_before);

} // namespace saas
