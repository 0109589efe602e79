// How the page loads: the headline cards come first; uPlot (the charts), the saved scenarios
// and the embed builder (with the component) only when scrolled near, and never before the
// cards are painted; a missing charts module costs the charts only.
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
  await page.locator('#charts canvas').nth(2).waitFor(); // the charts' top is on this first screen

  // Listening before scrolling: the module may be requested and answered before a listener added afterwards.
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/page/embed/embed-builder.js')),
    page.locator('#embed-builder').scrollIntoViewIfNeeded()]);
  await page.close();
});

test('a first screen without the charts loads neither uPlot nor the saved scenarios; a first scroll draws the charts before they are seen, a Save mounts the comparison', async () => {
  const page = await openPage(env.browser, env.url, { viewport: { width: 1280, height: 720 } });
  await page.waitForLoadState('networkidle');
  const below = () => page.evaluate(() => document.getElementById('charts').getBoundingClientRect().top > innerHeight);
  assert.ok(await below(), 'the charts start below the first screen');
  const requested = () => page.evaluate(() => performance.getEntriesByType('resource')
    .map((r) => new URL(r.name).pathname).filter((file) => /calculator\/(charts|compare)\.js$/.test(file)));
  assert.deepEqual(await requested(), []);
  assert.equal(await page.locator('#charts').getAttribute('aria-busy'), 'true');

  // One wheel step over the results (not the editor, which scrolls on its own).
  await page.mouse.move(900, 400);
  await page.mouse.wheel(0, 100);
  await page.locator('#charts .chart canvas').nth(2).waitFor();
  assert.ok(await below(), 'drawn while still below the viewport');
  assert.equal(await page.locator('#charts').getAttribute('aria-busy'), null);
  assert.deepEqual(await requested(), ['/page/calculator/charts.js']);

  // "Save" before the comparison has mounted loads it, then asks for the name; a double
  // click while it loads (held here until both clicks are in) is one save.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/page/calculator/compare.js', async (route) => { await held; await route.continue(); });
  await page.getByRole('button', { name: 'Save', exact: true }).dblclick();
  release();
  await page.getByRole('dialog', { name: 'Save scenario' }).getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('dialog', { name: 'Save scenario' }).waitFor({ state: 'hidden' });
  assert.deepEqual(await page.locator('.saved .name').allTextContents(), ['Self-serve SMB']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('without the charts module the page still computes and says what is missing', async () => {
  const context = await env.browser.newContext();
  await context.route('**/page/calculator/charts.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  await page.locator('#charts').scrollIntoViewIfNeeded();
  await page.locator('#charts', { hasText: 'charts could not load' }).waitFor();
  assert.match(await page.locator('#charts').textContent(), /charts could not load/);
  const customers = page.locator('#more [data-metric="customers"]');
  await page.locator('#editor [name="customers.starting"]').fill('321');
  assert.equal(await customers.getAttribute('data-value'), '321');
  await context.close();
});
