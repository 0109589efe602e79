// Assembles the deployable static site in dist/: the page and component sources from
// web/, the wasm modules from build/wasm (WASM_BUILD), and the chart library from node_modules.
import fs from 'node:fs';

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
fs.mkdirSync(`${dist}/vendor`, { recursive: true });
fs.copyFileSync('node_modules/uplot/dist/uPlot.esm.js', `${dist}/vendor/uPlot.esm.js`);
await import('./build-single-file.mjs'); // dist/saas-metrics.html, the offline single-file page
await import('./prerender.mjs'); // the default example's cards in dist/index.html's first frame
