// The same scenarios through the wasm module and the native CLI give byte-identical
// JSON, and the CLI's exit status says which kind: 0 with a result, 2 with errors.
// Scenarios are generated deterministically, valid ones with extreme values and
// invalid ones of every kind, so both builds of the core are compared where they
// are most likely to differ (number printing, error paths).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, cliCalc } from './load-core.mjs';
import { generator } from './generator.mjs';

const core = await loadCore();

function randomScenario(g) {
  const amount = () => g.pick([0, 1e12, 1e-300, 5e-324, g.next() * 1000, Math.round(g.next() * 1e5) / 100, 10 ** (g.next() * 24 - 12)]);
  const fraction = () => g.pick([0, 1, 1e-300, 0.9999999999999999, g.next(), g.next() * 0.1]);
  const plan = () => {
    const p = { billing: g.pick(['monthly', 'annual']), share: amount() || 1 };
    const kind = g.int(0, 3);
    if (kind !== 1) p.price = amount();
    if (kind === 1 || kind === 2) [p.unit_price, p.units] = [amount(), amount()];
    if (kind === 3) {
      let upTo = 0;
      p.tiers = [];
      for (let i = g.int(0, 4); i > 0; i--) p.tiers.push({ up_to: (upTo += g.int(1, 100)), unit_price: amount(), flat: amount() });
      p.tiers.push({ up_to: null, unit_price: amount() });
      [p.tier_mode, p.units] = [g.pick(['graduated', 'volume']), g.int(0, 500)];
    }
    return p;
  };
  return {
    schema: 1,
    name: g.pick(['', 'Base case', 'Ünïcödé ✓ "quoted" \\ back', 'x'.repeat(200)]),
    currency: g.pick(['USD', 'EUR', 'JPY']),
    plans: Array.from({ length: g.int(1, g.pick([3, 50])) }, plan),
    customers: { starting: amount(), new_per_month: amount(), monthly_churn: fraction() },
    revenue: { monthly_expansion: fraction(), monthly_contraction: fraction() },
    costs: { sales_marketing_per_month: amount(), gross_margin: fraction(), fixed_per_month: amount() },
    options: { horizon_months: g.int(1, 120), lifetime_cap_months: g.int(1, 600) },
  };
}

// Breaks a valid scenario in one of the ways the contract names, or several at once.
const breakages = [
  (s) => { s.customers.monthly_churn = 1.5; },
  (s) => { s.plans[0].price = -1; },
  (s) => { s.plans[0].price = '49'; },
  (s) => { s.colour = 'blue'; },
  (s) => { s.schema = 2; },
  (s) => { s.plans = []; },
  (s) => { s.plans = Array.from({ length: 51 }, () => ({ price: 1 })); },
  (s) => { s.plans[0].tiers = [{ up_to: 10, unit_price: 1 }, { up_to: 5, unit_price: 1 }, { up_to: 7 }]; delete s.plans[0].unit_price; },
  (s) => { s.options.horizon_months = 0.5; },
  (s) => { delete s.customers; },
  (s) => { s.currency = 'usd'; s.name = 'y'.repeat(201); s.plans[0].billing = 'weekly'; },
  (s) => { s.plans.forEach((p) => { p.share = 0; }); },
];
const brokenTexts = ['', 'null', '[]', '{"plans": [', '{"plans": [{"price": 1e400}], "customers": {"starting": 1}}', '{"a": NaN}', '\u00ff\u00fe'];

function scenarios() {
  const texts = [...brokenTexts];
  for (let seed = 1; texts.length < 400; seed++) {
    const g = generator(seed);
    const s = randomScenario(g);
    if (g.next() < 0.3) g.pick(breakages)(s);
    texts.push(JSON.stringify(s));
  }
  return texts;
}

test('wasm and the native CLI give byte-identical JSON and matching exit status', () => {
  let valid = 0;
  for (const text of scenarios()) {
    const wasm = core.calc(text);
    const cli = cliCalc(text);
    assert.equal(cli.stdout, wasm + '\n', `different output for ${text.slice(0, 300)}`);
    const ok = !('errors' in JSON.parse(wasm));
    assert.equal(cli.status, ok ? 0 : 2, `exit status for ${text.slice(0, 300)}`);
    valid += ok;
  }
  // Both kinds must be well represented, or the comparison proves little.
  assert.ok(valid > 150 && valid < 350, `${valid} of 400 valid`);
});
