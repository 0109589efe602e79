// Languages (issue 11): the page and <saas-metrics> choose their language, switch it live
// without losing the model or the results, and stay accessible and unclipped in each.
// Expected words come from the message files themselves; numbers from the native CLI.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openBrowser, strictPage } from './browser.mjs';
import { openPage, control, cli, assertSameValue, expectedValue } from './page-helpers.mjs';
import { hostPage, axeProblems } from './component-helpers.mjs';
import { example, defaultExample } from '../../web/page/calculator/examples.js';

const words = {};
for (const language of ['en', 'sv', 'nb', 'zh-CN']) words[language] = (await import(`../../web/shared/messages/${language}.js`)).default;

const env = await openBrowser();
test.after(() => env.close());
const shots = new URL('screenshots/', import.meta.url).pathname;
fs.mkdirSync(shots, { recursive: true });

/** The label of a headline card and of the first field, and the page's lang. */
const pageWords = (page) => page.evaluate(() => ({
  lang: document.documentElement.lang,
  card: document.querySelector('.card[data-key="customer_churn_monthly"] h3').textContent,
  field: document.querySelector('label[for="field-customers-starting"]')?.textContent
    ?? document.querySelector('#editor [name="customers.starting"]').labels[0].textContent,
  title: document.title,
}));

const cardValues = (page) => page.$$eval('#cards [data-metric]', (all) => all.map((e) => [e.dataset.metric, e.dataset.value]));

