import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, strictPage } from './browser.mjs';

const env = await openBrowser();
test.after(() => env.close());

test('the served page shows MRR computed by the wasm module', async () => {
  const page = await strictPage(env.browser);
  await page.goto(env.url);
  // dist/index.html holds build-time cards with these very numbers (scripts/prerender.mjs):
  // only once the page is ready are the cards on screen the ones the wasm module filled.
  await page.locator('html[data-ready]').waitFor();
  const mrr = page.locator('[data-metric="mrr"]').first();
  await assert.doesNotReject(mrr.and(page.locator('[data-value]:not([data-value=""])')).waitFor());
  // The default example: 400 customers × ARPA (6 × $29 + 3 × $79 + 1 × $790 / 12) / 10.
  assert.equal(Number(await mrr.getAttribute('data-value')), 19073.333333333332);
  assert.deepEqual(page.problems, []);
});
