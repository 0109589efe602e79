// The imported data's monthly table (contract section 8.1): one row per month with
// data-month, one cell per field with data-field and data-value (the core's raw number,
// empty when null) and the number formatted for people. Also the same table as CSV.
import { formatValue } from '../../shared/format.js';
import { h } from '../../shared/dom.js';

/** Every per-month field of the core's output, in its order, with how it is shown. */
export const monthFields = [
  ['mrr', 'MRR', 'money'], ['customers', 'Customers', 'count'],
  ['new_mrr', 'New MRR', 'money'], ['expansion_mrr', 'Expansion MRR', 'money'],
  ['contraction_mrr', 'Contraction MRR', 'money'], ['churned_mrr', 'Churned MRR', 'money'],
  ['reactivation_mrr', 'Reactivation MRR', 'money'], ['net_new_mrr', 'Net new MRR', 'money'],
  ['new_customers', 'New customers', 'count'], ['reactivated_customers', 'Reactivated customers', 'count'],
  ['churned_customers', 'Churned customers', 'count'], ['customer_churn_rate', 'Customer churn', 'percent'],
  ['gross_mrr_churn_rate', 'Gross MRR churn', 'percent'], ['net_mrr_churn_rate', 'Net MRR churn', 'percent'],
  ['quick_ratio', 'Quick ratio', 'ratio'], ['arpa', 'ARPA', 'money'],
].map(([key, label, unit]) => ({ key, label, unit }));

/** Fills `table` with the months of one currency's analysis. */
export function renderMonthTable(table, { currency, months }, locale) {
  const head = h('tr', {}, h('th', { scope: 'col' }, 'Month'),
    monthFields.map(({ label }) => h('th', { scope: 'col', class: 'num' }, label)));
  const rows = months.map((month) => h('tr', { 'data-month': month.month },
    h('th', { scope: 'row', 'data-field': 'month', 'data-value': month.month }, month.month),
    monthFields.map(({ key, unit }) => h('td', { class: 'num', 'data-field': key, 'data-value': month[key] ?? '' },
      formatValue(month[key], unit, { currency, locale })))));
  table.replaceChildren(h('thead', {}, head), h('tbody', {}, rows));
}

/** RFC 4180 CSV of the months: the core's keys as header, raw numbers, empty for null. */
export function monthCsv(months) {
  const keys = ['month', ...monthFields.map((field) => field.key)];
  return [keys, ...months.map((month) => keys.map((key) => month[key] ?? ''))]
    .map((row) => row.join(',')).join('\r\n') + '\r\n';
}
