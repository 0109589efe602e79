// Assembles the deployable static site in dist/: the page and component sources from
// web/, the wasm modules from build/wasm (WASM_BUILD), and the chart library from node_modules.
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';

// DIST and WASM_BUILD let parallel work keep its own copies; the defaults are what scripts/serve serves.
const dist = process.env.DIST ?? 'dist';
const wasm = process.env.WASM_BUILD ?? 'build/wasm';
fs.rmSync(dist, { recursive: true, force: true });
fs.cpSync('web', dist, { recursive: true });
// The pricing lab's module is separate from the core's, so a first visit does not download it.
for (const file of ['saas-metrics-core.js', 'saas-metrics-core.wasm', 'saas-metrics-lab.js', 'saas-metrics-lab.wasm',
  'saas-metrics-import.js', 'saas-metrics-import.wasm'])
  fs.copyFileSync(`${wasm}/module/${file}`, `${dist}/${file}`);
// saas-metrics.d.ts imports the module's types from beside it.
fs.copyFileSync('wasm/saas-metrics-core.d.ts', `${dist}/saas-metrics-core.d.ts`);
fs.copyFileSync('wasm/saas-metrics-lab.d.ts', `${dist}/saas-metrics-lab.d.ts`);
fs.mkdirSync(`${dist}/vendor`, { recursive: true });
fs.copyFileSync('node_modules/uplot/dist/uPlot.esm.js', `${dist}/vendor/uPlot.esm.js`);
await import('./build-single-file.mjs'); // dist/saas-metrics.html, the offline single-file page
await import('./prerender.mjs'); // the default example's cards in dist/index.html's first frame

// The service worker precaches every file a visit may load (not the offline single file,
// a download of its own, nor type declarations), under a hash of their contents.
const files = fs.readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile()).map((entry) => path.relative(dist, path.join(entry.path, entry.name)))
  .filter((file) => !/^(sw\.js|saas-metrics\.html)$|\.d\.ts$/.test(file)).sort();
const contents = crypto.createHash('sha256');
for (const file of files) contents.update(file).update(fs.readFileSync(`${dist}/${file}`));
const worker = fs.readFileSync(`${dist}/sw.js`, 'utf8');
const precache = worker.replace(/const VERSION = 'dev';\nconst SHELL = \['\.\/'\];/,
  `const VERSION = '${contents.digest('hex').slice(0, 12)}';\nconst SHELL = ${JSON.stringify(['./', ...files])};`);
if (precache === worker) throw new Error('build-dist: sw.js no longer holds its VERSION and SHELL lines');
fs.writeFileSync(`${dist}/sw.js`, precache);
