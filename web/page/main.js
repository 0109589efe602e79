// The calculator page: wires the editor, the renderers, sharing and storage to the
// wasm core. Every input event recomputes synchronously; an invalid model keeps the
// last good results on screen, greyed, with the core's messages on the fields.
import { loadEngine } from '../shared/engine.js';
import { createForm } from './calculator/form.js';
import { createCards, createMetricTable, createTicker } from './calculator/cards.js';
import { splitNotes } from '../shared/notes.js';
import { createCompare } from './calculator/compare.js';
import { example, exampleList, defaultExample } from './calculator/examples.js';
import { encodeScenario, decodeScenario, isShareLink } from '../shared/share.js';
import { readScenarioFile, scenarioJson, fileName, download, projectionCsv, summaryText } from './transfer.js';
import { metricInfo, currencySymbol } from '../shared/format.js';
import { h } from '../shared/dom.js';

const headline = ['mrr', 'arr', 'arpa', 'customer_churn_monthly', 'customer_churn_annual', 'cac',
  'cac_payback_months', 'ltv', 'ltv_to_cac', 'nrr_annual', 'grr_annual', 'quick_ratio',
  'burn_or_profit_monthly', 'burn_multiple', 'rule_of_40', 'break_even_month'];
const others = Object.keys(metricInfo).filter((key) => !headline.includes(key));
const $ = (id) => document.getElementById(id);
const locale = undefined; // the browser's

// scenario: the model being edited (may be invalid); valid: a copy of the last valid one.
const state = { scenario: null, valid: null, output: null, hash: '' };
let engine, form, compare;
// What shows an output: each has update(output, scenario, options). The cards come first;
// the table, charts and comparison join after the first results are painted (main).
const views = [];

let toastTimer;
function announce(text) {
  const toast = $('toast');
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { toast.hidden = true; }, 4000);
}

/** A problem with a link or file: a banner that stays until dismissed or replaced. */
function showProblem(title, details = []) {
  $('problem-title').textContent = title;
  $('problem-list').replaceChildren(...details.map((text) => h('li', {}, text)));
  $('problem').hidden = false;
  $('problem').focus();
}

const describe = (errors) => errors.slice(0, 6).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));

function showValidity(errors) {
  const stale = errors.length > 0;
  $('results').classList.toggle('stale', stale);
  $('ticker').classList.toggle('stale', stale);
  $('status').hidden = !stale;
  if (!stale) return;
  const marked = form.markErrors(errors);
  const placed = marked.filter((e) => e.id).length;
  $('status-text').textContent = `${placed ? `${placed} field${placed > 1 ? 's need' : ' needs'} attention.` : 'The model has a problem.'} These results are from the last valid model.`;
  $('status-list').replaceChildren(...marked.slice(0, 6).map((e) => h('li', {},
    e.id ? h('a', { href: `#${e.id}` }, e.label) : e.field || 'Scenario', `: ${e.message}`)));
}

let linkTimer;
function scheduleLink() {
  clearTimeout(linkTimer);
  linkTimer = setTimeout(writeLink, 300);
}
async function writeLink() {
  state.hash = await encodeScenario(state.valid);
  history.replaceState(null, '', state.hash);
}

function recompute() {
  const output = engine.calc(state.scenario);
  if (output.errors) return void showValidity(output.errors);
  form.markErrors([]);
  showValidity([]);
  form.setCurrency(output.currency);
  show(output);
}

/** Puts the output of the (valid) state.scenario on screen. */
function show(output) {
  // Renderers keep the valid copy: a formula opened while the model is invalid must
  // quote the numbers behind the (stale) results on screen.
  state.valid = structuredClone(state.scenario);
  state.output = output;
  for (const view of views) view.update(output, state.valid, { currency: output.currency, locale });
  const { advice } = splitNotes(output);
  $('advice').replaceChildren(...advice.map((text) => h('li', {}, text)));
  $('advice').hidden = advice.length === 0;
  scheduleLink();
  document.dispatchEvent(new CustomEvent('scenario-change', { detail: structuredClone(state.scenario) }));
}

/** Shows a scenario; `exampleId` names the example it is, if any, in the picker. */
function load(scenario, exampleId = '') {
  $('example').value = exampleId;
  state.scenario = scenario;
  form.load(scenario);
  recompute();
}

/** A scenario from outside (link or file) is used only if the core accepts it. */
function acceptable(scenario, what) {
  const errors = engine.validate(scenario);
  if (errors.length) {
    showProblem(`This ${what} holds a scenario with ${errors.length} problem${errors.length > 1 ? 's' : ''}, so it was not opened.`, describe(errors));
    return null;
  }
  $('problem').hidden = true;
  return scenario;
}

/** The scenario a share link holds (not yet checked by the core), or null with the reason shown. */
async function decodeLink(hash) {
  state.hash = hash;
  try {
    return await decodeScenario(hash);
  } catch (error) {
    showProblem(`This link could not be opened: ${error.message}.`);
    return null;
  }
}

async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
  } catch {
    announce('Copying is not allowed here; select and copy from the address bar instead.');
  }
}

function needValid(action) {
  return () => (state.output && !$('results').classList.contains('stale')
    ? action() : announce('Fix the marked fields first.'));
}

const toolbar = {
  save: needValid(() => compare.save(state.valid)),
  link: needValid(async () => {
    await writeLink();
    copy(location.href, 'Link copied. It holds the whole scenario.');
  }),
  summary: needValid(() => copy(summaryText(state.output, state.valid, headline, { currency: state.output.currency, locale }), 'Summary copied.')),
  'export-json': needValid(() => download(fileName(state.valid, 'json'), scenarioJson(state.valid), 'application/json')),
  'export-csv': needValid(() => download(fileName(state.valid, 'csv'), projectionCsv(state.output), 'text/csv')),
  import: () => $('import-file').click(),
};

