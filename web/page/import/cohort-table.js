// The cohort heatmap: a table, one row per cohort (the month its customers first paid),
// one column per month since, each cell the core's retention share as text and as the
// cell's colour. Being a table, it reads cell by cell with a screen reader and scrolls
// by keyboard; the colour only repeats what the text says.
import { formatValue } from '../../shared/format.js';
import { h } from '../../shared/dom.js';

export const retentionKinds = {
  customer_retention: 'Customers still paying, as a share of the cohort',
  revenue_retention: 'Cohort MRR as a share of its first month (net revenue retention)',
};

/** Fills `table` with one currency's cohorts, showing `kind` (a key of retentionKinds). */
export function renderCohortTable(table, { currency, cohorts }, kind, locale) {
  const span = Math.max(0, ...cohorts.map((cohort) => cohort[kind].length));
  const head = h('tr', {}, h('th', { scope: 'col' }, 'Cohort'), h('th', { scope: 'col', class: 'num' }, 'Customers'),
    h('th', { scope: 'col', class: 'num' }, 'First MRR'),
    Array.from({ length: span }, (_, i) => h('th', { scope: 'col', class: 'num' }, `Month ${i}`)));
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
