// Assembles the deployable static site in dist/: the page and component sources from
// web/, the wasm module from build/wasm, and the chart library from node_modules.
import fs from 'node:fs';

// DIST lets parallel work keep its own copy; the default is what scripts/serve serves.
const dist = process.env.DIST ?? 'dist';
fs.rmSync(dist, { recursive: true, force: true });
fs.cpSync('web', dist, { recursive: true });
for (const file of ['saas-metrics-core.js', 'saas-metrics-core.wasm'])
  fs.copyFileSync(`build/wasm/module/${file}`, `${dist}/${file}`);
// saas-metrics.d.ts imports the module's types from beside it.
fs.copyFileSync('wasm/saas-metrics-core.d.ts', `${dist}/saas-metrics-core.d.ts`);
fs.mkdirSync(`${dist}/vendor`, { recursive: true });
fs.copyFileSync('node_modules/uplot/dist/uPlot.esm.js', `${dist}/vendor/uPlot.esm.js`);
await import('./build-single-file.mjs'); // dist/saas-metrics.html, the offline single-file page
