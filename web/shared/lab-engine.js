// Loads the pricing lab's wasm module (contract section 9) once per page, however many
// callers ask (the page's lab and a <saas-metrics layout="price-change">), and speaks
// objects. It is a module apart from the core's, so a first visit does not download it.
// Every number the lab shows comes from here: no formula lives in JavaScript.
import createSaasMetricsLab from '../saas-metrics-lab.js';

let loading;

/** Request object -> result object, or { errors: [{ field, message }] }. */
const call = (lab, name) => (request) => JSON.parse(lab[name](JSON.stringify(request) ?? ''));

export function loadLabEngine() {
  loading ??= createSaasMetricsLab().then((lab) => ({
    /** Goal seek: { scenario, vary, target: { metric, value } } -> { value, achieved, note }. */
    solve: call(lab, 'solve'),
    /** { scenario, metric, levers?, swing } -> { metric, rows: [{ lever, low_input, high_input, low, high, base }] }. */
    sensitivity: call(lab, 'sensitivity'),
    /** { scenario, metric, x: { lever, from, to, steps }, y } -> { x, y, values: [[row at y0], …] }. */
    grid: call(lab, 'grid'),
    /** { scenario, change } -> { baseline, changed, mrr_delta, cumulative_profit_delta, payback_month, … }. */
    priceChange: call(lab, 'priceChange'),
    /** Scenario -> [{ lever, value, min, max }] or { errors }. */
    levers: call(lab, 'levers'),
  }));
  return loading;
}
