// Issue 13, "Founder-proof": numbers that say what they mean, an editor that keeps the
// model valid, numbers typed as people type them, and a page that fits a phone and a
// keyboard. Every expected number comes from the native CLI.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openBrowser } from './browser.mjs';
import { openPage, control, controlValues, mrrValue, cli, assertSameValue, showCharts, showSaved, toggle } from './page-helpers.mjs';
import { example } from '../../web/page/calculator/examples.js';
import { formatValue } from '../../web/shared/format.js';

const env = await openBrowser();
test.after(() => env.close());
const shots = new URL('screenshots/', import.meta.url).pathname;
fs.mkdirSync(shots, { recursive: true });

/** Waits until the headline MRR card shows `value` (the core's number) and is not stale. */
async function waitForMrr(page, value) {
  await page.waitForFunction((expected) => {
    const card = document.querySelector('.cards [data-metric="mrr"]');
    return !document.querySelector('#results.stale') && Math.abs(Number(card.dataset.value) - expected) <= 1e-9 * Math.max(1, expected);
  }, value);
}

const labelOf = (page, path) => control(page, path).evaluate((input) => input.labels[0].textContent);

test('billing: every money field says its period, and switching offers to keep monthly revenue', async () => {
  const page = await openPage(env.browser, env.url);
  const smb = example('smb');
  assert.equal(await labelOf(page, 'plans[0].price'), 'Flat price / month');
  assert.equal(await labelOf(page, 'plans[0].unit_price'), 'Price per unit / month');
  assert.equal(await labelOf(page, 'plans[2].price'), 'Flat price / year', 'the annual plan says so');
  assert.equal(await labelOf(page, 'costs.sales_marketing_per_month'), 'Sales & marketing / month');
  const before = Number(await mrrValue(page));
  assertSameValue(String(before), cli(smb).metrics.mrr, 'MRR before');

  await control(page, 'plans[0].billing').selectOption('annual');
  assert.equal(await labelOf(page, 'plans[0].price'), 'Flat price / year', 'the period follows at once');
  assert.equal(await labelOf(page, 'plans[0].unit_price'), 'Price per unit / year');
  const prompt = page.getByRole('group', { name: /Prices are now per year/ });
  await prompt.waitFor();
  assert.equal(await control(page, 'plans[0].price').inputValue(), '29', 'nothing changes before an answer');
  const asTyped = structuredClone(smb);
  asTyped.plans[0].billing = 'annual';
  await waitForMrr(page, cli(asTyped).metrics.mrr); // $29 a year: MRR falls, and the prompt says why

  await prompt.getByRole('button', { name: 'Keep monthly revenue' }).click();
  assert.equal(await control(page, 'plans[0].price').inputValue(), '348');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'plans[0].billing', 'focus returns to billing');
  await waitForMrr(page, before);
  const converted = structuredClone(asTyped);
  converted.plans[0].price = 348;
  assertSameValue(await mrrValue(page), cli(converted).metrics.mrr, 'MRR after converting');
  assert.match(await page.locator('.billing-prompt[data-plan="0"] [role="status"]').textContent(), /monthly revenue unchanged/);

  // Back to monthly, keeping the number: $348 a month now.
  await control(page, 'plans[0].billing').selectOption('monthly');
  await page.getByRole('group', { name: /Prices are now per month/ }).getByRole('button', { name: 'Keep the numbers' }).click();
  assert.equal(await control(page, 'plans[0].price').inputValue(), '348');
  assert.equal(await labelOf(page, 'plans[0].price'), 'Flat price / month');
  const kept = structuredClone(converted);
  kept.plans[0].billing = 'monthly';
  await waitForMrr(page, cli(kept).metrics.mrr);

  // Typing a price instead of answering closes the question: the typed price is the answer.
  await control(page, 'plans[1].billing').selectOption('annual');
  await page.getByRole('group', { name: /Prices are now per year/ }).waitFor();
  await control(page, 'plans[1].price').fill('790');
  assert.equal(await page.getByRole('button', { name: 'Keep monthly revenue' }).count(), 0);
  assert.deepEqual(page.problems, []);
});

