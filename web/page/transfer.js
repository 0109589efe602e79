// Moving data in and out: scenario JSON files (contract section 1), the projection as
// CSV, and a plain-text summary. Imported text is untrusted: it is parsed and shape-checked
// here, then validated by the core before the page uses it.
import { formatValue, metricInfo, metricValue } from '../shared/format.js';
import { checkShape } from '../shared/untrusted-json.js';

const maxFile = 1_000_000;
/** A File -> scenario object (not yet validated by the core). */
export async function readScenarioFile(file) {
  if (file.size > maxFile) throw new Error('the file is larger than any scenario (over 1 MB)');
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error('it is not a UTF-8 text file');
  }
  return checkShape(text);
}

export const scenarioJson = (scenario) => `${JSON.stringify(scenario, null, 2)}\n`;

export function fileName(scenario, extension) {
  const base = String(scenario.name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${base || 'scenario'}.${extension}`;
}

/** Offers text as a file download. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// Projection columns that are amounts of money (contract section 4): rounded to cents,
// with the currency in their header.
const money = new Set(['mrr', 'arr', 'new_mrr', 'expansion_mrr', 'contraction_mrr', 'churned_mrr',
  'net_new_mrr', 'gross_profit', 'sales_marketing', 'fixed', 'profit', 'cumulative_profit']);

/** Two decimals, with no "-0.00"; beyond 1e21 a double is a whole number and toFixed would write an exponent. */
function twoDecimals(value) {
  if (Math.abs(value) >= 1e21) return `${BigInt(value)}.00`;
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** Month 0 is today, from the snapshot metrics (section 3): its customers, MRR, ARR, this
 *  month's movements and profit. It has no gross profit, costs or cumulative profit of its own. */
const monthZero = ({ metrics: m }) => ({ month: 0, customers: m.customers, mrr: m.mrr, arr: m.arr,
  new_mrr: m.new_mrr, expansion_mrr: m.expansion_mrr, contraction_mrr: m.contraction_mrr,
  churned_mrr: m.churned_mrr, net_new_mrr: m.net_new_mrr, profit: m.burn_or_profit_monthly });

/** The projection (section 4) as RFC 4180 CSV: month 0, then one row per month; money in
 *  cents with the currency in its header (`mrr (USD)`), customers to two decimals. */
export function projectionCsv(output) {
  const columns = Object.keys(output.projection[0]);
  const cell = (column, value) => {
    if (value === undefined || value === null) return '';
    return money.has(column) || column === 'customers' ? twoDecimals(value) : String(value);
  };
  const header = columns.map((column) => (money.has(column) ? `${column} (${output.currency})` : column));
  return [header, ...[monthZero(output), ...output.projection].map((month) => columns.map((c) => cell(c, month[c])))]
    .map((row) => row.join(',')).join('\r\n') + '\r\n';
}

/** A short plain-text report of the headline metrics, for pasting into a message. */
export function summaryText(output, scenario, keys, options) {
  const lines = keys.map((key) => {
    const value = metricValue(output, key);
    const { t } = options;
    const text = key === 'break_even_month' ? t(value === null ? 'summary.no_break_even' : 'summary.month', { month: value })
      : formatValue(value, metricInfo[key].unit, options);
    const grade = output.health[key];
    return `${t(`metric.${key}`)}: ${text}${grade ? ` (${t(`grade.${grade}`)})` : ''}`;
  });
  return [options.t('summary.title', { name: scenario.name || options.t('page.scenario') }), ...lines].join('\n');
}
