// Helpers for the pricing lab's browser tests (page-lab, component-price-change): the native
// CLI's answer to a section 9 request, and number comparisons with the wasm's answers.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

// build/native in the full run (scripts/test); NATIVE_BUILD names another native build.
const cliPath = new URL(`../../${process.env.NATIVE_BUILD ?? 'build/native'}/saas-metrics`, import.meta.url).pathname;

/** `saas-metrics solve|sensitivity|grid|price-change -` for a request object -> its JSON. */
export function labCli(command, request) {
  return JSON.parse(execFileSync(cliPath, [command, '-'], { input: JSON.stringify(request) }).toString());
}

/** Native and wasm libm may differ in the last bits (page-helpers.mjs): 1e-9 relative here,
 *  as the lab's searches stop at 1e-9. */
export function assertClose(actual, expected, message) {
  if (expected === null) return assert.ok(actual === null || actual === '', `${message}: ${actual} is not null`);
  const value = Number(actual);
  assert.ok(Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${message}: ${actual} is not ${expected}`);
}