test('tiers: adding splits the last range in order with its price, removing the open tier keeps the model valid', async () => {
  const page = await openPage(env.browser, env.url);
  await page.selectOption('#example', 'seats');
  const seats = example('seats'); // Business: graduated up to 10 at 30, up to 50 at 24, then 18; 40 units
  await waitForMrr(page, cli(seats).metrics.mrr);
  const before = Number(await mrrValue(page));
  const bounds = async () => Object.entries(await controlValues(page))
    .filter(([name]) => /^plans\[1\]\.tiers\[\d+\]\.up_to$/.test(name)).map(([, value]) => value);

  await page.getByRole('button', { name: 'Add tier' }).click();
  assert.deepEqual(await bounds(), ['10', '50', '100', ''], 'the new bound doubles the last one, in order');
  assert.equal(await control(page, 'plans[1].tiers[2].unit_price').inputValue(), '18', 'the open tier\'s price is copied');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'plans[1].tiers[2].unit_price');
  assert.equal(await mrrValue(page), String(before), 'revenue unchanged until a price is typed');

  // Now 80 units reach the new tier; its price matters once typed.
  await control(page, 'plans[1].units').fill('80');
  await control(page, 'plans[1].tiers[2].unit_price').fill('20');
  const typed = structuredClone(seats);
  typed.plans[1].units = 80;
  typed.plans[1].tiers.splice(2, 0, { up_to: 100, unit_price: 20, flat: 0 });
  await waitForMrr(page, cli(typed).metrics.mrr);

  // Removing the open-ended tier makes "up to 100" the open one.
  await page.getByRole('button', { name: 'Remove tier 4 of Business' }).click();
  assert.deepEqual(await bounds(), ['10', '50', '']);
  typed.plans[1].tiers = [{ up_to: 10, unit_price: 30, flat: 0 }, { up_to: 50, unit_price: 24, flat: 0 }, { up_to: null, unit_price: 20, flat: 0 }];
  await waitForMrr(page, cli(typed).metrics.mrr);
  assert.equal(await page.locator('#editor [aria-invalid="true"]').count(), 0, 'the model stays valid');

  // A flat fee on the open tier of a graduated plan moves to the new tier: revenue unchanged.
  await control(page, 'plans[1].tiers[2].flat').fill('50');
  typed.plans[1].tiers[2].flat = 50;
  await waitForMrr(page, cli(typed).metrics.mrr);
  const withFlat = Number(await mrrValue(page));
  await page.getByRole('button', { name: 'Add tier' }).click();
  assert.deepEqual(await bounds(), ['10', '50', '100', '']);
  assert.equal(await mrrValue(page), String(withFlat));

  assert.match(await page.locator('#editor').getByText(/^Graduated: each unit costs/).textContent(), /Volume: every unit costs/);
  assert.deepEqual(page.problems, []);
});

test('numbers as people type them: "12,000", "$49" kept as typed; "1,5" in en-US asks for a point', async () => {
  const page = await openPage(env.browser, env.url, { locale: 'en-US' });
  const scenario = example('smb');
  await control(page, 'customers.starting').fill('12,000');
  scenario.customers.starting = 12000;
  await waitForMrr(page, cli(scenario).metrics.mrr);
  await control(page, 'plans[0].price').fill('$49');
  scenario.plans[0].price = 49;
  await waitForMrr(page, cli(scenario).metrics.mrr);
  await control(page, 'costs.gross_margin').fill('75 %');
  scenario.costs.gross_margin = 0.75;
  await waitForMrr(page, cli(scenario).metrics.mrr);
  assertSameValue(await page.locator('[data-metric="ltv"]').first().getAttribute('data-value'), cli(scenario).metrics.ltv, 'LTV with 75 %');

  // A rebuilt editor (a plan added) shows the text as it was typed.
  await page.getByRole('button', { name: 'Add plan' }).click();
  assert.equal(await control(page, 'customers.starting').inputValue(), '12,000');
  assert.equal(await control(page, 'plans[0].price').inputValue(), '$49');
  await page.getByRole('button', { name: 'Remove plan Plan 4' }).click();

  const count = control(page, 'customers.new_per_month');
  await count.fill('1,5');
  assert.equal(await count.getAttribute('aria-invalid'), 'true');
  const message = page.locator(`[id="${(await count.getAttribute('aria-describedby')).split(' ').at(-1)}"]`);
  assert.match(await message.textContent(), /^Use a point for decimals \(2\.5\)/);
  assert.match(await page.locator('#status').textContent(), /New customers per month/, 'the summary names the field');
  assert.equal(await count.inputValue(), '1,5', 'the typed text stays');
  await count.fill('twelve');
  assert.match(await message.textContent(), /must be a number from 0 to 1 trillion, got "twelve"/i);
  await count.fill('1.5');
  assert.equal(await count.getAttribute('aria-invalid'), null);
  assert.deepEqual(page.problems, []);
});

