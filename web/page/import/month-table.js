// The imported data's monthly table (contract section 8.1): one row per month with
// data-month, one cell per field with data-field and data-value (the core's raw number,
// empty when null) and the number formatted for people. Also the same table as CSV.
import { formatValue } from '../../shared/format.js';
import { h } from '../../shared/dom.js';

/** Every per-month field of the core's output, in its order, with its words' key (a
 *  metric's own where the calculator names the same number) and how it is shown. */
export const monthFields = [
  ['mrr', 'metric.mrr', 'money'], ['customers', 'metric.customers', 'count'],
  ['new_mrr', 'metric.new_mrr', 'money'], ['expansion_mrr', 'metric.expansion_mrr', 'money'],
  ['contraction_mrr', 'metric.contraction_mrr', 'money'], ['churned_mrr', 'metric.churned_mrr', 'money'],
  ['reactivation_mrr', 'import.field.reactivation_mrr', 'money'], ['net_new_mrr', 'metric.net_new_mrr', 'money'],
  ['new_customers', 'import.field.new_customers', 'count'], ['reactivated_customers', 'import.field.reactivated_customers', 'count'],
  ['churned_customers', 'import.field.churned_customers', 'count'], ['customer_churn_rate', 'import.field.customer_churn_rate', 'percent'],
  ['gross_mrr_churn_rate', 'metric.gross_mrr_churn_monthly', 'percent'], ['net_mrr_churn_rate', 'metric.net_mrr_churn_monthly', 'percent'],
  ['quick_ratio', 'metric.quick_ratio', 'ratio'], ['arpa', 'metric.arpa', 'money'],
].map(([key, label, unit]) => ({ key, label, unit }));

/** Fills `table` with the months of one currency's analysis, in t's language. */
export function renderMonthTable(table, { currency, months }, { locale, t }) {
  const head = h('tr', {}, h('th', { scope: 'col' }, t('import.month')),
    monthFields.map(({ label }) => h('th', { scope: 'col', class: 'num' }, t(label))));
  const rows = months.map((month) => h('tr', { 'data-month': month.month },
    h('th', { scope: 'row', 'data-field': 'month', 'data-value': month.month }, month.month),
    monthFields.map(({ key, unit }) => h('td', { class: 'num', 'data-field': key, 'data-value': month[key] ?? '' },
      formatValue(month[key], unit, { currency, locale, t })))));
  table.replaceChildren(h('thead', {}, head), h('tbody', {}, rows));
}

/** RFC 4180 CSV of the months: the core's keys as header, raw numbers, empty for null. */
export function monthCsv(months) {
  const keys = ['month', ...monthFields.map((field) => field.key)];
  return [keys, ...months.map((month) => keys.map((key) => month[key] ?? ''))]
    .map((row) => row.join(',')).join('\r\n') + '\r\n';
}
