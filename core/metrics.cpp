#include "metrics.hpp"

#include "movements.hpp"

#include <algorithm>
#include <cmath>

namespace saas {
namespace {

// a / b, or nothing when b is 0 or the quotient overflows a double.
std::optional<double> ratio(double a, double b) {
    if (b == 0) return std::nullopt;
    const double q = a / b;
    if (!std::isfinite(q)) return std::nullopt;
    return q;
}

// x^12 by multiplications alone, which IEEE 754 rounds alike everywhere: std::pow
// differs in the last digit between glibc and Emscripten's libc, and the CLI and the
// wasm module must print the same numbers.
double twelfth_power(double x) {
    const double cube = x * x * x;
    const double sixth = cube * cube;
    return sixth * sixth;
}

} // namespace

Metrics compute_metrics(const Scenario& s, double arpa_value, const Projection& projection) {
    const double c = s.customers.monthly_churn;
    const double k = s.revenue.monthly_contraction;
    const double e = s.revenue.monthly_expansion;
    const double g = s.costs.gross_margin;
    const double n = s.customers.new_per_month;
    const double spend = s.costs.sales_marketing_per_month;
    const double cap = s.options.lifetime_cap_months;
    const double mrr = s.customers.starting * arpa_value;
    const Movements month0 = movements(s, mrr, arpa_value);

    Metrics m;
    auto why = [&m](std::string text) { m.notes.push_back(std::move(text)); };
    m.arpa = arpa_value;
    m.mrr = mrr;
    m.arr = 12 * mrr;
    m.customers = s.customers.starting;
    m.new_mrr = month0.new_mrr;
    m.expansion_mrr = month0.expansion_mrr;
    m.contraction_mrr = month0.contraction_mrr;
    m.churned_mrr = month0.churned_mrr;
    m.net_new_mrr = month0.net_new_mrr;
    m.customer_churn_monthly = c;
    m.customer_churn_annual = 1 - twelfth_power(1 - c);
    m.gross_mrr_churn_monthly = std::min(1.0, c + k);
    m.net_mrr_churn_monthly = c + k - e;
    m.nrr_annual = twelfth_power(std::max(0.0, 1 - c - k + e));
    m.grr_annual = twelfth_power(std::max(0.0, 1 - c - k));
    const double lifetime = c == 0 ? cap : std::min(1 / c, cap);
    m.customer_lifetime_months = lifetime;
    const double ltv = arpa_value * g * lifetime;
    m.ltv = ltv;

    // From here on, metrics can be undefined; notes follow metric_fields' order.
    m.cac = ratio(spend, n);
    if (!m.cac)
        why(n == 0 ? "CAC is undefined: there are no new customers per month to divide sales & "
                     "marketing spend by."
                   : "CAC is too large to show: new customers per month is almost 0.");

    const double margin_arpa = arpa_value * g;
    if (m.cac) m.cac_payback_months = ratio(*m.cac, margin_arpa);
    if (!m.cac_payback_months)
        why(!m.cac ? "CAC payback is undefined because CAC is."
            : margin_arpa == 0
                ? "CAC payback is undefined: gross-margin-adjusted ARPA is 0, so CAC is never "
                  "paid back."
                : "CAC payback is too long to show: gross-margin-adjusted ARPA is almost 0.");

    if (m.cac) m.ltv_to_cac = ratio(ltv, *m.cac);
    if (!m.ltv_to_cac)
        why(!m.cac ? "LTV/CAC is undefined because CAC is."
            : *m.cac == 0 ? "LTV/CAC is undefined: CAC is 0 (no sales & marketing spend)."
                          : "LTV/CAC is too large to show: CAC is almost 0.");

    const double lost = month0.churned_mrr + month0.contraction_mrr;
    m.quick_ratio = ratio(month0.new_mrr + month0.expansion_mrr, lost);
    if (!m.quick_ratio)
        why(lost == 0 ? "Quick ratio is undefined: no MRR is lost to churn or contraction."
                      : "Quick ratio is too large to show: almost no MRR is lost.");

    const double profit = mrr * g - spend - s.costs.fixed_per_month;
    m.burn_or_profit_monthly = profit;
    m.profit_margin = ratio(profit, mrr);
    if (!m.profit_margin)
        why(mrr == 0 ? "Profit margin is undefined: MRR is 0."
                     : "Profit margin is too large to show: MRR is almost 0.");

    if (month0.net_new_mrr > 0)
        m.burn_multiple = ratio(std::max(0.0, -profit), 12 * month0.net_new_mrr);
    if (!m.burn_multiple)
        why(month0.net_new_mrr <= 0
                ? "Burn multiple is undefined: net new MRR is not positive, so the burn buys no "
                  "growth."
                : "Burn multiple is too large to show: net new MRR is almost 0.");

    const bool year_projected = projection.months.size() >= 12;
    if (year_projected && mrr > 0) {
        if (auto growth = ratio(projection.months[11].mrr, mrr)) m.mrr_growth_annual = *growth - 1;
    }
    if (!m.mrr_growth_annual)
        why(!year_projected ? "Annual MRR growth is undefined: the horizon is shorter than 12 "
                              "months."
            : mrr == 0      ? "Annual MRR growth is undefined: MRR at month 0 is 0."
                            : "Annual MRR growth is too large to show: MRR at month 0 is almost 0.");

    if (m.mrr_growth_annual && m.profit_margin)
        m.rule_of_40 = *m.mrr_growth_annual + *m.profit_margin;
    else
        why("Rule of 40 is undefined: it needs both annual MRR growth and profit margin.");

    // Advice comes after the notes on undefined metrics (contract section 5).
    if (m.ltv_to_cac && *m.ltv_to_cac > 5)
        why("LTV/CAC is above 5: growth may be under-funded; more sales & marketing spend could "
            "pay off.");
    return m;
}

} // namespace saas
