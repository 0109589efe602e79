// One Chromium for all the browser test files of a run (scripts/test): prints its endpoint
// on the first line of stdout, and closes the browser when its stdin ends.
import { chromium } from 'playwright-core';
import { launchOptions } from './browser.mjs';

const server = await chromium.launchServer(launchOptions);
console.log(server.wsEndpoint());
process.stdin.resume().on('end', () => server.close());
