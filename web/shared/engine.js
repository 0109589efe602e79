// Loads the wasm core once per page, however many callers ask, and speaks objects.
// Every number the page shows comes from here: no formula lives in JavaScript.
import createSaasMetricsCore from '../saas-metrics-core.js';

let loading;

export function loadEngine() {
  loading ??= createSaasMetricsCore().then((core) => ({
    /** Scenario object -> output object (contract section 6) or { errors }. */
    calc: (scenario) => core.calcObject(scenario),
    /** Scenario object -> list of { field, message }; empty when valid. */
    validate: (scenario) => JSON.parse(core.validate(JSON.stringify(scenario) ?? '')),
    /** Health thresholds per graded metric. */
    thresholds: JSON.parse(core.healthThresholds()),
  }));
  return loading;
}
