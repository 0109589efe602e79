// Loads the page's wasm module under node: the ES6 build is web-only, so the
// binary is handed over directly (shared/spec/toolchain.md).
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import createSaasMetricsCore from '../../build/wasm/module/saas-metrics-core.js';

const root = new URL('../../', import.meta.url);

export function loadCore() {
  const wasmBinary = fs.readFileSync(new URL('build/wasm/module/saas-metrics-core.wasm', root));
  return createSaasMetricsCore({ wasmBinary });
}

/** The native CLI's output for a scenario text: { stdout, status }. */
export function cliCalc(scenarioText) {
  const cli = new URL('build/native/saas-metrics', root).pathname;
  try {
    return { stdout: execFileSync(cli, ['calc', '-'], { input: scenarioText }).toString(), status: 0 };
  } catch (error) {
    return { stdout: error.stdout.toString(), status: error.status };
  }
}
