// The import view (contract sections 8 and 8.1): a generated Stripe export imported through
// the file input shows the CLI's numbers, cell by cell; "Model from these numbers" opens the
// core's suggested scenario, over the last 3, 6 or 12 months as chosen; Cancel ends the worker; bad files get clear messages and change
// nothing; no request carries the file; the offline single file and the hosted page offline
// import too.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { openBrowser, strictPage } from './browser.mjs';
import { openPage, controlValues, downloadText } from './page-helpers.mjs';
import { coreMessage } from '../../web/shared/notes.js';
import { translator } from '../../web/shared/i18n.js';
import english from '../../web/shared/messages/en.js';

const root = new URL('../../', import.meta.url);
const dist = process.env.DIST ?? new URL('dist/', root).pathname;
// The CLI of the native build (NATIVE_BUILD, like DIST, lets parallel work use its own).
const cliPath = new URL(`${process.env.NATIVE_BUILD ?? 'build/native'}/saas-metrics`, root).pathname;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-import-'));
const env = await openBrowser();
test.after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  return env.close();
});

/** A file in the temp dir; `rows` > 0 makes a Stripe export with that many rows. */
function file(name, { rows, seed = 1, text } = {}) {
  const at = path.join(dir, name);
  fs.writeFileSync(at, text ?? execFileSync('node', [new URL('bench/stripe-export.mjs', root).pathname, String(rows), String(seed)], { maxBuffer: 1 << 30 }));
  return at;
}

/** The CLI's section 8.1 output for a file, or its { errors } (exit 2). */
function cliImport(at, args = []) {
  try {
    return JSON.parse(execFileSync(cliPath, ['import', at, ...args]).toString());
  } catch (error) {
    if (error.status === 2) return JSON.parse(error.stdout.toString());
    throw error;
  }
}

/** The visitor's today, as the page's as-of date defaults to it. */
function today() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

// A Stripe export with one row made unreadable (a 30 February), so the bad-row list has a line.
const stripe = (() => {
  const lines = execFileSync('node', [new URL('bench/stripe-export.mjs', root).pathname, '1500', '7']).toString().split('\n');
  lines[5] = lines[5].replaceAll(/\d{4}-\d{2}-\d{2}/g, '2024-02-30');
  return file('stripe.csv', { text: lines.join('\n') });
})();

/** Opens the import view through the toolbar and returns the page. */
async function importView(page) {
  await page.locator('[data-tool="import-data"]').click();
  await page.locator('#import-data-file').waitFor({ state: 'attached' });
  return page;
}

async function pick(page, at, { asOf = '' } = {}) {
  await page.locator('#import-as-of').fill(asOf);
  await page.locator('#import-data-file').setInputFiles(at);
  await page.locator('#import:is([data-state="done"], [data-state="failed"])').waitFor();
  return page.locator('#import').getAttribute('data-state');
}

/** Asserts the monthly table shows the CLI's months of a currency, cell by cell. */
async function assertTableMatches(page, { months }) {
  const shown = await page.$$eval('#import tr[data-month]', (rows) => rows.map((row) => ({
    month: row.dataset.month,
    cells: Object.fromEntries([...row.querySelectorAll('[data-field]')].map((cell) => [cell.dataset.field, cell.dataset.value])),
  })));
  assert.equal(shown.length, months.length, 'one row per month');
  months.forEach((month, i) => {
    assert.equal(shown[i].month, month.month);
    assert.deepEqual(Object.keys(shown[i].cells), Object.keys(month), `${month.month}: one cell per field, in the core's order`);
    for (const [key, value] of Object.entries(month)) assert.equal(shown[i].cells[key], String(value ?? ''), `${month.month} ${key}`);
  });
}

const page = await openPage(env.browser, env.url);