test('a Swedish browser reads "2,5" as two and a half', async () => {
  const page = await openPage(env.browser, env.url, { locale: 'sv-SE' });
  const scenario = example('smb');
  await control(page, 'customers.monthly_churn').fill('2,5');
  await control(page, 'customers.starting').fill('12 000');
  scenario.customers.monthly_churn = 0.025;
  scenario.customers.starting = 12000;
  await waitForMrr(page, cli(scenario).metrics.mrr);
  assertSameValue(await page.locator('.cards [data-metric="customer_churn_monthly"]').getAttribute('data-value'), 0.025, 'churn');
  assert.equal(await control(page, 'customers.monthly_churn').inputValue(), '2,5');
  assert.deepEqual(page.problems, []);
});

test('all plan shares at 0 mark every share field', async () => {
  const page = await openPage(env.browser, env.url);
  for (const i of [0, 1, 2]) await control(page, `plans[${i}].share`).fill('0');
  await page.locator('#results.stale').waitFor();
  for (const i of [0, 1, 2]) {
    const share = control(page, `plans[${i}].share`);
    assert.equal(await share.getAttribute('aria-invalid'), 'true', `plans[${i}].share`);
    const id = (await share.getAttribute('aria-describedby')).split(' ').at(-1);
    assert.match(await page.locator(`[id="${id}"]`).textContent(), /^Needs at least one plan with a share above 0/);
  }
  await control(page, 'plans[1].share').fill('1');
  await page.locator('#results.stale').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#editor [aria-invalid="true"]').count(), 0);
});

test('charts: the legend shows the last month before any hover, whole customers, and a table for keyboards', async () => {
  const page = await openPage(env.browser, env.url, { locale: 'en-US', viewport: { width: 1440, height: 900 } });
  const output = cli(example('smb'));
  const last = output.projection.at(-1);
  const money = (v) => formatValue(v, 'money', { currency: 'USD', locale: 'en-US' });
  const legend = (chart) => page.locator('.chart').nth(chart).locator('.u-legend .u-series')
    .evaluateAll((rows) => rows.map((row) => [row.querySelector('.u-label').textContent, row.querySelector('.u-value').textContent]));
  await showCharts(page);
  await page.locator('.chart').first().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('.u-legend .u-value').length >= 11);
  assert.deepEqual(await legend(0), [['Month', '36'], ['MRR', money(last.mrr)], ['Customers', Math.round(last.customers).toLocaleString('en-US')]]);
  assert.deepEqual((await legend(1)).slice(1), [['Expansion', money(last.expansion_mrr)], ['New', money(last.new_mrr)],
    ['Contraction', money(last.contraction_mrr)], ['Churn', money(last.churned_mrr)]]);
  assert.deepEqual((await legend(2)).slice(1), [['Monthly profit', money(last.profit)], ['Cumulative profit', money(last.cumulative_profit)]]);

  // Hovering a month shows that month, customers still whole.
  const box = await page.locator('.chart').first().locator('.u-over').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => document.querySelector('.chart .u-legend .u-value').textContent !== '36');
  const [[, month], , [, customers]] = await legend(0);
  assert.match(customers, /^\d{1,3}(,\d{3})*$/, `whole customers, got ${customers}`);
  assert.equal(customers, Math.round(output.projection[Number(month) - 1].customers).toLocaleString('en-US'));
  await page.mouse.move(0, 0);

  // Keyboard: each chart's "Show as table" opens every month's values.
  for (const [chart, columns] of [[0, ['mrr', 'customers']], [1, ['new_mrr', 'expansion_mrr', 'contraction_mrr', 'churned_mrr']], [2, ['profit', 'cumulative_profit']]]) {
    const figure = page.locator('.chart').nth(chart);
    await figure.locator('summary').focus();
    await page.keyboard.press('Enter');
    const rows = figure.getByRole('region').locator('tbody tr');
    await rows.nth(35).waitFor();
    assert.equal(await rows.count(), 36);
    const cells = await rows.nth(11).locator('th, td').allTextContents();
    const m = output.projection[11];
    assert.deepEqual(cells, ['Month 12', ...columns.map((key) => (key === 'customers' ? Math.round(m[key]).toLocaleString('en-US') : money(m[key])))]);
    assert.equal(await figure.getByRole('region').getAttribute('tabindex'), '0', 'the table scrolls by keyboard');
  }
  assert.deepEqual(page.problems, []);
});

