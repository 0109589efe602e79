// The cohort heatmap: a table, one row per cohort (the month its customers first paid),
// one column per month since, each cell the core's retention share as text and as the
// cell's colour. Being a table, it reads cell by cell with a screen reader and scrolls
// by keyboard; the colour only repeats what the text says.
import { formatValue } from '../../shared/format.js';
import { h } from '../../shared/dom.js';

/** The shares a cohort row can show (keys of the core's cohorts); each has a switch label
 *  "import.retention.<kind>" and a line saying what it is, "import.retention_help.<kind>". */
export const retentionKinds = ['customer_retention', 'revenue_retention'];

/** Fills `table` with one currency's cohorts, showing `kind` (one of retentionKinds), in t's language. */
export function renderCohortTable(table, { currency, cohorts }, kind, { locale, t }) {
  const span = Math.max(0, ...cohorts.map((cohort) => cohort[kind].length));
  const head = h('tr', {}, h('th', { scope: 'col' }, t('import.cohort')), h('th', { scope: 'col', class: 'num' }, t('metric.customers')),
    h('th', { scope: 'col', class: 'num' }, t('import.cohort_first_mrr')),
    Array.from({ length: span }, (_, i) => h('th', { scope: 'col', class: 'num' }, t('import.cohort_month', { n: i }))));
  const rows = cohorts.map((cohort) => h('tr', { 'data-cohort': cohort.cohort },
    h('th', { scope: 'row' }, cohort.cohort),
    h('td', { class: 'num' }, formatValue(cohort.customers, 'count', { locale })),
    h('td', { class: 'num' }, formatValue(cohort.mrr, 'money', { currency, locale })),
    cohort[kind].map((share) => heatCell(share, locale))));
  table.replaceChildren(h('thead', {}, head), h('tbody', {}, rows));
}

function heatCell(share, locale) {
  const cell = h('td', { class: 'num retention', 'data-value': share }, formatValue(share, 'percent', { locale }));
  // The cell's colour strength (CSSOM, which the CSP allows); above 100 % it stays full.
  cell.style.setProperty('--share', Math.min(share, 1));
  if (share >= 0.6) cell.classList.add('strong');
  return cell;
}
