// The calculator page: wires the editor, the renderers, sharing and storage to the
// wasm core. Every input event recomputes synchronously; an invalid model keeps the
// last good results on screen, greyed, with the core's messages on the fields.
import { loadEngine } from '../shared/engine.js';
import { createForm } from './calculator/form.js';
import { createCards, createMetricTable, createTicker } from './calculator/cards.js';
import { splitNotes } from '../shared/notes.js';
import { example, exampleList, defaultExample } from './calculator/examples.js';
import { encodeScenario, decodeScenario, isShareLink, labPart } from '../shared/share.js';
import { readScenarioFile, scenarioJson, fileName, download, projectionCsv, summaryText } from './transfer.js';
import { metricInfo, currencySymbol } from '../shared/format.js';
import { h } from '../shared/dom.js';
import { createHistory } from './history.js';
import { readWorking, writeWorking, workingText, parseWorking } from './autosave.js';

const headline = ['mrr', 'arr', 'arpa', 'customer_churn_monthly', 'customer_churn_annual', 'cac',
  'cac_payback_months', 'ltv', 'ltv_to_cac', 'nrr_annual', 'grr_annual', 'quick_ratio',
  'burn_or_profit_monthly', 'burn_multiple', 'rule_of_40', 'break_even_month'];
const others = Object.keys(metricInfo).filter((key) => !headline.includes(key));
const $ = (id) => document.getElementById(id);
const locale = undefined; // the browser's

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
  for (const [tool, can] of [['undo', undoStack.canUndo], ['redo', undoStack.canRedo]]) $(`tool-${tool}`).setAttribute('aria-disabled', String(!can));
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
  if (target === null) return announce(`Nothing to ${direction}.`);
  const field = document.activeElement?.closest('#editor') && document.activeElement.name;
  const { scenario, example: exampleId } = parseWorking(target);
  load(scenario, exampleId);
  if (field) $('editor').querySelector(`[name="${CSS.escape(field)}"]`)?.focus();
  announce(direction === 'undo' ? 'Undone.' : 'Redone.');
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
  state.lab = labPart(hash);
  try {
    return await decodeScenario(hash);
  } catch (error) {
    showProblem(`This link could not be opened: ${error.message}.`);
    return null;
  }
}

async function copy(text, done, note = '') {
  try {
    await navigator.clipboard.writeText(text);
    announce(done + note);
  } catch {
    announce(`Copying is not allowed here; select and copy from the address bar instead.${note}`);
  }
}

function needValid(action) {
  return () => (state.output && !$('results').classList.contains('stale')
    ? action() : announce('Fix the marked fields first.'));
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
  else announce('Saving could not load (are you offline?).');
  saving = false;
}

const toolbar = {
  save: needValid(save),
  link: needValid(async () => {
    await writeLink();
    // A file:// address names this file on this disk: the link reopens the model here only.
    copy(location.href, 'Link copied. It holds the whole scenario.', location.protocol === 'file:'
      ? ' But it opens only on this computer: a file:// link points to this file on your disk. To share, send the file, or copy the link from the hosted page.' : '');
  }),
  summary: needValid(() => copy(summaryText(state.output, state.valid, headline, { currency: state.output.currency, locale }), 'Summary copied.')),
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
  /** Opens a scenario (already accepted by the core) in the calculator; Undo brings the previous one back. */
  open: (scenario) => replace(scenario),
});

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
      view.mount(container, pageContext());
    } catch {
      container.textContent = `${what} could not load (are you offline?).`;
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
    (charts) => addViews(charts.createCharts($('charts'), { locale })),
    () => { $('charts').textContent = 'The charts could not load (are you offline?); every number is still computed.'; })
    .finally(() => $('charts').removeAttribute('aria-busy'));
}

/** The saved scenarios and the comparison (with the name dialog) mount when near, or on the
 *  first "Save"; resolves to the panel ({ save, update }). */
let comparing = null;
function mountCompare() {
  comparing ??= import('./calculator/compare.js').then(({ createCompare }) => {
    $('compare').querySelector('.unloaded')?.remove();
    const compare = createCompare($('compare'), { calc: engine.calc, onOpen: replace, announce, locale });
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
  for (const view of more) view.update(state.output, state.valid, { currency: state.output.currency, locale });
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
  if (!exampleList.some(([id]) => id === start.example)) start.example = '';
  const same = aside && JSON.stringify(aside.scenario) === JSON.stringify(start.scenario);
  return { start, aside: same ? null : aside, linkWon: start === linked };
}

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
  const { start, aside, linkWon } = startingModels(shared && acceptable(shared, 'link'));
  state.scenario = start.scenario;
  state.example = start.example;
  // dist/index.html may hold build-time cards (scripts/prerender.mjs): the live ones replace
  // them within this task, so no frame shows both or neither.
  for (const built of document.querySelectorAll('[data-prerendered]')) {
    built.replaceChildren();
    built.removeAttribute('data-prerendered');
  }
  views.push(createCards($('cards'), { keys: headline, thresholds: engine.thresholds, locale }),
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

  form = createForm($('editor'), { onChange: edited, locale });
  form.load(state.scenario);
  form.setCurrency(state.output.currency);
  $('example').append(h('option', { value: '' }, 'Choose…'), ...exampleList.map(([id, label]) => h('option', { value: id }, label)));
  $('example').value = state.example;
  addViews(createMetricTable($('more'), { keys: others }));
  if (first.errors) recompute(); // marks the fields
  remember();
  if (aside) {
    undoStack.record(workingText(aside.scenario, aside.example), working);
    showUndoButtons();
    if (linkWon) announce('Opened the linked scenario. Undo brings back the one you were working on.');
  }
  listen();
  document.documentElement.dataset.ready = 'true';
  whenNear($('charts'), mountCharts, '50% 0px');
  addEventListener('scroll', mountCharts, { once: true, passive: true });
  whenNear($('compare'), () => mountCompare().catch(() => {
    $('compare').append(h('p', { class: 'unloaded' }, 'The saved scenarios could not load (are you offline?).'));
  }));
  // The embed builder, with the component it previews (about 30 KB gzip), loads when near.
  mountWhenNear('embed-builder', () => import('./embed/embed-builder.js'), 'The embed builder');
  mountWhenNear('import', () => import('./import/import-view.js'), 'The import view', 'page/import/import.css');
  mountWhenNear('lab', () => import('./lab/lab.js'), 'The pricing lab', 'page/lab/lab.css');
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
    announce(`Loaded the ${label()} example. Undo brings back the previous model.`);
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
    if (keyed) announce(`Press Enter to load the ${label()} example.`);
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
  document.addEventListener('lab-settings', ({ detail }) => {
    state.lab = detail;
    scheduleLink();
  });
  addEventListener('hashchange', async () => {
    if (!isShareLink(location.hash) || location.hash === state.hash) return;
    const scenario = await decodeLink(location.hash);
    if (scenario && acceptable(scenario, 'link')) {
      replace(scenario);
      announce('Opened the linked scenario. Undo brings back the previous one.');
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
