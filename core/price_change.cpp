#include "price_change.hpp"

#include "levers.hpp"
#include "pricing.hpp"
#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace saas {
namespace {

// One population's rates, as the Scenario that movements() reads.
Scenario rates(const Scenario& s, double new_per_month, double churn) {
    Scenario r;
    r.customers = {0, new_per_month, churn};
    r.revenue = s.revenue;
    return r;
}

struct Population {
    double customers = 0;
    double mrr = 0;
};

Movements operator+(const Movements& a, const Movements& b) {
    return {a.new_mrr + b.new_mrr, a.expansion_mrr + b.expansion_mrr,
            a.contraction_mrr + b.contraction_mrr, a.churned_mrr + b.churned_mrr,
            a.net_new_mrr + b.net_new_mrr};
}

// A month of section 4 for one population; returns its movements.
Movements step(Population& p, const Scenario& r, double arpa) {
    const Movements m = movements(r, p.mrr, arpa);
    p.customers = p.customers * (1 - r.customers.monthly_churn) + r.customers.new_per_month;
    p.mrr = std::max(0.0, p.mrr + m.net_new_mrr);
    return m;
}

// The one-time repricing of existing customers at the start of the migration month:
// the price difference shows as expansion (or contraction), the customers lost to it
// as churned MRR, so MRR stays the sum of its movements.
Movements migrate(Population& p, double price_factor, double churn) {
    const double repriced = p.mrr * price_factor;
    const double lost = repriced * churn;
    Movements m;
    (repriced >= p.mrr ? m.expansion_mrr : m.contraction_mrr) = std::abs(repriced - p.mrr);
    m.churned_mrr = lost;
    m.net_new_mrr = repriced - p.mrr - lost;
    p.mrr = repriced - lost;
    p.customers *= 1 - churn;
    return m;
}

// The point where `holds` changes between lo and hi (holds(lo) != holds(hi)), to 1e-11
// relative, on the side where it holds.
double boundary(const std::function<bool(double)>& holds, double lo, double hi) {
    const bool at_lo = holds(lo);
    while (hi - lo > 1e-11 * std::max(std::abs(lo), std::abs(hi))) {
        const double mid = lo + (hi - lo) / 2;
        if (mid == lo || mid == hi) break;
        (holds(mid) == at_lo ? lo : hi) = mid;
    }
    return at_lo ? lo : hi;
}

} // namespace

double signup_factor(double price_factor, double elasticity) {
    const double f = std::pow(price_factor, elasticity);
    return std::isnan(f) ? max_new_customers_factor : std::clamp(f, 0.0, max_new_customers_factor);
}

namespace {

// Steps the changed projection, calling month(t, customers, mrr, movements) with what month
// t ends with: changed_projection keeps the rows, the break-even searches only the profit.
template <class Month>
void each_changed_month(const Scenario& s, const PriceChange& change, Month month) {
    const double arpa_today = arpa(s.plans);
    const double c = s.customers.monthly_churn;
    const double changed_churn = std::min(1.0, c * change.churn_factor);
    const bool migrated = change.existing == Existing::migrated;
    const bool migration_changes_nothing = change.price_factor == 1 && change.migration_churn == 0;
    const Scenario old_rates = rates(s, 0, c);
    const Scenario changed_rates = rates(s, s.customers.new_per_month * change.new_customers_factor,
                                         changed_churn);
    const Scenario migrated_rates = rates(s, 0, changed_churn);
    const double new_arpa = arpa_today * change.price_factor;

    // The populations merge once they follow the same rates for good: the sum of two
    // linear recurrences with equal rates follows that recurrence too, and with all
    // factors 1 this gives today's projection to the last bit.
    Population existing{s.customers.starting, s.customers.starting * arpa_today};
    Population joiners;
    bool merged = false;
    for (int t = 1; t <= s.options.horizon_months; ++t) {
        Movements moved;
        const bool repriced_by_now = migrated && t >= change.migration_month;
        if (!merged && migrated && t == change.migration_month)
            moved = migrate(existing, change.price_factor, change.migration_churn);
        const Scenario& existing_rates = repriced_by_now ? migrated_rates : old_rates;
        if (!merged && existing_rates.customers.monthly_churn == changed_churn &&
            (!migrated || repriced_by_now || migration_changes_nothing)) {
            joiners = {existing.customers + joiners.customers, existing.mrr + joiners.mrr};
            existing = {};
            merged = true;
        }
        if (!merged) moved = moved + step(existing, existing_rates, arpa_today);
        moved = moved + step(joiners, changed_rates, new_arpa);
        month(t, existing.customers + joiners.customers, existing.mrr + joiners.mrr, moved);
    }
}

// The changed projection's cumulative profit at the horizon, without its rows.
double changed_total(const Scenario& s, const PriceChange& change) {
    double cumulative = 0;
    each_changed_month(s, change, [&](int, double, double mrr, const Movements&) { cumulative += month_profit(s, mrr); });
    return cumulative;
}

} // namespace

