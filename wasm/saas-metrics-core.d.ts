// Types of the wasm module built from wasm/bindings.cpp (saas-metrics-core.js + .wasm).
// Every function is synchronous once the module has loaded; none throws for bad input:
// an invalid scenario comes back as { errors: [...] }.

/** A scenario, contract section 1 (shared/spec/metrics.md). Unknown keys are errors. */
export interface Scenario {
  schema?: 1;
  name?: string;
  currency?: string;
  plans: Plan[];
  customers: { starting: number; new_per_month?: number; monthly_churn?: number };
  revenue?: { monthly_expansion?: number; monthly_contraction?: number };
  costs?: { sales_marketing_per_month?: number; gross_margin?: number; fixed_per_month?: number };
  options?: { horizon_months?: number; lifetime_cap_months?: number };
}

export interface Plan {
  name?: string;
  billing?: 'monthly' | 'annual';
  price?: number;
  unit_price?: number;
  units?: number;
  tiers?: { up_to: number | null; unit_price?: number; flat?: number }[];
  tier_mode?: 'graduated' | 'volume';
  share?: number;
}

export type MetricKey =
  | 'arpa' | 'mrr' | 'arr' | 'customers' | 'new_mrr' | 'expansion_mrr' | 'contraction_mrr'
  | 'churned_mrr' | 'net_new_mrr' | 'customer_churn_monthly' | 'customer_churn_annual'
  | 'gross_mrr_churn_monthly' | 'net_mrr_churn_monthly' | 'nrr_annual' | 'grr_annual'
  | 'customer_lifetime_months' | 'ltv' | 'cac' | 'cac_payback_months' | 'ltv_to_cac'
  | 'quick_ratio' | 'burn_or_profit_monthly' | 'profit_margin' | 'burn_multiple'
  | 'mrr_growth_annual' | 'rule_of_40';

export type GradedKey =
  | 'ltv_to_cac' | 'cac_payback_months' | 'nrr_annual' | 'customer_churn_annual'
  | 'quick_ratio' | 'burn_multiple' | 'rule_of_40';

export type Grade = 'great' | 'good' | 'watch' | 'bad';

export interface Month {
  month: number; customers: number; mrr: number; arr: number; new_mrr: number;
  expansion_mrr: number; contraction_mrr: number; churned_mrr: number; net_new_mrr: number;
  gross_profit: number; sales_marketing: number; fixed: number; profit: number;
  cumulative_profit: number;
}

/** A message's stable code with its parameters, for saying it in any language:
 *  { code: "range", params: { min: 0, max: 1, got: "1.5" } }. messageCodes() lists every
 *  code and its parameter names (README, "Message codes"). */
export interface Message {
  code: string;
  params: Record<string, string | number | boolean | string[]>;
}

/** Contract section 6. A null metric is undefined; notes[i] explains the i-th null metric
 *  in MetricKey order, and advice (e.g. LTV/CAC above 5) follows those notes. */
export interface Output {
  schema: 1;
  currency: string;
  metrics: Record<MetricKey, number | null>;
  health: Record<GradedKey, Grade | null>;
  projection: Month[];
  break_even_month: number | null;
  /** In English, as the CLI prints them. */
  notes: string[];
  /** notes[i] as a code with its parameters, same order and length. */
  note_codes: Message[];
}

/** `field` is a JSON path such as "plans[1].share"; "" is the document itself. `message`
 *  is English; `code` and `params` say the same for other languages. */
export interface FieldError extends Message { field: string; message: string }

export interface Thresholds { higher_is_better: boolean; great: number; good: number; watch: number }

export interface SaasMetricsCore {
  /** Scenario JSON text -> Output JSON text, or {"errors": [...]} text. */
  calc(scenarioJson: string): string;
  /** The same over plain objects. */
  calcObject(scenario: unknown): Output | { errors: FieldError[] };
  /** Scenario JSON text -> JSON text of a FieldError list ("[]" when valid). */
  validate(scenarioJson: string): string;
  /** JSON text of Record<GradedKey, Thresholds>: the bounds behind every health grade. */
  healthThresholds(): string;
  /** JSON text of Record<code, parameter names[]>: every code an error or a note can carry,
   *  the same as `saas-metrics codes`. */
  messageCodes(): string;
}

export default function createSaasMetricsCore(options?: {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
}): Promise<SaasMetricsCore>;
