// The pricing lab (contract section 9) through its wasm module and through the native
// CLI: the same requests give byte-identical JSON, and the CLI's exit status says which
// kind (0 with a result, 2 with errors). Requests are generated deterministically, valid
// ones over several scenarios and every tool, invalid ones of each kind, so both builds
// are compared where they could differ (number printing, scan points, the notes' numbers).
// SAAS_NATIVE_BUILD and SAAS_WASM_BUILD point at other build folders (default build/native
// and build/wasm, as scripts/build makes them).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { exampleScenario } from '../../web/component/example-scenario.js';
import { generator } from './generator.mjs';

const root = new URL('../../', import.meta.url);
const wasmBuild = new URL(`${process.env.SAAS_WASM_BUILD ?? 'build/wasm'}/module/`, root);
const cli = new URL(`${process.env.SAAS_NATIVE_BUILD ?? 'build/native'}/saas-metrics`, root).pathname;
const { default: createSaasMetricsLab } = await import(new URL('saas-metrics-lab.js', wasmBuild));
const lab = await createSaasMetricsLab({ wasmBinary: fs.readFileSync(new URL('saas-metrics-lab.wasm', wasmBuild)) });

const commands = { solve: 'solve', sensitivity: 'sensitivity', grid: 'grid', priceChange: 'price-change' };

function viaCli(tool, text) {
  const r = spawnSync(cli, [commands[tool], '-'], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { stdout: r.stdout, status: r.status };
}

const base = exampleScenario; // the contract's example (section 1)
const tiered = {
  plans: [{ price: 10, units: 25, tier_mode: 'volume', tiers: [{ up_to: 10, unit_price: 12, flat: 5 }, { up_to: null, unit_price: 9 }] }],
  customers: { starting: 50, new_per_month: 4, monthly_churn: 0.05 },
  costs: { sales_marketing_per_month: 2000, gross_margin: 0.7, fixed_per_month: 3000 },
  options: { horizon_months: 120 },
};
const fiftyPlans = JSON.parse(fs.readFileSync(new URL('bench/scenario-50-plans.json', root), 'utf8'));
const scenarios = [base, tiered, fiftyPlans];
const metrics = ['ltv_to_cac', 'cac_payback_months', 'mrr', 'burn_multiple', 'rule_of_40', 'break_even_month',
  'mrr_at_horizon', 'customers_at_horizon', 'cumulative_profit_at_horizon', 'quick_ratio', 'profit_margin'];
const levers = ['plans[0].price', 'price_factor', 'customers.monthly_churn', 'customers.new_per_month',
  'costs.sales_marketing_per_month', 'costs.gross_margin', 'revenue.monthly_expansion', 'plans[0].units'];

function validRequest(g, tool) {
  const scenario = g.pick(scenarios);
  const metric = g.pick(metrics);
  if (tool === 'solve') {
    const value = metric === 'break_even_month' ? 1 + Math.floor(g.next() * 36) : g.pick([0, 1, 3, 0.5, 1e5, g.next() * 10]);
    return { scenario, vary: g.pick(levers), target: { metric, value } };
  }
  if (tool === 'sensitivity') return { scenario, metric, swing: g.pick([0.1, 0.5, 1, g.next()]) || 0.1 };
  if (tool === 'grid') {
    const axis = (lever) => ({ lever, from: 0, to: lever.includes('churn') || lever.includes('margin') || lever.includes('expansion') ? 1 : g.pick([2, 100, 5000]), steps: g.pick([2, 7, 101]) });
    return { scenario, metric, x: axis('customers.monthly_churn'), y: axis(g.pick(['price_factor', 'costs.gross_margin', 'customers.new_per_month'])) };
  }
  const change = { price_factor: g.pick([1, 1.2, 0.8, g.next() * 3]), existing: g.pick(['grandfathered', 'migrated']) };
  if (g.next() < 0.5) change.signup_elasticity = g.pick([-1, -0.5, -2.3]);
  else change.new_customers_factor = g.pick([1, 0.9, g.next() * 2]);
  if (change.existing === 'migrated') Object.assign(change, { migration_month: 1 + Math.floor(g.next() * 12), migration_churn: g.next() * 0.2 });
  return { scenario, change };
}

// One breakage per request, of the kinds the errors are named for.
const breakages = {
  solve: [(r) => { r.vary = 'options.horizon_months'; }, (r) => { r.target.metric = 'ltv'; r.target.value = '3'; },
    (r) => { r.target = { metric: 'break_even_month', value: 0.5 }; }, (r) => { r.scenario = { plans: [] }; }, (r) => { r.extra = 1; }],
  sensitivity: [(r) => { r.levers = ['price_factor', 'plans[9].price']; }, (r) => { r.swing = 0; }, (r) => { delete r.metric; }],
  grid: [(r) => { r.x.steps = 102; }, (r) => { r.y.lever = r.x.lever; }, (r) => { r.x.from = -1; }, (r) => { delete r.y; }],
  priceChange: [(r) => { r.change.signup_elasticity = -1; r.change.new_customers_factor = 1; }, (r) => { r.change.existing = 'kept'; },
    (r) => { r.change.migration_month = 0; }, (r) => { r.change.price_factor = 1e3; }],
};

for (const tool of Object.keys(commands)) {
  test(`${tool}: wasm and the native CLI give byte-identical JSON and matching exit status`, () => {
    const texts = ['', '[]', '{"scenario": '];
    for (let seed = 1; texts.length < 40; seed++) {
      const g = generator(seed * 7919 + tool.length);
      const request = structuredClone(validRequest(g, tool));
      if (g.next() < 0.3) g.pick(breakages[tool])(request);
      texts.push(JSON.stringify(request));
    }
    let valid = 0;
    for (const text of texts) {
      const wasm = lab[tool](text);
      const native = viaCli(tool, text);
      assert.equal(native.stdout, wasm + '\n', `different output for ${text.slice(0, 300)}`);
      const ok = !('errors' in JSON.parse(wasm));
      assert.equal(native.status, ok ? 0 : 2, `exit status for ${text.slice(0, 300)}`);
      valid += ok;
    }
    assert.ok(valid > 15 && valid < 38, `${valid} of ${texts.length} valid`);
  });
}

test('levers lists every lever with its value and range, or the scenario errors', () => {
  const list = JSON.parse(lab.levers(JSON.stringify(base)));
  assert.equal(list.length, 17);
  assert.deepEqual(list[0], { lever: 'plans[0].price', value: 29, min: 0, max: 1e12 });
  assert.deepEqual(list.at(-1), { lever: 'price_factor', value: 1, min: 0, max: 100 });
  assert.deepEqual(JSON.parse(lab.levers('{}')).errors.map((e) => e.field), ['plans', 'customers.starting']);
});

test('goal seek through the module: LTV/CAC 3 by churn', () => {
  const out = JSON.parse(lab.solve(JSON.stringify({ scenario: base, vary: 'customers.monthly_churn', target: { metric: 'ltv_to_cac', value: 3 } })));
  assert.ok(Math.abs(out.value - 31.6 / 1800) < 1e-12);
  assert.equal(out.note, 'LTV/CAC reaches 3 with the monthly churn at 0.01756 (today 0.03).');
});
