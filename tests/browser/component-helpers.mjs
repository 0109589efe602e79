// Shared pieces of the <saas-metrics> browser tests: host pages served through
// page.route (so no files are written into dist/) and the host's strict CSP.
export const strictCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** Serves `body` as an HTML page at `url` for this page only; returns the url. */
export async function hostPage(page, url, body, { csp = strictCsp } = {}) {
  await page.route(url, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">`
      + (csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : '')
      + `<link rel="icon" href="/favicon.svg">${body}</html>`,
  }));
  return url;
}

/** Escapes text for a double-quoted HTML attribute. */
export function attr(text) {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** Resolves with the detail of the next `type` event on the element matched by `selector`. */
export function nextEvent(page, selector, type) {
  return page.evaluate(([selector, type]) => new Promise((resolve) => {
    document.querySelector(selector).addEventListener(type, (e) => resolve(e.detail), { once: true });
  }), [selector, type]);
}

/** The metric cards of an element: [{ key, value, text }] in shown order, once numbers are in. */
export async function shownMetrics(page, selector) {
  const cards = page.locator(`${selector} [data-metric]`);
  await cards.first().and(page.locator('[data-value]:not([data-value=""])')).waitFor();
  return cards.evaluateAll((all) => all.map((card) => ({
    key: card.dataset.metric,
    value: card.dataset.value === '' ? null : Number(card.dataset.value),
    text: card.querySelector('[part~="metric-value"]').textContent,
  })));
}

/** A loopback server answering each request with `respond(request, response)`; closed by close(). */
async function startServer(respond) {
  const { default: http } = await import('node:http');
  const server = http.createServer(respond);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** A proxy to `target` that adds `headers` to every response, as a CDN would. */
export async function startHeaderProxy(target, headers) {
  const { default: http } = await import('node:http');
  return startServer((request, response) => http.get(new URL(request.url, target), (upstream) => {
    response.writeHead(upstream.statusCode, { ...upstream.headers, ...headers });
    upstream.pipe(response);
  }));
}

/** A host site on its own origin: `html` at every path, headers included. Chromium lets only a
 *  real loopback server (not a routed page) load scripts from another loopback origin. */
export function startHostSite(html, headers = {}) {
  return startServer((request, response) => response.writeHead(200, { 'content-type': 'text/html', ...headers }).end(html));
}

const axeSource = (await import('node:fs')).readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** Serious and critical axe-core findings inside `selector` (open shadow roots included).
 *  axe is evaluated over DevTools, so the page's CSP stays in force. */
export async function axeProblems(page, selector = 'body') {
  await page.evaluate(axeSource);
  const { violations } = await page.evaluate((include) => globalThis.axe.run({ include: [[include]] },
    { resultTypes: ['violations'] }), selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
