// The calculator page: wires the editor, the renderers, sharing and storage to the
// wasm core. Every input event recomputes synchronously; an invalid model keeps the
// last good results on screen, greyed, with the core's messages on the fields.
import { loadEngine } from '../shared/engine.js';
import { createForm } from './calculator/form.js';
import { createCards, createMetricTable, createTicker } from './calculator/cards.js';
import { splitNotes, coreMessage } from '../shared/notes.js';
import { example, exampleList, defaultExample } from './calculator/examples.js';
import { encodeScenario, decodeScenario, isShareLink, labPart } from '../shared/share.js';
import { readScenarioFile, scenarioJson, fileName, download, projectionCsv, summaryText } from './transfer.js';
import { metricInfo, currencySymbol } from '../shared/format.js';
import { h, assign } from '../shared/dom.js';
import { createHistory } from './history.js';
import { readWorking, writeWorking, workingText, parseWorking } from './autosave.js';
import { chooseLanguage, loadTranslator, numberLocale, translateTree, counted, languages, languageNames } from '../shared/i18n.js';

const headline = ['mrr', 'arr', 'arpa', 'customer_churn_monthly', 'customer_churn_annual', 'cac',
  'cac_payback_months', 'ltv', 'ltv_to_cac', 'nrr_annual', 'grr_annual', 'quick_ratio',
  'burn_or_profit_monthly', 'burn_multiple', 'rule_of_40', 'break_even_month'];
const others = Object.keys(metricInfo).filter((key) => !headline.includes(key));
const $ = (id) => document.getElementById(id);
// The page's language: ?lang= in the address (a shared link's), else the visitor's last
// choice, else the browser's languages (shared/i18n.js). Numbers follow the language.
const languageKey = 'saas-metrics.lang';
let t; // the words of that language
let locale; // the number locale that goes with it

// scenario: the model being edited (may be invalid); valid: a copy of the last valid one;
// lab: the pricing lab's part of the link ("&lab=…", written by the lab's `lab-settings` event).
const state = { scenario: null, valid: null, output: null, hash: '', lab: '' };
let engine, form;
// Undo and autosave see each model as its autosave text (autosave.js); `working` is the current one.
// state.example names the example the model still is, unedited ('' once edited).
const undoStack = createHistory();
let working = '';
// What shows an output: each has update(output, scenario, options). The cards come first;
// the table joins after the first results are painted (main), the charts and the comparison
// when they near the viewport (mountCharts, mountCompare).
const views = [];

let toastTimer;
function announce(text) {
  const toast = $('toast');
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { toast.hidden = true; }, Math.max(4000, 60 * text.length)); // time to read it
}

/** A problem with a link or file: a banner that stays until dismissed or replaced. */
function showProblem(title, details = []) {
  $('problem-title').textContent = title;
  $('problem-list').replaceChildren(...details.map((text) => h('li', {}, text)));
  $('problem').hidden = false;
  $('problem').focus();
}

const describe = (errors) => errors.slice(0, 6).map((e) => {
  const message = coreMessage(e, t, locale);
  return e.field ? `${e.field}: ${message}` : message;
});

function showValidity(errors) {
  const stale = errors.length > 0;
  $('results').classList.toggle('stale', stale);
  $('ticker').classList.toggle('stale', stale);
  assign($('status'), 'hidden', !stale);
  if (!stale) return;
  const marked = form.markErrors(errors);
  const placed = marked.filter((e) => e.id).length;
  $('status-text').textContent = placed ? counted(t, locale, 'page.fields_need_attention', placed) : t('page.model_has_problem');
  $('status-list').replaceChildren(...marked.slice(0, 6).map((e) => h('li', {},
    e.id ? h('a', { href: `#${e.id}` }, e.label) : e.field || t('page.scenario'), `: ${e.message}`)));
}

/** How an output is shown: its currency, in the page's number locale and words. */
const formatOf = (output) => ({ currency: output.currency, locale, t });

