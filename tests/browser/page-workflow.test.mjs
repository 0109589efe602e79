// Never losing work: undo and redo over edits and loads, the autosaved working model, links
// that win over it, the example picker's committed choice, naming saved scenarios (replace or
// keep both, rename, delete), compare colours, the address bar after a rejected link, the
// projection CSV, and "Copy link" from the offline file.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { openBrowser, strictPage } from './browser.mjs';
import { openPage, control, mrrValue, downloadText, cli, showSaved } from './page-helpers.mjs';
import { example } from '../../web/page/calculator/examples.js';

const env = await openBrowser();
test.after(() => env.close());
const dist = process.env.DIST ?? new URL('../../dist/', import.meta.url).pathname;
const shots = new URL('screenshots/', import.meta.url).pathname;
fs.mkdirSync(shots, { recursive: true });

const code = (scenario) => zlib.deflateRawSync(Buffer.from(JSON.stringify(scenario))).toString('base64url');
const linkTo = (scenario) => `${env.url}#s=${code(scenario)}`;
/** The scenario a page's address holds, or undefined. */
function linked(url) {
  try {
    return JSON.parse(zlib.inflateRawSync(Buffer.from(new URL(url).hash.slice(3), 'base64url')));
  } catch {
    return undefined;
  }
}
const mrrOf = (scenario) => String(cli(scenario).metrics.mrr);
const smbWith = (starting) => ({ ...example('smb'), customers: { ...example('smb').customers, starting } });
/** Waits until the editor's control shows `value` (loads from links are asynchronous). */
const waitValue = (page, path, value) => page.waitForFunction(([p, v]) =>
  document.querySelector(`#editor [name="${p}"]`)?.value === v, [path, value]);
const button = (page, name) => page.getByRole('button', { name, exact: true });
/** Waits for a message in the toast; it may have hidden again already on a slow machine, its text stays. */
const toast = (page, text) => page.locator('#toast').filter({ hasText: text }).waitFor({ state: 'attached' });

test('an example picked after an edit is one undo away, and redo picks it again', async () => {
  const page = await openPage(env.browser, env.url);
  assert.equal(await button(page, 'Undo').getAttribute('aria-disabled'), 'true');
  await control(page, 'customers.starting').fill('555');
  await page.selectOption('#example', 'seats');
  assert.equal(await control(page, 'customers.starting').inputValue(), '120');

  await button(page, 'Undo').click();
  assert.equal(await control(page, 'customers.starting').inputValue(), '555');
  assert.equal(await mrrValue(page), mrrOf(smbWith(555)));
  assert.equal(await page.locator('#example').inputValue(), '', 'an edited example is no longer that example');
  await button(page, 'Redo').click();
  assert.equal(await control(page, 'customers.starting').inputValue(), '120');
  assert.equal(await page.locator('#example').inputValue(), 'seats');
  assert.equal(await mrrValue(page), mrrOf(example('seats')));
  assert.equal(await button(page, 'Redo').getAttribute('aria-disabled'), 'true');
  assert.deepEqual(page.problems, []);
});

test('Ctrl+Z and Shift+Ctrl+Z (or Ctrl+Y) undo and redo, one step per field edit', async () => {
  const page = await openPage(env.browser, env.url);
  await control(page, 'customers.starting').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('500'); // three keystrokes, one step
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('70');
  const values = async () => [await control(page, 'customers.starting').inputValue(), await control(page, 'customers.new_per_month').inputValue()];
  assert.deepEqual(await values(), ['500', '70']);

  await page.keyboard.press('Control+Z');
  assert.deepEqual(await values(), ['500', '60']);
  assert.equal(await page.evaluate(() => document.activeElement.name), 'customers.new_per_month', 'focus stays in its field');
  await page.keyboard.press('Control+Z');
  assert.deepEqual(await values(), ['400', '60']);
  assert.equal(await mrrValue(page), mrrOf(example('smb')));
  await page.keyboard.press('Control+Shift+Z');
  assert.deepEqual(await values(), ['500', '60']);
  await page.keyboard.press('Control+Y');
  assert.deepEqual(await values(), ['500', '70']);
  assert.deepEqual(page.problems, []);
});

