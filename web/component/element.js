// <saas-metrics>: the calculator in an open shadow root (contract section 7). The
// attributes say what to show; every number comes from the wasm engine, which is
// imported on the first connect, so including the script downloads no wasm and
// many elements share one load (shared/engine.js memoises it).
import { setPath } from '../shared/fields.js';
import { formatValue } from '../shared/format.js';
import { styleSheet } from './styles.js';
import { h } from '../shared/dom.js';
import { splitNotes, coreMessage } from '../shared/notes.js';
import { exampleScenario } from './example-scenario.js';
import { describeField, resolveInputs, inputControl, readControl } from './inputs.js';
import { resolveMetrics, metricCards } from './results.js';
import { projectionChart } from './chart.js';
import { chooseLanguage, loadTranslator, numberLocale } from '../shared/i18n.js';

const wasmUrl = new URL('../saas-metrics-core.wasm', import.meta.url).href;
let started = false;

export function loadEngine() {
  if (!started) {
    started = true;
    // engine.js, the core's glue and the wasm would download one after the other; start all
    // three now instead. The preload matches the glue's own fetch (CORS mode, same-origin
    // credentials), so the wasm still downloads once; it is left out when the page already
    // has the wasm (the calculator page preloads and uses it itself). A failure here also
    // fails the import below, which is what gets reported.
    const fetched = performance.getEntriesByName(wasmUrl).length
      || [...document.querySelectorAll('link[rel="preload"]')].some((link) => link.href === wasmUrl);
    if (!fetched) document.head.append(h('link', { rel: 'preload', as: 'fetch', type: 'application/wasm', crossorigin: '', href: wasmUrl }));
    import('../saas-metrics-core.js').catch(() => {});
  }
  return import('../shared/engine.js').then((module) => module.loadEngine());
}

const layouts = ['full', 'compact', 'results-only', 'price-change'];
// Changing these replaces the scenario, and with it the visitor's edits.
const sourceAttributes = ['scenario', 'src', 'currency'];

export class SaasMetricsElement extends HTMLElement {
  static observedAttributes = [...sourceAttributes, 'lang', 'locale', 'metrics', 'inputs', 'layout', 'theme', 'change'];

