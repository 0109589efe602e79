// The price-change simulator on the page: the change's controls, today's MRR against the
// changed MRR with the cumulative profit difference, the payback month and the change's
// two safety margins in words. The controls, chart and sentences are shared with
// <saas-metrics layout="price-change"> (shared/price-change*.js).
import uPlot from '../../vendor/uPlot.esm.js';
import { h } from '../../shared/dom.js';
import { changeControls, changeReport, defaultChange } from '../../shared/price-change.js';
import { priceChangeChart } from '../../shared/price-change-chart.js';
import { panel, errorLines } from './controls.js';

/** Only the change's known keys, with the types the core expects; it checks the ranges. */
function checked(saved) {
  if (!saved || typeof saved !== 'object') return defaultChange;
  const change = {};
  for (const key of ['price_factor', 'new_customers_factor', 'signup_elasticity', 'churn_factor', 'migration_month', 'migration_churn'])
    if (Number.isFinite(saved[key])) change[key] = saved[key];
  if (saved.existing === 'migrated') change.existing = 'migrated';
  return change;
}

export function createPriceChange(state, saved) {
  // Their fixed words follow the page's language through translateTree (data-i18n); the
  // figures, sentences and chart take it from `format.t` on every update.
  const controls = changeControls(checked(saved), { idPrefix: 'lab-pc', t: state.t });
  const chart = priceChangeChart(uPlot, state.t);
  const report = changeReport(state.t);

  function update() {
    const change = controls.read();
    const result = state.lab.priceChange({ scenario: state.scenario, change });
    const format = { currency: state.scenario.currency ?? 'USD', locale: state.locale, t: state.t };
    if (result.errors) return report.fail(errorLines(result.errors, format));
    chart.update(result, format);
    report.show(result, change, format);
  }

  controls.element.addEventListener('input', () => {
    update();
    state.changed();
  });
  return {
    element: panel('lab.change.title', 'lab.change.intro',
      controls.element, h('div', { class: 'pc-results' }, report.figures, report.sentences), chart.element),
    settings: () => controls.settings(),
    apply: (next) => controls.set(checked(next)),
    update,
  };
}
