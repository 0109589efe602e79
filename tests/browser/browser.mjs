// Shared set-up for browser tests: dist/ on a free loopback port and Debian's
// Chromium driven by playwright-core (never a downloaded browser), one per test file: one
// browser for all files (a server the files connect to) cost more CPU than it saved, as every
// call then crosses a WebSocket and another node process.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { startStaticServer } from '../../scripts/static-server.mjs';

const { version } = createRequire(import.meta.url)('playwright-core/package.json');
const dist = process.env.DIST ?? new URL('../../dist/', import.meta.url).pathname;

// Every context the tests open is a window of its own, and Chromium 156 gives each window's
// omnibox popup a WebUI renderer: 0.25 s of CPU per page, 40 % of opening one. Chromium reads
// only the last --disable-features switch, so ours repeats the list playwright-core passes
// (chromiumSwitches.ts of the version below) before the popup's two features.
const playwrightVersion = '1.65.1';
const playwrightDisables = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose',
  'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion'];
if (version !== playwrightVersion) throw new Error(`browser.mjs copies playwright-core ${playwrightVersion}'s --disable-features: check it against ${version}'s`);

const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run',
    `--disable-features=${[...playwrightDisables, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']}`],
};

export async function openBrowser() {
  const server = await startStaticServer(dist);
  const browser = await chromium.launch(launchOptions);
  return {
    browser,
    url: `http://127.0.0.1:${server.address().port}/`,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** A new page that fails the test on any console error or uncaught exception. Opened on a
 *  browser (in a context of its own), it registers no service worker unless `options` allow
 *  it: the worker's install caches the whole site, 1.4 MB, on every such page. The offline
 *  tests open their own contexts, which allow it. */
export async function strictPage(browserOrContext, options) {
  const page = await browserOrContext.newPage('newContext' in browserOrContext ? { serviceWorkers: 'block', ...options } : options);
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.problems = problems;
  return page;
}