test('how it is computed: a proper minus, never "+ -"', async () => {
  const page = await openPage(env.browser, env.url, { locale: 'en-US' });
  const output = cli(example('smb'));
  assert.ok(output.metrics.profit_margin < 0, 'the example loses money');
  const card = page.locator('.card[data-key="rule_of_40"]');
  await toggle(card, card.locator('summary')); // the formula is written on the toggle event
  const text = await card.locator('.formula').textContent();
  assert.doesNotMatch(text, /\+ -|\+ −/);
  assert.ok(text.includes(` − ${formatValue(-output.metrics.profit_margin, 'percent', { locale: 'en-US' })} = `), text);
});

test('at 375 px nothing overflows its box: cards, buttons, the comparison, long names, the embed preview', async () => {
  const big = { ...example('enterprise'), name: 'Enterprise annual, the scenario with the longest name anyone ever saved' };
  big.customers = { ...big.customers, starting: 5e11 };
  const page = await openPage(env.browser, env.url, { viewport: { width: 375, height: 812 }, locale: 'en-US' });
  await page.evaluate((saved) => localStorage.setItem('saas-metrics.saved.v1', JSON.stringify(saved)), [{ name: big.name, scenario: big, saved: '2026-01-01T00:00:00Z' }]);
  await page.reload();
  await page.locator('html[data-ready]').waitFor();
  // Viewport screenshots (the phone's fixed ticker stays where a visitor sees it).
  const shot = async (locator, name) => {
    await locator.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${shots}founder-375-${name}.png` });
  };
  // The example breaks even in month 20: the label sits inside the plot, whole.
  await showCharts(page);
  const profit = page.locator('.chart').nth(2);
  await profit.locator('.u-legend').waitFor();
  await shot(profit, 'profit-chart');

  await control(page, 'customers.starting').fill('500,000,000,000');
  await control(page, 'plans[0].name').fill('Starter-plan-with-a-name-that-never-ends-and-has-no-spaces-at-all');
  await page.waitForFunction(() => document.querySelector('.cards [data-metric="mrr"]').textContent.endsWith('T'));

  const overflowing = (selector) => page.locator(selector).evaluateAll((boxes) => boxes
    .filter((box) => box.offsetParent && box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${box.className || box.tagName} "${box.textContent.slice(0, 40)}" ${box.scrollWidth} > ${box.clientWidth}`));
  assert.deepEqual(await overflowing('.card'), [], 'cards');
  assert.deepEqual(await overflowing('.button'), [], 'buttons');
  assert.deepEqual(await overflowing('.plan'), [], 'plans with long names');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'the page itself');
  await showSaved(page);
  await page.locator('.comparison').scrollIntoViewIfNeeded();
  assert.deepEqual(await overflowing('.comparison .table-wrap'), [], 'the comparison fits');
  await shot(page.locator('.comparison .table-wrap'), 'compare');

  await page.locator('#embed-builder').scrollIntoViewIfNeeded();
  const preview = page.locator('#embed-builder saas-metrics');
  await preview.waitFor();
  await page.waitForFunction(() => document.querySelector('#embed-builder saas-metrics')?.shadowRoot
    .querySelector('[part~="metric-value"]')?.textContent.endsWith('T'));
  // Tiles: the value stays inside its tile.
  const spills = await preview.evaluate((element) => [...element.shadowRoot.querySelectorAll('[part~="metric"]')]
    .filter((tile) => {
      const value = tile.querySelector('[part~="metric-value"]').getBoundingClientRect();
      const box = tile.getBoundingClientRect();
      return tile.scrollWidth > tile.clientWidth || value.right > box.right || value.left < box.left;
    }).map((tile) => tile.textContent));
  assert.deepEqual(spills, [], 'embed preview tiles');
  await shot(page.locator('#embed-builder .preview'), 'embed-preview');
});

test('the embedded component reads "12,000" too, and keeps the text', async () => {
  const page = await openPage(env.browser, env.url, { locale: 'en-US' });
  await page.locator('#embed-builder').scrollIntoViewIfNeeded();
  const input = page.locator('#embed-builder saas-metrics [name="customers.starting"]');
  await input.waitFor();
  await input.fill('12,000');
  const scenario = example('smb');
  scenario.customers.starting = 12000;
  const expected = cli(scenario).metrics.mrr;
  await page.waitForFunction((mrr) => document.querySelector('#embed-builder saas-metrics').output?.metrics.mrr === mrr, expected);
  assert.equal(await input.getAttribute('aria-invalid'), 'false');
  assert.equal(await input.inputValue(), '12,000');
});