let linkTimer;
function scheduleLink() {
  clearTimeout(linkTimer);
  linkTimer = setTimeout(writeLink, 300);
}
async function writeLink() {
  state.hash = await encodeScenario(state.valid) + state.lab;
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

/** Puts the output of a valid scenario (state.scenario, unless told) on screen. */
function show(output, valid = state.scenario) {
  // Renderers keep the valid copy: a formula opened while the model is invalid must
  // quote the numbers behind the (stale) results on screen.
  state.valid = structuredClone(valid);
  state.output = output;
  const format = formatOf(output);
  for (const view of views) view.update(output, state.valid, format);
  const { advice } = splitNotes(output, format);
  $('advice').replaceChildren(...advice.map((text) => h('li', {}, text)));
  assign($('advice'), 'hidden', advice.length === 0);
  scheduleLink();
  document.dispatchEvent(new CustomEvent('scenario-change', { detail: structuredClone(state.scenario) }));
}

/** Shows a scenario; `exampleId` names the example it is, if any, in the picker. */
function load(scenario, exampleId = '') {
  $('example').value = exampleId;
  state.example = exampleId;
  state.scenario = scenario;
  form.load(scenario);
  recompute();
  remember();
}

/** Keeps the current model as the autosave (every change, so a reload loses no keystroke). */
function remember() {
  working = workingText(state.scenario, state.example);
  writeWorking(working);
  showUndoButtons();
}

function showUndoButtons() {
  for (const [tool, can] of [['undo', undoStack.canUndo], ['redo', undoStack.canRedo]]) assign($(`tool-${tool}`), 'ariaDisabled', String(!can));
}

/** A replacing action (an example, a file, a link, a view's or a saved scenario's "open"): one undo step. */
function replace(scenario, exampleId = '') {
  const before = working;
  load(scenario, exampleId);
  undoStack.record(before, working);
  showUndoButtons();
}

// Typing in one field is one undo step until focus leaves it or typing pauses this long.
const editPause = 1000;
let pauseTimer;
/** The form changed the model: the first edit of a group records the model before it. */
function edited() {
  undoStack.edit(working, document.activeElement?.name || document.activeElement?.id || '');
  clearTimeout(pauseTimer);
  pauseTimer = setTimeout(() => undoStack.pause(), editPause);
  if (state.example) $('example').value = state.example = ''; // an edited example is no longer that example
  recompute();
  remember();
}

/** Undo or redo over edits and loads; focus stays on the field it was in. */
function step(direction) {
  const target = direction === 'undo' ? undoStack.undo(working) : undoStack.redo(working);
  if (target === null) return announce(t(`page.nothing_to_${direction}`));
  const field = document.activeElement?.closest('#editor') && document.activeElement.name;
  const { scenario, example: exampleId } = parseWorking(target);
  load(scenario, exampleId);
  if (field) $('editor').querySelector(`[name="${CSS.escape(field)}"]`)?.focus();
  announce(t(direction === 'undo' ? 'page.undone' : 'page.redone'));
}

/** A scenario from outside (a link or a file) is used only if the core accepts it. */
function acceptable(scenario, what) {
  const errors = engine.validate(scenario);
  if (errors.length) {
    showProblem(counted(t, locale, `page.${what}_refused`, errors.length), describe(errors));
    return null;
  }
  $('problem').hidden = true;
  return scenario;
}

/** The scenario a share link holds (not yet checked by the core), or null with the reason shown. */
async function decodeLink(hash) {
  state.hash = hash;
  state.lab = labPart(hash);
  try {
    return await decodeScenario(hash);
  } catch (error) {
    showProblem(t('page.link_unreadable', { reason: error.message }));
    return null;
  }
}

async function copy(text, done, note = '') {
  try {
    await navigator.clipboard.writeText(text);
    announce(done + note);
  } catch {
    announce(t('page.copy_refused') + note);
  }
}

function needValid(action) {
  return () => (state.output && !$('results').classList.contains('stale')
    ? action() : announce(t('page.fix_first')));
}

/** "Save" asks for a name in the comparison panel's dialog, mounting the panel first if it is
 *  not yet (a pointer or focus on the button starts that early, see listen). A click while
 *  that loads, or while the dialog is open, is ignored: one save, one dialog. */
let saving = false;
async function save() {
  if (saving) return;
  saving = true;
  const compare = await mountCompare().catch(() => null);
  if (compare) await compare.save(state.valid);
  else announce(t('page.save_failed'));
  saving = false;
}

const toolbar = {
  save: needValid(save),
  link: needValid(async () => {
    await writeLink();
    // A file:// address names this file on this disk: the link reopens the model here only.
    copy(location.href, t('page.link_copied'), location.protocol === 'file:' ? ` ${t('page.link_file_only')}` : '');
  }),
  summary: needValid(() => copy(summaryText(state.output, state.valid, headline, formatOf(state.output)), t('page.summary_copied'))),
  'export-json': needValid(() => download(fileName(state.valid, 'json'), scenarioJson(state.valid), 'application/json')),
  'export-csv': needValid(() => download(fileName(state.valid, 'csv'), projectionCsv(state.output), 'text/csv')),
  import: () => $('import-file').click(),
  // Scrolling the import view into view mounts it (mountWhenNear); the view then takes the focus on to its file picker.
  'import-data': () => { $('import').scrollIntoView(); $('import').focus({ preventScroll: true }); },
  undo: () => step('undo'),
  redo: () => step('redo'),
};

async function importFile(file) {
  try {
    const scenario = acceptable(await readScenarioFile(file), 'file');
    if (scenario) {
      replace(scenario);
      announce(t('page.imported', { name: file.name }));
    }
  } catch (error) {
    showProblem(t('page.file_unreadable', { name: file.name, reason: error.message }));
  }
}

/** What a view of the page (import, pricing lab, embed builder) may use: the current valid
 *  model and its output, a way to open a scenario in the calculator, the page's messages and
 *  its words (`t` and `locale`, replaced when the visitor changes language). Views follow
 *  edits through the document's `scenario-change` event (detail: the scenario). */
const pageContext = {
  engine: null, locale: undefined, t: null, announce, showProblem,
  scenario: () => structuredClone(state.valid),
  output: () => state.output,
  /** Opens a scenario (already accepted by the core) in the calculator; Undo brings the previous one back. */
  open: (scenario) => replace(scenario),
};
// The views that mounted: a change of language re-renders their words (languageChanged()).
const mounted = [];

/** Adds a view's style sheet and resolves once it applies; the offline single file has
 *  every sheet inlined already (data-styles="inline"). */
function addStyleSheet(href) {
  if (document.documentElement.dataset.styles === 'inline') return null;
  const link = h('link', { rel: 'stylesheet', href });
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener('load', resolve);
    link.addEventListener('error', reject);
  });
  document.head.append(link);
  return loaded;
}

