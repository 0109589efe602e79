// "How is this computed": each metric's formula (contract section 3) written out with
// the user's own numbers. Every number here is read from the core's output or the
// scenario and only formatted; the result on the right is the core's, not recomputed.
import { formatValue, metricInfo } from '../../shared/format.js';
import { getPath, defaultFor } from '../../shared/fields.js';

function planText(plan, v, t) {
  const parts = [];
  if (plan.price) parts.push(v.f(plan.price, 'money'));
  const units = v.f(plan.units ?? defaultFor('plans[].units'));
  if (Array.isArray(plan.tiers)) parts.push(t(`how.tiers.${plan.tier_mode ?? defaultFor('plans[].tier_mode')}`, { units }));
  else if (plan.unit_price) parts.push(t('how.units', { price: v.f(plan.unit_price, 'money'), units }));
  return t(plan.billing === 'annual' ? 'how.plan_annual' : 'how.plan_monthly', {
    name: plan.name || t('how.plan'), amount: parts.join(' + ') || v.f(0, 'money'),
    weight: v.f(plan.share ?? defaultFor('plans[].share')) });
}

// The inputs a formula quotes, by the name its message uses: {expansion} -> "1 %".
const inputs = {
  new_per_month: ['customers.new_per_month', 'count'],
  expansion: ['revenue.monthly_expansion', 'percent'],
  contraction: ['revenue.monthly_contraction', 'percent'],
  cap: ['options.lifetime_cap_months', 'months'],
  margin: ['costs.gross_margin', 'percent'],
  sales_marketing: ['costs.sales_marketing_per_month', 'money'],
  fixed: ['costs.fixed_per_month', 'money'],
};

/** The message of a metric's formula ("how.<key>", with the values as {names}) and any
 *  values only that formula quotes, for the ones that depend on the output. */
const special = {
  arpa: (v, o, s, t) => ['how.arpa', { plans: s.plans.map((p) => planText(p, v, t)).join('; ') }],
  customer_lifetime_months: (v, o) => [o.metrics.customer_churn_monthly === 0 ? 'how.customer_lifetime_months_cap' : 'how.customer_lifetime_months'],
  mrr_growth_annual: (v, o) => ['how.mrr_growth_annual', { month_12: v.f(o.projection[11].mrr, 'money') }],
  rule_of_40: (v) => ['how.rule_of_40', { plus_margin: v.plus('profit_margin') }],
  break_even_month: (v, o) => (o.break_even_month === null
    ? ['how.break_even_none', { months: v.f(o.projection.length) }]
    : ['how.break_even_month', { month: o.break_even_month, profit: v.f(o.projection[o.break_even_month - 1].profit, 'money') }]),
};

/** A typographic minus (−) for the hyphen Intl writes in some locales: formulas read as arithmetic. */
const minus = (text) => text.replace(/-(?=\d|\p{Sc})/u, '−');

/** The formula text for one defined metric (or break_even_month), with the user's numbers,
 *  in the language of options.t. */
export function explain(key, output, scenario, options) {
  const { t } = options;
  if (!(key in metricInfo) && !(key in special)) return null;
  const f = (value, unit = 'count') => minus(formatValue(value, unit, options));
  // values.mrr is the formatted metric; values.expansion a formatted input (`inputs`);
  // values.plus(key) "+ 5 %" or "− 120.2 %", never "+ −120.2 %".
  const plus = (name) => {
    const value = output.metrics[name];
    return `${value < 0 ? '−' : '+'} ${f(value < 0 ? -value : value, metricInfo[name].unit)}`;
  };
  const input = ([path, unit]) => f(getPath(scenario, path) ?? defaultFor(path) ?? 0, unit);
  const values = new Proxy({ f, plus }, {
    has: () => true, // every {name} of a formula's message is a value
    get: (target, name) => target[name] ?? (name in inputs ? input(inputs[name]) : f(output.metrics[name], metricInfo[name]?.unit)),
  });
  const [message, extra = {}] = special[key]?.(values, output, scenario, t) ?? [`how.${key}`];
  return t(message, new Proxy(extra, { has: () => true, get: (own, name) => own[name] ?? values[name] }));
}
