// The pricing lab on the page (contract section 9): goal seek and Apply, the heatmap's cell
// at today's point, the tornado's order and the price change against the native CLI, the
// lab's settings in the share link, the lab in the offline single file, and its look:
// axe-core, widths, and screenshots at 375 and 1440 px, light and dark (tests/browser/screenshots/).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { openBrowser } from './browser.mjs';
import { openPage, assertSameValue, control } from './page-helpers.mjs';
import { labCli, assertClose } from './lab-helpers.mjs';
import { example, defaultExample } from '../../web/page/calculator/examples.js';

const env = await openBrowser();
test.after(() => env.close());
const dist = process.env.DIST ?? new URL('../../dist/', import.meta.url).pathname;
const viewport = { width: 1440, height: 1000 };
const smb = example(defaultExample);

/** Scrolls the lab into view and waits for it to be built. */
async function openLab(page) {
  await page.locator('#lab').scrollIntoViewIfNeeded();
  await page.locator('#lab[data-ready]').waitFor();
}

const lab = (page, name) => page.locator(`#lab [name="${name}"]`);
const card = (page, key) => page.locator(`#cards [data-metric="${key}"]`);

/** The lab's settings in a link's fragment (`&lab=`, deflated JSON in base64url), or undefined. */
function linkSettings(hash) {
  const code = /&lab=([\w-]+)/.exec(hash)?.[1];
  return code && JSON.parse(zlib.inflateRawSync(Buffer.from(code, 'base64url')));
}

/** Everything the lab shows, to compare two pages: control values and the tools' texts. */
function labState(page) {
  return page.evaluate(() => ({
    controls: Object.fromEntries([...document.querySelectorAll('#lab [name]')].map((c) => [c.name, c.value])),
    answer: document.querySelector('#lab .lab-answer').textContent,
    tornado: [...document.querySelectorAll('#lab .tornado li')].map((li) => li.textContent),
    heat: { ...document.querySelector('#lab .heat-plot').dataset },
    figures: [...document.querySelectorAll('#lab .pc-figures [data-field]')].map((f) => [f.dataset.field, f.dataset.value]),
    sentences: document.querySelector('#lab .pc-sentences').textContent,
  }));
}

const page = await openPage(env.browser, env.url, { viewport });
await openLab(page);

test('the tornado lists the levers in the order of the CLI’s sensitivity', async () => {
  await lab(page, 'tornado-swing').selectOption('0.5');
  const expected = labCli('sensitivity', { scenario: smb, metric: 'ltv_to_cac', swing: 0.5 }).rows.map((row) => row.lever);
  await page.waitForFunction((n) => document.querySelectorAll('#lab .tornado li').length === n, expected.length);
  assert.ok(expected.length >= 8);
  const shown = await page.locator('#lab .tornado li').evaluateAll((items) => items.map((li) => li.dataset.lever));
  assert.deepEqual(shown, expected);
  // Each bar says in words what it draws, for screen readers.
  assert.match(await page.locator('#lab .tornado li').first().textContent(), /LTV\/CAC .+ at .+, .+ at /);
});

test('the price change shows the CLI’s payback month and safety margins', async () => {
  await lab(page, 'price_factor').fill('20');
  await lab(page, 'signups').fill('-10');
  await lab(page, 'existing').selectOption('migrated');
  await lab(page, 'migration_month').fill('3');
  await lab(page, 'migration_churn').fill('5');
  const change = { price_factor: 1.2, new_customers_factor: 0.9, churn_factor: 1, existing: 'migrated', migration_month: 3, migration_churn: 0.05 };
  const expected = labCli('price-change', { scenario: smb, change });
  const figures = page.locator('#lab .pc-figures');
  await page.waitForFunction((end) => {
    const shown = document.querySelector('#lab .pc-figures [data-field="mrr_delta"]')?.dataset.value;
    return shown !== undefined && Math.abs(Number(shown) - end) <= 1e-6 * Math.max(1, Math.abs(end));
  }, expected.mrr_delta.at(-1));
  assert.equal(await figures.getAttribute('data-payback'), String(expected.payback_month ?? ''));
  assertClose(await figures.locator('[data-field="cumulative_profit_delta"]').getAttribute('data-value'), expected.cumulative_profit_delta.at(-1), 'profit difference');
  const sentences = await page.locator('#lab .pc-sentences').textContent();
  const percent = (x) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(x);
  assert.ok(expected.break_even_new_customers_factor > 0 && expected.break_even_migration_churn > 0, 'the example change has both margins');
  assert.match(sentences, new RegExp(`keep at least ${percent(expected.break_even_new_customers_factor)} of today’s signups`));
  assert.match(sentences, new RegExp(`fewer than ${percent(expected.break_even_migration_churn)} of current customers leave`));
  // Signups as an elasticity: the request names signup_elasticity instead.
  await lab(page, 'signup_mode').selectOption('elasticity');
  await lab(page, 'signups').fill('-1.5');
  const elastic = labCli('price-change', { scenario: smb, change: { ...change, new_customers_factor: undefined, signup_elasticity: -1.5 } });
  await page.waitForFunction((end) => Math.abs(Number(document.querySelector('#lab .pc-figures [data-field="mrr_delta"]').dataset.value) - end) <= 1e-6 * Math.max(1, Math.abs(end)), elastic.mrr_delta.at(-1));
  assert.equal(await figures.getAttribute('data-payback'), String(elastic.payback_month ?? ''));
});

