// The first frame at build time (as Squoosh's static build does): renders dist/index.html in
// headless Chromium, takes the headline cards and the ticker the page's own renderers drew
// for the default example, and writes them into dist/index.html. A visitor who opens the
// page plainly then sees the core's numbers in the first paint, before any script has run;
// the page swaps in its live cards, with the same numbers, in one task (page/main.js).
// Two inline scripts, allowed by their hashes in the CSP, keep that honest:
// - in <head>, before anything is drawn: when this visit opens another scenario (a share
//   link, or a working model autosaved in this browser that is not the default example) or
//   formats numbers for another language, the built cards stay hidden (data-prerender="off");
// - after the cards: marks `first-metrics` once the frame showing them is produced.
// The style sheet is inlined (by hash as well), so that frame waits for no request.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { example, defaultExample } from '../web/page/calculator/examples.js';

const dist = process.env.DIST ?? 'dist';
const locale = 'en-US'; // the numbers are formatted for this language
const autosaveKey = 'saas-metrics.working.v1'; // page/autosave.js
const languageKey = 'saas-metrics.lang'; // page/main.js

const server = await startStaticServer(dist);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ locale, serviceWorkers: 'block' });
await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
await page.locator('html[data-ready]').waitFor();
// Build-time markup of our own renderers, for the default example: no user text in it.
const built = await page.evaluate(() => ({
  cards: document.getElementById('cards').innerHTML,
  ticker: document.getElementById('ticker').innerHTML,
}));
await browser.close();
server.close();
// What the page autosaves for the untouched default example (JSON.stringify keeps key order).
const scenario = JSON.stringify(example(defaultExample));

// The language: ?lang=, else the one kept in this browser, else the browser's own. Anything
// that may not be English also hides the page's words until the page has written them in
// its language (data-words, app.css), so no English flashes first; page/main.js decides
// exactly (shared/i18n.js) and always clears the mark.
const check = `(()=>{const d=document.documentElement;let other=location.hash.startsWith('#s=')||navigator.language!==${JSON.stringify(locale)};`
  + `try{const w=JSON.parse(localStorage.getItem(${JSON.stringify(autosaveKey)}));if(w&&JSON.stringify(w.scenario)!==${JSON.stringify(scenario)})other=true}catch{}`
  + `let l=new URLSearchParams(location.search).get("lang");try{l??=localStorage.getItem(${JSON.stringify(languageKey)})}catch{}`
  + 'if(!/^en\\b/i.test(l??navigator.language)){other=true;d.dataset.words="pending"}'
  + 'if(other)d.dataset.prerender="off"})()';
const mark = 'if(document.documentElement.dataset.prerender!=="off")requestAnimationFrame(()=>setTimeout(()=>performance.mark("first-metrics")))';
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

// Each edit must match, so a change to index.html cannot silently skip the first frame.
const style = fs.readFileSync(`${dist}/app.css`, 'utf8');
const edits = [
  [/script-src 'self'/, `script-src 'self' ${hash(check)} ${hash(mark)}`],
  [/style-src 'self'/, `style-src 'self' ${hash(style)}`],
  [/<link rel="stylesheet" href="app.css">/, `<style>${style}</style>`],
  [/<meta name="color-scheme"/, `<script>${check}</script>\n  <meta name="color-scheme"`],
  [/<div id="cards" class="cards"><\/div>/, `<div id="cards" class="cards" data-prerendered>${built.cards}</div><script>${mark}</script>`],
  [/<div id="ticker" class="ticker"([^>]*)><\/div>/, (tag, attributes) => `<div id="ticker" class="ticker"${attributes} data-prerendered>${built.ticker}</div>`],
];
const file = `${dist}/index.html`;
fs.writeFileSync(file, edits.reduce((text, [pattern, replacement]) => {
  if (!pattern.test(text)) throw new Error(`prerender: index.html no longer matches ${pattern}`);
  // A function, so a "$" in the built markup ("$4,900") is never read as a replacement pattern.
  return text.replace(pattern, typeof replacement === 'function' ? replacement : () => replacement);
}, fs.readFileSync(file, 'utf8')));