test('the page speaks the browser\'s language, with numbers in its format', async () => {
  const page = await openPage(env.browser, env.url, { locale: 'sv-SE' });
  const shown = await pageWords(page);
  assert.equal(shown.lang, 'sv');
  assert.equal(shown.card, words.sv['metric.customer_churn_monthly']);
  assert.ok(shown.field.startsWith(words.sv['field.customers.starting']), shown.field);
  assert.equal(shown.title, words.sv['page.title']);
  // Swedish groups thousands with a space and writes the currency after the number.
  const mrr = await page.locator('#cards [data-metric="mrr"]').textContent();
  assert.match(mrr, /^\d{1,3}(\s\d{3})+\s?US\$$/u);
  // The numbers are still the core's.
  const expected = cli(example(defaultExample));
  for (const [key, value] of await cardValues(page)) assertSameValue(value, expectedValue(expected, key), key);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the language menu switches every word live, keeping the model, what was typed and the results', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await openPage(context, env.url);
  await control(page, 'customers.starting').fill('250');
  await control(page, 'customers.monthly_churn').fill('abc'); // invalid: kept as typed, results stale
  await page.locator('#status').waitFor();
  const before = await cardValues(page);
  await page.locator('#language').selectOption('nb');
  await page.waitForFunction(() => document.documentElement.lang === 'nb');
  const shown = await pageWords(page);
  assert.equal(shown.card, words.nb['metric.customer_churn_monthly']);
  assert.ok(shown.field.startsWith(words.nb['field.customers.starting']), shown.field);
  assert.equal(await control(page, 'customers.starting').inputValue(), '250');
  assert.equal(await control(page, 'customers.monthly_churn').inputValue(), 'abc');
  assert.deepEqual(await cardValues(page), before);
  assert.equal(await page.locator('#status-text').textContent(), words.nb['page.fields_need_attention.one'].replace('{n}', '1'));
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'nb');
  // Kept: a reload and a plain visit in this browser open in Norwegian.
  await page.reload();
  await page.locator('html[data-ready]').waitFor();
  assert.equal((await pageWords(page)).lang, 'nb');
  await page.goto(env.url);
  await page.locator('html[data-ready]').waitFor();
  assert.equal((await pageWords(page)).card, words.nb['metric.customer_churn_monthly']);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('?lang= wins over the browser\'s language', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=zh-CN`, { locale: 'sv-SE' });
  const shown = await pageWords(page);
  assert.equal(shown.lang, 'zh-CN');
  assert.equal(shown.card, words['zh-CN']['metric.customer_churn_monthly']);
  assert.equal(shown.title, words['zh-CN']['page.title']);
  await page.close();
});

test('<saas-metrics> speaks its lang, else its host page\'s, else English, and switches live keeping edits', async () => {
  const page = await strictPage(env.browser, { locale: 'en-US' });
  await page.goto(await hostPage(page, `${env.url}language-host.html`,
    '<script type="module" src="/saas-metrics.js"></script><body>'
    + '<saas-metrics id="own" lang="sv" layout="compact"></saas-metrics>'
    + '<div lang="zh-CN"><saas-metrics id="inherited" layout="compact"></saas-metrics></div>'
    + '<saas-metrics id="plain" layout="compact"></saas-metrics>'));
  // Metric names are abbreviations in every language (MRR, LTV): the fields' labels are not.
  const labelIs = ([id, text]) => document.querySelector(`#${id}`).shadowRoot
    .querySelector('label:has([name="customers.starting"]) [part~="field-label"]')?.textContent === text;
  const label = (id) => page.locator(`#${id}`).locator('label:has([name="customers.starting"]) [part~="field-label"]').textContent();
  const value = (id) => page.locator(`#${id}`).locator('[data-metric="mrr"]').getAttribute('data-value');
  await page.locator('#plain [data-metric="mrr"]:not([data-value=""])').waitFor();
  await page.locator('#own [data-metric="mrr"]:not([data-value=""])').waitFor();
  assert.equal(await label('own'), words.sv['field.customers.starting']);
  assert.equal(await label('inherited'), words['zh-CN']['field.customers.starting']);
  assert.equal(await label('plain'), words.en['field.customers.starting']); // the host page is lang="en"

  // A visitor's edit survives a change of language, and so do the results.
  await page.locator('#own [name="customers.starting"]').fill('500');
  await page.waitForFunction(() => document.querySelector('#own').output.metrics.customers === 500);
  const mrr = await value('own');
  await page.evaluate(() => document.querySelector('#own').setAttribute('lang', 'nb'));
  await page.waitForFunction(labelIs, ['own', words.nb['field.customers.starting']]);
  await page.locator('#own [data-metric="mrr"]:not([data-value=""])').waitFor();
  assert.equal(await page.locator('#own [name="customers.starting"]').inputValue(), '500');
  assert.equal(await value('own'), mrr);

  // Without its own lang, the element follows the host page's, live.
  await page.evaluate(() => { document.documentElement.lang = 'nb'; });
  await page.waitForFunction(labelIs, ['plain', words.nb['field.customers.starting']]);
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Every language at a phone's and a desktop's width: nothing wider than the viewport, axe
// clean, and a screenshot to look at (tests/browser/screenshots/page-lang-*.png).
for (const language of ['en', 'sv', 'nb', 'zh-CN']) {
  test(`${language}: no overflow at 360 px, axe clean, screenshots at 375 and 1440 px`, async () => {
    const page = await openPage(env.browser, `${env.url}?lang=${language}`, { viewport: { width: 360, height: 780 } });
    // Past the viewport's edge (tables scroll in their own region), or cut inside its box.
    const overflow = () => page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 1
        && !e.closest('.table-wrap, [role="region"], .visually-hidden, dialog'));
      const clipped = [...document.querySelectorAll('button, label, .card h3, .card .value, .tick .label, .tick .value')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1);
      return [...outside, ...clipped].slice(0, 5).map((e) => e.outerHTML.slice(0, 120));
    });
    assert.deepEqual(await overflow(), []);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: `${shots}page-lang-${language}-375.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${shots}page-lang-${language}-1440.png`, fullPage: true });
    assert.equal(await page.evaluate(() => document.documentElement.lang), language);
    assert.deepEqual(await axeProblems(page, 'body'), []);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('<saas-metrics layout="compact"> fits 360 px in every language, nothing cut', async () => {
  const page = await strictPage(env.browser, { viewport: { width: 400, height: 900 } });
  await page.goto(await hostPage(page, `${env.url}language-compact.html`,
    '<script type="module" src="/saas-metrics.js"></script><body style="margin:0">'
    + ['en', 'sv', 'nb', 'zh-CN'].map((language) => `<saas-metrics lang="${language}" layout="compact" style="width:360px"></saas-metrics>`).join(''),
    { csp: '' })); // the sizes are inline styles; the strict CSP is tested elsewhere
  await page.waitForFunction(() => [...document.querySelectorAll('saas-metrics')].every((e) => e.output));
  const cut = await page.evaluate(() => [...document.querySelectorAll('saas-metrics')].flatMap((element) => {
    const right = element.getBoundingClientRect().right;
    return [...element.shadowRoot.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > right + 1
      || (e.matches('[part~="metric-label"], [part~="metric-value"], [part~="field-label"], [part~="unit"]') && e.scrollWidth > e.clientWidth + 1))
      .map((e) => `${element.lang}: ${e.outerHTML.slice(0, 100)}`);
  }));
  assert.deepEqual(cut, []);
  await page.screenshot({ path: `${shots}component-compact-languages-360.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});
