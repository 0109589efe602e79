// Types of the pricing lab's wasm module built from wasm/lab_bindings.cpp
// (saas-metrics-lab.js + .wasm; saas-metrics-lab-single.js has the wasm inlined).
// Contract section 9; README "Pricing lab" for the decisions. Every function is
// synchronous once the module has loaded; none throws for bad input: an invalid request
// comes back as {"errors": [...]}, each error named by its JSON path.
import type { FieldError, Message, MetricKey, Month, Scenario } from './saas-metrics-core';

/** A numeric input's JSON path ("plans[0].price", "plans[0].tiers[1].unit_price",
 *  "customers.monthly_churn", ...) or "price_factor" (every price times one factor). */
export type Lever = string;

export type TargetMetric =
  | MetricKey | 'break_even_month' | 'mrr_at_horizon' | 'customers_at_horizon'
  | 'cumulative_profit_at_horizon';

export interface SolveRequest {
  scenario: Scenario;
  vary: Lever;
  /** For break_even_month, `value` is a month M of the horizon: break even by month M. */
  target: { metric: TargetMetric; value: number };
}
/** `value` null when no value of the lever reaches the target; `note` says why (or what
 *  was found) in English, `note_code` the same as a code with its parameters. */
export interface SolveResult { value: number | null; achieved: number | null; note: string; note_code: Message }

export interface SensitivityRequest {
  scenario: Scenario;
  metric: TargetMetric;
  /** Default: every lever whose value is not 0 (price_factor included). */
  levers?: Lever[];
  /** Above 0, at most 1; default 0.1. */
  swing?: number;
}
export interface SensitivityRow {
  lever: Lever; low_input: number; high_input: number;
  low: number | null; high: number | null; base: number | null;
}
/** Rows sorted by |high - low|, largest first; undefined ones last; ties by lever path. */
export interface SensitivityResult { metric: TargetMetric; rows: SensitivityRow[]; notes: string[]; note_codes: Message[] }

export interface Axis { lever: Lever; from: number; to: number; /** 2 to 101 */ steps: number }
export interface GridRequest { scenario: Scenario; metric: TargetMetric; x: Axis; y: Axis }
/** values[j][i] is the metric at y[j], x[i]; null where undefined. */
export interface GridResult {
  metric: TargetMetric; x: number[]; y: number[]; values: (number | null)[][];
  notes: string[]; note_codes: Message[];
}

export interface PriceChangeRequest {
  scenario: Scenario;
  change: {
    price_factor?: number;          // 0 to 100, default 1
    new_customers_factor?: number;  // 0 to 10, default 1; or:
    signup_elasticity?: number;     // -10 to 10: new_customers_factor = price_factor^E (not both)
    churn_factor?: number;          // 0 to 100, default 1 (churn capped at 1)
    existing?: 'grandfathered' | 'migrated';
    migration_month?: number;       // 1 to the horizon, default 1
    migration_churn?: number;       // 0 to 1, default 0
  };
}
export interface PriceChangeResult {
  baseline: Month[];
  changed: Month[];
  mrr_delta: number[];
  cumulative_profit_delta: number[];
  payback_month: number | null;
  new_customer_metrics: Record<MetricKey, number | null>;
  break_even_new_customers_factor: number | null;
  break_even_migration_churn: number | null;
  notes: string[];
  /** notes[i] as a code with its parameters, same order and length. */
  note_codes: Message[];
}

export interface LeverInfo { lever: Lever; value: number; min: number; max: number }

export type Errors = { errors: FieldError[] };

export interface SaasMetricsLab {
  /** Goal seek: SolveRequest JSON text -> SolveResult (or Errors) JSON text. */
  solve(request: string): string;
  /** SensitivityRequest JSON text -> SensitivityResult (or Errors) JSON text. */
  sensitivity(request: string): string;
  /** GridRequest JSON text -> GridResult (or Errors) JSON text. */
  grid(request: string): string;
  /** PriceChangeRequest JSON text -> PriceChangeResult (or Errors) JSON text. */
  priceChange(request: string): string;
  /** Scenario JSON text -> LeverInfo[] (or Errors) JSON text: every lever, for pickers. */
  levers(scenario: string): string;
}

export default function createSaasMetricsLab(options?: {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
}): Promise<SaasMetricsLab>;
