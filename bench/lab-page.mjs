// Figures for the pricing lab on the page (issue 10; not a test): time from an input event in
// the calculator to the lab redrawn, with the whole lab on screen, and what each of its tools
// costs in the wasm module for the default example. Headless Debian Chromium on localhost,
// serving DIST (default dist/). Wall-clock figures follow the machine's load (printed first).
// Usage: DIST=dist node bench/lab-page.mjs
import os from 'node:os';
import { openBrowser } from '../tests/browser/browser.mjs';
import { timeEdits } from './edit-latency.mjs';

const env = await openBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * p) - 1];
const ms = (x) => `${x.toFixed(2)} ms`;
const summary = (xs) => `median ${ms(median(xs))}, p95 ${ms(percentile(xs, 0.95))}, max ${ms(Math.max(...xs))}`;

console.log(`${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
const context = await env.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 1800 } });
const page = await context.newPage();
await page.goto(env.url);
await page.locator('html[data-ready]').waitFor();
await page.locator('#lab').evaluate((lab) => lab.scrollIntoView());
await page.locator('#lab[data-ready]').waitFor();
// The four tools fill about 1,550 px: all of them on screen.
await page.locator('#lab .lab-tools').evaluate((tools) => tools.scrollIntoView());
await page.locator('#lab .pc-figures [data-field]').first().waitFor();
await page.locator('#lab .heat-plot[data-steps]').waitFor();
await page.waitForLoadState('networkidle');

// 1. Each tool alone, in the lab's module, for the default example (20 calls after 5 warm-ups).
const tools = await page.evaluate(async () => {
  const { loadLabEngine } = await import('/shared/lab-engine.js');
  const { example, defaultExample } = await import('/page/calculator/examples.js');
  const lab = await loadLabEngine();
  const scenario = example(defaultExample);
  const axis = (lever, from, to, steps) => ({ lever, from, to, steps });
  const calls = {
    'goal seek (Starter price for LTV/CAC 3)': () => lab.solve({ scenario, vary: 'plans[0].price', target: { metric: 'ltv_to_cac', value: 3 } }),
    'goal seek (price factor for break-even by month 12)': () => lab.solve({ scenario, vary: 'price_factor', target: { metric: 'break_even_month', value: 12 } }),
    'sensitivity, LTV/CAC, every lever': () => lab.sensitivity({ scenario, metric: 'ltv_to_cac', swing: 0.2 }),
    'grid 25 × 25, LTV/CAC': () => lab.grid({ scenario, metric: 'ltv_to_cac', x: axis('price_factor', 0.5, 1.5, 25), y: axis('customers.monthly_churn', 0.02, 0.06, 25) }),
    'grid 51 × 51, LTV/CAC': () => lab.grid({ scenario, metric: 'ltv_to_cac', x: axis('price_factor', 0.5, 1.5, 51), y: axis('customers.monthly_churn', 0.02, 0.06, 51) }),
    'grid 101 × 101, LTV/CAC': () => lab.grid({ scenario, metric: 'ltv_to_cac', x: axis('price_factor', 0.5, 1.5, 101), y: axis('customers.monthly_churn', 0.02, 0.06, 101) }),
    'grid 51 × 51, break-even month': () => lab.grid({ scenario, metric: 'break_even_month', x: axis('price_factor', 0.5, 1.5, 51), y: axis('customers.monthly_churn', 0.02, 0.06, 51) }),
    'price change, migrated': () => lab.priceChange({ scenario, change: { price_factor: 1.2, new_customers_factor: 0.9, existing: 'migrated', migration_month: 1, migration_churn: 0.05 } }),
  };
  const out = {};
  for (const [name, call] of Object.entries(calls)) {
    for (let i = 0; i < 5; i += 1) call();
    const times = [];
    for (let i = 0; i < 20; i += 1) {
      const start = performance.now();
      call();
      times.push(performance.now() - start);
    }
    out[name] = times;
  }
  return out;
});
console.log('One call of each tool in the lab module (default example):');
for (const [name, times] of Object.entries(tools)) console.log(`  ${name.padEnd(52)} ${summary(times)}`);

// 2. Input event -> calculator and lab redrawn: the shell recomputes in the input handler and
// the lab follows in the same task; the clock stops after the next task and a forced layout.
const visible = await page.evaluate(() => [...document.querySelectorAll('#lab .lab-tool')].filter((tool) => {
  const box = tool.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight;
}).map((tool) => tool.querySelector('h3').textContent));
const edits = () => timeEdits(page);
const times = await edits();
console.log(`Input -> calculator and lab redrawn, 200 edits, 1440×1800, lab tools on screen: ${visible.join(', ')}`);
console.log(`  ${summary(times)} (target p95 < 16 ms; the heatmap draws 25 × 25 while typing)`);
// The same with the lab scrolled out of view: what the calculator alone costs.
await page.evaluate(() => new Promise((resolve) => {
  scrollTo(0, 0);
  requestAnimationFrame(() => setTimeout(resolve)); // the lab's visibility observer has run
}));
console.log(`  the same with the lab off screen (the calculator alone): ${summary(await edits())}`);

// 3. The refinement once typing pauses: the heatmap at its chosen 51 × 51.
const refine = await page.evaluate(async () => {
  const plot = document.querySelector('#lab .heat-plot');
  const out = [];
  for (let i = 0; i < 10; i += 1) {
    const select = document.querySelector('#lab [name="heat-steps"]');
    select.value = i % 2 ? '51' : '101';
    const start = performance.now();
    select.dispatchEvent(new Event('input', { bubbles: true }));
    void document.body.offsetHeight;
    out.push([select.value, performance.now() - start, plot.dataset.steps]);
  }
  return out;
});
for (const steps of ['51', '101']) {
  const runs = refine.filter(([value]) => value === steps).map(([, time]) => time);
  console.log(`Heatmap redrawn at ${steps} × ${steps} (after a pause, or when chosen): ${summary(runs)}`);
}
await context.close();
await env.close();
