// Price change (contract section 9): today's projection against one where new prices
// start at month 1, with existing customers grandfathered or migrated, and the break-even
// points of the change.
#pragma once

#include "metrics.hpp"
#include "projection.hpp"
#include "scenario.hpp"

#include <optional>
#include <vector>

namespace saas {

enum class Existing { grandfathered, migrated };

struct PriceChange {
    double price_factor = 1;
    double new_customers_factor = 1;
    double churn_factor = 1; // the changed churn c x churn_factor is capped at 1
    Existing existing = Existing::grandfathered;
    int migration_month = 1; // 1 to the horizon
    double migration_churn = 0;
};

inline constexpr double max_new_customers_factor = 10;
inline constexpr double max_churn_factor = 100;

// Constant elasticity: price_factor^elasticity, clamped to [0, max_new_customers_factor]
// (a free product with a negative elasticity would draw infinitely many signups).
double signup_factor(double price_factor, double elasticity);

struct PriceChangeResult {
    Projection baseline, changed;
    std::vector<double> mrr_delta, cumulative_profit_delta; // changed - baseline, per month
    std::optional<int> payback_month;
    Metrics new_customer_metrics;
    std::optional<double> break_even_new_customers_factor, break_even_migration_churn;
};

// The changed projection alone: existing customers and new ones as two populations,
// summed per month (README: movements of a migration month).
Projection changed_projection(const Scenario& s, const PriceChange& change);

PriceChangeResult price_change(const Scenario& s, const PriceChange& change);

} // namespace saas
