// Helpers for the calculator page tests (page-*.test.mjs).
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { strictPage } from './browser.mjs';
import { cliCalc } from '../wasm/load-core.mjs';

/** A strict page on `url`, once the page has shown its first results. */
export async function openPage(browser, url, options) {
  const page = await strictPage(browser, options);
  await page.goto(url);
  await page.locator('html[data-ready]').waitFor();
  return page;
}

/** Scrolls the charts into view and resolves once all three are drawn: they mount only when
 *  near the viewport (or on the page's first scroll), so a first screen without them never
 *  loads uPlot (page/main.js). */
export async function showCharts(page) {
  await page.locator('#charts').scrollIntoViewIfNeeded();
  await page.locator('#charts .chart .u-legend').nth(2).waitFor();
}

/** Scrolls the saved scenarios into view and resolves once their panel is built: it mounts
 *  when near, or on the first "Save" (page/main.js). */
export async function showSaved(page) {
  await page.locator('#compare').scrollIntoViewIfNeeded();
  await page.locator('#compare .saved').waitFor({ state: 'attached' });
}

/** Every metric the calculator shows: [{ key, value (data-value), text }]. Not those of
 *  the embed builder's live <saas-metrics> preview, which follows on its own schedule. */
export function shownMetrics(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-metric]')].filter((e) => !e.closest('#embed-builder'))
    .map((e) => ({ key: e.dataset.metric, value: e.dataset.value, text: e.textContent })));
}

/** The native CLI's output for a scenario object. */
export function cli(scenario) {
  const { stdout, status } = cliCalc(JSON.stringify(scenario));
  if (status !== 0) throw new Error(`the CLI rejected the scenario: ${stdout}`);
  return JSON.parse(stdout);
}

/** The CLI's value for a shown key (null when undefined). */
export function expectedValue(output, key) {
  return key === 'break_even_month' ? output.break_even_month : output.metrics[key];
}

/** Asserts a data-value against the CLI's number. The native and wasm builds use different
 *  libm pow(), which may differ in the last bit (e.g. annual churn 0.2620016541733491 natively,
 *  0.262001654173349 in wasm), so numbers agree to 1e-12 relative; null must be empty. */
export function assertSameValue(shown, expected, message) {
  if (expected === null) return assert.equal(shown, '', message);
  assert.notEqual(shown, '', message);
  const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(Number(shown) - expected) <= tolerance, `${message}: ${shown} is not ${expected}`);
}

/** The editor's control whose name is a JSON path (the embed preview has its own). */
export const control = (page, path) => page.locator('#editor').locator(`[name="${path}"]`);

/** Values of every named control, by name. */
export function controlValues(page) {
  return page.$$eval('#editor [name]', (controls) => Object.fromEntries(controls.map((c) => [c.name, c.value])));
}

/** Opens or closes a card's "How it's computed" (or the one <details> inside any locator):
 *  the page writes what it shows on the details' `toggle` event, which fires after the click,
 *  so this resolves once that event has run. `trigger` (a locator) is clicked as a user
 *  would; without it the <summary> is clicked from inside the page. */
export async function toggle(card, trigger) {
  const details = card.locator('details');
  if (!trigger) {
    return details.evaluate((element) => new Promise((resolve) => {
      element.addEventListener('toggle', resolve, { once: true });
      element.querySelector('summary').click();
    }));
  }
  const toggled = await details.evaluateHandle((element) => ({
    event: new Promise((resolve) => element.addEventListener('toggle', () => resolve(true), { once: true })),
  }));
  await trigger.click();
  await toggled.evaluate((t) => t.event);
  await toggled.dispose();
}

export async function mrrValue(page) {
  return page.locator('.cards [data-metric="mrr"]').getAttribute('data-value');
}

/** Clicks a button that downloads a file and returns the file's text. */
export async function downloadText(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}
