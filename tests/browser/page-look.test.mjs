// Accessibility (axe-core), keyboard use, layouts at phone and desktop widths, and
// screenshots in light and dark mode (tests/browser/screenshots/, to look at).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openBrowser } from './browser.mjs';
import { openPage, control, toggle, showCharts } from './page-helpers.mjs';

const env = await openBrowser();
test.after(() => env.close());
// Evaluated through the DevTools protocol rather than addScriptTag: the page's CSP (no
// inline scripts) stays in force while axe runs.
const axeSource = fs.readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const shots = new URL('screenshots/', import.meta.url).pathname;
fs.mkdirSync(shots, { recursive: true });

// The embed builder (with its live <saas-metrics> preview) is another module's, checked on its own.
async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() => globalThis.axe.run({ exclude: [['#embed-builder']] }, { resultTypes: ['violations'] }));
  return violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? ''})`).join(', ')}`);
}

const layouts = { phone: { width: 375, height: 812 }, desktop: { width: 1440, height: 900 } };

for (const [layout, viewport] of Object.entries(layouts)) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${layout} ${colorScheme}: no serious accessibility violations, nothing overflows, screenshot`, async () => {
      const page = await openPage(env.browser, env.url, { viewport, colorScheme });
      const shot = (name, options) => page.screenshot({ path: `${shots}page-${layout}-${colorScheme}${name}.png`, ...options });
      await showCharts(page); // mounted when near: the full-page shot and axe cover them too
      await page.evaluate(() => scrollTo(0, 0));
      await shot('', { fullPage: layout === 'desktop' });
      if (layout === 'phone') {
        await page.evaluate(() => document.getElementById('cards').scrollIntoView());
        await shot('-results');
      }
      // Include the states that add content: saved scenarios, an open formula, an invalid field.
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('dialog', { name: 'Save scenario' }).getByRole('button', { name: 'Save', exact: true }).click();
      const ltv = page.locator('.card[data-key="ltv"]');
      await toggle(ltv, ltv.locator('summary')); // its formula is written on the `toggle` event
      assert.deepEqual(await seriousViolations(page), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scrolling');

      await control(page, 'customers.monthly_churn').fill('-0.5');
      assert.deepEqual(await seriousViolations(page), []);
      await control(page, 'customers.monthly_churn').scrollIntoViewIfNeeded();
      await shot('-invalid');
      assert.deepEqual(page.problems, []);
    });
  }
}

test('at 360 px nothing overflows sideways', async () => {
  const page = await openPage(env.browser, env.url, { viewport: { width: 360, height: 740 } });
  await page.selectOption('#example', 'seats');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
});

test('every control has a label and the editor works from the keyboard', async () => {
  const page = await openPage(env.browser, env.url);
  const unlabelled = await page.$$eval('main :is(input:not([type=file]), select, button):not(#embed-builder *)', (controls) =>
    controls.filter((c) => !c.labels?.length && !c.getAttribute('aria-label') && !c.textContent.trim()).map((c) => c.outerHTML));
  assert.deepEqual(unlabelled, []);

  await control(page, 'customers.starting').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('500');
  assert.equal(await page.locator('#more [data-metric="customers"]').getAttribute('data-value'), '500');
  // Tab order reaches the next field; "Add plan" works with Enter and focuses the new plan.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'customers.new_per_month');
  await page.getByRole('button', { name: 'Add plan' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'plans[3].name');
});
