// <saas-metrics layout="price-change">: the price-change simulator in a host page, under the
// host's strict CSP. Its numbers equal the native CLI's (`saas-metrics price-change`), it
// fires `price-change` with the core's output and `metrics-change` as the other layouts do,
// exposes its parts, passes axe-core (screenshots in tests/browser/screenshots/), and reports a
// bad `change` attribute as a `scenario-error`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, strictPage } from './browser.mjs';
import fs from 'node:fs';
import { hostPage, attr, axeProblems } from './component-helpers.mjs';
import { cliCalc } from '../wasm/load-core.mjs';
import { labCli, assertClose } from './lab-helpers.mjs';

const env = await openBrowser();
test.after(() => env.close());

const scenario = { plans: [{ name: 'Basic', price: 49 }], customers: { starting: 300, new_per_month: 30, monthly_churn: 0.03 },
  costs: { sales_marketing_per_month: 6000, gross_margin: 0.8, fixed_per_month: 4000 } };
const change = { price_factor: 1.25, new_customers_factor: 0.9, churn_factor: 1.1, existing: 'migrated', migration_month: 2, migration_churn: 0.04 };

/** A host page with one element; resolves with the page and the detail of its first `price-change`. */
async function open(attributes) {
  const page = await strictPage(env.browser);
  await page.goto(await hostPage(page, `${env.url}price-change.html`,
    `<script type="module" src="saas-metrics.js"></script></head><body><saas-metrics layout="price-change" ${attributes}></saas-metrics></body>`));
  return page;
}

/** Resolves with the detail of the next `type` event, listening before `action` runs. */
async function eventAfter(page, type, action) {
  const detail = page.evaluate((t) => new Promise((resolve) => {
    const listen = () => document.querySelector('saas-metrics').addEventListener(t, (e) => resolve(e.detail), { once: true });
    if (document.querySelector('saas-metrics')) listen();
    else addEventListener('DOMContentLoaded', listen);
  }), type);
  await action?.();
  return detail;
}

/** Every number of the core's output agrees with the CLI's to 1e-9 (native and wasm libm). */
function assertSameResult(actual, expected) {
  assert.equal(actual.payback_month, expected.payback_month);
  assert.equal(actual.changed.length, expected.changed.length);
  for (const key of ['mrr_delta', 'cumulative_profit_delta'])
    expected[key].forEach((value, i) => assertClose(actual[key][i], value, `${key}[${i}]`));
  for (const key of ['break_even_new_customers_factor', 'break_even_migration_churn'])
    assertClose(actual[key], expected[key], key);
  for (const [key, value] of Object.entries(expected.new_customer_metrics)) assertClose(actual.new_customer_metrics[key], value, key);
}

const figure = (page, key) => page.locator(`saas-metrics [part~="figure"][data-field="${key}"]`);

test('the layout shows the CLI’s price change and fires price-change and metrics-change', async () => {
  const page = await strictPage(env.browser);
  const url = await hostPage(page, `${env.url}price-change.html`, `<script type="module" src="saas-metrics.js"></script></head><body>
    <saas-metrics layout="price-change" scenario="${attr(JSON.stringify(scenario))}" change="${attr(JSON.stringify(change))}"></saas-metrics></body>`);
  await page.addInitScript(() => {
    globalThis.seen = {};
    for (const type of ['price-change', 'metrics-change']) addEventListener(type, (e) => { globalThis.seen[type] = e.detail; });
  });
  await page.goto(url);
  await page.waitForFunction(() => globalThis.seen['price-change'] && globalThis.seen['metrics-change']);
  const seen = await page.evaluate(() => globalThis.seen);
  const expected = labCli('price-change', { scenario, change });
  assertSameResult(seen['price-change'], expected);
  assert.deepEqual(seen['metrics-change'], JSON.parse(cliCalc(JSON.stringify(scenario)).stdout));

  assert.notEqual(expected.payback_month, null);
  assert.equal(await figure(page, 'payback_month').getAttribute('data-value'), String(expected.payback_month));
  assert.equal(await figure(page, 'payback_month').locator('[part~="figure-value"]').textContent(), `Month ${expected.payback_month}`);
  assertClose(await figure(page, 'mrr_delta').getAttribute('data-value'), expected.mrr_delta.at(-1), 'MRR change');
  const summary = await page.locator('saas-metrics [part~="summary"]').textContent();
  assert.match(summary, new RegExp(`pays back in month ${expected.payback_month}`));
  assert.match(summary, /keep at least [\d.]+% of today’s signups/);
  assert.match(summary, /fewer than [\d.]+% of current customers leave/);
  assert.deepEqual(page.problems, []);
});

