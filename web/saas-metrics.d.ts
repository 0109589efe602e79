// Types of saas-metrics.js: the <saas-metrics> element and the JS API.
// Scenario, Output and FieldError are the wasm module's types (contract sections 1 and 6),
// from saas-metrics-core.d.ts beside the module.
import type { Scenario, Output, FieldError, MetricKey } from './saas-metrics-core.js';
import type { PriceChangeRequest, PriceChangeResult } from './saas-metrics-lab.js';

export type { Scenario, Output, FieldError, MetricKey, PriceChangeResult };
/** The `change` attribute's JSON (contract section 9). */
export type PriceChange = PriceChangeRequest['change'];

/** The calculator without UI. Both functions are synchronous and never throw for bad input. */
export interface SaasMetrics {
  /** Every metric, grade and projection month for a scenario, or { errors } when it is invalid. */
  calc(scenario: Scenario): Output | { errors: FieldError[] };
  /** Every problem of a scenario at once; [] when it is valid. */
  validate(scenario: unknown): FieldError[];
}

/** Loads the wasm engine (once per page, shared with every <saas-metrics>) and resolves with the API. */
export function loadSaasMetrics(): Promise<SaasMetrics>;

/**
 * <saas-metrics>: the calculator in an open shadow root. Attributes (all optional, all live):
 * - `scenario`: scenario JSON text (contract section 1); else `src`: URL of a scenario JSON file;
 *   else a built-in example.
 * - `currency`: ISO 4217 code; replaces the scenario's currency.
 * - `locale`: BCP 47 tag for number formatting; the visitor's language by default.
 * - `metrics`: comma-separated metric keys to show, in order.
 * - `inputs`: comma-separated JSON paths the visitor may edit (`plans[0].price,customers.monthly_churn`);
 *   empty for none; absent for the layout's default set.
 * - `layout`: `full` (default) | `compact` | `results-only` | `price-change` (the pricing lab's
 *   price-change simulator; `metrics` and `inputs` are empty by default there).
 * - `change`: for `price-change`, the simulator's starting values: a PriceChange as JSON text.
 * - `theme`: `light` (default) | `dark` | `auto` (follows prefers-color-scheme).
 */
export class SaasMetricsElement extends HTMLElement {
  /** The output of the last successful computation, or null before the first one. */
  readonly output: Output | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'saas-metrics': SaasMetricsElement;
  }
  interface HTMLElementEventMap {
    /** After every recomputation; detail is the output JSON (contract section 6). Bubbles, composed. */
    'metrics-change': CustomEvent<Output>;
    /** For invalid input: the scenario's errors, or attribute problems (`field` = "src", "metrics", "inputs" or "change"). */
    'scenario-error': CustomEvent<FieldError[]>;
    /** layout="price-change", after every recomputation: the core's price-change output (contract section 9). */
    'price-change': CustomEvent<PriceChangeResult>;
  }
}
