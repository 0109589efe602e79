// The page computes what the native CLI computes, for a scenario typed into the form.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser } from './browser.mjs';
import { openPage, shownMetrics, cli, expectedValue, assertSameValue, control, downloadText, toggle, showCharts } from './page-helpers.mjs';

const env = await openBrowser();
test.after(() => env.close());

// Rates are typed as percentages; the scenario holds fractions. Values are exact in binary
// (2.5 / 100 is the double nearest 0.025), so the expected JSON is exactly what the page builds.
const typed = [
  ['name', 'Typed scenario'], ['currency', 'EUR'],
  ['plans[0].name', 'Basic'], ['plans[0].billing', 'annual'], ['plans[0].price', '290'], ['plans[0].share', '3'],
  ['add-plan'],
  ['plans[1].name', 'Seats'], ['plans[1].price', '19'], ['plans[1].unit_price', '12.5'], ['plans[1].units', '7'], ['plans[1].share', '2'],
  ['add-plan'],
  ['plans[2].name', 'Usage'], ['pricing-2', 'tiers'], ['plans[2].tier_mode', 'volume'], ['plans[2].units', '25'],
  ['plans[2].tiers[0].unit_price', '20'], ['plans[2].tiers[0].flat', '5'], ['plans[2].tiers[1].unit_price', '15'],
  ['add-tier-2'], ['plans[2].tiers[1].unit_price', '17'],
  ['customers.starting', '250'], ['customers.new_per_month', '18'], ['customers.monthly_churn', '2.5'],
  ['revenue.monthly_expansion', '1.5'], ['revenue.monthly_contraction', '0.5'],
  ['costs.sales_marketing_per_month', '21000'], ['costs.gross_margin', '82'], ['costs.fixed_per_month', '15000'],
  ['options.horizon_months', '48'], ['options.lifetime_cap_months', '72'],
];
const expected = {
  schema: 1, name: 'Typed scenario', currency: 'EUR',
  plans: [
    { name: 'Basic', billing: 'annual', price: 290, share: 3 },
    { name: 'Seats', billing: 'monthly', price: 19, share: 2, unit_price: 12.5, units: 7 },
    { name: 'Usage', billing: 'monthly', price: 0, share: 1, tier_mode: 'volume', units: 25,
      tiers: [{ up_to: 10, unit_price: 20, flat: 5 }, { up_to: 20, unit_price: 17, flat: 0 }, { up_to: null, unit_price: 15, flat: 0 }] },
  ],
  customers: { starting: 250, new_per_month: 18, monthly_churn: 0.025 },
  revenue: { monthly_expansion: 0.015, monthly_contraction: 0.005 },
  costs: { sales_marketing_per_month: 21000, gross_margin: 0.82, fixed_per_month: 15000 },
  options: { horizon_months: 48, lifetime_cap_months: 72 },
};

async function typeScenario(page) {
  await page.selectOption('#example', 'blank');
  for (const [path, value] of typed) {
    if (path === 'add-plan') await page.getByRole('button', { name: 'Add plan' }).click();
    else if (path.startsWith('pricing-')) await page.selectOption(`#f-plans-${path.slice(8)}-pricing`, value);
    else if (path.startsWith('add-tier-')) await page.locator(`[data-action="add-tier"][data-plan="${path.slice(9)}"]`).click();
    else if (await control(page, path).evaluate((e) => e.tagName === 'SELECT')) await control(page, path).selectOption(value);
    else await control(page, path).fill(value);
  }
}

test('every shown metric of a typed scenario equals the CLI output for the same JSON', async () => {
  const page = await openPage(env.browser, env.url);
  await typeScenario(page);
  const { text } = await downloadText(page, page.getByRole('button', { name: 'Export JSON' }));
  assert.deepEqual(JSON.parse(text), expected, 'the form builds exactly the typed scenario');

  const output = cli(expected);
  const shown = await shownMetrics(page);
  assert.ok(shown.length >= 27, `only ${shown.length} metrics shown`);
  for (const { key, value, text: label } of shown) {
    assertSameValue(value, expectedValue(output, key), `data-value of ${key}`);
    assert.doesNotMatch(label, /NaN|Infinity|^\s*$/, `text of ${key}`);
  }
  for (const [key, grade] of Object.entries(output.health)) {
    assert.equal(await page.locator(`.card[data-key="${key}"]`).getAttribute('data-grade'), grade ?? '', `grade of ${key}`);
  }
  assert.match(await page.locator('.cards [data-metric="mrr"]').textContent(), /€/);
  assert.deepEqual(page.problems, []);
});

