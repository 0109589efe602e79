// Offline: dist/saas-metrics.html opened from disk with every network request blocked,
// and the hosted page served by its service worker once the network is gone.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openBrowser } from './browser.mjs';
import { shownMetrics, cli, expectedValue, assertSameValue, control, showCharts, showSaved } from './page-helpers.mjs';
import { example } from '../../web/page/calculator/examples.js';

const env = await openBrowser();
test.after(() => env.close());
const dist = process.env.DIST ?? new URL('../../dist/', import.meta.url).pathname;
const singleFile = pathToFileURL(`${dist}/saas-metrics.html`).href;

async function assertMatchesCli(page, scenario) {
  const output = cli(scenario);
  const shown = await shownMetrics(page);
  assert.ok(shown.length >= 27);
  for (const { key, value } of shown) assertSameValue(value, expectedValue(output, key), key);
}

test('the single file is self-contained: no script, style or wasm is loaded from elsewhere', () => {
  const html = fs.readFileSync(`${dist}/saas-metrics.html`, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+rel="(stylesheet|preload|manifest)"/);
  assert.match(html, /connect-src data:/);
  assert.doesNotMatch(html, /'unsafe-inline'/, 'inline scripts are allowed by hash only');
});

test('saas-metrics.html works from file:// with all network blocked', async () => {
  const context = await env.browser.newContext({ offline: true });
  const requests = [];
  await context.route('**', (route) => {
    const { protocol } = new URL(route.request().url());
    if (protocol === 'file:' || protocol === 'data:') return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(singleFile);
  await page.locator('html[data-ready]').waitFor();
  await assertMatchesCli(page, example('smb'));

  await page.selectOption('#example', 'enterprise');
  await control(page, 'customers.starting').fill('60');
  await control(page, 'costs.gross_margin').fill('70');
  const scenario = example('enterprise');
  scenario.customers.starting = 60;
  scenario.costs.gross_margin = 0.7;
  await assertMatchesCli(page, scenario);
  await showCharts(page); // inlined in this file, and still mounted when near
  assert.equal(await page.locator('.chart canvas').count(), 3);
  await showSaved(page);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the hosted page keeps working offline after the first visit (service worker)', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  await page.locator('html[data-offline="ready"]').waitFor(); // the worker holds every file
  await context.setOffline(true);
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'served by the worker');
  await assertMatchesCli(page, example('smb'));
  // Views the first visit never scrolled to load from the cache too.
  await showCharts(page);
  await showSaved(page);
  await page.locator('#embed-builder').scrollIntoViewIfNeeded();
  await page.locator('#embed-builder saas-metrics [data-metric]:not([data-value=""])').first().waitFor();
  assert.doesNotMatch(await page.locator('#embed-builder').textContent(), /could not load/);
  assert.deepEqual(problems, [], 'every module, the embed builder\'s too, came from the cache');
  await context.close();
});

test('saas-metrics.html carries all four languages: ?lang= and the menu work from file:// offline', async () => {
  const words = {};
  for (const language of ['zh-CN', 'sv']) words[language] = (await import(`../../web/shared/messages/${language}.js`)).default;
  const context = await env.browser.newContext({ offline: true });
  await context.route('**', (route) => (['file:', 'data:', 'blob:'].includes(new URL(route.request().url()).protocol) ? route.continue() : route.abort()));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${singleFile}?lang=zh-CN`);
  await page.locator('html[data-ready]').waitFor();
  const label = () => page.locator('.card[data-key="customer_churn_monthly"] h3').textContent();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await label(), words['zh-CN']['metric.customer_churn_monthly']);
  await page.locator('#language').selectOption('sv');
  await page.waitForFunction(() => document.documentElement.lang === 'sv');
  assert.equal(await label(), words.sv['metric.customer_churn_monthly']);
  assert.deepEqual(problems, []);
  await context.close();
});