  #source; // promise of { scenario } or { errors }, from the scenario, src and currency attributes
  #scenario; // the visitor's working copy of the source scenario
  #output = null;
  #view; // what a computation updates: { root, cards, chart, advice, change, error, controls, problems }
  #engine;
  #t; // the words of the element's language (shared/i18n.js)
  // The host page's <html lang> is the fallback language: a change there re-renders too.
  #hostLanguage = new MutationObserver(() => this.#schedule());
  #generation = 0;
  #queued = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styleSheet()];
  }

  /** The output (contract section 6) of the last successful computation, or null. */
  get output() {
    return this.#output;
  }

  connectedCallback() {
    this.#hostLanguage.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#hostLanguage.disconnect();
  }

  /** The `lang` attribute's language (or an ancestor's, up to the host's <html lang>), else English. */
  #language() {
    return chooseLanguage(this.getAttribute('lang'), this.parentElement?.closest('[lang]')?.lang ?? []);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (sourceAttributes.includes(name)) this.#source = this.#scenario = undefined;
    this.#schedule();
  }

  // Several attributes set in one task (as a parser or a framework does) rebuild once.
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#render();
    });
  }

  async #render() {
    const generation = ++this.#generation;
    const layout = layouts.includes(this.getAttribute('layout')) ? this.getAttribute('layout') : 'full';
    // The price-change simulator (component/price-change.js) loads only for its layout; it
    // shows no metric cards and no scenario inputs unless the attributes ask for them.
    const simulator = layout === 'price-change' ? import('./price-change.js') : null;
    const engineLoading = loadEngine();
    engineLoading.catch(() => {}); // reported when awaited below
    // The message file is small and near: the element waits for its words, not for the wasm.
    const t = (this.#t = await loadTranslator(this.#language()));
    if (generation !== this.#generation) return;
    const metrics = resolveMetrics(this.getAttribute('metrics') ?? (simulator ? '' : null), layout, t);
    const cards = metricCards(metrics.keys, t);
    cards.element.hidden = metrics.keys.length === 0;
    const chart = layout === 'full' ? projectionChart(t) : null;
    const advice = layout === 'full' ? h('ul', { part: 'advice' }) : null;
    const results = h('div', { class: 'results', part: 'results' }, cards.element, chart?.element, advice);
    const body = h('div', { class: 'body' }, results);
    const error = h('div', { part: 'error', role: 'alert', hidden: true });
    const root = h('div', { class: `root ${layout}`, part: 'root' }, error, body);
    // Cards show placeholders at once; the numbers follow when the engine is ready.
    this.shadowRoot.replaceChildren(root);
    this.#view = { root, cards, chart, advice, error, controls: [], problems: metrics.errors };

    const loading = Promise.all([engineLoading, this.#source ??= this.#loadSource(), simulator]);
    // A page's first Intl.NumberFormat loads locale data (tens of ms): do it while the wasm downloads.
    formatValue(0, 'money', { locale: this.#locale() });
    let engine;
    let source;
    let priceChange;
    try {
      [engine, source, priceChange] = await loading;
    } catch (error) {
      // Not the scenario's fault (a blocked or missing file), so no scenario-error event.
      return this.#showErrors([{ field: '', message: t('component.load_failed', { reason: error.message }) }]);
    }
    if (generation !== this.#generation) return; // a newer render has started
    this.#engine = engine;
    if (source.errors) {
      this.#source = undefined; // its words are in this language: a re-render asks again
      return this.#fail([...metrics.errors, ...source.errors]);
    }
    this.#scenario ??= structuredClone(source.scenario);

    const inputs = resolveInputs(this.getAttribute('inputs') ?? (simulator ? '' : null), layout, this.#scenario, t);
    this.#view.problems = [...metrics.errors, ...inputs.errors];
    if (priceChange) {
      const { change = priceChange.defaultChange, errors = [] } = priceChange.parseChange(this.getAttribute('change'), t);
      this.#view.problems.push(...errors);
      this.#view.change = priceChange.priceChangeView(change, t);
      this.shadowRoot.adoptedStyleSheets = [styleSheet(), priceChange.priceChangeSheet()];
      this.#view.change.form.addEventListener('input', () => this.#view.change.redo());
      body.prepend(this.#view.change.form);
      results.append(this.#view.change.results);
    }
    if (inputs.fields.length) {
      const currency = this.#scenario.currency ?? 'USD';
      const labels = inputs.fields.map((field) => inputControl(field, this.#scenario, currency, t));
      const form = h('div', { part: 'form', role: 'group', 'aria-label': t('component.inputs') }, labels);
      this.#view.controls = inputs.fields.map((field, i) => ({ field, control: labels[i].querySelector('[name]') }));
      form.addEventListener('input', (event) => this.#edit(event.target));
      body.prepend(form);
    }
    this.#compute();
  }

  /** The scenario from the `scenario` attribute, else fetched from `src`, else the example. */
  async #loadSource() {
    const text = this.getAttribute('scenario');
    const src = this.getAttribute('src');
    let scenario = exampleScenario;
    if (text !== null) {
      try {
        scenario = JSON.parse(text);
      } catch (error) {
        return { errors: [{ field: '', message: this.#t('component.scenario_not_json', { reason: error.message }) }] };
      }
    } else if (src !== null) {
      try {
        const response = await fetch(new URL(src, document.baseURI));
        if (!response.ok) throw new Error(this.#t('component.server_answered', { status: response.status }));
        scenario = await response.json();
      } catch (error) {
        return { errors: [{ field: 'src', message: this.#t('component.src_failed', { src, reason: error.message }) }] };
      }
    }
    // The form reads plans and currency from it, so anything but an object stops here.
    if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario))
      return { errors: [{ field: '', message: this.#t('component.scenario_not_object') }] };
    const currency = this.getAttribute('currency');
    return { scenario: currency ? { ...scenario, currency } : scenario };
  }

  #edit(control) {
    const { field } = this.#view.controls.find((c) => c.control === control);
    setPath(this.#scenario, field.path, readControl(control, field, this.#locale()));
    this.#compute();
  }

  #compute() {
    const output = this.#engine.calc(this.#scenario);
    const errors = [...this.#view.problems, ...(output.errors ?? [])];
    for (const { control } of this.#view.controls)
      control.setAttribute('aria-invalid', String(errors.some((e) => e.field === control.name)));
    this.#view.root.classList.toggle('stale', Boolean(output.errors));
    if (errors.length) this.#fail(errors);
    else this.#view.error.hidden = true;
    if (output.errors) return;

    this.#output = output;
    const format = { currency: output.currency, locale: this.#locale(), t: this.#t };
    this.#view.cards.update(output, format);
    this.#view.chart?.update(output, format);
    this.#view.advice?.replaceChildren(...splitNotes(output, format).advice.map((note) => h('li', {}, note)));
    this.dispatchEvent(new CustomEvent('metrics-change', { detail: output, bubbles: true, composed: true }));
    const view = this.#view;
    view.change?.update(structuredClone(this.#scenario), format, (result) => {
      // The first result waits for the lab module: a render may have replaced this view since.
      if (view !== this.#view) return;
      if (result.errors) return this.#fail([...view.problems, ...result.errors]);
      if (!view.problems.length) view.error.hidden = true;
      this.dispatchEvent(new CustomEvent('price-change', { detail: result, bubbles: true, composed: true }));
    });
  }

  /** The `locale` attribute if Intl knows it; otherwise the language's (shared/i18n.js numberLocale). */
  #locale() {
    const locale = this.getAttribute('locale');
    try {
      if (locale && Intl.NumberFormat.supportedLocalesOf(locale).length) return locale;
    } catch {
      // a malformed tag: as if absent
    }
    return numberLocale(this.#t.language);
  }

  /** Shows the errors in words inside the element and reports them as `scenario-error`. */
  #fail(errors) {
    this.#showErrors(errors);
    this.dispatchEvent(new CustomEvent('scenario-error', { detail: errors, bubbles: true, composed: true }));
  }

  #showErrors(errors) {
    const t = this.#t;
    const lines = errors.map((error) => {
      const message = coreMessage(error, t, this.#locale());
      const label = describeField(error.field, this.#scenario, t)?.label;
      return h('li', {}, label ? `${label}: ${message}` : error.field ? `${error.field}: ${message}` : message);
    });
    this.#view.error.replaceChildren(h('strong', {}, t('component.cannot_use')), h('ul', {}, lines));
    this.#view.error.hidden = false;
  }
}
