// A host on another origin than the script: with the documented headers
// (Access-Control-Allow-Origin on the .js and .wasm files) the element works under the
// host's strict CSP; without them the browser refuses the module, as documented.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, strictPage } from './browser.mjs';
import { shownMetrics, startHeaderProxy, startHostSite } from './component-helpers.mjs';

const env = await openBrowser();
test.after(() => env.close());

const cors = await startHeaderProxy(env.url, { 'access-control-allow-origin': '*' });
test.after(() => cors.close());

/** A host page on its own origin that includes the script from `base`, allowed by its CSP header. */
async function open(base) {
  const origin = new URL(base).origin;
  const site = await startHostSite('<!doctype html><html lang="en"><head><meta charset="utf-8">'
    + `<link rel="icon" href="${base}favicon.svg"><script type="module" src="${base}saas-metrics.js"></script></head>`
    + '<body><saas-metrics layout="results-only" metrics="mrr,arr"></saas-metrics></body></html>', {
    'content-security-policy': `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; `
      + `style-src 'self'; img-src ${origin}; connect-src 'self' ${origin}; object-src 'none'; base-uri 'none'`,
  });
  test.after(() => site.close());
  const page = await strictPage(env.browser);
  await page.goto(site.url);
  return page;
}

test('the element works from another origin with Access-Control-Allow-Origin', async () => {
  const page = await open(cors.url);
  const shown = await shownMetrics(page, 'saas-metrics');
  assert.deepEqual(shown.map((m) => m.text), ['$7,900', '$94,800']);
  assert.deepEqual(page.problems, []);
});

test('without the header the browser blocks the module', async () => {
  const page = await open(env.url);
  // A module script that fails its CORS check fires `error` on its <script> element.
  assert.equal(await page.evaluate(() => new Promise((resolve) => {
    const script = document.querySelector('script[type="module"]');
    script.addEventListener('error', () => resolve('blocked'));
    script.addEventListener('load', () => resolve('loaded'));
    if (document.readyState === 'complete') resolve(customElements.get('saas-metrics') ? 'loaded' : 'blocked');
  })), 'blocked');
});
