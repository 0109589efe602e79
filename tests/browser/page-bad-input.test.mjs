// Bad input: the field gets the core's message (aria-invalid + aria-describedby), the last
// good results stay on screen greyed as stale, and what was typed is never lost.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser } from './browser.mjs';
import { openPage, control, mrrValue, toggle } from './page-helpers.mjs';

const env = await openBrowser();
test.after(() => env.close());

const cases = [
  { name: 'empty', path: 'customers.starting', text: '', message: /must be a number/i },
  { name: 'negative', path: 'plans[0].price', text: '-5', message: /from 0/ },
  { name: 'letters', path: 'customers.new_per_month', text: 'twelve', message: /must be a number.*"twelve"/i },
  { name: 'overflow', path: 'costs.sales_marketing_per_month', text: '1e309', message: /must be a number/i },
  // A percent field states its range in percent, without the fraction the core saw.
  { name: '-0.5 churn', path: 'customers.monthly_churn', text: '-0.5', message: /^Must be a number from 0\s?% to 100\s?%, got -0\.5\s?%$/ },
];

for (const { name, path, text, message } of cases) {
  test(`bad input (${name}): message on the field, results kept and stale, text kept`, async () => {
    const page = await openPage(env.browser, env.url);
    const before = await mrrValue(page);
    const cac = page.locator('.card[data-key="cac"]');
    await toggle(cac);
    const formula = await cac.locator('.formula').textContent();
    assert.match(formula, /\S/, 'the formula is written out');
    const cards = await page.locator('.cards').textContent();
    const input = control(page, path);
    await input.fill(text);
    // A formula opened now quotes the inputs behind the results on screen, not the bad text.
    await toggle(cac);
    await cac.locator('.formula').evaluate((p) => { p.textContent = ''; }); // so a rewrite shows
    await toggle(cac);
    assert.equal(await cac.locator('.formula').textContent(), formula);

    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const describedBy = (await input.getAttribute('aria-describedby')).split(' ');
    const error = page.locator(`[id="${describedBy.at(-1)}"]`);
    assert.ok(await error.isVisible(), 'the message is shown');
    assert.match(await error.textContent(), message);
    assert.match(await page.locator('#status').textContent(), /1 field needs attention/);

    assert.equal(await mrrValue(page), before, 'the last good results stay');
    assert.equal(await page.locator('.cards').textContent(), cards);
    assert.ok(await page.locator('#results.stale').isVisible(), 'results are marked stale');
    assert.equal(await input.inputValue(), text, 'the typed text stays');

    // Rebuilding the plans (adding one) keeps the typed text and the message.
    await page.getByRole('button', { name: 'Add plan' }).click();
    assert.equal(await control(page, path).inputValue(), text);
    assert.equal(await control(page, path).getAttribute('aria-invalid'), 'true');

    await control(page, path).fill('1');
    assert.equal(await control(page, path).getAttribute('aria-invalid'), null, 'fixing the value clears the mark');
    assert.equal(await page.locator('#results.stale').count(), 0);
    assert.equal(await page.locator('#status').isVisible(), false);
    assert.deepEqual(page.problems, []);
  });
}

test('an error with no control of its own (all shares 0) is listed in the status', async () => {
  const page = await openPage(env.browser, env.url);
  for (const i of [0, 1, 2]) await control(page, `plans[${i}].share`).fill('0');
  assert.ok(await page.locator('#results.stale').isVisible());
  assert.match(await page.locator('#status').textContent(), /share/i);
});
