// The embed builder on the main page: its choices drive a live preview, and the copied
// snippet, pasted into another page, shows the same calculator with the page's scenario.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, strictPage } from './browser.mjs';
import { hostPage, axeProblems } from './component-helpers.mjs';

const env = await openBrowser();
test.after(() => env.close());

/** Opens the page and scrolls to the builder, which loads only when it nears the viewport. */
async function visitBuilder(page) {
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  await page.locator('#embed-builder').scrollIntoViewIfNeeded();
}

async function openBuilder() {
  const page = await strictPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await visitBuilder(page);
  await page.locator('#embed-builder saas-metrics [data-metric]:not([data-value=""])').first().waitFor();
  return page;
}
const builder = (page) => page.locator('#embed-builder');
const preview = (page) => builder(page).locator('saas-metrics');
const snippetHas = (page, text) => page.waitForFunction((text) => document.querySelector('#embed-builder textarea')?.value.includes(text), text);
const choose = (page, group, value) => builder(page).locator(`[data-choice="${group}"] input[value="${value}"]`).click();

/** Copies the snippet with the button and returns the clipboard text. */
async function copied(page) {
  await builder(page).getByRole('button', { name: 'Copy code' }).click();
  await builder(page).getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The output of the calculator a snippet puts on a fresh page. */
async function pasted(snippet, csp) {
  const page = await strictPage(env.browser);
  await page.addInitScript(() => {
    window.addEventListener('message', (event) => { if (event.data?.type === 'saas-metrics:metrics') window.framed = event.data.output; });
  });
  await page.goto(await hostPage(page, `${env.url}pasted.html`, `</head><body>${snippet}</body>`, { csp }));
  const output = await page.waitForFunction(() => document.querySelector('saas-metrics')?.output ?? window.framed);
  return { page, output: await output.jsonValue() };
}

test('choices update the preview and the snippet', async () => {
  const page = await openBuilder();
  await choose(page, 'layout', 'results-only');
  await choose(page, 'theme', 'dark');
  await choose(page, 'metrics', 'arr');
  await choose(page, 'metrics', 'ltv');
  assert.deepEqual(await preview(page).evaluate((e) => [e.getAttribute('layout'), e.getAttribute('theme'), e.getAttribute('metrics')]),
    ['results-only', 'dark', 'mrr,arr,cac,ltv_to_cac']);
  await preview(page).locator('[data-metric="arr"]:not([data-value=""])').waitFor();
  assert.equal(await preview(page).locator('[name]').count(), 0);
  const snippet = await copied(page);
  assert.match(snippet, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/saas-metrics\.js"><\/script>\n<saas-metrics layout="results-only" theme="dark" metrics="mrr,arr,cac,ltv_to_cac" scenario='\{/);
  assert.deepEqual(page.problems, []);
});

for (const colorScheme of ['light', 'dark']) {
  test(`the builder has no serious accessibility problem (${colorScheme})`, async () => {
    const page = await strictPage(env.browser, { colorScheme });
    await visitBuilder(page);
    await page.locator('#embed-builder saas-metrics [data-metric]:not([data-value=""])').first().waitFor();
    assert.deepEqual(await axeProblems(page, '#embed-builder'), []);
  });
}

test('a first visit loads none of the builder\'s component modules until it is scrolled to', async () => {
  const page = await strictPage(env.browser);
  const loaded = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  await page.waitForLoadState('networkidle'); // everything a first visit loads has been asked for
  assert.deepEqual(loaded.filter((path) => /component\/|saas-metrics\.js/.test(path)), []);
  assert.equal(await builder(page).locator('textarea').count(), 0);
  await builder(page).scrollIntoViewIfNeeded();
  await builder(page).locator('textarea').waitFor();
  assert.ok(loaded.includes('/saas-metrics.js'));
  assert.deepEqual(page.problems, []);
});

test('the builder has the page scenario even when its own modules arrive late, and shares its wasm', async () => {
  const page = await strictPage(env.browser);
  const wasm = [];
  // The core's module; the pricing lab and import views near the builder bring modules of their own.
  page.on('request', (request) => request.url().endsWith('/saas-metrics-core.wasm') && wasm.push(request.url()));
  // One of the builder's modules is held back until the page is ready and scrolled.
  let release;
  const late = new Promise((resolve) => { release = resolve; });
  await page.route('**/component/inputs.js', async (route) => {
    await late;
    await route.continue();
  });
  await visitBuilder(page);
  release();
  await snippetHas(page, '"name":"Self-serve SMB"');
  await preview(page).locator('[data-metric]:not([data-value=""])').first().waitFor();
  assert.equal(wasm.length, 1);
  assert.deepEqual(page.problems, []);
});

test('the snippet carries the page scenario, escaped, and renders the same numbers elsewhere', async () => {
  const page = await openBuilder();
  const name = 'Bob\'s "Pro" & <Co>';
  await page.locator('#editor [name="plans[0].name"]').fill(name);
  await page.locator('#editor [name="customers.starting"]').fill('512');
  await snippetHas(page, '"starting":512');
  const expected = await preview(page).evaluate((e) => e.output);
  const { page: host, output } = await pasted(await copied(page));
  assert.deepEqual(output, expected);
  assert.equal(await host.locator('saas-metrics').evaluate((e) => JSON.parse(e.getAttribute('scenario')).plans[0].name), name);
  assert.deepEqual(host.problems, []);
});

test('the iframe snippet shows the same numbers through embed.html', async () => {
  const page = await openBuilder();
  await choose(page, 'form', 'iframe');
  await snippetHas(page, '<iframe');
  const snippet = await copied(page);
  assert.match(snippet, /embed\.html\?layout=compact&amp;theme=auto&amp;metrics=[^#"]+#s=[\w-]+"/);
  // The snippet's small resize script is inline, so this host allows inline scripts.
  const { page: host, output } = await pasted(snippet, null);
  assert.deepEqual(output, await preview(page).evaluate((e) => e.output));
  await host.waitForFunction(() => document.getElementById('saas-metrics-frame').height !== '640');
  assert.deepEqual(host.problems, []);
});
