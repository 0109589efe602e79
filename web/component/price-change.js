// <saas-metrics layout="price-change">: the price-change simulator of the pricing lab
// (contract section 9) for a host page, say a pricing page's "see what our new plans do".
// The visitor sets the change (the `change` attribute gives its starting values); the
// element shows the payback month and the change's figures, the two safety margins in
// words, and today's MRR against the changed one. The lab's wasm module and uPlot load
// only for this layout, once per page (shared/lab-engine.js memoises the module).
import { h } from '../shared/dom.js';
import { changeControls, changeReport, defaultChange } from '../shared/price-change.js';
import { priceChangeChart } from '../shared/price-change-chart.js';

const loading = () => Promise.all([
  import('../shared/lab-engine.js').then((module) => module.loadLabEngine()),
  import('../vendor/uPlot.esm.js').then((module) => module.default),
]);

// uPlot's own layout rules (its style sheet is not in the shadow root) and this layout's.
const css = `
.u-wrap { position: relative; user-select: none; }
.u-over, .u-under, .u-axis, .u-select, .u-cursor-pt { position: absolute; }
.u-under { overflow: hidden; }
.uplot canvas { display: block; position: relative; width: 100%; height: 100%; }
.u-legend { display: flex; flex-wrap: wrap; gap: 2px 12px; margin-top: 4px; color: var(--muted); font-size: 0.8em; }
.u-legend tr { display: inline-flex; align-items: center; gap: 4px; }
.u-legend th { font-weight: 500; display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
.u-legend .u-marker { display: inline-block; width: 1em; height: 0.3em; background-clip: padding-box !important; }
.u-legend .u-off > * { opacity: 0.35; }
.u-cursor-x, .u-cursor-y { position: absolute; left: 0; top: 0; pointer-events: none; }
.u-cursor-x { height: 100%; border-right: 1px dashed var(--muted); }
.u-cursor-y { width: 100%; border-bottom: 1px dashed var(--muted); }
.u-cursor-pt { border-radius: 50%; pointer-events: none; }
.u-axis.u-off, .u-select.u-off, .u-cursor-x.u-off, .u-cursor-y.u-off, .u-cursor-pt.u-off { display: none; }
.price-change .body { grid-template-columns: minmax(0, 1fr); }
.pc-controls { display: grid; gap: calc(var(--gap) * 0.75); grid-template-columns: repeat(auto-fill, minmax(10em, 1fr)); }
[part~="figures"] { display: grid; gap: calc(var(--gap) * 0.75); grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); margin: 0; }
[part~="figure"] { display: grid; gap: 2px; padding: calc(var(--gap) * 0.75) var(--gap); border-radius: calc(var(--radius) * 0.75); background: var(--surface); }
[part~="figure-label"] { color: var(--muted); font-size: 0.85em; font-weight: 500; }
[part~="figure-value"] { margin: 0; font-size: 1.3em; font-weight: 650; }
[part~="summary"] p { margin: 0 0 4px; }
.pc-results { display: grid; gap: var(--gap); }
[part~="chart"] { --pc-today: var(--muted); --pc-changed: var(--accent); --pc-delta: var(--great);
  --pc-delta-fill: color-mix(in srgb, var(--great) 12%, transparent); --pc-axis: var(--muted);
  --pc-grid: color-mix(in srgb, var(--muted) 18%, transparent); --pc-marker: var(--great); }
[part~="chart"] figcaption { color: var(--muted); font-size: 0.85em; margin-bottom: 6px; }
`;

let sheet;
export function priceChangeSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** The `change` attribute (a section 9 change object, JSON) -> { change } or { errors }. */
export function parseChange(attribute, t) {
  if (attribute === null) return { change: defaultChange };
  try {
    const change = JSON.parse(attribute);
    if (change !== null && typeof change === 'object' && !Array.isArray(change)) return { change };
  } catch {
    // reported below
  }
  return { errors: [{ field: 'change', message: t('component.change_not_object') }] };
}

/**
 * The layout's pieces: `form` (the change's controls), `results` (figures, sentences and
 * chart, placed in the element's results part) and update(scenario, format, done), which
 * asks the core and calls done(result) with its output, or with { errors } for a change the
 * core refuses.
 */
export function priceChangeView(change, t) {
  const controls = changeControls(change, { t });
  const report = changeReport(t);
  let chart = null;
  let engine = null;
  let last = null;
  const results = h('div', { class: 'pc-results' }, report.figures, report.sentences);

  function show(scenario, format, done) {
    const wanted = controls.read();
    const result = engine.priceChange({ scenario, change: wanted });
    if (result.errors) report.fail(result.errors.map((e) => `${e.field}: ${e.message}`));
    else {
      chart.update(result, format);
      report.show(result, wanted, format);
    }
    done(result);
  }

  return {
    form: controls.element,
    results,
    /** Recomputes for a (valid) scenario; the first call waits for the lab module and uPlot. */
    async update(scenario, format, done) {
      last = [scenario, format, done];
      if (!engine) {
        const [lab, uPlot] = await loading();
        if (!engine) {
          engine = lab;
          chart = priceChangeChart(uPlot, t);
          results.append(chart.element);
        }
      }
      show(...last);
    },
    /** Recomputes with the last scenario after the visitor changed the controls. */
    redo() {
      if (engine && last) show(...last);
    },
  };
}
