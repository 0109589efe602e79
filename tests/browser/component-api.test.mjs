// The JS API: loadSaasMetrics() from saas-metrics.js, the numbers without any UI.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, strictPage } from './browser.mjs';
import { hostPage } from './component-helpers.mjs';
import { cliCalc } from '../wasm/load-core.mjs';

const env = await openBrowser();
test.after(() => env.close());

// The contract's worked examples: 100 customers × $49, $10,000 S&M for 100 new customers.
const valid = { plans: [{ price: 49 }], customers: { starting: 100, new_per_month: 100 },
  costs: { sales_marketing_per_month: 10000 } };
const invalid = { plans: [{ price: 'free', share: -1 }], customers: { monthly_churn: 2 }, extra: true };

test('calc and validate give the CLI results, from one wasm load', async () => {
  const page = await strictPage(env.browser);
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(await hostPage(page, `${env.url}api.html`, '</head><body></body>'));
  const result = await page.evaluate(async ([valid, invalid]) => {
    const { loadSaasMetrics } = await import('/saas-metrics.js');
    const [api, again] = await Promise.all([loadSaasMetrics(), loadSaasMetrics()]);
    return { output: api.calc(valid), rejected: api.calc(invalid), errors: api.validate(invalid),
      none: again.validate(valid), keys: Object.keys(api).sort() };
  }, [valid, invalid]);

  assert.deepEqual(result.output, JSON.parse(cliCalc(JSON.stringify(valid)).stdout));
  assert.equal(result.output.metrics.cac, 100);
  const cli = cliCalc(JSON.stringify(invalid));
  assert.equal(cli.status, 2);
  assert.deepEqual(result.rejected, JSON.parse(cli.stdout));
  assert.deepEqual(result.errors, JSON.parse(cli.stdout).errors);
  assert.ok(result.errors.length >= 4);
  assert.deepEqual(result.none, []);
  assert.deepEqual(result.keys, ['calc', 'validate']);
  assert.equal(requests.filter((path) => path.endsWith('.wasm')).length, 1);
  assert.deepEqual(page.problems, []);
});