test('goal seek finds the CLI’s price and Apply makes the calculator reach the target', async () => {
  const request = { scenario: smb, vary: 'plans[0].price', target: { metric: 'ltv_to_cac', value: 3 } };
  const expected = labCli('solve', request);
  assert.notEqual(expected.value, null);
  assert.equal(await lab(page, 'goal-lever').inputValue(), 'plans[0].price');
  const answer = page.locator('#lab .lab-answer');
  assertClose(await answer.getAttribute('data-value'), expected.value, 'goal seek value');
  assert.match(await answer.textContent(), /^Price Starter at \$[\d.]+ for LTV\/CAC 3×\.$/);

  const before = await control(page, 'plans[0].price').inputValue();
  await page.locator('#lab').getByRole('button', { name: 'Apply to the model' }).click();
  await page.waitForFunction(() => Math.abs(Number(document.querySelector('#cards [data-metric="ltv_to_cac"]').dataset.value) - 3) < 1e-9);
  assert.notEqual(await control(page, 'plans[0].price').inputValue(), before);
  // The lab follows: the goal is now met where the model stands.
  await page.waitForFunction((v) => Math.abs(Number(document.querySelector('#lab .lab-answer').dataset.value) - v) <= 1e-9 * v, expected.value);
});

test('unreachable goals say so with the core’s note', async () => {
  await lab(page, 'goal-metric').selectOption('customer_churn_monthly');
  await lab(page, 'goal-value').fill('5');
  await lab(page, 'goal-lever').selectOption('costs.fixed_per_month');
  await page.getByText('Out of reach with this input alone.').waitFor();
  assert.match(await page.locator('#lab .lab-note').first().textContent(), /whatever|between|stays/i);
  assert.equal(await page.locator('#lab').getByRole('button', { name: 'Apply to the model' }).isHidden(), true);
  await lab(page, 'goal-metric').selectOption('ltv_to_cac');
  await lab(page, 'goal-lever').selectOption('plans[0].price');
});

test('the heatmap’s cell at today’s point holds the card’s value, and arrow keys move it', async () => {
  const plot = page.locator('#lab .heat-plot');
  await plot.scrollIntoViewIfNeeded();
  await page.locator('#lab .heat-plot[data-steps="51"]').waitFor();
  const shown = await card(page, 'ltv_to_cac').getAttribute('data-value');
  assertSameValue(await plot.getAttribute('data-value'), Number(shown), 'heatmap cell at today');
  assert.match(await page.locator('#lab .heat-readout').textContent(), /LTV\/CAC 3×.*today/);
  const x = Number(await plot.getAttribute('data-x'));
  await plot.focus();
  await page.keyboard.press('ArrowRight');
  assert.ok(Number(await plot.getAttribute('data-x')) > x);
  assert.doesNotMatch(await page.locator('#lab .heat-readout').textContent(), /today/);
  await page.keyboard.press('ArrowLeft');
  assertSameValue(await plot.getAttribute('data-value'), Number(shown), 'back at today');
  assert.equal(Number(await plot.getAttribute('data-x')), 1, 'the price factor axis is centred on today');
});

