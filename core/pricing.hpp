// What one customer pays (contract section 2): flat price, per-unit price or tiers,
// monthly or annual billing, and the plan mix that gives ARPA.
#pragma once

#include "scenario.hpp"

#include <vector>

namespace saas {

// Charge for `units` units under the plan's unit price or tiers, per billing period.
double unit_charge(const Plan& plan, double units);

// A_p: amount per customer per billing period.
double plan_amount(const Plan& plan);

// R_p: amount per customer per month (annual plans count 1/12 of their amount).
double plan_monthly_revenue(const Plan& plan);

// w_p: each plan's share, normalised to sum to 1 (shares are validated to sum > 0).
std::vector<double> plan_weights(const std::vector<Plan>& plans);

// Average revenue per account per month over the plan mix.
double arpa(const std::vector<Plan>& plans);

} // namespace saas
