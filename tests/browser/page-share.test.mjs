// Sharing and moving data: the share link, saved scenarios, JSON import/export, CSV,
// the plain-text summary, and hostile links and files.
import test from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { openBrowser } from './browser.mjs';
import { openPage, shownMetrics, controlValues, control, mrrValue, downloadText, cli, showSaved } from './page-helpers.mjs';
import { example } from '../../web/page/calculator/examples.js';

const env = await openBrowser();
test.after(() => env.close());

const link = (text) => `${env.url}#s=${zlib.deflateRawSync(Buffer.from(text)).toString('base64url')}`;
const defaultMrr = String(cli(example('smb')).metrics.mrr);

test('a share link reopens exactly the same model', async () => {
  const page = await openPage(env.browser, env.url);
  await page.selectOption('#example', 'seats');
  await control(page, 'customers.starting').fill('321');
  await control(page, 'plans[1].tiers[1].flat').fill('40');
  await control(page, 'name').fill('Shared <b>model</b> ✓');
  // The fragment is rewritten shortly after the last edit: wait until it holds that edit.
  const sharedName = (url) => {
    try {
      return JSON.parse(zlib.inflateRawSync(Buffer.from(new URL(url).hash.slice(3), 'base64url'))).name;
    } catch {
      return undefined;
    }
  };
  let url = await (await page.waitForFunction(() => location.hash.startsWith('#s=') && location.hash.length < 1000 && location.href)).jsonValue();
  // Until the link holds the last edit, wait for the page's next rewrite of its address.
  for (const end = Date.now() + 10_000; sharedName(url) !== 'Shared <b>model</b> ✓';) {
    const rewritten = await page.waitForFunction((before) => location.href !== before && location.href, url,
      { timeout: Math.max(end - Date.now(), 1) }).catch((error) => {
      if (error.name === 'TimeoutError') assert.fail('the link never held the last edit');
      throw error;
    });
    url = await rewritten.jsonValue();
  }

  const other = await openPage(env.browser, url);
  assert.deepEqual(await controlValues(other), await controlValues(page));
  assert.deepEqual(await shownMetrics(other), await shownMetrics(page));
  assert.equal(await other.locator('.plan legend').first().textContent(), 'Team');
  assert.deepEqual(other.problems, []);
});

test('"Copy link" puts the link on the clipboard', async () => {
  const context = await env.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  await control(page, 'customers.starting').fill('77');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /#s=[A-Za-z0-9_-]+$/);
  const other = await openPage(env.browser, copied);
  assert.equal(await control(other, 'customers.starting').inputValue(), '77');

  await page.getByRole('button', { name: 'Copy summary' }).click();
  await page.getByText('Summary copied').waitFor();
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(summary, /^Self-serve SMB — SaaS metrics\nMRR: \$3,672\n/); // 77 × $47.68
  assert.match(summary, /LTV\/CAC: [\d.]+× \((great|good|watch|bad)\)/);
  await context.close();
});

const hostileLinks = {
  'not base64': `${env.url}#s=%3Cscript%3E`,
  'not deflate': `${env.url}#s=AAAAAAAA`,
  'truncated': link(JSON.stringify(example('smb'))).slice(0, -20),
  'not JSON': link('hello'),
  'JSON array': link('[1,2,3]'),
  'invalid scenario': link(JSON.stringify({ plans: [{ price: -1 }], customers: { starting: 'many' }, evil: '<img src=x onerror=alert(1)>' })),
  'prototype keys': link('{"__proto__":{"polluted":1},"plans":[{"price":1}],"customers":{"starting":1}}'),
  'deeply nested': link('['.repeat(50_000) + ']'.repeat(50_000)),
  'deflate bomb': link(' '.repeat(20_000_000)),
};

for (const [name, url] of Object.entries(hostileLinks)) {
  test(`a hostile link (${name}) opens with a clear message and the default model`, async () => {
    const page = await openPage(env.browser, url);
    const problem = page.locator('#problem');
    assert.ok(await problem.isVisible(), 'a message is shown');
    assert.match(await problem.textContent(), /This link (could not be opened|holds a scenario with \d+ problems?)/);
    assert.equal(await mrrValue(page), defaultMrr, 'the default model is shown');
    assert.equal(await page.evaluate(() => ({}).polluted), undefined);
    assert.equal(await page.locator('img').count(), 0, 'nothing from the link became markup');
    assert.deepEqual(page.problems, []);
  });
}

test('the messages of an invalid shared scenario name its fields', async () => {
  const page = await openPage(env.browser, hostileLinks['invalid scenario']);
  const text = await page.locator('#problem').textContent();
  for (const field of ['plans[0].price', 'customers.starting', 'evil']) assert.ok(text.includes(field), `${field} in ${text}`);
});