test('no serious accessibility violations, light and dark; screenshots', async () => {
  const shots = new URL('screenshots/', import.meta.url).pathname;
  fs.mkdirSync(shots, { recursive: true });
  for (const [theme, width] of [['light', 900], ['dark', 375]]) {
    const page = await strictPage(env.browser, { viewport: { width, height: 900 } });
    await page.goto(await hostPage(page, `${env.url}price-change.html`, `<script type="module" src="saas-metrics.js"></script></head><body>
      <saas-metrics layout="price-change" theme="${theme}" scenario="${attr(JSON.stringify(scenario))}" change="${attr(JSON.stringify(change))}"></saas-metrics></body>`));
    await page.locator('saas-metrics [part~="chart"] canvas').first().waitFor();
    assert.deepEqual(await axeProblems(page, 'saas-metrics'), [], theme);
    await page.locator('saas-metrics').screenshot({ path: `${shots}component-price-change-${theme}-${width}.png` });
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('the visitor edits the change; the element recomputes and fires price-change', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(scenario))}"`);
  const input = page.locator('saas-metrics [part~="input"][name="price_factor"]');
  await input.waitFor();
  await page.locator('saas-metrics [part~="figure"]').first().waitFor();
  const detail = await eventAfter(page, 'price-change', () => input.fill('30'));
  const expected = labCli('price-change', { scenario, change: { price_factor: 1.3, new_customers_factor: 0.95, churn_factor: 1, existing: 'grandfathered' } });
  assertSameResult(detail, expected);
  // Grandfathered: no migration controls and no migration sentence.
  assert.equal(await page.locator('saas-metrics [name="migration_churn"]').isHidden(), true);
  assert.doesNotMatch(await page.locator('saas-metrics [part~="summary"]').textContent(), /current customers leave/);
  assert.deepEqual(page.problems, []);
});

test('parts: form, field, field-label, input, unit, results, figures, figure, summary, chart; no metric cards unless asked', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(scenario))}"`);
  await page.locator('saas-metrics [part~="figure"]').first().waitFor();
  await page.locator('saas-metrics [part~="chart"] canvas').first().waitFor();
  const parts = await page.locator('saas-metrics').evaluate((e) => Object.fromEntries(
    ['root', 'form', 'field', 'field-label', 'input', 'unit', 'results', 'figures', 'figure', 'figure-label', 'figure-value', 'summary', 'chart', 'metric']
      .map((part) => [part, e.shadowRoot.querySelectorAll(`[part~="${part}"]`).length])));
  assert.deepEqual(parts, { root: 1, form: 1, field: 7, 'field-label': 7, input: 7, unit: 5, results: 1, figures: 1, figure: 4,
    'figure-label': 4, 'figure-value': 4, summary: 1, chart: 1, metric: 0 });
  // Every control has a label.
  const unlabelled = await page.locator('saas-metrics').evaluate((e) => [...e.shadowRoot.querySelectorAll('[part~="input"]')]
    .filter((c) => !c.labels?.length).map((c) => c.name));
  assert.deepEqual(unlabelled, []);
});

test('metrics and inputs work as in the other layouts', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(scenario))}" metrics="mrr,ltv_to_cac" inputs="plans[0].price"`);
  await page.locator('saas-metrics [data-metric="mrr"][data-value="14700"]').waitFor();
  // The price change of today's price first (its module loads after the cards): the event
  // awaited next must be the edit's, not that one arriving late.
  await figure(page, 'mrr_delta').and(page.locator('[data-value]:not([data-value=""])')).waitFor();
  const detail = await eventAfter(page, 'price-change', () => page.locator('saas-metrics [name="plans[0].price"]').fill('59'));
  const changed = { ...scenario, plans: [{ name: 'Basic', price: 59 }] };
  assertSameResult(detail, labCli('price-change', { scenario: changed, change: { price_factor: 1.1, new_customers_factor: 0.95, churn_factor: 1, existing: 'grandfathered' } }));
  await page.locator('saas-metrics [data-metric="mrr"][data-value="17700"]').waitFor();
  assert.deepEqual(page.problems, []);
});

test('a bad change attribute, or one the core refuses, is a scenario-error shown inside', async () => {
  const page = await strictPage(env.browser);
  await page.addInitScript(() => addEventListener('scenario-error', (e) => { globalThis.errors = e.detail; }));
  await page.goto(await hostPage(page, `${env.url}price-change.html`, `<script type="module" src="saas-metrics.js"></script></head><body>
    <saas-metrics layout="price-change" change="{not json"></saas-metrics></body>`));
  await page.waitForFunction(() => globalThis.errors);
  assert.equal((await page.evaluate(() => globalThis.errors))[0].field, 'change');
  await page.locator('saas-metrics [part~="error"]').getByText('change attribute').waitFor();

  await page.evaluate(() => { globalThis.errors = null; });
  // Prices down by 200 %: the controls pass it on, and the core names the field.
  await page.locator('saas-metrics').evaluate((e) => e.setAttribute('change', JSON.stringify({ price_factor: -1 })));
  await page.waitForFunction(() => globalThis.errors);
  const errors = await page.evaluate(() => globalThis.errors);
  assert.ok(errors.some((e) => /price_factor/.test(e.field)), JSON.stringify(errors));
  await page.locator('saas-metrics [part~="error"]').getByText('price_factor').waitFor();
});
