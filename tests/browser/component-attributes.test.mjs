// Attributes update a live element; invalid input is reported as a `scenario-error`
// event and as readable text inside the element; visitors edit the allowed inputs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, strictPage } from './browser.mjs';
import { hostPage, attr, nextEvent, shownMetrics } from './component-helpers.mjs';
import { cliCalc } from '../wasm/load-core.mjs';

const env = await openBrowser();
test.after(() => env.close());

const base = { plans: [{ price: 49 }], customers: { starting: 100, new_per_month: 10, monthly_churn: 0.02 },
  costs: { sales_marketing_per_month: 3000 } };

async function open(attributes = '') {
  const page = await strictPage(env.browser);
  await page.goto(await hostPage(page, `${env.url}attributes.html`,
    `<script type="module" src="saas-metrics.js"></script></head><body><saas-metrics ${attributes}></saas-metrics></body>`));
  return page;
}
const set = (page, name, value) => page.locator('saas-metrics').evaluate((e, [n, v]) => e.setAttribute(n, v), [name, value]);
const errorText = (page) => page.locator('saas-metrics [part~="error"]').innerText();

test('changing the scenario attribute recomputes and fires metrics-change', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(base))}" metrics="mrr"`);
  assert.deepEqual((await shownMetrics(page, 'saas-metrics'))[0].value, 4900);
  const changed = { ...base, customers: { ...base.customers, starting: 250 } };
  const detail = nextEvent(page, 'saas-metrics', 'metrics-change');
  await set(page, 'scenario', JSON.stringify(changed));
  assert.deepEqual(await detail, JSON.parse(cliCalc(JSON.stringify(changed)).stdout));
  await page.locator('saas-metrics [data-metric="mrr"][data-value="12250"]').waitFor();
  assert.equal(await page.locator('saas-metrics').evaluate((e) => e.output.metrics.mrr), 12250);
  assert.deepEqual(page.problems, []);
});

test('changing the metrics attribute shows those metrics in that order', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(base))}" metrics="mrr,arr"`);
  await shownMetrics(page, 'saas-metrics');
  await set(page, 'metrics', 'ltv_to_cac, cac ,customer_churn_annual');
  await page.locator('saas-metrics [data-metric="ltv_to_cac"]:not([data-value=""])').waitFor();
  const shown = await shownMetrics(page, 'saas-metrics');
  assert.deepEqual(shown.map((m) => [m.key, m.text]), [['ltv_to_cac', '8.17×'], ['cac', '$300'], ['customer_churn_annual', '21.5%']]);
  assert.deepEqual(page.problems, []);
});

test('changing the layout attribute switches between full, compact and results-only', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(base))}"`);
  const parts = () => page.locator('saas-metrics').evaluate((e) => ({
    form: e.shadowRoot.querySelectorAll('[part~="form"] [name]').length,
    chart: e.shadowRoot.querySelectorAll('[part~="chart"]').length,
    metrics: e.shadowRoot.querySelectorAll('[data-metric]').length,
  }));
  await shownMetrics(page, 'saas-metrics');
  assert.deepEqual(await parts(), { form: 9, chart: 1, metrics: 8 });
  for (const [layout, expected] of [['compact', { form: 5, chart: 0, metrics: 4 }],
    ['results-only', { form: 0, chart: 0, metrics: 6 }], ['full', { form: 9, chart: 1, metrics: 8 }]]) {
    await set(page, 'layout', layout);
    await page.waitForFunction(([n]) => document.querySelector('saas-metrics').shadowRoot
      .querySelectorAll('[data-metric]:not([data-value=""])').length === n, [expected.metrics]);
    assert.deepEqual(await parts(), expected, layout);
  }
  assert.deepEqual(page.problems, []);
});

test('an invalid scenario attribute fires scenario-error and says what is wrong', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(base))}"`);
  await shownMetrics(page, 'saas-metrics');
  const bad = { ...base, customers: { ...base.customers, monthly_churn: 1.5 } };
  let detail = nextEvent(page, 'saas-metrics', 'scenario-error');
  await set(page, 'scenario', JSON.stringify(bad));
  assert.deepEqual(await detail, JSON.parse(cliCalc(JSON.stringify(bad)).stdout).errors);
  assert.match(await errorText(page), /Monthly customer churn: must be/);

  detail = nextEvent(page, 'saas-metrics', 'scenario-error');
  await set(page, 'scenario', '{"plans": [');
  assert.equal((await detail)[0].field, '');
  assert.match(await errorText(page), /The scenario attribute is not valid JSON/);

  detail = nextEvent(page, 'saas-metrics', 'scenario-error');
  await set(page, 'scenario', 'null');
  assert.match((await detail)[0].message, /must be a JSON object/);
  assert.deepEqual(page.problems, []);
});