test('a reload restores the working model, an invalid one with the typed text intact', async () => {
  const page = await openPage(env.browser, env.url);
  await control(page, 'name').fill('My SaaS');
  await control(page, 'customers.starting').fill('12abc');
  await control(page, 'customers.starting').and(page.locator('[aria-invalid="true"]')).waitFor();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('saas-metrics.working.v1')));
  assert.deepEqual(Object.keys(stored), ['scenario', 'example']);
  assert.equal(stored.scenario.customers.starting, '12abc');
  assert.equal(stored.example, '');

  await page.reload();
  await page.locator('html[data-ready]').waitFor();
  assert.equal(await control(page, 'customers.starting').inputValue(), '12abc');
  assert.equal(await control(page, 'name').inputValue(), 'My SaaS');
  assert.equal(await control(page, 'customers.starting').getAttribute('aria-invalid'), 'true');
  assert.ok(await page.locator('#results.stale').isVisible(), 'the results are marked as stale');

  await control(page, 'customers.starting').fill('450');
  await page.reload();
  await page.locator('html[data-ready]').waitFor();
  assert.equal(await control(page, 'customers.starting').inputValue(), '450');
  assert.equal(await mrrValue(page), mrrOf({ ...smbWith(450), name: 'My SaaS' }));

  // Junk under the key (another version, another program) is ignored: a plain visit starts from the default example.
  await page.evaluate(() => localStorage.setItem('saas-metrics.working.v1', '{"scenario":{"plans":[null]},"example":"nope"}'));
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  assert.equal(await mrrValue(page), mrrOf(example('smb')));
  assert.deepEqual(page.problems, []);
});

test('a share link opened wins over the autosave, and the previous model is one undo away', async () => {
  const context = await env.browser.newContext(); // one browser profile, two tabs
  const page = await openPage(context, env.url);
  await control(page, 'customers.starting').fill('321');

  // Opened in another tab of the same browser: the link's model shows.
  const tab = await openPage(context, linkTo(example('seats')));
  assert.equal(await control(tab, 'customers.starting').inputValue(), '120');
  await toast(tab, 'Undo brings back the one you were working on');
  await button(tab, 'Undo').click();
  assert.equal(await control(tab, 'customers.starting').inputValue(), '321');
  assert.equal(await mrrValue(tab), mrrOf(smbWith(321)));

  // Typed into the address bar of the open page.
  await page.goto(linkTo(example('enterprise')));
  await waitValue(page, 'customers.starting', '35');
  await button(page, 'Undo').click();
  assert.equal(await control(page, 'customers.starting').inputValue(), '321');
  assert.deepEqual([...page.problems, ...tab.problems], []);
  await context.close();
});

test('Back to an older link loads its model, and the one left is one undo away', async () => {
  const page = await openPage(env.browser, env.url);
  await control(page, 'customers.starting').fill('321');
  await page.waitForURL((url) => linked(url)?.customers.starting === 321); // written shortly after the edit
  await page.goto(linkTo(example('seats')));
  await waitValue(page, 'customers.starting', '120');
  await control(page, 'customers.starting').fill('130');
  await page.waitForURL((url) => linked(url)?.customers.starting === 130);
  await page.goBack();
  await waitValue(page, 'customers.starting', '321');
  await button(page, 'Undo').click();
  assert.equal(await control(page, 'customers.starting').inputValue(), '130');
  assert.deepEqual(page.problems, []);
});

test('a single ArrowDown on the picker does not replace the model; Enter then loads the choice', async () => {
  const page = await openPage(env.browser, env.url);
  await control(page, 'customers.starting').fill('333');
  await page.locator('#example').focus();
  await page.keyboard.press('ArrowDown');
  await toast(page, 'Press Enter to load');
  assert.equal(await control(page, 'customers.starting').inputValue(), '333');
  assert.equal(await mrrValue(page), mrrOf(smbWith(333)));

  await page.keyboard.press('Enter');
  await waitValue(page, 'customers.starting', '400');
  assert.equal(await page.locator('#example').inputValue(), 'smb');
  assert.deepEqual(page.problems, []);
});

/** Clicks Save and answers the dialog with `name` (as filled in when omitted). */
async function saveAs(page, name) {
  await button(page, 'Save').click();
  const dialog = page.getByRole('dialog', { name: 'Save scenario' });
  await dialog.waitFor();
  if (name !== undefined) await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  return dialog;
}

