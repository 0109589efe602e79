// Two elements with different scenarios on one page: one wasm download, independent
// results, and each metrics-change detail equal to the native CLI's output.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, strictPage } from './browser.mjs';
import { hostPage, attr, shownMetrics } from './component-helpers.mjs';
import { cliCalc } from '../wasm/load-core.mjs';

const env = await openBrowser();
test.after(() => env.close());

const scenarios = {
  a: { plans: [{ price: 49 }], customers: { starting: 100, new_per_month: 5, monthly_churn: 0.02 },
    costs: { sales_marketing_per_month: 2500, gross_margin: 0.8 } },
  b: { currency: 'EUR', plans: [{ name: 'Seats', billing: 'annual', unit_price: 240, units: 12 }],
    customers: { starting: 40, new_per_month: 2 }, revenue: { monthly_expansion: 0.02 },
    options: { horizon_months: 24 } },
};

test('two elements share one wasm load and each matches the CLI', async () => {
  const page = await strictPage(env.browser);
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  // Recorded from the very start, before either element can compute.
  await page.addInitScript(() => {
    window.details = {};
    document.addEventListener('metrics-change', (event) => { window.details[event.target.id] ??= event.detail; });
  });
  const elements = Object.entries(scenarios)
    .map(([id, s]) => `<saas-metrics id="${id}" scenario="${attr(JSON.stringify(s))}" metrics="mrr,cac"></saas-metrics>`);
  await page.goto(await hostPage(page, `${env.url}two.html`,
    `<script type="module" src="saas-metrics.js"></script></head><body>${elements.join('')}</body>`));

  const [a, b] = [await shownMetrics(page, '#a'), await shownMetrics(page, '#b')];
  const details = await page.evaluate(() => window.details);
  for (const id of ['a', 'b'])
    assert.deepEqual(details[id], JSON.parse(cliCalc(JSON.stringify(scenarios[id])).stdout), id);
  assert.deepEqual(a.map((m) => m.text), ['$4,900', '$500']);
  assert.deepEqual(b.map((m) => m.text), ['€9,600', '€0']); // cents only when there are some (README)
  assert.equal(requests.filter((path) => path.endsWith('.wasm')).length, 1);
  assert.equal(requests.filter((path) => path.endsWith('saas-metrics-core.js')).length, 1);
  assert.deepEqual(page.problems, []);
});

test('the wasm module is not fetched until an element connects', async () => {
  const page = await strictPage(env.browser);
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(await hostPage(page, `${env.url}lazy.html`,
    '<script type="module" src="saas-metrics.js"></script></head><body></body>'));
  await page.waitForFunction(() => customElements.get('saas-metrics'));
  assert.equal(requests.some((path) => /saas-metrics-core|\.wasm$/.test(path)), false);
  await page.evaluate(() => document.body.append(document.createElement('saas-metrics')));
  await shownMetrics(page, 'saas-metrics');
  assert.equal(requests.filter((path) => path.endsWith('.wasm')).length, 1);
  assert.deepEqual(page.problems, []);
});
