#include "projection.hpp"

#include <algorithm>

namespace saas {

MonthRow month_row(const Scenario& s, int t, double customers, double mrr,
                   const Movements& movements, double cumulative_before) {
    MonthRow row;
    row.month = t;
    row.movements = movements;
    row.customers = customers;
    row.mrr = mrr;
    row.arr = 12 * mrr;
    row.gross_profit = mrr * s.costs.gross_margin;
    row.sales_marketing = s.costs.sales_marketing_per_month;
    row.fixed = s.costs.fixed_per_month;
    row.profit = month_profit(s, mrr);
    row.cumulative_profit = cumulative_before + row.profit;
    return row;
}

Projection project(const Scenario& s, double arpa) { return project(s, arpa, s.options.horizon_months); }

Projection project(const Scenario& s, double arpa, int months) {
    Projection p;
    p.months.reserve(static_cast<std::size_t>(std::max(0, std::min(months, s.options.horizon_months))));
    double cumulative = 0;
    each_month(s, arpa, months, [&](int t, double customers, double mrr, const Movements& m) {
        p.months.push_back(month_row(s, t, customers, mrr, m, cumulative));
        cumulative = p.months.back().cumulative_profit;
        if (!p.break_even_month && p.months.back().profit >= 0) p.break_even_month = t;
        return true;
    });
    return p;
}

} // namespace saas
