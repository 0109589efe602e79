#include "pricing.hpp"

#include <algorithm>

namespace saas {
namespace {

// Stripe's graduated mode: each unit is priced by the tier it falls in; a tier's
// flat fee is due once as soon as any unit falls in it.
double graduated(const std::vector<Tier>& tiers, double units) {
    double charge = 0;
    double lower = 0;
    for (const Tier& tier : tiers) {
        const double upper = tier.up_to.value_or(units);
        const double in_tier = std::min(units, upper) - lower;
        if (in_tier <= 0) break;
        charge += tier.unit_price * in_tier + tier.flat;
        lower = upper;
    }
    return charge;
}

// Stripe's volume mode: all units at the price of the tier the total falls in
// (a count equal to up_to belongs to that tier).
double volume(const std::vector<Tier>& tiers, double units) {
    for (const Tier& tier : tiers)
        if (!tier.up_to || units <= *tier.up_to) return tier.unit_price * units + tier.flat;
    return 0; // unreachable for validated tiers: the last one is open-ended
}

double total_share(const std::vector<Plan>& plans) {
    double total = 0;
    for (const Plan& p : plans) total += p.share;
    return total;
}

double weight(const Plan& plan, double total_share) { return total_share > 0 ? plan.share / total_share : 0; }

} // namespace

double unit_charge(const Plan& plan, double units) {
    if (plan.tiers.empty()) return plan.unit_price * units;
    return plan.tier_mode == TierMode::graduated ? graduated(plan.tiers, units)
                                                 : volume(plan.tiers, units);
}

double plan_amount(const Plan& plan) { return plan.price + unit_charge(plan, plan.units); }

double plan_monthly_revenue(const Plan& plan) {
    return plan.billing == Billing::annual ? plan_amount(plan) / 12 : plan_amount(plan);
}

std::vector<double> plan_weights(const std::vector<Plan>& plans) {
    const double total = total_share(plans);
    std::vector<double> weights;
    for (const Plan& p : plans) weights.push_back(weight(p, total));
    return weights;
}

// Without plan_weights' vector: the pricing lab asks for ARPA thousands of times a request.
double arpa(const std::vector<Plan>& plans) {
    const double total = total_share(plans);
    double sum = 0;
    for (const Plan& p : plans) sum += weight(p, total) * plan_monthly_revenue(p);
    return sum;
}

} // namespace saas