/** Runs `run` once, when `element` comes within `margin` (a rootMargin) of the viewport. */
function whenNear(element, run, margin = '600px 0px') {
  const nearby = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    nearby.disconnect();
    run();
  }, { rootMargin: margin });
  nearby.observe(element);
}

/** A view below the fold loads its module (and its style sheet, if it has one) only when its
 *  section nears the viewport; the module's mount(container, context) builds it. The offline
 *  single file may lack a section. */
function mountWhenNear(id, loadModule, what, styleSheet) {
  const container = $(id);
  if (!container) return;
  whenNear(container, async () => {
    try {
      const [view] = await Promise.all([loadModule(), styleSheet && addStyleSheet(styleSheet)]);
      const built = view.mount(container, pageContext);
      translateTree(container, t);
      if (built) mounted.push(built);
    } catch {
      container.textContent = t(`page.could_not_load.${what}`);
    }
  });
}

/** The charts' module holds uPlot, the largest script after the core's: a visit that never
 *  scrolls near them (the first screen at 1280×720 ends half a screen above them) never
 *  loads it. They mount when half a screen away, or on the page's first scroll, whichever
 *  comes first, so they are drawn before they come into view; from then on they follow every
 *  output like the cards. */
let chartsMounting = null;
function mountCharts() {
  chartsMounting ??= import('./calculator/charts.js').then(
    (charts) => addViews(charts.createCharts($('charts'))),
    () => { $('charts').textContent = t('page.charts_failed'); })
    .finally(() => $('charts').removeAttribute('aria-busy'));
}

/** The saved scenarios and the comparison (with the name dialog) mount when near, or on the
 *  first "Save"; resolves to the panel ({ save, update }). */
let comparing = null;
function mountCompare() {
  comparing ??= import('./calculator/compare.js').then(({ createCompare }) => {
    $('compare').querySelector('.unloaded')?.remove();
    const compare = createCompare($('compare'), { calc: engine.calc, onOpen: replace, announce, format: () => ({ locale, t }) });
    addViews(compare);
    return compare;
  }).catch((error) => {
    comparing = null; // a later "Save" or scroll tries again
    throw error;
  });
  return comparing;
}

/** Views built after the first results: they start from the last valid output. */
function addViews(...more) {
  views.push(...more);
  for (const view of more) view.update(state.output, state.valid, formatOf(state.output));
}

/** Resolves once the frame showing the current DOM has been produced. */
const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** The model to start with, and the one set aside (one undo away). A link opened now wins
 *  over the autosaved model; on a reload or a return to the page, the fragment is the page's
 *  own (the last valid model) and the autosave, which keeps invalid text as typed, wins. */
