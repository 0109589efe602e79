// <saas-metrics> on a hostile host: global CSS that resets everything and hides every
// div, under a strict CSP. The element must render correct values in its shadow root
// and leave the host's own styles exactly as they were.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, strictPage } from './browser.mjs';
import { hostPage, attr, shownMetrics } from './component-helpers.mjs';
import { cliCalc } from '../wasm/load-core.mjs';

const env = await openBrowser();
test.after(() => env.close());

const scenario = { plans: [{ price: 49 }], customers: { starting: 100, new_per_month: 10, monthly_churn: 0.02 },
  costs: { sales_marketing_per_month: 3000 } };
const hostile = '* { all: initial !important; font-size: 40px } div { display: none }';
const body = (element) => `<link rel="stylesheet" href="hostile.css">${element}</head><body>`
  + `<p id="text">Host text</p><div id="box">host div</div>`
  + `<saas-metrics scenario="${attr(JSON.stringify(scenario))}" metrics="mrr,arr,cac,ltv_to_cac"></saas-metrics>`
  + `<p id="after">More host text</p></body>`;

/** Computed styles of the host's own elements, as a comparable object. Sizes (and the
 *  origins derived from them) are left out: the element legitimately takes up room. */
const hostStyles = (page) => page.evaluate(() => Object.fromEntries(['html', 'body', '#text', '#box', '#after']
  .map((selector) => [selector, Object.fromEntries(Object.entries({ ...getComputedStyle(document.querySelector(selector)) })
    .filter(([name]) => !/^(webkit)?(logical)?(width|height|blockSize|inlineSize|(perspective|transform)Origin)$/i.test(name)))])));

async function open(withScript) {
  const page = await strictPage(env.browser);
  await page.route(`${env.url}hostile.css`, (route) => route.fulfill({ contentType: 'text/css', body: hostile }));
  await page.goto(await hostPage(page, `${env.url}hostile.html`,
    body(withScript ? '<script type="module" src="saas-metrics.js"></script>' : '')));
  return page;
}

test('the element renders correct values under hostile CSS and a strict CSP', async () => {
  const page = await open(true);
  const expected = JSON.parse(cliCalc(JSON.stringify(scenario)).stdout).metrics;
  const shown = await shownMetrics(page, 'saas-metrics');
  assert.deepEqual(shown.map((m) => [m.key, m.value]),
    ['mrr', 'arr', 'cac', 'ltv_to_cac'].map((key) => [key, expected[key]]));
  assert.deepEqual(shown.map((m) => m.text), ['$4,900', '$58,800', '$300', '8.17×']);

  // Visible and laid out by its own styles, not the host's reset.
  const card = page.locator('saas-metrics [data-metric="mrr"]');
  assert.ok(await card.isVisible());
  const look = await card.locator('[part~="metric-value"]').evaluate((e) => {
    const style = getComputedStyle(e);
    return { fontSize: style.fontSize, display: getComputedStyle(e.parentElement).display };
  });
  assert.deepEqual(look, { fontSize: '22.5px', display: 'grid' });
  // The reset makes the host element inline; its shadow content still lays out as a block.
  assert.ok((await page.locator('saas-metrics [part~="root"]').boundingBox()).width > 600);
  assert.deepEqual(page.problems, []);
});

test('the host page keeps exactly its own styles', async () => {
  const without = await open(false);
  const withElement = await open(true);
  await shownMetrics(withElement, 'saas-metrics');
  assert.deepEqual(await hostStyles(withElement), await hostStyles(without));
  // Its styles live in the shadow root only: the document still has just the host's sheet.
  assert.deepEqual(await withElement.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length,
    document.querySelector('saas-metrics').shadowRoot.adoptedStyleSheets.length]), [1, 0, 1]);
});
