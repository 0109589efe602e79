// How the page loads: the headline cards come first, uPlot after them, and the embed
// builder (with the component) only when scrolled near; a missing charts module costs the
// charts only.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser } from './browser.mjs';
import { openPage } from './page-helpers.mjs';

const env = await openBrowser();
test.after(() => env.close());

test('a first visit paints the cards before asking for uPlot, and loads no embed builder', async () => {
  const page = await openPage(env.browser, env.url, { viewport: { width: 1440, height: 900 } });
  await page.waitForLoadState('networkidle');
  const { painted, charts, files } = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    return {
      painted: performance.getEntriesByName('first-metrics')[0].startTime,
      charts: resources.find((r) => r.name.endsWith('/page/calculator/charts.js'))?.startTime,
      files: resources.map((r) => new URL(r.name).pathname),
    };
  });
  assert.ok(charts > painted, `charts.js was requested at ${charts} ms, before the cards were painted at ${painted} ms`);
  assert.deepEqual(files.filter((file) => /embed-builder|saas-metrics\.js|component\//.test(file)), []);
  assert.ok(await page.locator('#charts canvas').count() >= 3);

  // Listening before scrolling: the module may be requested and answered before a listener added afterwards.
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/page/embed/embed-builder.js')),
    page.locator('#embed-builder').scrollIntoViewIfNeeded()]);
  await page.close();
});

test('without the charts module the page still computes and says what is missing', async () => {
  const context = await env.browser.newContext();
  await context.route('**/page/calculator/charts.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  assert.match(await page.locator('#charts').textContent(), /charts could not load/);
  const customers = page.locator('#more [data-metric="customers"]');
  await page.locator('#editor [name="customers.starting"]').fill('321');
  assert.equal(await customers.getAttribute('data-value'), '321');
  await context.close();
});
