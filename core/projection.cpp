#include "projection.hpp"

#include <algorithm>

namespace saas {

Projection project(const Scenario& s, double arpa) {
    Projection p;
    double customers = s.customers.starting;
    double mrr = customers * arpa;
    double cumulative = 0;
    for (int t = 1; t <= s.options.horizon_months; ++t) {
        MonthRow row;
        row.month = t;
        row.movements = movements(s, mrr, arpa);
        customers = customers * (1 - s.customers.monthly_churn) + s.customers.new_per_month;
        mrr = std::max(0.0, mrr + row.movements.net_new_mrr);
        row.customers = customers;
        row.mrr = mrr;
        row.arr = 12 * mrr;
        row.gross_profit = mrr * s.costs.gross_margin;
        row.sales_marketing = s.costs.sales_marketing_per_month;
        row.fixed = s.costs.fixed_per_month;
        row.profit = row.gross_profit - row.sales_marketing - row.fixed;
        cumulative += row.profit;
        row.cumulative_profit = cumulative;
        if (!p.break_even_month && row.profit >= 0) p.break_even_month = t;
        p.months.push_back(row);
    }
    return p;
}

} // namespace saas