function startingModels(opened) {
  const saved = readWorking();
  const linked = opened && { scenario: opened, example: '' };
  const revisit = ['reload', 'back_forward'].includes(performance.getEntriesByType('navigation')[0]?.type);
  const [start, aside] = linked && !(revisit && saved) ? [linked, saved]
    : [saved ?? { scenario: example(defaultExample), example: defaultExample }, linked];
  if (!exampleList.includes(start.example)) start.example = '';
  const same = aside && JSON.stringify(aside.scenario) === JSON.stringify(start.scenario);
  return { start, aside: same ? null : aside, linkWon: start === linked };
}

/** The language chosen for this visit (see languageKey). */
function startingLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(languageKey);
  } catch {
    // storage disabled: the browser's languages decide
  }
  return chooseLanguage(new URLSearchParams(location.search).get('lang') ?? [], stored ?? [], navigator.languages);
}

/** Puts the page's fixed words (index.html's data-i18n, title, description) in t's language. */
function translatePage() {
  document.documentElement.lang = t.language;
  document.title = t('page.title');
  document.querySelector('meta[name="description"]').content = t('page.description');
  translateTree(document.body, t);
  $('language').value = t.language;
  delete document.documentElement.dataset.words; // shows the page (app.css hides it while words are pending)
}

async function useLanguage(language) {
  t = pageContext.t = await loadTranslator(language);
  locale = pageContext.locale = numberLocale(language);
}

/** The visitor picked a language: kept in this browser and in the address (so a copied link
 *  opens in it), and every word on the page, the model and its results re-rendered in it. */
async function changeLanguage(language) {
  try {
    localStorage.setItem(languageKey, language);
  } catch {
    // not kept: the address still carries it
  }
  const address = new URL(location.href);
  address.searchParams.set('lang', language);
  history.replaceState(null, '', address);
  await useLanguage(language);
  translatePage();
  form.load(state.scenario);
  form.setCurrency(state.output.currency);
  // A valid model's results are shown again by recompute; an invalid one's last valid
  // results are shown again here, then recompute words its fields' messages.
  if ($('results').classList.contains('stale')) show(state.output, state.valid);
  recompute();
  for (const view of mounted) view.languageChanged?.();
  announce(t('page.language_changed'));
}

async function main() {
  const engineLoading = loadEngine();
  const wordsLoading = useLanguage(startingLanguage());
  $('language').append(...languages.map((language) => h('option', { value: language, lang: language }, languageNames[language])));
  await wordsLoading;
  if (t.language !== 'en') translatePage();
  else delete document.documentElement.dataset.words;
  // The first number format loads the locale's data (~60 ms): meanwhile the wasm downloads.
  currencySymbol('USD', locale);
  const shared = isShareLink(location.hash) ? await decodeLink(location.hash) : null;
  try {
    engine = pageContext.engine = await engineLoading;
  } catch (error) {
    $('editor').replaceChildren();
    return showProblem(t('page.could_not_start', { reason: error.message ?? error }));
  }
  // The headline numbers first; the rest of the page is built once they are on screen.
  const { start, aside, linkWon } = startingModels(shared && acceptable(shared, 'link'));
  state.scenario = start.scenario;
  state.example = start.example;
  // dist/index.html may hold build-time cards (scripts/prerender.mjs): the live ones replace
  // them within this task, so no frame shows both or neither.
  for (const built of document.querySelectorAll('[data-prerendered]')) {
    built.replaceChildren();
    built.removeAttribute('data-prerendered');
  }
  views.push(createCards($('cards'), { keys: headline, thresholds: engine.thresholds }),
    createTicker($('ticker'), { keys: ['mrr', 'ltv_to_cac', 'cac_payback_months', 'burn_or_profit_monthly'] }));
  // An autosaved model may be invalid (what was typed is kept): until it is fixed, its
  // example's results (or the default's) stand in, greyed like any stale results.
  const first = engine.calc(state.scenario);
  const stand = first.errors && example(start.example || defaultExample);
  show(first.errors ? engine.calc(stand) : first, stand || state.scenario);
  $('results').removeAttribute('aria-busy');
  await nextPaint();
  // Read by bench/page.mjs; the build-time cards, when shown, marked their own first frame.
  if (!performance.getEntriesByName('first-metrics').length) performance.mark('first-metrics');

  form = createForm($('editor'), { onChange: edited, format: () => ({ locale, t }) });
  form.load(state.scenario);
  form.setCurrency(state.output.currency);
  $('example').append(h('option', { value: '', 'data-i18n': 'page.choose' }, t('page.choose')),
    ...exampleList.map((id) => h('option', { value: id, 'data-i18n': `example.${id}` }, t(`example.${id}`))));
  $('example').value = state.example;
  addViews(createMetricTable($('more'), { keys: others }));
  if (first.errors) recompute(); // marks the fields
  remember();
  if (aside) {
    undoStack.record(workingText(aside.scenario, aside.example), working);
    showUndoButtons();
    if (linkWon) announce(t('page.opened_link_aside'));
  }
  listen();
  document.documentElement.dataset.ready = 'true';
  whenNear($('charts'), mountCharts, '50% 0px');
  addEventListener('scroll', mountCharts, { once: true, passive: true });
  whenNear($('compare'), () => mountCompare().catch(() => {
    $('compare').append(h('p', { class: 'unloaded' }, t('page.saved_failed')));
  }));
  // The embed builder, with the component it previews (about 30 KB gzip), loads when near.
  mountWhenNear('embed-builder', () => import('./embed/embed-builder.js'), 'embed');
  mountWhenNear('import', () => import('./import/import-view.js'), 'import', 'page/import/import.css');
  mountWhenNear('lab', () => import('./lab/lab.js'), 'lab', 'page/lab/lab.css');
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) keepOffline();
}

