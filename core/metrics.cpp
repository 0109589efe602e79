#include "metrics.hpp"

#include "messages.hpp"
#include "movements.hpp"
#include "ratio.hpp"

#include <algorithm>
#include <cmath>

namespace saas {
namespace {

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
    auto why = [&m](Message (*note)()) { m.notes.push_back(note); };
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
        why(n == 0 ? msg::cac_no_new_customers : msg::cac_too_large);

    const double margin_arpa = arpa_value * g;
    if (m.cac) m.cac_payback_months = ratio(*m.cac, margin_arpa);
    if (!m.cac_payback_months)
        why(!m.cac              ? msg::payback_no_cac
            : margin_arpa == 0 ? msg::payback_no_margin
                               : msg::payback_too_long);

    if (m.cac) m.ltv_to_cac = ratio(ltv, *m.cac);
    if (!m.ltv_to_cac)
        why(!m.cac ? msg::ltv_to_cac_no_cac : *m.cac == 0 ? msg::ltv_to_cac_zero_cac : msg::ltv_to_cac_too_large);

    const double lost = month0.churned_mrr + month0.contraction_mrr;
    m.quick_ratio = ratio(month0.new_mrr + month0.expansion_mrr, lost);
    if (!m.quick_ratio)
        why(lost == 0 ? msg::quick_ratio_no_loss : msg::quick_ratio_too_large);

    const double profit = mrr * g - spend - s.costs.fixed_per_month;
    m.burn_or_profit_monthly = profit;
    m.profit_margin = ratio(profit, mrr);
    if (!m.profit_margin)
        why(mrr == 0 ? msg::profit_margin_no_mrr : msg::profit_margin_too_large);

    if (month0.net_new_mrr > 0)
        m.burn_multiple = ratio(std::max(0.0, -profit), 12 * month0.net_new_mrr);
    if (!m.burn_multiple)
        why(month0.net_new_mrr <= 0 ? msg::burn_multiple_no_growth : msg::burn_multiple_too_large);

    const bool year_projected = projection.months.size() >= growth_months;
    if (year_projected && mrr > 0) {
        if (auto growth = ratio(projection.months[growth_months - 1].mrr, mrr)) m.mrr_growth_annual = *growth - 1;
    }
    if (!m.mrr_growth_annual)
        why(!year_projected ? msg::growth_short_horizon
            : mrr == 0      ? msg::growth_no_mrr
                            : msg::growth_too_large);

    if (m.mrr_growth_annual && m.profit_margin)
        m.rule_of_40 = *m.mrr_growth_annual + *m.profit_margin;
    else
        why(msg::rule_of_40_undefined);

    // Advice comes after the notes on undefined metrics (contract section 5).
    if (m.ltv_to_cac && *m.ltv_to_cac > under_funded_ltv_to_cac) why(msg::ltv_to_cac_high);
    return m;
}

} // namespace saas