async function importFile(file) {
  try {
    const scenario = acceptable(await readScenarioFile(file), 'file');
    if (scenario) {
      load(scenario);
      announce(`Imported “${file.name}”.`);
    }
  } catch (error) {
    showProblem(`“${file.name}” could not be imported: ${error.message}.`);
  }
}

/** What a view of the page (import, pricing lab, embed builder) may use: the current valid
 *  model and its output, a way to open a scenario in the calculator, and the page's messages.
 *  Views follow edits through the document's `scenario-change` event (detail: the scenario). */
const pageContext = () => ({
  engine, locale, announce, showProblem,
  scenario: () => structuredClone(state.valid),
  output: () => state.output,
  /** Opens a scenario (already accepted by the core) in the calculator. */
  open: (scenario) => load(scenario),
});

/** A view below the fold loads its module only when its section nears the viewport; the
 *  module's mount(container, context) builds it. The offline single file may lack a section. */
function mountWhenNear(id, loadModule, what) {
  const container = $(id);
  if (!container) return;
  const nearby = new IntersectionObserver(async (entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    nearby.disconnect();
    try {
      (await loadModule()).mount(container, pageContext());
    } catch {
      container.textContent = `${what} could not load (are you offline?).`;
    }
  }, { rootMargin: '600px 0px' });
  nearby.observe(container);
}

/** Views built after the first results: they start from the last valid output. */
function addViews(...more) {
  views.push(...more);
  for (const view of more) view.update(state.output, state.valid, { currency: state.output.currency, locale });
}

/** Resolves once the frame showing the current DOM has been produced. */
const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function main() {
  const engineLoading = loadEngine();
  // The first number format loads the browser's locale data (~60 ms): meanwhile the wasm downloads.
  currencySymbol('USD', locale);
  const shared = isShareLink(location.hash) ? await decodeLink(location.hash) : null;
  try {
    engine = await engineLoading;
  } catch (error) {
    $('editor').replaceChildren();
    return showProblem(`The calculator could not start: ${error.message ?? error}. Reloading the page may help.`);
  }
  // The headline numbers first; the rest of the page is built once they are on screen.
  const opened = shared && acceptable(shared, 'link');
  state.scenario = opened || example(defaultExample);
  // dist/index.html may hold build-time cards (scripts/prerender.mjs): the live ones replace
  // them within this task, so no frame shows both or neither.
  for (const built of document.querySelectorAll('[data-prerendered]')) {
    built.replaceChildren();
    built.removeAttribute('data-prerendered');
  }
  views.push(createCards($('cards'), { keys: headline, thresholds: engine.thresholds, locale }),
    createTicker($('ticker'), { keys: ['mrr', 'ltv_to_cac', 'cac_payback_months', 'burn_or_profit_monthly'] }));
  show(engine.calc(state.scenario)); // valid: an example, or accepted by the core just now
  $('results').removeAttribute('aria-busy');
  await nextPaint();
  // Read by bench/page.mjs; the build-time cards, when shown, marked their own first frame.
  if (!performance.getEntriesByName('first-metrics').length) performance.mark('first-metrics');

  form = createForm($('editor'), { onChange: recompute, locale });
  form.load(state.scenario);
  form.setCurrency(state.output.currency);
  $('example').append(h('option', { value: '' }, 'Choose…'), ...exampleList.map(([id, label]) => h('option', { value: id }, label)));
  $('example').value = opened ? '' : defaultExample;
  compare = createCompare($('compare'), { calc: engine.calc, onOpen: load, announce, locale });
  addViews(createMetricTable($('more'), { keys: others }), compare);
  listen();
  // The charts' module holds uPlot, most of the page's script: it is compiled only now.
  const charts = await import('./calculator/charts.js').catch(() => null);
  if (charts) addViews(charts.createCharts($('charts'), { locale }));
  else $('charts').textContent = 'The charts could not load (are you offline?); every number is still computed.';
  document.documentElement.dataset.ready = 'true';
  // The embed builder, with the component it previews (about 30 KB gzip), loads when near.
  mountWhenNear('embed-builder', () => import('./embed/embed-builder.js'), 'The embed builder');
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) keepOffline();
}

function listen() {
  const picker = $('example');
  picker.addEventListener('change', () => {
    if (!picker.value) return;
    load(example(picker.value), picker.value);
    announce(`Loaded the ${picker.selectedOptions[0].textContent} example.`);
  });
  for (const button of document.querySelectorAll('[data-tool]')) button.addEventListener('click', () => toolbar[button.dataset.tool]());
  $('import-file').addEventListener('change', (event) => {
    const [file] = event.target.files;
    event.target.value = '';
    if (file) importFile(file);
  });
  $('problem-close').addEventListener('click', () => { $('problem').hidden = true; });
  addEventListener('hashchange', async () => {
    if (!isShareLink(location.hash) || location.hash === state.hash) return;
    const scenario = await decodeLink(location.hash);
    if (scenario && acceptable(scenario, 'link')) load(scenario);
  });
}

/** The worker answers once it holds every file: from then on the page works offline. */
async function keepOffline() {
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.cached !== undefined) document.documentElement.dataset.offline = 'ready';
  });
  await navigator.serviceWorker.register('sw.js');
  const { active } = await navigator.serviceWorker.ready;
  active.postMessage({ cache: performance.getEntriesByType('resource').map((entry) => entry.name) });
}

main();
