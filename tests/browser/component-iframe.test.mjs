// embed.html in an <iframe>: the scenario comes from a share-link fragment, the frame
// posts its height (and every output) to the host, and shows the CLI's numbers.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, strictPage } from './browser.mjs';
import { hostPage } from './component-helpers.mjs';
import { cliCalc } from '../wasm/load-core.mjs';
import { encodeScenario } from '../../web/shared/share.js';

const env = await openBrowser();
test.after(() => env.close());

const scenario = { currency: 'EUR', plans: [{ price: 79 }], customers: { starting: 320, new_per_month: 30, monthly_churn: 0.025 },
  costs: { sales_marketing_per_month: 9000, gross_margin: 0.75, fixed_per_month: 12000 } };

async function open(src) {
  const page = await strictPage(env.browser);
  await page.addInitScript(() => {
    window.messages = [];
    window.addEventListener('message', (event) => window.messages.push(event.data));
  });
  await page.goto(await hostPage(page, `${env.url}frame-host.html`,
    `</head><body><iframe src="${src}" title="Calculator" width="700" height="150"></iframe></body>`));
  return page;
}

test('the iframe fallback posts its height and shows the numbers of its fragment', async () => {
  const fragment = await encodeScenario(scenario);
  const page = await open(`embed.html?layout=compact&metrics=mrr,cac,ltv_to_cac${fragment}`);
  const expected = JSON.parse(cliCalc(JSON.stringify(scenario)).stdout);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-metric="ltv_to_cac"]:not([data-value=""])').waitFor();
  const shown = await frame.locator('[data-metric]').evaluateAll((all) => all.map((e) => [e.dataset.metric, Number(e.dataset.value)]));
  assert.deepEqual(shown, ['mrr', 'cac', 'ltv_to_cac'].map((key) => [key, expected.metrics[key]]));

  await page.waitForFunction(() => window.messages.some((m) => m.type === 'saas-metrics:metrics'));
  // The frame posts its height from a ResizeObserver, after some frame that follows the layout
  // change: the numbers (and the message with them) can be in before the height they make.
  await page.waitForFunction(() => {
    const height = window.messages.findLast((m) => m.type === 'saas-metrics:height')?.height;
    return Math.abs(height - document.querySelector('iframe').contentDocument.documentElement.scrollHeight) <= 1;
  });
  const messages = await page.evaluate(() => window.messages);
  assert.deepEqual(messages.findLast((m) => m.type === 'saas-metrics:metrics').output, expected);
  // The last height is the frame's content height: sized to it, the frame needs no scrolling.
  const height = messages.findLast((m) => m.type === 'saas-metrics:height').height;
  const content = await frame.locator('html').evaluate((e) => e.scrollHeight);
  assert.ok(height > 150 && Math.abs(height - content) <= 1, `${height} vs ${content}`);
  assert.deepEqual(page.problems, []);
});

test('a damaged fragment is explained inside the frame', async () => {
  const page = await open('embed.html#s=not*valid');
  const problem = page.frameLocator('iframe').locator('#problem');
  await problem.waitFor();
  assert.match(await problem.innerText(), /This embed link cannot be read: the link is damaged/);
});
