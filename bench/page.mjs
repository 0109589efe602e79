// Figures for the calculator page (not a test): bytes of a first visit (gzip), time from
// navigation to the first metrics, and time from an input event to updated metrics and
// charts. Headless Debian Chromium on localhost, serving DIST (default dist/).
// The embed builder (another module, loaded by the page) is measured in and out, so each
// figure shows the calculator's own cost beside the whole page's.
// Wall-clock figures follow the machine's load (printed first): compare runs on a quiet machine.
// Usage: DIST=dist node bench/page.mjs
import os from 'node:os';
import zlib from 'node:zlib';
import { openBrowser } from '../tests/browser/browser.mjs';

const env = await openBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * p) - 1];

const withoutEmbed = (context) => context.route('**/embed-builder.js', (route) => route.fulfill({ body: '', contentType: 'text/javascript' }));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const group = (path) => (/\.wasm$/.test(path) ? 'wasm' : /saas-metrics-core\.js$/.test(path) ? 'core glue'
  : /\.css$/.test(path) ? 'styles' : /\.js$/.test(path) ? 'scripts (page bundle with uPlot, engine)' : 'html, icon');

// 1. First visit: every response the page loads, gzipped at level 9 as a server would send it.
async function firstVisit(embed) {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  if (!embed) await withoutEmbed(context);
  const page = await context.newPage();
  const sizes = [];
  page.on('response', async (response) => {
    const body = await response.body().catch(() => null);
    if (body?.length) sizes.push({ path: new URL(response.url()).pathname, gzip: zlib.gzipSync(body, { level: 9 }).length, raw: body.length });
  });
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  const groups = {};
  for (const { path, gzip, raw } of sizes) {
    const g = (groups[group(path)] ??= { files: 0, gzip: 0, raw: 0 });
    g.files += 1; g.gzip += gzip; g.raw += raw;
  }
  console.log(`First visit, ${embed ? 'whole page' : 'without the embed builder'} (gzip -9 of each response):`);
  for (const [name, g] of Object.entries(groups)) console.log(`  ${name.padEnd(42)} ${String(g.files).padStart(2)} files ${kb(g.gzip).padStart(9)} (raw ${kb(g.raw)})`);
  console.log(`  total ${kb(Object.values(groups).reduce((sum, g) => sum + g.gzip, 0))}`);
}

// 2. Navigation to first metrics on screen, each run a fresh context (no cache, no worker).
async function firstMetrics(embed) {
  const firsts = [];
  for (let run = 0; run < 10; run += 1) {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    if (!embed) await withoutEmbed(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await page.locator('html[data-ready]').waitFor();
    firsts.push(await page.evaluate(() => performance.getEntriesByName('first-metrics')[0].startTime));
    await context.close();
  }
  console.log(`Navigation -> first metrics, ${embed ? 'whole page' : 'without the embed builder'}: median ${median(firsts).toFixed(1)} ms (min ${Math.min(...firsts).toFixed(1)}, max ${Math.max(...firsts).toFixed(1)})`);
}

// 3. Input event -> metrics and charts updated: the page recomputes in the input handler,
// uPlot redraws in a microtask; the clock stops after the next task and a forced layout.
async function edits(embed) {
  const context = await env.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
  if (!embed) await withoutEmbed(context);
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  const times = await page.evaluate(async () => {
    const input = document.querySelector('#editor [name="customers.starting"]');
    const shown = document.querySelector('#more [data-metric="customers"]');
    const nextTask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
    const out = [];
    for (let i = 0; i < 220; i += 1) {
      const start = performance.now();
      input.value = String(300 + i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await nextTask();
      void document.body.offsetHeight;
      out.push(performance.now() - start);
      if (shown.dataset.value !== String(300 + i)) throw new Error('the metrics did not update');
    }
    return out.slice(20); // the first edits warm up the JIT
  });
  await context.close();
  console.log(`Input -> updated metrics and charts, 200 edits, ${embed ? 'whole page' : 'without the embed builder'}: min ${Math.min(...times).toFixed(2)} ms, median ${median(times).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`);
}

console.log(`${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
for (const embed of [false, true]) {
  await firstVisit(embed);
  await firstMetrics(embed);
  await edits(embed);
}
await env.close();
