// How each metric of the output (contract section 3) is named and shown. Numbers
// come from the wasm core; this only formats them with Intl for a currency and locale.

/** Every metric key with its label and kind of number, in the contract's order. */
export const metricInfo = {
  arpa: { label: 'ARPA', unit: 'money', help: 'Average revenue per account per month.' },
  mrr: { label: 'MRR', unit: 'money', help: 'Monthly recurring revenue.' },
  arr: { label: 'ARR', unit: 'money', help: 'Annual run rate: 12 × MRR.' },
  customers: { label: 'Customers', unit: 'count', help: 'Paying customers today.' },
  new_mrr: { label: 'New MRR', unit: 'money', help: 'MRR won from new customers per month.' },
  expansion_mrr: { label: 'Expansion MRR', unit: 'money', help: 'MRR added by existing customers per month.' },
  contraction_mrr: { label: 'Contraction MRR', unit: 'money', help: 'MRR lost to downgrades per month.' },
  churned_mrr: { label: 'Churned MRR', unit: 'money', help: 'MRR lost to cancellations per month.' },
  net_new_mrr: { label: 'Net new MRR', unit: 'money', help: 'New + expansion − contraction − churned.' },
  customer_churn_monthly: { label: 'Customer churn (monthly)', unit: 'percent', help: 'Share of customers lost each month.' },
  customer_churn_annual: { label: 'Customer churn (annual)', unit: 'percent', help: '1 − (1 − monthly churn)^12.' },
  gross_mrr_churn_monthly: { label: 'Gross MRR churn', unit: 'percent', help: 'Churn + contraction, monthly.' },
  net_mrr_churn_monthly: { label: 'Net MRR churn', unit: 'percent', help: 'Churn + contraction − expansion; negative is net expansion.' },
  nrr_annual: { label: 'NRR', unit: 'percent', help: 'Net revenue retention over a year.' },
  grr_annual: { label: 'GRR', unit: 'percent', help: 'Gross revenue retention over a year.' },
  customer_lifetime_months: { label: 'Customer lifetime', unit: 'months', help: '1 / monthly churn, capped.' },
  ltv: { label: 'LTV', unit: 'money', help: 'Gross profit from one customer over its lifetime.' },
  cac: { label: 'CAC', unit: 'money', help: 'Sales & marketing spend per new customer.' },
  cac_payback_months: { label: 'CAC payback', unit: 'months', help: 'Months of gross profit to earn back CAC.' },
  ltv_to_cac: { label: 'LTV/CAC', unit: 'ratio', help: 'Lifetime gross profit per acquisition dollar.' },
  quick_ratio: { label: 'Quick ratio', unit: 'ratio', help: 'MRR gained per MRR lost.' },
  burn_or_profit_monthly: { label: 'Monthly profit / burn', unit: 'money', help: 'Gross profit − sales & marketing − other costs.' },
  profit_margin: { label: 'Profit margin', unit: 'percent', help: 'Monthly profit / MRR.' },
  burn_multiple: { label: 'Burn multiple', unit: 'ratio', help: 'Net burn per net new ARR.' },
  mrr_growth_annual: { label: 'MRR growth (12 months)', unit: 'percent', help: 'Projected MRR growth over the next 12 months.' },
  rule_of_40: { label: 'Rule of 40', unit: 'percent', help: 'Annual growth + profit margin.' },
};

const cache = new Map();
function formatter(locale, options) {
  const id = JSON.stringify([locale, options]);
  if (!cache.has(id)) cache.set(id, new Intl.NumberFormat(locale, options));
  return cache.get(id);
}

/** Large numbers of any unit, so a value never needs more than a few characters: from a
 *  million on, compact with three significant digits ($1.23M, 450B); from a quadrillion
 *  on, scientific ($5.2E26). `size` is what is shown (a percent's 100 × value). */
function large(size) {
  if (size >= 1e15) return { notation: 'scientific', maximumSignificantDigits: 3 };
  if (size >= 1e6) return { notation: 'compact', maximumSignificantDigits: 3 };
  return null;
}

/** The money precision rule (README): cents only below 100 and only when there are any
 *  ($49.50, $49, $480); whole amounts below a million ($12,345); then large() above. */
function moneyOptions(value, currency) {
  const size = Math.abs(value);
  const cents = size < 100 && Math.round(size * 100) % 100 !== 0;
  return { style: 'currency', currency,
    ...(large(size) ?? { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 }) };
}

/** Formats one number of a given unit; `null` (undefined metric) shows as an en dash. */
export function formatValue(value, unit, { currency = 'USD', locale } = {}) {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'money':
      return formatter(locale, moneyOptions(value, currency)).format(value);
    case 'percent':
      return formatter(locale, { style: 'percent', ...(large(Math.abs(value * 100)) ?? { maximumFractionDigits: 1 }) }).format(value);
    case 'months':
      return `${formatter(locale, large(Math.abs(value)) ?? { maximumFractionDigits: 1 }).format(value)} mo`;
    case 'ratio':
      return `${formatter(locale, large(Math.abs(value)) ?? { maximumFractionDigits: 2 }).format(value)}×`;
    default:
      return formatter(locale, large(Math.abs(value)) ?? { maximumFractionDigits: 1 }).format(value);
  }
}

/** A shown key's number in an output: a metric, or break_even_month (kept beside them). */
export const metricValue = (output, key) => (key === 'break_even_month' ? output.break_even_month : output.metrics[key]);

export function formatMetric(key, value, options) {
  return formatValue(value, metricInfo[key].unit, options);
}

/** The symbol a currency is shown with in this locale ("$", "€", "CHF"); the code if unknown. */
export function currencySymbol(currency, locale) {
  try {
    return formatter(locale, { style: 'currency', currency }).formatToParts(0)
      .find((part) => part.type === 'currency').value;
  } catch {
    return currency;
  }
}