test('the lab’s settings travel in the share link', async () => {
  await lab(page, 'heat-metric').selectOption('cac_payback_months');
  await lab(page, 'heat-steps').selectOption('25');
  await lab(page, 'goal-value').fill('4');
  await page.locator('#lab .heat-plot[data-steps="25"]').waitFor();
  // Every tool drawn (each draws once on screen), so the two pages compare whole.
  for (const [tool, drawn] of [['.tornado', '.tornado li'], ['.pc-figures', '.pc-figures [data-field]']]) {
    await page.locator(`#lab ${tool}`).scrollIntoViewIfNeeded();
    await page.locator(`#lab ${drawn}`).first().waitFor();
  }
  const settled = await labState(page);
  // The fragment is rewritten shortly after the last edit: wait until it holds these settings.
  for (let hash = await page.evaluate(() => location.hash); ;) {
    const settings = linkSettings(hash);
    if (settings?.heat?.steps === 25 && settings?.goal?.value === 4) break;
    // Until then, wait for the page's next rewrite of its address.
    hash = await (await page.waitForFunction((before) => location.hash !== before && location.hash, hash,
      { timeout: 10_000 })).jsonValue();
  }
  const link = await page.evaluate(() => location.href); // page.url() may lag behind replaceState
  const other = await openPage(env.browser, link, { viewport });
  await openLab(other);
  for (const selector of ['.tornado li', '.heat-plot', '.pc-figures [data-field]']) await other.locator(`#lab ${selector}`).first().scrollIntoViewIfNeeded();
  await other.locator('#lab .heat-plot[data-steps="25"]').waitFor();
  await other.waitForFunction(() => document.querySelector('#lab .pc-figures [data-field]'));
  assert.deepEqual(await labState(other), settled);
  assert.deepEqual(other.problems, []);
  // A link from before the lab (no &lab=) still opens, with the lab's defaults.
  const old = await openPage(env.browser, link.replace(/&lab=.*/, ''), { viewport });
  await openLab(old);
  assert.equal(await lab(old, 'heat-steps').inputValue(), '51');
  assert.equal(await lab(old, 'price_factor').inputValue(), '10');
  assert.deepEqual(old.problems, []);
  // A damaged lab part: the model opens, the lab says why it starts from its defaults.
  const damaged = await openPage(env.browser, link.replace(/&lab=.*/, '&lab=AAAA'), { viewport });
  await openLab(damaged);
  await damaged.locator('#problem').getByText('settings in this link could not be read').waitFor();
  assert.equal(await lab(damaged, 'heat-steps').inputValue(), '51');
  assert.equal(await damaged.locator('#editor [name="plans[0].price"]').inputValue(), await other.locator('#editor [name="plans[0].price"]').inputValue());
});

test('the lab works in the offline single file', async () => {
  const context = await env.browser.newContext({ offline: true, viewport });
  const single = await context.newPage();
  const problems = [];
  single.on('pageerror', (e) => problems.push(e.message));
  single.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await single.goto(pathToFileURL(`${dist}/saas-metrics.html`).href);
  await single.locator('html[data-ready]').waitFor();
  await openLab(single);
  const expected = labCli('solve', { scenario: smb, vary: 'plans[0].price', target: { metric: 'ltv_to_cac', value: 3 } });
  await single.waitForFunction(() => document.querySelector('#lab .lab-answer')?.dataset.value);
  assertClose(await single.locator('#lab .lab-answer').getAttribute('data-value'), expected.value, 'goal seek offline');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the hosted lab works offline after a first visit that never scrolled to it', async () => {
  const context = await env.browser.newContext({ viewport });
  const hosted = await context.newPage();
  await hosted.goto(env.url);
  await hosted.locator('html[data-offline="ready"]').waitFor(); // the service worker holds every file
  await context.setOffline(true);
  const problems = [];
  hosted.on('pageerror', (e) => problems.push(e.message));
  hosted.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await hosted.goto(env.url);
  await hosted.locator('html[data-ready]').waitFor();
  await openLab(hosted);
  await hosted.locator('#lab .pc-figures').scrollIntoViewIfNeeded();
  await hosted.locator('#lab .pc-figures [data-field]').first().waitFor();
  const expected = labCli('price-change', { scenario: smb, change: { price_factor: 1.1, new_customers_factor: 0.95, churn_factor: 1, existing: 'grandfathered' } });
  assert.equal(await hosted.locator('#lab .pc-figures').getAttribute('data-payback'), String(expected.payback_month ?? ''));
  assert.deepEqual(problems, []);
  await context.close();
});

// axe-core over DevTools, so the page's CSP stays in force (as page-look.test.mjs does).
const axeSource = fs.readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const shots = new URL('screenshots/', import.meta.url).pathname;
fs.mkdirSync(shots, { recursive: true });

for (const [layout, size] of Object.entries({ phone: { width: 375, height: 812 }, desktop: { width: 1440, height: 900 } })) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${layout} ${colorScheme}: the lab has no serious accessibility violations, fits the width, screenshot`, async () => {
      const look = await openPage(env.browser, env.url, { viewport: size, colorScheme });
      await openLab(look);
      // Each tool draws once it is on screen.
      for (const [tool, drawn] of [['.tornado', '.tornado li'], ['.heat-plot', '.heat-plot[data-steps]'], ['.pc-figures', '.pc-chart canvas']]) {
        await look.locator(`#lab ${tool}`).scrollIntoViewIfNeeded();
        await look.locator(`#lab ${drawn}`).first().waitFor();
      }
      await look.evaluate(axeSource);
      const { violations } = await look.evaluate(() => globalThis.axe.run({ include: [['#lab']] }, { resultTypes: ['violations'] }));
      assert.deepEqual(violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.nodes[0].target.join(' ')}`), []);
      assert.ok(await look.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scrolling');
      await look.locator('#lab').screenshot({ path: `${shots}lab-${layout}-${colorScheme}.png` });
      assert.deepEqual(look.problems, []);
      await look.close();
    });
  }
}

test('the lab keeps the page free of errors', () => {
  assert.deepEqual(page.problems, []);
});
