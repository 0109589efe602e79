// The one file a host includes: it defines <saas-metrics> and exports the JS API.
//   <script type="module" src="https://…/saas-metrics.js"></script>
//   <saas-metrics layout="compact" metrics="mrr,ltv,cac,ltv_to_cac"></saas-metrics>
// Types: saas-metrics.d.ts. The wasm engine is fetched only when an element connects
// or loadSaasMetrics() is called.
import { SaasMetricsElement, loadEngine } from './component/element.js';

// Including the script twice (say, from two widgets on one page) must not throw.
if (!customElements.get('saas-metrics')) customElements.define('saas-metrics', SaasMetricsElement);

/** The calculator without UI: calc(scenario) -> output or { errors }, validate(scenario) -> errors. */
export async function loadSaasMetrics() {
  const { calc, validate } = await loadEngine();
  return { calc, validate };
}