/** The example picker loads on a committed choice: a click or Enter in its list, or Enter
 *  after arrowing. On Windows and Linux an arrow or letter key on the closed <select> changes
 *  its value and fires `change` at once: such a change waits for Enter, and leaving the picker drops it. */
function listenPicker() {
  const picker = $('example');
  const label = () => picker.selectedOptions[0].textContent;
  const choose = () => {
    replace(example(picker.value), picker.value);
    announce(t('page.example_loaded', { example: label() }));
  };
  let keyed = false;
  picker.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      if (picker.value && picker.value !== state.example) choose();
      return;
    }
    if (event.altKey || event.key === ' ' || event.key === 'F4') return; // these open the list
    keyed = true;
    setTimeout(() => { keyed = false; }); // the change a key makes fires within the key's own task
  });
  picker.addEventListener('change', () => {
    if (!picker.value) return;
    if (keyed) announce(t('page.example_press_enter', { example: label() }));
    else choose();
  });
  picker.addEventListener('blur', () => { picker.value = state.example; });
}

/** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y redo: over the whole model, in the
 *  editor's fields too (a field's edit is one step). Text fields elsewhere (a dialog,
 *  another view) keep the browser's own undo. */
function listenUndo() {
  document.addEventListener('keydown', (event) => {
    const key = event.key.toLowerCase();
    if (!(event.ctrlKey || event.metaKey) || event.altKey || (key !== 'z' && key !== 'y')) return;
    const target = event.composedPath()[0]; // inside a shadow root too (the embed builder's preview)
    if (target.closest('dialog') || ((target.matches('input, textarea') || target.isContentEditable) && !target.closest('#editor'))) return;
    event.preventDefault();
    step(key === 'y' || event.shiftKey ? 'redo' : 'undo');
  });
  // A new undo step starts when focus leaves a field, and with each button (add plan, remove tier…).
  $('editor').addEventListener('focusout', () => undoStack.pause());
  $('editor').addEventListener('click', (event) => event.target.closest('button') && undoStack.pause(), true);
}

function listen() {
  listenPicker();
  listenUndo();
  for (const button of document.querySelectorAll('[data-tool]')) button.addEventListener('click', () => toolbar[button.dataset.tool]());
  for (const intent of ['pointerenter', 'focus']) $('tool-save').addEventListener(intent, () => mountCompare().catch(() => {}), { once: true });
  $('import-file').addEventListener('change', (event) => {
    const [file] = event.target.files;
    event.target.value = '';
    if (file) importFile(file);
  });
  $('problem-close').addEventListener('click', () => { $('problem').hidden = true; });
  $('language').addEventListener('change', () => changeLanguage($('language').value));
  document.addEventListener('lab-settings', ({ detail }) => {
    state.lab = detail;
    scheduleLink();
  });
  addEventListener('hashchange', async () => {
    if (!isShareLink(location.hash) || location.hash === state.hash) return;
    const scenario = await decodeLink(location.hash);
    if (scenario && acceptable(scenario, 'link')) {
      replace(scenario);
      announce(t('page.opened_link'));
    } else {
      writeLink(); // the address bar holds the current model again, so a reload keeps it
    }
  });
}

/** The worker caches every file of the site on install (sw.js): once it is active, the
 *  page works offline. */
async function keepOffline() {
  await navigator.serviceWorker.register('sw.js');
  await navigator.serviceWorker.ready;
  document.documentElement.dataset.offline = 'ready';
}

main();
