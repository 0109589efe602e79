// How each metric of the output (contract section 3) is named and shown. Numbers
// come from the wasm core; this only formats them with Intl for a currency and locale.

/** Every metric key with its kind of number, in the contract's order; its words are the
 *  messages "metric.<key>" (label) and "metric_help.<key>". */
export const metricInfo = {
  arpa: { unit: 'money' },
  mrr: { unit: 'money' },
  arr: { unit: 'money' },
  customers: { unit: 'count' },
  new_mrr: { unit: 'money' },
  expansion_mrr: { unit: 'money' },
  contraction_mrr: { unit: 'money' },
  churned_mrr: { unit: 'money' },
  net_new_mrr: { unit: 'money' },
  customer_churn_monthly: { unit: 'percent' },
  customer_churn_annual: { unit: 'percent' },
  gross_mrr_churn_monthly: { unit: 'percent' },
  net_mrr_churn_monthly: { unit: 'percent' },
  nrr_annual: { unit: 'percent' },
  grr_annual: { unit: 'percent' },
  customer_lifetime_months: { unit: 'months' },
  ltv: { unit: 'money' },
  cac: { unit: 'money' },
  cac_payback_months: { unit: 'months' },
  ltv_to_cac: { unit: 'ratio' },
  quick_ratio: { unit: 'ratio' },
  burn_or_profit_monthly: { unit: 'money' },
  profit_margin: { unit: 'percent' },
  burn_multiple: { unit: 'ratio' },
  mrr_growth_annual: { unit: 'percent' },
  rule_of_40: { unit: 'percent' },
};

// Making an Intl formatter takes a thousand times longer than using one: the page and the lab
// use each one again on every keystroke.
const cache = new Map();
/** A cached Intl.NumberFormat. */
export function formatter(locale, options) {
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

/** Formats one number of a given unit; `null` (undefined metric) shows as an en dash.
 *  `t` (shared/i18n.js) words the units that Intl does not ("12 mo"). */
export function formatValue(value, unit, { currency = 'USD', locale, t }) {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'money':
      return formatter(locale, moneyOptions(value, currency)).format(value);
    case 'percent':
      return formatter(locale, { style: 'percent', ...(large(Math.abs(value * 100)) ?? { maximumFractionDigits: 1 }) }).format(value);
    case 'months':
      return t('unit.months', { n: formatter(locale, large(Math.abs(value)) ?? { maximumFractionDigits: 1 }).format(value) });
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
