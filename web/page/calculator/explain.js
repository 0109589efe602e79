// "How is this computed": each metric's formula (contract section 3) written out with
// the user's own numbers. Every number here is read from the core's output or the
// scenario and only formatted; the result on the right is the core's, not recomputed.
import { formatValue, metricInfo } from '../../shared/format.js';
import { getPath, defaultFor } from '../../shared/fields.js';

function planText(plan, f) {
  const parts = [];
  if (plan.price) parts.push(f(plan.price, 'money'));
  const units = f(plan.units ?? defaultFor('plans[].units'));
  if (Array.isArray(plan.tiers)) parts.push(`${plan.tier_mode ?? defaultFor('plans[].tier_mode')} tiers × ${units} units`);
  else if (plan.unit_price) parts.push(`${f(plan.unit_price, 'money')} × ${units} units`);
  const amount = parts.join(' + ') || f(0, 'money');
  return `${plan.name || 'Plan'}: ${amount} per ${plan.billing === 'annual' ? 'year ÷ 12' : 'month'}, weight ${f(plan.share ?? defaultFor('plans[].share'))}`;
}

/** key -> (values, output, scenario) -> formula text with numbers. */
const formulas = {
  arpa: (v, o, s) => `Share-weighted monthly revenue per customer over the plans (${s.plans.map((p) => planText(p, v.f)).join('; ')}) = ${v.arpa}`,
  mrr: (v) => `Customers × ARPA = ${v.customers} × ${v.arpa} = ${v.mrr}`,
  arr: (v) => `12 × MRR = 12 × ${v.mrr} = ${v.arr}`,
  customers: (v) => `Paying customers today = ${v.customers}`,
  new_mrr: (v) => `New customers per month × ARPA = ${v.in('customers.new_per_month', 'count')} × ${v.arpa} = ${v.new_mrr}`,
  expansion_mrr: (v) => `MRR × monthly expansion = ${v.mrr} × ${v.in('revenue.monthly_expansion', 'percent')} = ${v.expansion_mrr}`,
  contraction_mrr: (v) => `MRR × monthly contraction = ${v.mrr} × ${v.in('revenue.monthly_contraction', 'percent')} = ${v.contraction_mrr}`,
  churned_mrr: (v) => `MRR × monthly churn = ${v.mrr} × ${v.customer_churn_monthly} = ${v.churned_mrr}`,
  net_new_mrr: (v) => `New + expansion − contraction − churned = ${v.new_mrr} + ${v.expansion_mrr} − ${v.contraction_mrr} − ${v.churned_mrr} = ${v.net_new_mrr}`,
  customer_churn_monthly: (v) => `Monthly churn as entered = ${v.customer_churn_monthly}`,
  customer_churn_annual: (v) => `1 − (1 − ${v.customer_churn_monthly})¹² = ${v.customer_churn_annual}`,
  gross_mrr_churn_monthly: (v) => `Churn + contraction = ${v.customer_churn_monthly} + ${v.in('revenue.monthly_contraction', 'percent')} = ${v.gross_mrr_churn_monthly} (capped at 100 %)`,
  net_mrr_churn_monthly: (v) => `Churn + contraction − expansion = ${v.customer_churn_monthly} + ${v.in('revenue.monthly_contraction', 'percent')} − ${v.in('revenue.monthly_expansion', 'percent')} = ${v.net_mrr_churn_monthly}`,
  nrr_annual: (v) => `(1 − churn − contraction + expansion)¹² = (1 − ${v.customer_churn_monthly} − ${v.in('revenue.monthly_contraction', 'percent')} + ${v.in('revenue.monthly_expansion', 'percent')})¹² = ${v.nrr_annual}`,
  grr_annual: (v) => `(1 − churn − contraction)¹² = (1 − ${v.customer_churn_monthly} − ${v.in('revenue.monthly_contraction', 'percent')})¹² = ${v.grr_annual}`,
  customer_lifetime_months: (v, o) => (o.metrics.customer_churn_monthly === 0
    ? `No churn, so the lifetime cap applies: ${v.customer_lifetime_months}`
    : `1 ÷ monthly churn = 1 ÷ ${v.customer_churn_monthly}, at most ${v.in('options.lifetime_cap_months', 'months')} = ${v.customer_lifetime_months}`),
  ltv: (v) => `ARPA × gross margin × lifetime = ${v.arpa} × ${v.in('costs.gross_margin', 'percent')} × ${v.customer_lifetime_months} = ${v.ltv}`,
  cac: (v) => `Sales & marketing ÷ new customers = ${v.in('costs.sales_marketing_per_month', 'money')} ÷ ${v.in('customers.new_per_month', 'count')} = ${v.cac}`,
  cac_payback_months: (v) => `CAC ÷ (ARPA × gross margin) = ${v.cac} ÷ (${v.arpa} × ${v.in('costs.gross_margin', 'percent')}) = ${v.cac_payback_months}`,
  ltv_to_cac: (v) => `LTV ÷ CAC = ${v.ltv} ÷ ${v.cac} = ${v.ltv_to_cac}`,
  quick_ratio: (v) => `(New + expansion) ÷ (churned + contraction) = (${v.new_mrr} + ${v.expansion_mrr}) ÷ (${v.churned_mrr} + ${v.contraction_mrr}) = ${v.quick_ratio}`,
  burn_or_profit_monthly: (v) => `MRR × gross margin − sales & marketing − other costs = ${v.mrr} × ${v.in('costs.gross_margin', 'percent')} − ${v.in('costs.sales_marketing_per_month', 'money')} − ${v.in('costs.fixed_per_month', 'money')} = ${v.burn_or_profit_monthly}`,
  profit_margin: (v) => `Monthly profit ÷ MRR = ${v.burn_or_profit_monthly} ÷ ${v.mrr} = ${v.profit_margin}`,
  burn_multiple: (v) => `Net burn ÷ (12 × net new MRR), from a monthly result of ${v.burn_or_profit_monthly} and net new MRR of ${v.net_new_mrr} = ${v.burn_multiple}`,
  mrr_growth_annual: (v, o) => `MRR in month 12 ÷ MRR today − 1 = ${v.f(o.projection[11].mrr, 'money')} ÷ ${v.mrr} − 1 = ${v.mrr_growth_annual}`,
  rule_of_40: (v) => `Annual MRR growth + profit margin = ${v.mrr_growth_annual} ${v.plus('profit_margin')} = ${v.rule_of_40}`,
  break_even_month: (v, o, s) => (o.break_even_month === null
    ? `No month within the ${v.f(o.projection.length)}-month projection has a profit ≥ 0.`
    : `Month ${o.break_even_month} is the first projected month with profit ≥ 0 (${v.f(o.projection[o.break_even_month - 1].profit, 'money')}).`),
};

/** A typographic minus (−) for the hyphen Intl writes in some locales: formulas read as arithmetic. */
const minus = (text) => text.replace(/-(?=\d|\p{Sc})/u, '−');

/** The formula text for one defined metric (or break_even_month), with the user's numbers. */
export function explain(key, output, scenario, options) {
  const f = (value, unit = 'count') => minus(formatValue(value, unit, options));
  // values.mrr is the formatted metric; values.in(path, unit) a formatted input;
  // values.plus(key) "+ 5 %" or "− 120.2 %", never "+ −120.2 %".
  const plus = (name) => {
    const value = output.metrics[name];
    return `${value < 0 ? '−' : '+'} ${f(value < 0 ? -value : value, metricInfo[name].unit)}`;
  };
  const values = new Proxy({ f, plus, in: (path, unit) => f(getPath(scenario, path) ?? defaultFor(path) ?? 0, unit) }, {
    get: (target, name) => target[name] ?? f(output.metrics[name], metricInfo[name]?.unit),
  });
  return formulas[key]?.(values, output, scenario) ?? null;
}