Projection changed_projection(const Scenario& s, const PriceChange& change) {
    Projection p;
    p.months.reserve(static_cast<std::size_t>(s.options.horizon_months));
    double cumulative = 0;
    each_changed_month(s, change, [&](int t, double customers, double mrr, const Movements& moved) {
        p.months.push_back(month_row(s, t, customers, mrr, moved, cumulative));
        cumulative = p.months.back().cumulative_profit;
        if (!p.break_even_month && p.months.back().profit >= 0) p.break_even_month = t;
    });
    return p;
}

PriceChangeResult price_change(const Scenario& s, const PriceChange& change) {
    PriceChangeResult r;
    r.baseline = project(s, arpa(s.plans));
    r.changed = changed_projection(s, change);
    for (std::size_t i = 0; i < r.baseline.months.size(); ++i) {
        r.mrr_delta.push_back(r.changed.months[i].mrr - r.baseline.months[i].mrr);
        r.cumulative_profit_delta.push_back(r.changed.months[i].cumulative_profit -
                                            r.baseline.months[i].cumulative_profit);
    }
    for (int t = static_cast<int>(r.cumulative_profit_delta.size()); t >= 1; --t) {
        if (r.cumulative_profit_delta[t - 1] < 0) break;
        r.payback_month = t;
    }

    Scenario new_customers = s;
    set_lever(new_customers, s, Lever{LeverField::price_factor}, change.price_factor);
    new_customers.customers.monthly_churn = std::min(1.0, s.customers.monthly_churn * change.churn_factor);
    new_customers.customers.new_per_month = s.customers.new_per_month * change.new_customers_factor;
    r.new_customer_metrics = compute(new_customers).metrics;

    // The change pays off by the horizon when the cumulative profit delta there is >= 0;
    // more signups help and more migration churn hurts, so each bound is one boundary.
    const double baseline_total = r.baseline.months.back().cumulative_profit;
    const auto pays_off = [&](PriceChange c) {
        return changed_total(s, c) - baseline_total >= 0;
    };
    const auto with_signups = [&](double f) {
        PriceChange c = change;
        c.new_customers_factor = f;
        return pays_off(c);
    };
    if (with_signups(0))
        r.break_even_new_customers_factor = 0;
    else if (with_signups(max_new_customers_factor))
        r.break_even_new_customers_factor = boundary(with_signups, 0, max_new_customers_factor);
    if (change.existing == Existing::migrated) {
        const auto with_churn = [&](double m) {
            PriceChange c = change;
            c.migration_churn = m;
            return pays_off(c);
        };
        if (with_churn(1))
            r.break_even_migration_churn = 1;
        else if (with_churn(0))
            r.break_even_migration_churn = boundary(with_churn, 0, 1);
    }
    return r;
}

} // namespace saas