test('undefined metrics show the core\'s note, never NaN or a blank', async () => {
  const page = await openPage(env.browser, env.url);
  await page.selectOption('#example', 'blank');
  const output = cli((await import('../../web/page/calculator/examples.js')).example('blank'));
  const nulls = Object.keys(output.metrics).filter((key) => output.metrics[key] === null);
  assert.ok(nulls.includes('cac'), 'the blank scenario has undefined metrics');
  for (const card of await page.locator('.card').all()) {
    const key = await card.getAttribute('data-key');
    if (!nulls.includes(key)) continue;
    assert.equal(await card.locator('.value').textContent(), '–', `${key} shows a dash`);
    const note = card.locator('.note');
    assert.ok(await note.isVisible(), `${key} shows its note`);
    assert.ok(output.notes.includes(await note.textContent()), `${key} note is the core's`);
  }
  assert.deepEqual(page.problems, []);
});

test('"how is this computed" shows the formula with the user\'s numbers, and grades show thresholds', async () => {
  const page = await openPage(env.browser, env.url);
  await control(page, 'customers.starting').fill('1000');
  const card = page.locator('.card[data-key="mrr"]');
  await toggle(card, card.getByText('How it’s computed')); // the formula is written on the `toggle` event
  assert.equal(await card.locator('.formula').textContent(), 'Customers × ARPA = 1,000 × $47.68 = $47,683');
  const ltvCac = page.locator('.card[data-key="ltv_to_cac"] .thresholds');
  assert.equal(await ltvCac.textContent(), 'Great ≥ 5× · good ≥ 3× · watch ≥ 1× · bad < 1×');
  assert.equal(await page.locator('.card[data-key="cac_payback_months"] .thresholds').textContent(),
    'Great ≤ 12 mo · good ≤ 18 mo · watch ≤ 24 mo · bad > 24 mo');
});

test('charts are drawn and follow every edit', async () => {
  const page = await openPage(env.browser, env.url);
  await showCharts(page);
  assert.equal(await page.locator('.chart canvas').count(), 3);
  const plot = page.locator('.chart .plot').first();
  const before = await plot.getAttribute('aria-label');
  await control(page, 'customers.new_per_month').fill('200');
  const after = await plot.getAttribute('aria-label');
  assert.notEqual(after, before);
  const { example } = await import('../../web/page/calculator/examples.js');
  const scenario = example('smb');
  scenario.customers.new_per_month = 200;
  const last = cli(scenario).projection.at(-1).mrr;
  const shown = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(last);
  assert.ok(after.includes(shown), `${after} mentions ${shown}`);
});

test('a chart edited while off screen shows, once scrolled to, what one edited on screen shows', async () => {
  const viewport = { width: 1280, height: 720 }; // the profit chart starts below the fold
  const profitChart = (page) => page.locator('.chart canvas').last();
  const pixels = (page) => profitChart(page).evaluate((canvas) => canvas.toDataURL());
  const edit = (page) => page.evaluate(() => { // no scrolling, unlike Playwright's fill()
    const input = document.querySelector('#editor [name="customers.new_per_month"]');
    input.value = '200';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  // The page learns that a chart scrolled on or off screen from an IntersectionObserver, in a
  // task after some later frame. An observer of our own, created after the scroll, reports it
  // in the same or a later delivery than the page's (created earlier): once ours has seen the
  // chart `onScreen` or not, the page knows it too.
  const seen = async (page, onScreen) => {
    await page.locator('#charts .chart:last-child .plot').evaluate((plot) => {
      window.testObserver?.disconnect();
      window.testSeen = undefined;
      window.testObserver = new IntersectionObserver((entries) => { window.testSeen = entries.at(-1).isIntersecting; });
      window.testObserver.observe(plot);
    });
    await page.waitForFunction((wanted) => window.testSeen === wanted, onScreen);
  };

  const offScreen = await openPage(env.browser, env.url, { viewport });
  await showCharts(offScreen);
  await profitChart(offScreen).scrollIntoViewIfNeeded();
  const before = await pixels(offScreen);
  await offScreen.evaluate(() => scrollTo(0, 0));
  await seen(offScreen, false);
  await edit(offScreen);
  await profitChart(offScreen).scrollIntoViewIfNeeded();
  await offScreen.waitForFunction((old) => document.querySelector('.chart:last-child canvas').toDataURL() !== old, before);

  const onScreen = await openPage(env.browser, env.url, { viewport });
  await showCharts(onScreen);
  await profitChart(onScreen).scrollIntoViewIfNeeded();
  await seen(onScreen, true);
  await edit(onScreen); // a chart on screen is redrawn within the input event's task (uPlot commits in a microtask)
  assert.equal(await pixels(offScreen), await pixels(onScreen));
  assert.notEqual(await pixels(onScreen), before);
});
