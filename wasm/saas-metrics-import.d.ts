// Types of the import module built from wasm/import_bindings.cpp (saas-metrics-import.js
// + .wasm, or saas-metrics-import-single.js with the wasm inlined). It runs in a Web
// Worker: the page feeds the file's bytes in chunks and gets the analysis as JSON text.
// Nothing throws for bad input: problems come back in the JSON.
import type { Message } from './saas-metrics-core';

/** Contract section 8.1 (shared/spec/metrics.md). */
export interface ImportOutput {
  schema: 1;
  layout: 'segments' | 'stripe';
  /** total = used + not_paying + bad; blank lines are no rows. */
  rows: { total: number; used: number; not_paying: number; bad: number };
  /** The first 1,000 bad rows, in line order; `line` is where the row starts (header = 1).
   *  `message` is English; `code` and `params` say why for other languages. */
  errors: RowError[];
  /** In alphabetical order of code; amounts are never summed across currencies. */
  currencies: CurrencyAnalysis[];
}

export interface ImportMonth {
  month: string; // YYYY-MM
  mrr: number; customers: number;
  new_mrr: number; expansion_mrr: number; contraction_mrr: number; churned_mrr: number;
  reactivation_mrr: number; net_new_mrr: number;
  new_customers: number; reactivated_customers: number; churned_customers: number;
  customer_churn_rate: number | null; gross_mrr_churn_rate: number | null;
  net_mrr_churn_rate: number | null; quick_ratio: number | null; arpa: number | null;
}

export interface CurrencyAnalysis {
  currency: string;
  months: ImportMonth[];
  cohorts: {
    cohort: string; customers: number; mrr: number;
    customer_retention: number[]; revenue_retention: number[];
  }[];
  /** Over the last 12 months (fewer when the data is shorter): the same as `suggestions`' last entry. */
  suggested: Suggestion;
  /** Over the last 3, 6 and 12 months, each capped at the months with a previous month: one
   *  entry per distinct window, shortest first (4 such months give 3 and 4; 1 month gives 0). */
  suggestions: Suggestion[];
}

/** A valid section 1 scenario from the last `months` months (costs left at their defaults). */
export interface Suggestion {
  months: number;
  scenario: {
    schema: 1; currency: string; plans: [{ name: string; price: number }];
    customers: { starting: number; new_per_month: number; monthly_churn: number };
    revenue: { monthly_expansion: number; monthly_contraction: number };
  };
}

export interface RowError extends Message { line: number; message: string }

/** A file-level problem has `line` (1: the header, or the file as a whole); an invalid
 *  constructor argument has `field` ("currency" or "as_of"). */
export type ImportErrors = { errors: (RowError | (Message & { field: string; message: string }))[] };

export declare class Importer {
  /** currency: of rows without a currency column, 3 letters; asOf: '' or 'YYYY-MM-DD'. */
  constructor(currency: string, asOf: string);
  /** The file's next bytes: any size, cut anywhere (even inside a UTF-8 character). */
  feed(chunk: Uint8Array): void;
  /** Data rows read so far, for a progress bar. */
  rows(): number;
  /** Section 8.1 JSON text, or {"errors": [...]}: byte-identical to `saas-metrics import`. */
  finish(): string;
  /** Frees the importer's memory in the wasm heap. */
  delete(): void;
}

export interface SaasMetricsImport {
  Importer: typeof Importer;
  HEAPU8: Uint8Array;
}

export default function createSaasMetricsImport(options?: {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
}): Promise<SaasMetricsImport>;
