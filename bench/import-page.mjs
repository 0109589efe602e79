// Figures for the import view (issue 9; not a test): time from picking a Stripe export in the
// file input to its monthly table on screen, for 10k, 100k and 1M rows (1M is about 180 MB),
// in headless Debian Chromium serving DIST (default dist/). Beside each, a floor measured the
// same way in the same run: the same page, worker and chunked stream, with the wasm module
// loaded, but the worker only counts newlines and hands back the core's JSON computed
// beforehand (so the table is drawn as well). While the 1M file imports, clicks on the page
// measure how soon the main thread answers (the event's timestamp to its handler).
// The files are generated once (bench/stripe-export.mjs) into a temp dir and kept there.
// Usage: DIST=dist [NATIVE_BUILD=build/native] node bench/import-page.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openBrowser } from '../tests/browser/browser.mjs';

const sizes = [[10_000, 5], [100_000, 5], [1_000_000, 3]]; // rows, runs
const cli = `${process.env.NATIVE_BUILD ?? 'build/native'}/saas-metrics`;
const dir = path.join(os.tmpdir(), 'saas-metrics-import-bench');
fs.mkdirSync(dir, { recursive: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

function generated(rows) {
  const file = path.join(dir, `stripe-${rows}.csv`);
  if (!fs.existsSync(file)) {
    const fd = fs.openSync(`${file}.part`, 'w');
    execFileSync('node', ['bench/stripe-export.mjs', String(rows), '1'], { stdio: ['ignore', fd, 'inherit'] });
    fs.closeSync(fd);
    fs.renameSync(`${file}.part`, file);
  }
  return file;
}

/** The floor's worker: the import worker's set-up (core module loaded, the page reading the
 *  file into the same chunks), counting newlines instead of importing, then answering with the
 *  CLI's JSON for the file (fetched while it reads, from a route of this script). */
const floorWorker = `
import createSaasMetricsImport from '../../saas-metrics-import.js';
const core = createSaasMetricsImport();
let json, bytes = 0, rows = 0;
self.onmessage = async ({ data: { chunk, done } }) => {
  json ??= fetch('floor.json').then((response) => response.text());
  if (chunk) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rows += 1;
    bytes += chunk.length;
    postMessage({ progress: { bytes, rows }, buffer: chunk.buffer }, [chunk.buffer]);
  } else if (done) {
    await core;
    postMessage({ json: await json, bytes, rows });
  }
};`;

const env = await openBrowser();
let floorJson = '';

/** A page with the import view built, as the CLI runs (no as-of date). The clock starts in the
 *  file input's change event and stops once the frame showing the finished view has been
 *  produced; clicks record how late their handler ran. `floor` routes the floor's worker in
 *  before the page starts its first one. */
async function importPage({ floor = false } = {}) {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  if (floor) {
    await page.route('**/page/import/import-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: floorWorker }));
    await page.route('**/page/import/floor.json', (route) => route.fulfill({ contentType: 'application/json', body: floorJson }));
  }
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  await page.locator('[data-tool="import-data"]').click();
  await page.locator('#import-data-file').waitFor({ state: 'attached' });
  await page.locator('#import-as-of').fill('');
  await page.evaluate(() => {
    const view = document.getElementById('import');
    document.getElementById('import-data-file').addEventListener('change', () => { window.benchStart = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      if (view.dataset.state !== 'done') return;
      requestAnimationFrame(() => setTimeout(() => { window.benchTime = performance.now() - window.benchStart; }));
    }).observe(view, { attributes: true, attributeFilter: ['data-state'] });
    view.querySelector('h2').addEventListener('click', (event) => window.benchClicks.push(performance.now() - event.timeStamp));
  });
  return page;
}

/** One import of `file`: ms from selection to the table on screen. Polls (no Playwright
 *  waitForFunction, which would hold up routed requests). */
async function once(page, file, { click = false } = {}) {
  await page.evaluate(() => { window.benchTime = undefined; window.benchClicks = []; });
  await page.locator('#import-data-file').setInputFiles(file);
  for (;;) {
    const time = await page.evaluate(() => window.benchTime);
    if (time !== undefined) return time;
    if (click && await page.evaluate(() => document.getElementById('import').dataset.state === 'reading')) await page.locator('#import h2').click();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

console.log(`${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}; Chromium ${env.browser.version()}`);
console.log('rows       file      import (median)   floor (median)   import/floor');
const real = await importPage();
const floor = await importPage({ floor: true });
const figures = [];
for (const [rows, runs] of sizes) {
  const file = generated(rows);
  floorJson = execFileSync(cli, ['import', file], { maxBuffer: 1 << 28 }).toString().trimEnd();
  const times = { real: [], floor: [] };
  for (let run = 0; run < runs; run += 1) {
    times.real.push(await once(real, file));
    times.floor.push(await once(floor, file));
  }
  const [a, b] = [median(times.real), median(times.floor)];
  figures.push({ rows, real: a, floor: b });
  console.log(`${String(rows).padEnd(10)} ${`${(fs.statSync(file).size / 1e6).toFixed(1)} MB`.padEnd(9)} ${ms(a).padEnd(17)} ${ms(b).padEnd(16)} ${(a / b).toFixed(2)}× (runs: ${times.real.map(ms).join(', ')}; floor ${times.floor.map(ms).join(', ')})`);
}
const last = figures.at(-1);
console.log(`1M rows: ${ms(last.real)} end to end (target ≤ 1000 ms), ${(last.real / last.floor).toFixed(2)}× the floor (target ≤ 5×)`);

await once(real, generated(1_000_000), { click: true });
const clicks = await real.evaluate(() => window.benchClicks);
console.log(`Clicks during a 1M-row import: ${clicks.length}, handler ran after median ${ms(median(clicks))}, max ${ms(Math.max(...clicks))} (target < 100 ms)`);
await env.close();
