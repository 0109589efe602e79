// A quotient that may not exist: the contract's metrics are "undefined" rather than
// infinite when their denominator is 0 (section 3), for the calculator and the import alike.
#pragma once

#include <cmath>
#include <optional>

namespace saas {

// a / b, or nothing when b is 0 or the quotient overflows a double.
inline std::optional<double> ratio(double a, double b) {
    if (b == 0) return std::nullopt;
    const double q = a / b;
    if (!std::isfinite(q)) return std::nullopt;
    return q;
}

} // namespace saas