test('a Stripe export picked in the file input shows the CLI\'s months, cohorts and bad rows, and no request carries the file', async () => {
  await importView(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'import-data-file', 'the toolbar button leads to the picker');
  const requests = [];
  const record = (request) => requests.push(request);
  page.on('request', record);
  assert.equal(await pick(page, stripe), 'done');
  page.off('request', record);

  const expected = cliImport(stripe);
  await assertTableMatches(page, expected.currencies[0]); // the first currency, alphabetically, shows first
  assert.equal(await page.locator('#import-currency-shown option').count(), expected.currencies.length);
  const csv = await downloadText(page, page.getByRole('button', { name: 'Export months (CSV)' }));
  const [header, ...months] = csv.text.trimEnd().split('\r\n');
  assert.equal(header, ['month', ...Object.keys(expected.currencies[0].months[0]).slice(1)].join(','));
  assert.deepEqual(months, expected.currencies[0].months.map((m) => Object.values(m).map((v) => v ?? '').join(',')));
  const counts = await page.locator('#import .import-counts').textContent();
  assert.match(counts, new RegExp(`${expected.rows.total.toLocaleString('en-US')} rows`));
  assert.ok(expected.rows.bad >= 1);
  const lines = await page.$$eval('#import .bad-rows li', (items) => items.map((li) => [Number(li.dataset.line), li.textContent]));
  assert.deepEqual(lines.map(([line]) => line), expected.errors.map((e) => e.line));
  assert.ok(lines.some(([line, text]) => line === 6 && text.startsWith('Line 6 ')), 'the 30 February is on line 6');
  // The cohort heatmap: one row per cohort, its cells the core's shares; the switch shows revenue.
  const { cohorts } = expected.currencies[0];
  const shares = () => page.$$eval('#import .cohorts tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('[data-value]')].map((c) => Number(c.dataset.value))));
  assert.deepEqual(await shares(), cohorts.map((c) => c.customer_retention));
  await page.getByRole('radio', { name: 'Revenue' }).check();
  assert.deepEqual(await shares(), cohorts.map((c) => c.revenue_retention));
  assert.equal(await page.locator('#import .chart canvas').count(), 2);

  const content = fs.readFileSync(stripe, 'utf8');
  const customer = content.match(/cus_[A-Za-z0-9]+/)[0];
  assert.ok(requests.length > 0, 'the worker and the import module were loaded');
  for (const request of requests) {
    assert.equal(request.method(), 'GET', request.url());
    assert.equal(request.postDataBuffer(), null, request.url());
    assert.ok(!request.url().includes(customer), request.url());
  }
  assert.deepEqual(page.problems, []);
});

test('with data, the view fits 375 px and 1440 px screens, light and dark (screenshots to look at)', async () => {
  const shots = new URL('screenshots/', import.meta.url).pathname;
  fs.mkdirSync(shots, { recursive: true });
  for (const [width, colorScheme] of [[375, 'light'], [1440, 'light'], [1440, 'dark']]) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme });
    await page.locator('#import .chart canvas').first().waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `nothing overflows at ${width} px`);
    await page.locator('#import').screenshot({ path: `${shots}page-import-${width}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('"Model from these numbers" opens the core\'s suggested scenario in the calculator', async () => {
  const { suggested } = cliImport(stripe).currencies[0];
  const before = await page.evaluate(() => location.hash);
  await page.getByRole('button', { name: 'Model from these numbers' }).click();
  await page.waitForFunction((hash) => location.hash !== hash, before);
  const opened = await page.evaluate(async () => (await import('./shared/share.js')).decodeScenario(location.hash));
  assert.deepEqual(opened, suggested.scenario);
  const controls = await controlValues(page);
  assert.equal(Number(controls['customers.starting']), suggested.scenario.customers.starting);
  assert.equal(Number(controls['plans[0].price']), suggested.scenario.plans[0].price);
  assert.deepEqual(page.problems, []);
});

test('choosing "3 months" opens the core\'s 3-month suggestion instead', async () => {
  const { suggested, suggestions } = cliImport(stripe).currencies[0];
  assert.deepEqual(suggestions.map((s) => s.months), [3, 6, 12]);
  assert.deepEqual(suggestions.at(-1), suggested);
  assert.notDeepEqual(suggestions[0].scenario, suggested.scenario, 'the windows differ on this file');
  const options = page.locator('#import .import-window input[type="radio"]');
  assert.deepEqual(await options.evaluateAll((radios) => radios.map((r) => [r.value, r.checked])), [['3', false], ['6', false], ['12', true]]);
  await page.getByRole('group', { name: 'Average over the last' }).getByRole('radio', { name: '3 months' }).check();
  assert.match(await page.locator('#import-model-note').textContent(), /of the last 3 months\./);
  const before = await page.evaluate(() => location.hash);
  await page.getByRole('button', { name: 'Model from these numbers' }).click();
  await page.waitForFunction((hash) => location.hash !== hash, before);
  const opened = await page.evaluate(async () => (await import('./shared/share.js')).decodeScenario(location.hash));
  assert.deepEqual(opened, suggestions[0].scenario);
  assert.deepEqual(page.problems, []);
});

test('Cancel ends the worker mid-file and changes nothing', async () => {
  const big = file('big.csv', { rows: 36000, seed: 3 });
  assert.ok(fs.statSync(big).size > 5 * 2 ** 20);
  // On a page of its own, the file's stream gives 5 MiB in 1 MiB pieces, then stalls, so an
  // import of a bigger file is surely running when Cancel is pressed: Blob.stream() is replaced
  // on the page, which reads the file for the worker.
  const stalling = await strictPage(env.browser, { serviceWorkers: 'block' });
  const workers = []; // in the order the page starts them
  stalling.on('worker', (worker) => workers.push(worker));
  await stalling.addInitScript(() => {
    Blob.prototype.stream = function () {
      let at = 0;
      return new ReadableStream({ pull: async (controller) => {
        if (at >= this.size) return controller.close();
        if (at >= 5 * 2 ** 20) return new Promise(() => {});
        controller.enqueue(new Uint8Array(await this.slice(at, at + 2 ** 20).arrayBuffer()));
        at += 2 ** 20;
      } });
    };
  });
  await stalling.goto(env.url);
  await stalling.locator('html[data-ready]').waitFor();
  await importView(stalling);
  assert.equal(await pick(stalling, stripe), 'done', 'a file under 5 MiB imports');
  const table = await stalling.locator('#import table.import-table').first().innerHTML();
  const calculator = await controlValues(stalling);
  // The view starts a worker when it is built and another once an import ends, for the next
  // file: that second one, which may not be reported yet.
  while (workers.length < 2) await stalling.waitForEvent('worker');
  const worker = workers[1];
  const closed = new Promise((resolve) => worker.once('close', resolve));
  await stalling.locator('#import-data-file').setInputFiles(big);
  await stalling.locator('#import-progress-bar[value]:not([value="0"])').waitFor();
  assert.match(await stalling.locator('#import-progress-text').textContent(), /MB of .* rows/);
  await stalling.locator('#import').getByRole('button', { name: 'Cancel' }).click();
  await closed;
  assert.equal(await stalling.locator('#import').getAttribute('data-state'), 'cancelled');
  assert.ok(await stalling.locator('#import .import-progress').isHidden());
  assert.equal(await stalling.locator('#import table.import-table').first().innerHTML(), table, 'the last import stays');
  assert.deepEqual(await controlValues(stalling), calculator);
  assert.deepEqual(stalling.problems, []);
  await stalling.close();
});

test('bad files get clear messages and leave the calculator as it was', async () => {
  const calculator = await controlValues(page);
  const problem = () => page.locator('#import .import-problem');
  for (const [name, text, message] of [
    ['picture.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not a text file/],
    ['empty.csv', '', /empty/]]) {
    assert.equal(await pick(page, file(name, { text })), 'failed', name);
    assert.match(await problem().textContent(), message, name);
  }
  // The core's own messages, as the CLI prints them: the expected columns for an unknown header.
  for (const [name, text] of [['unknown.csv', 'name,email\nAda,ada@example.com\n'], ['header.csv', 'customer_id,start,end,mrr\n'],
    ['one-line.csv', 'x'.repeat(2 * 2 ** 20)]]) {
    const at = file(name, { text });
    assert.equal(await pick(page, at), 'failed', name);
    assert.match(await problem().locator('p').textContent(), new RegExp(`“${name}” could not be imported`));
    const listed = await problem().locator('li').allTextContents();
    const { errors } = cliImport(at);
    assert.equal(listed.length, errors.length, name);
    // Each is the core's code said by the message file (in English here), after its line.
    const t = translator('en', english);
    errors.forEach((e, i) => assert.equal(listed[i], `${e.line ? `Line ${e.line}: ` : ''}${coreMessage(e, t, 'en-US')}`, name));
    if (name === 'unknown.csv') assert.match(await problem().textContent(), /customer_id/, 'names the columns it expected');
  }
  assert.deepEqual(await controlValues(page), calculator);

  // Mixed currencies, dropped on the drop zone: each is shown on its own, with a switch.
  const mixed = 'customer_id,start,end,mrr,currency\na,2024-01-05,,10,usd\nb,2024-01-05,,20,eur\nc,2024-02-05,,30,EUR\n';
  const expected = cliImport(file('mixed.csv', { text: mixed }), ['--as-of', '2024-03-31']);
  await page.locator('#import-as-of').fill('2024-03-31');
  const drop = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'mixed.csv', { type: 'text/csv' }));
    return transfer;
  }, mixed);
  await page.locator('#import .drop').dispatchEvent('drop', { dataTransfer: drop });
  await page.locator('#import[data-state="done"]').waitFor();
  assert.deepEqual(await page.$$eval('#import-currency-shown option', (options) => options.map((o) => o.textContent.slice(0, 3))), ['EUR', 'USD']);
  await assertTableMatches(page, expected.currencies[0]);
  await page.locator('#import-currency-shown').selectOption({ index: 1 });
  await assertTableMatches(page, expected.currencies[1]);
  assert.deepEqual(await controlValues(page), calculator);
  assert.deepEqual(page.problems, []);
});

test('the offline single file imports from file:// with the network blocked', async () => {
  const context = await env.browser.newContext({ offline: true });
  const requests = [];
  await context.route('**', (route) => {
    const { protocol } = new URL(route.request().url());
    if (['file:', 'data:', 'blob:'].includes(protocol)) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const single = await openPage(context, pathToFileURL(`${dist}/saas-metrics.html`).href);
  await importView(single);
  await single.locator('#import-data-file').setInputFiles(stripe); // as of today, the default
  await single.locator('#import[data-state="done"]').waitFor();
  await assertTableMatches(single, cliImport(stripe, ['--as-of', today()]).currencies[0]);
  assert.deepEqual(requests, []);
  assert.deepEqual(single.problems, []);
  await context.close();
});

test('the hosted page imports offline after a first visit (service worker)', async () => {
  const context = await env.browser.newContext();
  const first = await context.newPage();
  await first.goto(env.url);
  await first.locator('html[data-offline="ready"]').waitFor();
  await context.setOffline(true);
  const offline = await openPage(context, env.url);
  const failed = [];
  offline.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
  await importView(offline);
  assert.equal(await pick(offline, stripe), 'done');
  await assertTableMatches(offline, cliImport(stripe).currencies[0]);
  assert.deepEqual(failed, [], 'the first visit cached the view, its worker and the import module');
  assert.deepEqual(offline.problems, []);
  await context.close();
});