test('unknown metric keys and input paths are reported, the rest still shows', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(base))}" metrics="mrr,mmr" inputs="customers.starting,plans[3].price,plans[0].tiers[0].up_to,bogus"`);
  assert.deepEqual((await shownMetrics(page, 'saas-metrics')).map((m) => m.key), ['mrr']);
  const text = await errorText(page);
  assert.match(text, /"mmr" is not a metric key/);
  assert.match(text, /"plans\[3\]\.price": the scenario has no plans\[3\]/);
  assert.match(text, /"plans\[0\]\.tiers\[0\]\.up_to": the scenario has no plans\[0\]\.tiers\[0\]/);
  assert.match(text, /"bogus" is not an input/);
  assert.equal(await page.locator('saas-metrics [name]').count(), 1);
});

test('a visitor edits only the allowed inputs; invalid values are reported', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(base))}" inputs="customers.starting,customers.monthly_churn" metrics="mrr,customer_churn_monthly"`);
  await shownMetrics(page, 'saas-metrics');
  assert.deepEqual(await page.locator('saas-metrics [name]').evaluateAll((all) => all.map((e) => [e.name, e.value])),
    [['customers.starting', '100'], ['customers.monthly_churn', '2']]);
  let detail = nextEvent(page, 'saas-metrics', 'metrics-change');
  await page.locator('saas-metrics [name="customers.monthly_churn"]').fill('7');
  assert.equal((await detail).metrics.customer_churn_monthly, 0.07);
  detail = nextEvent(page, 'saas-metrics', 'metrics-change');
  await page.locator('saas-metrics [name="customers.starting"]').fill('300');
  assert.equal((await detail).metrics.mrr, 14700);

  detail = nextEvent(page, 'saas-metrics', 'scenario-error');
  await page.locator('saas-metrics [name="customers.starting"]').fill('');
  assert.equal((await detail)[0].field, 'customers.starting');
  assert.equal(await page.locator('saas-metrics [name="customers.starting"]').getAttribute('aria-invalid'), 'true');
  assert.match(await errorText(page), /Paying customers today: is required/);
  assert.deepEqual(page.problems, []);
});

test('choice inputs are selects, and edits survive a layout change', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(base))}" inputs="plans[0].billing,plans[0].price" metrics="mrr"`);
  await shownMetrics(page, 'saas-metrics');
  const detail = nextEvent(page, 'saas-metrics', 'metrics-change');
  await page.locator('saas-metrics select[name="plans[0].billing"]').selectOption('annual');
  assert.equal((await detail).metrics.mrr, 4900 / 12);
  await set(page, 'layout', 'compact');
  await page.locator('saas-metrics select[name="plans[0].billing"]').waitFor();
  assert.equal(await page.locator('saas-metrics select').inputValue(), 'annual');
  assert.equal(await page.locator('saas-metrics').evaluate((e) => e.output.metrics.mrr), 4900 / 12);
});

test('src loads a scenario by URL and reports a failed load', async () => {
  const page = await strictPage(env.browser);
  await page.route(`${env.url}scenario.json`, (route) => route.fulfill({ json: base }));
  await page.goto(await hostPage(page, `${env.url}src.html`,
    '<script type="module" src="saas-metrics.js"></script></head><body><saas-metrics src="scenario.json" metrics="mrr"></saas-metrics></body>'));
  assert.equal((await shownMetrics(page, 'saas-metrics'))[0].value, 4900);
  const detail = nextEvent(page, 'saas-metrics', 'scenario-error');
  await set(page, 'src', 'missing.json');
  assert.deepEqual(await detail, [{ field: 'src', message: 'Could not load the scenario from missing.json: the server answered 404' }]);
  assert.match(await errorText(page), /Could not load the scenario from missing\.json/);
});

test('currency, locale and theme attributes apply live', async () => {
  const page = await open(`scenario="${attr(JSON.stringify(base))}" metrics="mrr"`);
  await shownMetrics(page, 'saas-metrics');
  await set(page, 'currency', 'EUR');
  await set(page, 'locale', 'de-DE');
  await page.locator('saas-metrics [part~="metric-value"]', { hasText: '4.900 €' }).waitFor();
  const scheme = () => page.locator('saas-metrics [part~="root"]').evaluate((e) => getComputedStyle(e).colorScheme);
  assert.equal(await scheme(), 'light');
  const background = () => page.locator('saas-metrics [part~="root"]').evaluate((e) => getComputedStyle(e).backgroundColor);
  await set(page, 'theme', 'dark');
  await page.waitForFunction(() => document.querySelector('saas-metrics').getAttribute('theme') === 'dark');
  assert.deepEqual([await scheme(), await background()], ['dark', 'rgb(21, 23, 28)']);
  // auto follows the visitor's preference.
  await set(page, 'theme', 'auto');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(21, 23, 28)');
  assert.deepEqual(page.problems, []);
});
