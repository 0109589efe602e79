import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, cliCalc } from './load-core.mjs';

const core = await loadCore();
const seed = { plans: [{ price: 49 }], customers: { starting: 100 } };

test('calc over JSON text gives MRR = customers x ARPA', () => {
  const out = JSON.parse(core.calc(JSON.stringify(seed)));
  assert.equal(out.metrics.mrr, 4900);
  assert.equal(out.metrics.arr, 58800);
  assert.equal(out.projection.length, 36);
});

test('calcObject takes and returns plain objects', () => {
  const out = core.calcObject(seed);
  assert.equal(out.metrics.arpa, 49);
  assert.equal(out.currency, 'USD');
});

test('wasm and the native CLI print byte-identical JSON', () => {
  const text = JSON.stringify(seed);
  assert.equal(cliCalc(text).stdout, core.calc(text) + '\n');
});
