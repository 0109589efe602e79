// "Import your data": a Stripe subscriptions export or a CSV of subscription segments
// (contract section 8), read in a Web Worker by the wasm core, shown as charts, a monthly
// table and a cohort heatmap, and turned into a calculator scenario on request. The file
// never leaves the browser: it goes from the file picker to the worker, and only the
// core's JSON summary comes back. The view's state is on the container as data-state
// (idle, reading, done, failed, cancelled), which tests and styles follow.
import { formatValue } from '../../shared/format.js';
import { coreMessage } from '../../shared/notes.js';
import { h } from '../../shared/dom.js';
import { counted } from '../../shared/i18n.js';
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

/** An element's words fixed in the markup, filled by translateTree (shared/i18n.js). */
const words = (key) => ({ 'data-i18n': key });

const megabytes = (bytes, locale) => formatValue(bytes / 1e6, 'count', { locale });

/**
 * Builds the view in `container` (the page's <section id="import">); its fixed words are
 * marked data-i18n for the page's translateTree. context.t and context.locale are read at
 * each use, as the page replaces them when the visitor changes language; it then calls the
 * returned view's languageChanged().
 */
export function mount(container, context) {
  const { announce } = context;
  const field = (id, label, control, help) => {
    control.setAttribute('aria-describedby', `${id}-help`);
    return h('div', { class: 'field' }, h('label', { for: id, ...words(label) }), control, h('p', { class: 'help', id: `${id}-help`, ...words(help) }));
  };

  const file = h('input', { type: 'file', id: 'import-data-file', class: 'visually-hidden', accept: '.csv,text/csv,text/plain' });
  const asOf = h('input', { type: 'date', id: 'import-as-of', value: today() });
  const currency = h('input', { type: 'text', id: 'import-default-currency', value: 'USD', maxlength: 3,
    autocapitalize: 'characters', spellcheck: 'false' });
  const drop = h('div', { class: 'drop' },
    h('label', { for: file.id, class: 'button primary', ...words('import.choose') }), file,
    h('p', { class: 'muted', ...words('import.drop') }));
  const options = h('div', { class: 'import-options' },
    field(asOf.id, 'import.as_of', asOf, 'import.as_of_help'),
    field(currency.id, 'field.currency', currency, 'import.currency_help'));

  const bar = h('progress', { id: 'import-progress-bar', max: 1, value: 0 });
  const progressText = h('p', { class: 'muted', id: 'import-progress-text' });
  const progressLabel = h('label', { for: bar.id });
  const cancel = h('button', { type: 'button', class: 'button', ...words('import.cancel') });
  const progress = h('div', { class: 'import-progress', hidden: true }, progressLabel, bar, progressText, cancel);
  const problem = h('div', { class: 'import-problem', role: 'alert', hidden: true });

  const results = h('div', { class: 'import-results', hidden: true });
  container.dataset.state = 'idle';
  container.replaceChildren(
    h('h2', { id: 'import-title', ...words('import.title') }),
    h('p', { class: 'privacy', ...words('import.privacy') }),
    drop, options, progress, problem, results);

  let running = null; // { cancel } while a file is read
  let reading = null; // { name, size, bytes, rows } of the file being read, for its progress line
  let failure = null; // () => [title, details] of the problem shown, in the current language
  let imported = null; // the core's output for the last file read
  let shown = 0; // which of its currencies is on screen
  let chosen = null; // the months chosen to average over (section 8: 3, 6 or 12); null: the longest

  function setState(state) {
    container.dataset.state = state;
    const busy = state === 'reading';
    progress.hidden = !busy;
    file.disabled = busy;
    drop.classList.toggle('busy', busy);
  }

  function showProgress() {
    const { t, locale } = context;
    const { name, size, bytes, rows } = reading;
    progressLabel.textContent = t('import.reading', { name });
    progressText.textContent = bytes === 0
      ? t('import.progress_start', { size: megabytes(size, locale) })
      : counted(t, locale, 'import.progress', rows, { read: megabytes(bytes, locale), size: megabytes(size, locale) });
  }

  function showProblem() {
    const [title, details = []] = failure();
    problem.replaceChildren(h('p', {}, title), details.length ? h('ul', {}, details.map((text) => h('li', {}, text))) : '');
  }

  /** Shows a problem worded by `wording(t, locale)` → [title, details?], and again on a change of language. */
  function fail(wording) {
    failure = () => wording(context.t, context.locale);
    showProblem();
    problem.hidden = false;
    setState('failed');
  }

  /** A whole-file error of the core: where it is (a line, or an option it names), then what, in t's language. */
  const fileError = (entry, t, locale) => {
    const message = coreMessage(entry, t, locale);
    if (entry.line) return t('import.error_line', { line: entry.line, message });
    return entry.field ? t('import.error_field', { field: entry.field, message }) : message;
  };

  async function start(picked) {
    if (running) return;
    problem.hidden = true;
    failure = null;
    const { name } = picked;
    if (picked.size === 0) return fail((t) => [t('import.empty', { name })]);
    const options = { currency: currency.value.trim() || 'USD', asOf: asOf.value };
    setState('reading');
    bar.max = picked.size;
    bar.value = 0;
    const read = { name, size: picked.size, bytes: 0, rows: 0 };
    reading = read;
    showProgress();
    running = runImport(picked, options, ({ bytes, rows }) => {
      bar.value = bytes;
      Object.assign(read, { bytes, rows });
      if (reading === read) showProgress();
    });
    let json;
    try {
      json = await running.result;
    } catch (error) {
      const code = ['not_text', 'no_start'].includes(error.message) ? error.message : 'unreadable';
      if (error.message !== 'cancelled') fail((t) => [t(`import.${code}`, { name, reason: error.reason || error.message })]);
      return;
    } finally {
      running = null;
      reading = null;
    }
    const output = JSON.parse(json);
    if (!output.currencies) return fail((t, locale) => [t('import.failed', { name }), output.errors.map((entry) => fileError(entry, t, locale))]);
    imported = { ...output, name };
    shown = 0;
    chosen = null;
    render();
    setState('done');
    announce(counted(context.t, context.locale, 'import.imported', output.rows.used, { name }));
  }

  cancel.addEventListener('click', () => {
    running?.cancel();
    setState('cancelled');
    announce(context.t('import.cancelled'));
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

  // The results: rebuilt for each file, each currency switch and each change of language.
  const counts = h('p', { class: 'import-counts' });
  const currencyPick = h('select', { id: 'import-currency-shown' });
  const currencyNote = h('div', { class: 'import-currencies' }, field(currencyPick.id, 'import.currency_shown', currencyPick, 'import.currency_shown_help'));
  const charts = h('div', { class: 'charts' });
  const modelButton = h('button', { type: 'button', class: 'button primary', ...words('import.model') });
  const modelNote = h('p', { class: 'muted', id: 'import-model-note' });
  modelButton.setAttribute('aria-describedby', modelNote.id);
  // The windows the core suggested inputs over for the currency shown, as radios (filled by renderCurrency).
  const windowOptions = h('span', { class: 'options' });
  const windowPick = h('fieldset', { class: 'import-window' }, h('legend', words('import.window')), windowOptions);
  const monthTable = h('table', { class: 'import-table', 'aria-labelledby': 'import-months-title' });
  const exportButton = h('button', { type: 'button', class: 'button', ...words('import.export') });
  const kindPick = h('fieldset', { class: 'import-kind' }, h('legend', words('import.retention_shown')),
    retentionKinds.map((kind, i) => h('label', {},
      h('input', { type: 'radio', name: 'import-retention', value: kind, checked: i === 0 }), h('span', words(`import.retention.${kind}`)))));
  const kindHelp = h('p', { class: 'muted' });
  const cohortTable = h('table', { class: 'import-table cohorts', 'aria-labelledby': 'import-cohorts-title' });
  const badTitle = h('h3', { id: 'import-bad-title' });
  const badList = h('ul', { class: 'bad-rows' });
  const bad = h('section', { class: 'import-bad', 'aria-labelledby': badTitle.id }, badTitle,
    h('div', { class: 'bad-wrap', role: 'region', 'aria-labelledby': badTitle.id, tabindex: 0 }, badList));
  const region = (id, table) => h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': id, tabindex: 0 }, table);
  results.append(counts, currencyNote, charts,
    h('div', { class: 'import-model' }, windowPick, modelButton, modelNote),
    h('div', { class: 'import-head' }, h('h3', { id: 'import-months-title', ...words('import.months') }), exportButton), region('import-months-title', monthTable),
    h('h3', { id: 'import-cohorts-title', ...words('import.cohorts') }), kindPick, kindHelp, region('import-cohorts-title', cohortTable),
    bad);

  let destroyCharts = () => {};
  const kind = () => kindPick.querySelector(':checked').value;
  const current = () => imported.currencies[shown];
  /** The suggestion of the window chosen, or the longest (`suggested`) when the currency lacks it. */
  const suggestion = () => {
    const { suggestions } = current();
    return suggestions.find((s) => s.months === chosen) ?? suggestions.at(-1);
  };

  function render() {
    const { t, locale } = context;
    const { rows, errors, currencies } = imported;
    const number = (n) => formatValue(n, 'count', { locale });
    counts.textContent = counted(t, locale, 'import.counts', rows.total,
      { name: imported.name, used: number(rows.used), not_paying: number(rows.not_paying), bad: number(rows.bad) });
    currencyPick.replaceChildren(...currencies.map(({ currency: code, months }, i) =>
      h('option', { value: i }, counted(t, locale, 'import.currency_option', months.length, { currency: code }))));
    currencyPick.value = String(shown);
    currencyNote.hidden = currencies.length < 2;
    badTitle.textContent = rows.bad > errors.length
      ? t('import.bad_title_first', { bad: number(rows.bad), listed: number(errors.length) })
      : t('import.bad_title', { bad: number(rows.bad) });
    badList.replaceChildren(...errors.map((entry) => h('li', { 'data-line': entry.line },
      h('span', { class: 'line' }, t('import.bad_line', { line: entry.line })), ` ${coreMessage(entry, t, locale)}`)));
    bad.hidden = errors.length === 0;
    results.hidden = false;
    renderCurrency();
  }

  function renderCurrency() {
    const { t, locale } = context;
    const data = current();
    destroyCharts();
    destroyCharts = drawImportCharts(charts, data, { locale, t });
    renderMonthTable(monthTable, data, { locale, t });
    renderCohorts();
    const { months } = suggestion();
    windowOptions.replaceChildren(...data.suggestions.map((s) => h('label', {},
      h('input', { type: 'radio', name: 'import-window', value: s.months, checked: s.months === months }),
      h('span', {}, counted(t, locale, 'import.window_option', s.months)))));
    windowPick.hidden = data.suggestions.length < 2;
    renderModelNote();
  }

  function renderModelNote() {
    const { t, locale } = context;
    const { months } = suggestion();
    modelNote.textContent = months > 0
      ? counted(t, locale, 'import.model_note', months, { currency: current().currency })
      : t('import.model_note_one_month');
  }

  function renderCohorts() {
    const { t, locale } = context;
    renderCohortTable(cohortTable, current(), kind(), { locale, t });
    kindHelp.textContent = t(`import.retention_help.${kind()}`);
  }

  currencyPick.addEventListener('change', () => {
    shown = Number(currencyPick.value);
    renderCurrency();
  });
  kindPick.addEventListener('change', renderCohorts);
  windowPick.addEventListener('change', () => {
    chosen = Number(windowPick.querySelector(':checked').value);
    renderModelNote();
  });
  exportButton.addEventListener('click', () =>
    download(`${imported.name.replace(/\.[^.]*$/, '')}-${current().currency.toLowerCase()}-months.csv`, monthCsv(current().months), 'text/csv'));
  modelButton.addEventListener('click', () => {
    const { scenario, months } = suggestion();
    context.open(structuredClone(scenario));
    document.getElementById('editor')?.scrollIntoView({ block: 'start' });
    announce(counted(context.t, context.locale, 'import.modelled', months, { currency: current().currency }));
  });

  prepare();
  // The toolbar's "Import your data" scrolls here and focuses the section: on to the picker.
  container.addEventListener('focus', () => file.focus());
  if (document.activeElement === container) file.focus();

  return {
    /** After the page's translateTree: rewords what depends on the file (progress, problem, results) from what is kept. */
    languageChanged() {
      if (reading) showProgress();
      if (failure) showProblem();
      if (imported) render();
    },
  };
}