test('saving under a name in use offers Replace or Keep both; saved scenarios can be renamed and deleted', async () => {
  const page = await openPage(env.browser, env.url, { viewport: { width: 1440, height: 900 } });
  const names = page.locator('.saved .name');
  await button(page, 'Save').click();
  const dialog = page.getByRole('dialog', { name: 'Save scenario' });
  assert.equal(await dialog.getByLabel('Name').inputValue(), 'Self-serve SMB', 'the scenario\'s name is filled in');
  await dialog.screenshot({ path: `${shots}workflow-save-dialog-1440.png` });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  assert.deepEqual(await names.allTextContents(), ['Self-serve SMB']);

  await control(page, 'customers.starting').fill('800');
  await saveAs(page);
  await dialog.getByText('A saved scenario is already called “Self-serve SMB”').waitFor();
  await page.screenshot({ path: `${shots}workflow-save-clash-1440.png` });
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  assert.deepEqual(await names.allTextContents(), ['Self-serve SMB', 'Self-serve SMB (2)']);
  const customersRow = page.locator('.compare tbody tr').filter({ has: page.locator('th', { hasText: /^Customers$/ }) });
  await page.selectOption('#compare-A', { label: 'Self-serve SMB' });
  await page.selectOption('#compare-B', { label: 'Self-serve SMB (2)' });
  assert.deepEqual(await customersRow.locator('td').allTextContents(), ['400', '800', '+400 (better)']);

  await control(page, 'customers.starting').fill('900');
  await saveAs(page);
  await dialog.getByRole('button', { name: 'Replace' }).click();
  assert.deepEqual(await names.allTextContents(), ['Self-serve SMB', 'Self-serve SMB (2)']);
  assert.deepEqual(await customersRow.locator('td').allTextContents(), ['900', '800', '-100 (worse)']);

  await page.getByRole('button', { name: 'Rename Self-serve SMB (2)' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename saved scenario' });
  await rename.getByLabel('Name').fill('Bigger');
  await rename.getByRole('button', { name: 'Rename' }).click();
  assert.deepEqual(await names.allTextContents(), ['Self-serve SMB', 'Bigger']);
  await page.getByRole('button', { name: 'Open Bigger' }).click();
  assert.equal(await control(page, 'name').inputValue(), 'Bigger');
  assert.equal(await control(page, 'customers.starting').inputValue(), '800');

  await page.getByRole('button', { name: 'Delete Self-serve SMB' }).click();
  assert.deepEqual(await names.allTextContents(), ['Bigger']);
  await page.reload();
  await page.locator('html[data-ready]').waitFor();
  await showSaved(page); // built when near
  assert.deepEqual(await names.allTextContents(), ['Bigger']);

  // Cancelling (Escape) saves nothing.
  await button(page, 'Save').click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(await names.allTextContents(), ['Bigger']);
  assert.deepEqual(page.problems, []);
});

test('compare colours a difference by better or worse for its metric, not by its sign', async () => {
  const page = await openPage(env.browser, env.url);
  // From the keyboard: the dialog opens with the name selected, Enter saves.
  await button(page, 'Save').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Save scenario' }).waitFor(); // the first Save may load the panel first
  await page.keyboard.type('Base');
  await page.keyboard.press('Enter');
  await page.locator('.saved .name', { hasText: 'Base' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.tool), 'save', 'focus is back on Save');
  await control(page, 'customers.monthly_churn').fill('2');
  await control(page, 'costs.sales_marketing_per_month').fill('24000');
  await saveAs(page, 'Less churn, more spend');
  await page.selectOption('#compare-A', { label: 'Base' });
  await page.selectOption('#compare-B', { label: 'Less churn, more spend' });
  const effect = (label) => page.locator('.compare tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) })
    .locator('td').nth(2).getAttribute('data-effect');
  assert.equal(await effect('Churned MRR'), 'better', 'less churned MRR is good');
  assert.equal(await effect('Customer churn \\(monthly\\)'), 'better');
  assert.equal(await effect('LTV'), 'better', 'more LTV is good');
  assert.equal(await effect('CAC'), 'worse', 'a higher CAC is bad');
  assert.equal(await effect('CAC payback'), 'worse', 'a longer payback is bad');
  assert.equal(await effect('MRR'), '', 'no difference');
  assert.equal(await effect('ARPA'), '', 'ARPA is neutral');
  // The colours are the theme's grade colours (setting a style through the CSSOM is allowed by the CSP).
  const colours = await page.evaluate(() => {
    const cell = (effect) => getComputedStyle(document.querySelector(`.compare td[data-effect="${effect}"]`)).color;
    const theme = (name) => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = `var(${name})`;
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    };
    return [cell('better'), theme('--great'), cell('worse'), theme('--bad')];
  });
  assert.equal(colours[0], colours[1]);
  assert.equal(colours[2], colours[3]);
  assert.deepEqual(page.problems, []);
});

test('a rejected link typed into the address bar leaves the current model\'s link there', async () => {
  const page = await openPage(env.browser, env.url);
  await control(page, 'customers.starting').fill('444');
  await page.waitForFunction(() => location.hash.startsWith('#s='));
  await page.goto(`${env.url}#s=AAAAAAAA`);
  await page.locator('#problem').filter({ hasText: 'This link could not be opened' }).waitFor();
  await page.waitForFunction(() => location.hash !== '#s=AAAAAAAA');
  assert.equal(linked(page.url())?.customers.starting, 444);
  assert.equal(await control(page, 'customers.starting').inputValue(), '444');
  // The link alone (no autosave) reopens the model.
  const other = await openPage(env.browser, page.url());
  assert.equal(await control(other, 'customers.starting').inputValue(), '444');
  assert.deepEqual(page.problems, []);
});

test('the projection CSV starts at month 0, in cents, with the currency in the header', async () => {
  const page = await openPage(env.browser, env.url);
  await page.selectOption('#example', 'enterprise');
  const { name, text } = await downloadText(page, button(page, 'Export CSV'));
  assert.equal(name, 'enterprise-annual.csv');
  const [header, ...rows] = text.trimEnd().split('\r\n').map((line) => line.split(','));
  const output = cli(example('enterprise'));
  const columns = Object.keys(output.projection[0]);
  const money = columns.filter((c) => !['month', 'customers'].includes(c));
  assert.deepEqual(header, columns.map((c) => (money.includes(c) ? `${c} (EUR)` : c)));
  assert.equal(rows.length, output.projection.length + 1);

  const m = output.metrics;
  const monthZero = { month: 0, customers: m.customers, mrr: m.mrr, arr: m.arr, new_mrr: m.new_mrr,
    expansion_mrr: m.expansion_mrr, contraction_mrr: m.contraction_mrr, churned_mrr: m.churned_mrr,
    net_new_mrr: m.net_new_mrr, profit: m.burn_or_profit_monthly };
  [monthZero, ...output.projection].forEach((expected, i) => columns.forEach((column, j) => {
    const cell = rows[i][j];
    const value = expected[column];
    const where = `month ${i}, ${column}`;
    if (value === undefined) return assert.equal(cell, '', `${where} is empty`);
    if (column === 'month') return assert.equal(cell, String(i));
    assert.match(cell, /^-?\d+\.\d\d$/, `${where}: two decimals`);
    assert.ok(Math.abs(Number(cell) - value) <= 0.005 + 1e-9 * Math.abs(value), `${where}: ${cell} is ${value} rounded`);
  }));
  assert.deepEqual(rows[0].slice(0, 3), ['0', '35.00', String(Math.round(m.mrr * 100) / 100)]);
  assert.deepEqual(page.problems, []);
});

test('"Copy link" in the offline file explains that a file:// link opens only on this computer', async () => {
  const page = await strictPage(env.browser);
  await page.goto(pathToFileURL(`${dist}/saas-metrics.html`).href);
  await page.locator('html[data-ready]').waitFor();
  await button(page, 'Copy link').click();
  await toast(page, 'opens only on this computer');
  assert.match(await page.locator('#toast').textContent(), /file:\/\/ link points to this file on your disk/);
  assert.deepEqual(page.problems, []);
});

test('the toolbar and the save dialog at 375 px (dark) and 1440 px (light): screenshots to look at', async () => {
  for (const [width, colorScheme] of [[375, 'dark'], [1440, 'light']]) {
    const page = await openPage(env.browser, env.url, { viewport: { width, height: width < 500 ? 812 : 900 }, colorScheme });
    await page.locator('.topbar').screenshot({ path: `${shots}workflow-toolbar-${width}.png` });
    await saveAs(page);
    await saveAs(page); // the same name again: the dialog asks
    await page.getByRole('button', { name: 'Keep both' }).waitFor();
    await page.screenshot({ path: `${shots}workflow-save-dialog-page-${width}.png` });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scrolling');
    assert.deepEqual(page.problems, []);
  }
});