/** Clicks Save and confirms the name the dialog suggests (the scenario's). */
async function save(page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('dialog', { name: 'Save scenario' }).getByRole('button', { name: 'Save', exact: true }).click();
}

test('saved scenarios survive a reload; duplicate and compare show differences', async () => {
  const page = await openPage(env.browser, env.url);
  await save(page);
  await control(page, 'name').fill('Bigger');
  await control(page, 'customers.starting').fill('800');
  await save(page);
  await page.goto(env.url); // a fresh visit: no fragment, so the autosaved model ("Bigger") is current
  await page.locator('html[data-ready]').waitFor();
  await showSaved(page); // built when near

  const names = page.locator('.saved .name');
  assert.deepEqual(await names.allTextContents(), ['Self-serve SMB', 'Bigger']);
  await page.getByRole('button', { name: 'Duplicate Bigger' }).click();
  assert.deepEqual(await names.allTextContents(), ['Self-serve SMB', 'Bigger', 'Bigger copy']);
  await page.getByRole('button', { name: 'Delete Bigger copy' }).click();
  assert.deepEqual(await names.allTextContents(), ['Self-serve SMB', 'Bigger']);

  // "Self-serve SMB" (400 customers) against "Bigger" (800): MRR doubles, which is better.
  await page.selectOption('#compare-A', { label: 'Self-serve SMB' });
  await page.selectOption('#compare-B', { label: 'Bigger' });
  const mrrRow = page.locator('.compare tbody tr').filter({ has: page.locator('th', { hasText: /^MRR$/ }) });
  assert.deepEqual(await mrrRow.locator('td').allTextContents(), ['$19,073', '$38,147', '+$19,073 (better)']);

  await page.getByRole('button', { name: 'Open Self-serve SMB' }).click();
  assert.equal(await control(page, 'customers.starting').inputValue(), '400');
  assert.deepEqual(page.problems, []);
});

test('JSON export then import is exact', async () => {
  const page = await openPage(env.browser, env.url);
  await page.selectOption('#example', 'enterprise');
  await control(page, 'revenue.monthly_expansion').fill('2.7');
  const exported = await downloadText(page, page.getByRole('button', { name: 'Export JSON' }));
  assert.equal(exported.name, 'enterprise-annual.json');
  const metrics = await shownMetrics(page);

  await page.selectOption('#example', 'blank');
  await page.locator('#import-file').setInputFiles({ name: 'in.json', mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await page.getByText('Imported “in.json”').waitFor();
  assert.deepEqual(await shownMetrics(page), metrics);
  const again = await downloadText(page, page.getByRole('button', { name: 'Export JSON' }));
  assert.equal(again.text, exported.text);
  assert.equal(JSON.parse(exported.text).revenue.monthly_expansion, 2.7 / 100);
});

const badFiles = {
  'not JSON': ['{ "plans": [', /could not be imported: it is not valid JSON/],
  'not UTF-8': [Buffer.from([0xff, 0xfe, 0x00, 0x7b]), /not a UTF-8 text file/],
  'a JSON string': ['"scenario"', /not a scenario object/],
  'invalid scenario': [JSON.stringify({ plans: [{ price: 10, billing: 'weekly' }], customers: { starting: 1 } }), /plans\[0\]\.billing/],
};

for (const [name, [content, message]] of Object.entries(badFiles)) {
  test(`an imported file that is ${name} gives a clear message and changes nothing`, async () => {
    const page = await openPage(env.browser, env.url);
    const before = await shownMetrics(page);
    await page.locator('#import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await page.locator('#problem').waitFor();
    assert.match(await page.locator('#problem').textContent(), message);
    assert.deepEqual(await shownMetrics(page), before);
    assert.deepEqual(page.problems, []);
  });
}

test('the projection exports as CSV with the core\'s numbers', async () => {
  const page = await openPage(env.browser, env.url);
  const { name, text } = await downloadText(page, page.getByRole('button', { name: 'Export CSV' }));
  assert.equal(name, 'self-serve-smb.csv');
  const [header, ...rows] = text.trimEnd().split('\r\n');
  const projection = cli(example('smb')).projection;
  assert.equal(header, Object.keys(projection[0]).map((c) => (['month', 'customers'].includes(c) ? c : `${c} (USD)`)).join(','));
  assert.equal(rows.length, 37, 'month 0, then 36 months');
  const last = rows.at(-1).split(',').map(Number);
  Object.values(projection.at(-1)).forEach((value, i) => assert.ok(Math.abs(last[i] - value) <= 0.005, 'rounded to cents'));
});
