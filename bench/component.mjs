// Benchmark of <saas-metrics> for a host page (figures for issue 5; not a test):
//  - bytes a host downloads for one element, raw and gzip (each file as a server would send it);
//  - time from the element connecting to its first metrics-change, median of 10 runs, each in a
//    fresh browser context (cold: the connect triggers the engine import and the wasm download),
//    and for a second element once the engine is loaded (warm).
// Usage: node scripts/build-dist.mjs && node bench/component.mjs   (DIST=… for another copy)
import os from 'node:os';
import zlib from 'node:zlib';
import { openBrowser } from '../tests/browser/browser.mjs';

const runs = 10;
const env = await openBrowser();
const host = `${env.url}bench-host.html`;
const hostHtml = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="favicon.svg">'
  + '<script type="module" src="saas-metrics.js"></script></head><body></body></html>';

/** A fresh context with the host page open and the element defined (no element yet). */
async function freshHost() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route(host, (route) => route.fulfill({ contentType: 'text/html', body: hostHtml }));
  const bodies = new Map();
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (path !== '/bench-host.html' && path !== '/favicon.svg') bodies.set(path, await response.body());
  });
  await page.goto(host);
  await page.waitForFunction(() => customElements.get('saas-metrics'));
  return { context, page, bodies };
}

/** Milliseconds from appending an element to its first metrics-change, and to the end of
 *  the wasm download if it happened then (the rest is compiling, computing and rendering). */
const timeToMetrics = (page) => page.evaluate(() => new Promise((resolve) => {
  const element = document.createElement('saas-metrics');
  const start = performance.now();
  element.addEventListener('metrics-change', () => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm') && e.startTime >= start);
    resolve({ total: performance.now() - start, download: wasm ? wasm.responseEnd - start : 0 });
  }, { once: true });
  document.body.append(element);
}));

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (values) => `${median(values).toFixed(1)} ms`;
const cold = [];
const warm = [];
let bodies;
for (let i = 0; i < runs; i += 1) {
  const run = await freshHost();
  cold.push(await timeToMetrics(run.page));
  warm.push(await timeToMetrics(run.page));
  await run.page.waitForLoadState('networkidle');
  bodies = run.bodies;
  await run.context.close();
}
await env.close();

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let raw = 0;
let gzip = 0;
console.log('Files a host downloads for one <saas-metrics> (raw, gzip -9):');
for (const [path, body] of [...bodies].sort(([a], [b]) => a.localeCompare(b))) {
  const packed = zlib.gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gzip += packed;
  console.log(`  ${path.padEnd(34)} ${kb(body.length).padStart(9)} ${kb(packed).padStart(9)}`);
}
console.log(`  ${'total'.padEnd(34)} ${kb(raw).padStart(9)} ${kb(gzip).padStart(9)}   (${bodies.size} files; target < 100 KB gzip)`);
const totals = cold.map((t) => t.total);
console.log(`Connect to first metrics, cold (median of ${runs}): ${ms(totals)}   (target < 150 ms; all: ${totals.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`  of which until the wasm has downloaded: ${ms(cold.map((t) => t.download))}; after it: ${ms(cold.map((t) => t.total - t.download))}`);
console.log(`Connect to first metrics, second element (median of ${runs}): ${ms(warm.map((t) => t.total))}`);
console.log(`Load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
