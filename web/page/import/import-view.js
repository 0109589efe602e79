// "Import your data": a Stripe subscriptions export or a CSV of subscription segments
// (contract section 8), read in a Web Worker by the wasm core, shown as charts, a monthly
// table and a cohort heatmap, and turned into a calculator scenario on request. The file
// never leaves the browser: it goes from the file picker to the worker, and only the
// core's JSON summary comes back. The view's state is on the container as data-state
// (idle, reading, done, failed, cancelled), which tests and styles follow.
import { formatValue } from '../../shared/format.js';
import { h } from '../../shared/dom.js';
import { download } from '../transfer.js';
import { runImport, prepare } from './run-import.js';
import { renderMonthTable, monthCsv } from './month-table.js';
import { renderCohortTable, retentionKinds } from './cohort-table.js';
import { drawImportCharts } from './import-charts.js';

/** The visitor's today as YYYY-MM-DD, in their time zone (section 8: the default as-of date). */
function today() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

const megabytes = (bytes, locale) => `${formatValue(bytes / 1e6, 'count', { locale })} MB`;
const plural = (n, one, many, locale) => `${formatValue(n, 'count', { locale })} ${n === 1 ? one : many}`;

/** Builds the view in `container` (the page's <section id="import">). */
export function mount(container, context) {
  const { locale, announce } = context;
  const field = (id, label, control, help) => {
    control.setAttribute('aria-describedby', `${id}-help`);
    return h('div', { class: 'field' }, h('label', { for: id }, label), control, h('p', { class: 'help', id: `${id}-help` }, help));
  };

  const file = h('input', { type: 'file', id: 'import-data-file', class: 'visually-hidden', accept: '.csv,text/csv,text/plain' });
  const asOf = h('input', { type: 'date', id: 'import-as-of', value: today() });
  const currency = h('input', { type: 'text', id: 'import-default-currency', value: 'USD', maxlength: 3,
    autocapitalize: 'characters', spellcheck: 'false' });
  const drop = h('div', { class: 'drop' },
    h('label', { for: file.id, class: 'button primary' }, 'Choose a CSV file…'), file,
    h('p', { class: 'muted' }, 'or drop it here. A Stripe subscriptions export (Billing → Subscriptions → Export), or a CSV with customer_id, start, end and mrr columns.'));
  const options = h('div', { class: 'import-options' },
    field(asOf.id, 'As of', asOf, 'The last month counted; later starts are ignored, and contracts ending after it are not churn yet. Empty: up to the last date in the file.'),
    field(currency.id, 'Currency', currency, 'For files without a currency column.'));

  const bar = h('progress', { id: 'import-progress-bar', max: 1, value: 0 });
  const progressText = h('p', { class: 'muted', id: 'import-progress-text' });
  const progressLabel = h('label', { for: bar.id });
  const cancel = h('button', { type: 'button', class: 'button' }, 'Cancel');
  const progress = h('div', { class: 'import-progress', hidden: true }, progressLabel, bar, progressText, cancel);
  const problem = h('div', { class: 'import-problem', role: 'alert', hidden: true });

  const results = h('div', { class: 'import-results', hidden: true });
  container.dataset.state = 'idle';
  container.replaceChildren(
    h('h2', { id: 'import-title' }, 'Import your data'),
    h('p', { class: 'privacy' }, 'Your file is read here, in this browser, by the same core as the calculator: it is never uploaded or stored. Only a model you open from it (customers, ARPA, rates) is kept, like any model you edit.'),
    drop, options, progress, problem, results);

  let running = null; // { cancel } while a file is read
  let imported = null; // the core's output for the last file read
  let shown = 0; // which of its currencies is on screen

  function setState(state) {
    container.dataset.state = state;
    const reading = state === 'reading';
    progress.hidden = !reading;
    file.disabled = reading;
    drop.classList.toggle('busy', reading);
  }

  function fail(title, details = []) {
    problem.replaceChildren(h('p', {}, title), details.length ? h('ul', {}, details.map((text) => h('li', {}, text))) : '');
    problem.hidden = false;
    setState('failed');
  }

  async function start(picked) {
    if (running) return;
    problem.hidden = true;
    if (picked.size === 0) return fail(`“${picked.name}” is empty: there is nothing to import.`);
    const options = { currency: currency.value.trim() || 'USD', asOf: asOf.value };
    setState('reading');
    bar.max = picked.size;
    bar.value = 0;
    progressLabel.textContent = `Reading “${picked.name}”`;
    progressText.textContent = `0 of ${megabytes(picked.size, locale)}`;
    running = runImport(picked, options, ({ bytes, rows }) => {
      bar.value = bytes;
      progressText.textContent = `${megabytes(bytes, locale)} of ${megabytes(picked.size, locale)} · ${plural(rows, 'row', 'rows', locale)}`;
    });
    let json;
    try {
      json = await running.result;
    } catch (error) {
      if (error.message !== 'cancelled') fail(`“${picked.name}” could not be imported: ${error.message}.`);
      return;
    } finally {
      running = null;
    }
    const output = JSON.parse(json);
    if (!output.currencies) return fail(`“${picked.name}” could not be imported.`, output.errors.map(({ line, field, message }) => `${line ? `Line ${line}: ` : field ? `${field}: ` : ''}${message}`));
    imported = { ...output, name: picked.name };
    shown = 0;
    render();
    setState('done');
    announce(`Imported ${plural(output.rows.used, 'row', 'rows', locale)} from “${picked.name}”.`);
  }

  cancel.addEventListener('click', () => {
    running?.cancel();
    setState('cancelled');
    announce('Import cancelled; nothing was changed.');
    file.focus();
  });
  file.addEventListener('change', () => {
    const [picked] = file.files;
    if (picked) start(picked);
    file.value = ''; // the same file can be picked again
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const [picked] = event.dataTransfer.files;
    if (picked) start(picked);
  });

  // The results: rebuilt for each file and each currency switch.
  const counts = h('p', { class: 'import-counts' });
  const currencyPick = h('select', { id: 'import-currency-shown' });
  const currencyNote = h('div', { class: 'import-currencies' }, field(currencyPick.id, 'Currency shown', currencyPick,
    'Each currency is analysed on its own; amounts in different currencies are never added together.'));
  const charts = h('div', { class: 'charts' });
  const modelButton = h('button', { type: 'button', class: 'button primary' }, 'Model from these numbers');
  const modelNote = h('p', { class: 'muted', id: 'import-model-note' });
  modelButton.setAttribute('aria-describedby', modelNote.id);
  const monthTable = h('table', { class: 'import-table', 'aria-labelledby': 'import-months-title' });
  const exportButton = h('button', { type: 'button', class: 'button' }, 'Export months (CSV)');
  const kindPick = h('fieldset', { class: 'import-kind' }, h('legend', {}, 'Retention shown'),
    Object.keys(retentionKinds).map((kind, i) => h('label', {},
      h('input', { type: 'radio', name: 'import-retention', value: kind, checked: i === 0 }), kind === 'customer_retention' ? 'Customers' : 'Revenue')));
  const kindHelp = h('p', { class: 'muted' });
  const cohortTable = h('table', { class: 'import-table cohorts', 'aria-labelledby': 'import-cohorts-title' });
  const badTitle = h('h3', { id: 'import-bad-title' });
  const badList = h('ul', { class: 'bad-rows' });
  const bad = h('section', { class: 'import-bad', 'aria-labelledby': badTitle.id }, badTitle,
    h('div', { class: 'bad-wrap', role: 'region', 'aria-labelledby': badTitle.id, tabindex: 0 }, badList));
  const region = (id, table) => h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': id, tabindex: 0 }, table);
  results.append(counts, currencyNote, charts,
    h('div', { class: 'import-model' }, modelButton, modelNote),
    h('div', { class: 'import-head' }, h('h3', { id: 'import-months-title' }, 'Months'), exportButton), region('import-months-title', monthTable),
    h('h3', { id: 'import-cohorts-title' }, 'Cohorts'), kindPick, kindHelp, region('import-cohorts-title', cohortTable),
    bad);

  let destroyCharts = () => {};
  const kind = () => kindPick.querySelector(':checked').value;
  const current = () => imported.currencies[shown];

  function render() {
    const { rows, errors, currencies } = imported;
    counts.textContent = `“${imported.name}”: ${plural(rows.total, 'row', 'rows', locale)} — ${formatValue(rows.used, 'count', { locale })} used, ${formatValue(rows.not_paying, 'count', { locale })} not paying (trials, unpaid, paused), ${formatValue(rows.bad, 'count', { locale })} could not be read.`;
    currencyPick.replaceChildren(...currencies.map(({ currency: code, months }, i) =>
      h('option', { value: i }, `${code} (${plural(months.length, 'month', 'months', locale)})`)));
    currencyNote.hidden = currencies.length < 2;
    badTitle.textContent = `Rows that could not be read (${formatValue(rows.bad, 'count', { locale })}${rows.bad > errors.length ? `, the first ${formatValue(errors.length, 'count', { locale })} listed` : ''})`;
    badList.replaceChildren(...errors.map(({ line, message }) => h('li', { 'data-line': line }, h('span', { class: 'line' }, `Line ${line}`), ` ${message}`)));
    bad.hidden = errors.length === 0;
    results.hidden = false;
    renderCurrency();
  }

  function renderCurrency() {
    const data = current();
    destroyCharts();
    destroyCharts = drawImportCharts(charts, data, locale);
    renderMonthTable(monthTable, data, locale);
    renderCohorts();
    const { months } = data.suggested;
    modelNote.textContent = months > 0
      ? `Opens the calculator with today's ${data.currency} customers and ARPA, and the average new customers, churn, expansion and contraction of the last ${plural(months, 'month', 'months', locale)} (the core averages over up to 12).`
      : 'One month of data has no movements to average; the model starts from its customers and ARPA only.';
  }

  function renderCohorts() {
    renderCohortTable(cohortTable, current(), kind(), locale);
    kindHelp.textContent = retentionKinds[kind()];
  }

  currencyPick.addEventListener('change', () => {
    shown = Number(currencyPick.value);
    renderCurrency();
  });
  kindPick.addEventListener('change', renderCohorts);
  exportButton.addEventListener('click', () =>
    download(`${imported.name.replace(/\.[^.]*$/, '')}-${current().currency.toLowerCase()}-months.csv`, monthCsv(current().months), 'text/csv'));
  modelButton.addEventListener('click', () => {
    const { scenario, months } = current().suggested;
    context.open(structuredClone(scenario));
    document.getElementById('editor')?.scrollIntoView({ block: 'start' });
    announce(`The calculator now models your ${current().currency} numbers (last ${plural(months, 'month', 'months', locale)}).`);
  });

  prepare();
  // The toolbar's "Import your data" scrolls here and focuses the section: on to the picker.
  container.addEventListener('focus', () => file.focus());
  if (document.activeElement === container) file.focus();
}
