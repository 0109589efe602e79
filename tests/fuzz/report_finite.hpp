// Every number a Report holds, checked for finiteness. The JSON printer shows NaN and
// Infinity as null, which would hide them, so the fuzzer and the property tests look
// at the values themselves.
#pragma once

#include "report.hpp"

#include <cmath>
#include <string>

namespace saas_test {

// The name of the first non-finite value in `r`, or "" when every value is finite.
inline std::string first_non_finite(const saas::Report& r) {
    for (const saas::MetricField& f : saas::metric_fields)
        if (const auto& value = r.metrics.*(f.value); value && !std::isfinite(*value))
            return std::string("metrics.") + f.key;
    for (const saas::MonthRow& row : r.projection.months) {
        const saas::Movements& m = row.movements;
        const double values[] = {row.customers,     row.mrr,           row.arr,
                                 m.new_mrr,         m.expansion_mrr,   m.contraction_mrr,
                                 m.churned_mrr,     m.net_new_mrr,     row.gross_profit,
                                 row.sales_marketing, row.fixed,       row.profit,
                                 row.cumulative_profit};
        for (double x : values)
            if (!std::isfinite(x)) return "projection month " + std::to_string(row.month);
    }
    return "";
}

} // namespace saas_test
