// Figures for the calculator page (issue 4; not a test): bytes of a first visit (gzip) at
// 1280×720, 1440×900 and 375×812, time
// from navigation to the first metrics on screen, and time from an input event to updated
// metrics and charts, with the charts on screen and below the fold. Headless Debian Chromium on localhost, serving DIST (default dist/).
// Wall-clock figures follow the machine's load (printed first), so the first-metrics time is
// printed beside a floor measured the same way: a page with one style sheet and one module
// script that writes a line of text.
// Usage: DIST=dist node bench/page.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openBrowser } from '../tests/browser/browser.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { timeEdits } from './edit-latency.mjs';

const runs = 15;
const env = await openBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * p) - 1];
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const group = (file) => (/\.wasm$/.test(file) ? 'wasm' : /saas-metrics-core\.js$/.test(file) ? 'core glue'
  : /charts\.js$/.test(file) ? 'charts (uPlot), when scrolled near' : /compare\.js$/.test(file) ? 'saved scenarios, when scrolled near'
    : /\.css$/.test(file) ? 'styles'
    : /\.js$/.test(file) ? 'page scripts' : 'html, icon, manifest');

/** The floor: what any page with a style sheet and a module script costs on this machine. */
const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-floor-'));
fs.writeFileSync(`${floorDir}/index.html`, '<!doctype html><html lang="en"><head><meta charset="utf-8">'
  + '<link rel="stylesheet" href="floor.css"><script type="module" src="floor.js"></script></head><body><p id="text"></p></body></html>');
fs.writeFileSync(`${floorDir}/floor.css`, 'p { font: 2rem system-ui; }');
fs.writeFileSync(`${floorDir}/floor.js`, `document.getElementById('text').textContent = 'MRR $12,345';
requestAnimationFrame(() => setTimeout(() => { performance.mark('first-metrics'); document.documentElement.dataset.ready = 'true'; }));`);
const floorServer = await startStaticServer(floorDir);
const floorUrl = `http://127.0.0.1:${floorServer.address().port}/`;

/** Opens `url` in a fresh context (no cache, no service worker) and waits for data-ready by
 *  polling: Playwright's locators would inject their script into the page while it loads. */
async function open(url, options = {}) {
  const context = await env.browser.newContext({ serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  while (!await page.evaluate(() => document.documentElement.dataset.ready)) await new Promise((r) => setTimeout(r, 20));
  return { context, page };
}

// 1. First visit without scrolling: every response the page loads, gzipped at level 9 as a
// server would send it. The views below the first screen load when scrolled near: at 1280×720
// the charts start half a screen below it; at 1440×900 their top is on it, so uPlot loads.
async function firstVisit(viewport, detailed) {
  const context = await env.browser.newContext({ serviceWorkers: 'block', viewport });
  const page = await context.newPage();
  const sizes = [];
  page.on('response', async (response) => {
    const body = await response.body().catch(() => null);
    if (body?.length) sizes.push({ file: new URL(response.url()).pathname, gzip: zlib.gzipSync(body, { level: 9 }).length, raw: body.length });
  });
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  const groups = {};
  for (const { file, gzip, raw } of sizes) {
    const g = (groups[group(file)] ??= { files: 0, gzip: 0, raw: 0 });
    g.files += 1; g.gzip += gzip; g.raw += raw;
  }
  const total = kb(Object.values(groups).reduce((sum, g) => sum + g.gzip, 0));
  if (!detailed) return console.log(`  the same at ${viewport.width}×${viewport.height}: ${total}${groups[group('charts.js')] ? ', with the charts' : ''}`);
  console.log(`First visit at ${viewport.width}×${viewport.height}, no scrolling (gzip -9 of each response):`);
  for (const [name, g] of Object.entries(groups)) console.log(`  ${name.padEnd(40)} ${String(g.files).padStart(2)} files ${kb(g.gzip).padStart(9)} (raw ${kb(g.raw)})`);
  console.log(`  total ${total} (target < 100 KB)`);
}

// 2. Navigation to the first metrics painted: the page marks `first-metrics` once the frame
// showing the headline cards has been produced (the build-time cards mark their own frame).
// The page and the floor load in turns, so both see the same machine load.
async function firstMetrics(urls) {
  const times = urls.map(() => []);
  for (let run = 0; run < runs; run += 1) {
    for (const [i, url] of urls.entries()) {
      const { context, page } = await open(url);
      times[i].push(await page.evaluate(() => performance.getEntriesByName('first-metrics')[0].startTime));
      await context.close();
    }
  }
  return times;
}
const spread = (times) => `median ${ms(median(times))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`;

// 3. Input event -> metrics and charts updated: the page recomputes in the input handler,
// uPlot redraws in a microtask; the clock stops after the next task and a forced layout.
// Timing starts once the page has loaded everything the viewport shows: in 1440×2000 that is
// the cards, all three charts and the embed builder's live preview; in 1440×900 the charts
// are below the fold (and redrawn only when scrolled to).
async function edits(viewport, what) {
  const { context, page } = await open(env.url, { viewport });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const times = await timeEdits(page);
  await context.close();
  console.log(`Input -> updated ${what}, 200 edits, ${viewport.width}×${viewport.height}: min ${ms(Math.min(...times))}, median ${ms(median(times))}, p95 ${ms(percentile(times, 0.95))} (target < 16 ms), max ${ms(Math.max(...times))}`);
}

console.log(`${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
await firstVisit({ width: 1280, height: 720 }, true);
await firstVisit({ width: 1440, height: 900 });
await firstVisit({ width: 375, height: 812 });
const [pageTimes, floorTimes] = await firstMetrics([env.url, floorUrl]);
console.log(`Navigation -> first metrics on screen, ${runs} cold loads each, in turns with the floor:`);
console.log(`  page:  ${spread(pageTimes)}`);
console.log(`  floor, a page with one style sheet and one script: ${spread(floorTimes)}`);
console.log(`  page / floor, medians: ${(median(pageTimes) / median(floorTimes)).toFixed(2)} (target <= 1.5)`);
await edits({ width: 1440, height: 2000 }, 'metrics and charts');
await edits({ width: 1440, height: 900 }, 'metrics, charts below the fold');
floorServer.close();
fs.rmSync(floorDir, { recursive: true });
await env.close();
