// The examples page: every element renders without a console error under its strict
// CSP, axe finds no serious accessibility problem, and screenshots (light and dark, phone and desktop) go to screenshots/ for review.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openBrowser, strictPage } from './browser.mjs';
import { axeProblems } from './component-helpers.mjs';

const env = await openBrowser();
test.after(() => env.close());
const shots = new URL('screenshots/', import.meta.url);
fs.mkdirSync(shots, { recursive: true });

for (const colorScheme of ['light', 'dark']) {
  for (const width of [375, 1440]) {
    test(`examples page, ${colorScheme}, ${width} px wide`, async () => {
      const page = await strictPage(env.browser, { viewport: { width, height: 900 }, colorScheme });
      await page.goto(`${env.url}examples/`);
      const elements = page.locator('saas-metrics');
      assert.equal(await elements.count(), 5);
      await page.waitForFunction(() => [...document.querySelectorAll('saas-metrics')].every((e) => e.output));
      const layouts = await elements.evaluateAll((all) => all.map((e) => e.getAttribute('layout')));
      assert.deepEqual(new Set(layouts), new Set(['compact', 'results-only', 'full']));
      // The Swedish one speaks Swedish, with Swedish numbers.
      const swedish = page.locator('saas-metrics[lang="sv"]');
      assert.equal(await swedish.locator('label:has([name="customers.starting"]) [part~="field-label"]').textContent(), 'Betalande kunder i dag');
      assert.match(await swedish.locator('[data-metric="mrr"] [part~="metric-value"]').textContent(), /^68\s600\skr$/u);
      // Nothing may stick out sideways on a phone.
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
      await page.screenshot({ path: new URL(`component-examples-${colorScheme}-${width}.png`, shots).pathname, fullPage: true });
      assert.deepEqual(await axeProblems(page), []);
      assert.deepEqual(page.problems, []);
    });
  }
}
