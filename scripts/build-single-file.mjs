// Writes the page's production scripts into dist/:
// - saas-metrics.html, the whole calculator in one file that works when opened from disk
//   (file://) with no network. Browsers block ES modules from file:// (origin "null"), so
//   the page's modules are bundled by esbuild into one classic inline script, with the wasm
//   modules' glue (the hosted page's ES6 build) and their wasm inlined as base64 data: URLs
//   (inlineWasm). The CSP allows exactly that inline script and the style sheet by their
//   sha256 hashes; `connect-src data:` lets the glue fetch its inlined wasm.
// - page/main.js for the hosted page, replaced by a minified bundle of the same modules:
//   one request instead of a dozen, and half the bytes. engine.js stays a module of its
//   own (shared/engine.js), so the page and an embedded <saas-metrics> share one wasm instance; so do the
//   embed builder (imported when scrolled near), page/calculator/charts.js, bundled with uPlot and
//   imported when the charts near the viewport, and page/calculator/compare.js (saved scenarios, with
//   the name dialog), imported when near or on the first Save. The pricing lab (page/lab/lab.js, with uPlot)
//   is bundled apart too and imported when scrolled near; shared/lab-engine.js stays a module
//   of its own, so the lab and a <saas-metrics layout="price-change"> share the lab's wasm.
//   In saas-metrics.html the lab's glue and wasm are inlined in the bundle like the core's.
// - The import view (page/import/import-view.js, with uPlot) is bundled apart too and imported
//   when scrolled near; its worker (page/import/import-worker.js) is one module that loads
//   saas-metrics-import.js. saas-metrics.html carries that worker as text instead (the worker
//   bundled as a classic script with the import's glue and wasm inlined), started from a blob: URL.
// - The words: shared/i18n.js and one message file per language (shared/messages/) stay files
//   of their own for the hosted page, which loads only its visitor's language; saas-metrics.html
//   carries all four inside its bundle.
// - app.css, minified with uPlot's style sheet inlined where it imports it.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import * as esbuild from 'esbuild';

const dist = process.env.DIST ?? 'dist';
const wasm = process.env.WASM_BUILD ?? 'build/wasm';

const uPlot = (build) => build.onResolve({ filter: /uPlot\.(esm\.js|min\.css)$/ },
  ({ path: file }) => ({ path: path.resolve('node_modules/uplot/dist', path.basename(file)) }));
// The named wasm modules for a classic script: their ES6 glue, bundled, given the wasm as a
// data: URL through locateFile, which the glue fetches (no second, SINGLE_FILE link of each
// module). Without locateFile the glue would find the .wasm beside it through import.meta.url,
// which classic scripts lack.
const inlineWasm = (...names) => (build) => {
  build.initialOptions.define = { ...build.initialOptions.define, 'import.meta.url': 'undefined' };
  build.onResolve({ filter: new RegExp(`/(${names.join('|')})\\.js$`) },
    ({ path: file }) => ({ path: path.basename(file, '.js'), namespace: 'inline-wasm' }));
  build.onResolve({ filter: /^glue:/ }, ({ path: name }) => ({ path: path.resolve(`${wasm}/module/${name.slice(5)}.js`) }));
  build.onLoad({ filter: /.*/, namespace: 'inline-wasm' }, ({ path: name }) => ({
    contents: `import create from 'glue:${name}';
const url = 'data:application/octet-stream;base64,${fs.readFileSync(`${wasm}/module/${name}.wasm`).toString('base64')}';
export default (options) => create({ ...options, locateFile: () => url });`,
  }));
};
const separate = (...names) => (build) => build.onResolve({ filter: new RegExp(`/(${names.join('|')})\\.js$`) },
  ({ path: file }) => ({ path: file, external: true }));

async function bundle(entry, format, ...setups) {
  const { outputFiles: [file] } = await esbuild.build({
    entryPoints: [entry], bundle: true, format, minify: true, target: 'es2022', write: false,
    legalComments: 'none', charset: 'utf8', plugins: setups.map((setup, i) => ({ name: `page-${i}`, setup })),
  });
  return file.text;
}

// shared/i18n.js stays a module of its own, so each language's message file stays a file of
// its own beside it (a visit loads its language's only) and the views share it.
fs.writeFileSync(`${dist}/page/main.js`, await bundle('web/page/main.js', 'esm', separate('engine', 'i18n', 'embed-builder', 'charts', 'compare', 'lab', 'import-view')));
fs.writeFileSync(`${dist}/page/lab/lab.js`, await bundle('web/page/lab/lab.js', 'esm', uPlot, separate('lab-engine', 'i18n')));
fs.writeFileSync(`${dist}/page/import/import-view.js`, await bundle('web/page/import/import-view.js', 'esm', uPlot, separate('i18n')));
fs.writeFileSync(`${dist}/page/import/import-worker.js`, await bundle('web/page/import/import-worker.js', 'esm', separate('saas-metrics-import')));
fs.writeFileSync(`${dist}/page/calculator/charts.js`, await bundle('web/page/calculator/charts.js', 'esm', uPlot));
fs.writeFileSync(`${dist}/shared/i18n.js`, await bundle('web/shared/i18n.js', 'esm', separate('en', 'sv', 'nb', 'zh-CN')));
for (const file of fs.readdirSync('web/shared/messages'))
  fs.writeFileSync(`${dist}/shared/messages/${file}`, await bundle(`web/shared/messages/${file}`, 'esm')); // without the glossary comments
fs.writeFileSync(`${dist}/page/calculator/compare.js`, await bundle('web/page/calculator/compare.js', 'esm', separate('i18n')));
const style = await bundle('web/app.css', undefined, uPlot);
fs.writeFileSync(`${dist}/app.css`, style);
// The views' sheets load when the views mount; the single file inlines them beside app.css.
const viewStyles = ['page/lab/lab.css', 'page/import/import.css'];
for (const sheet of viewStyles) fs.writeFileSync(`${dist}/${sheet}`, await bundle(`web/${sheet}`));
const allStyles = [style, ...viewStyles.map((sheet) => fs.readFileSync(`${dist}/${sheet}`, 'utf8'))].join('');

const scripts = [await bundle('web/page/main.js', 'iife', uPlot, inlineWasm('saas-metrics-core', 'saas-metrics-lab'), separate('embed-builder'))];
const importWorker = await bundle('web/page/import/import-worker.js', 'iife', inlineWasm('saas-metrics-import'));
for (const text of [...scripts, importWorker]) if (/<\/script/i.test(text)) throw new Error('an inline script contains "</script"');

const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
const csp = ["default-src 'none'", `script-src ${scripts.map(hash).join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${hash(allStyles)}`, 'img-src data:', 'connect-src data:', 'worker-src blob:', "object-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');
const icon = `data:image/svg+xml;base64,${fs.readFileSync('web/favicon.svg').toString('base64')}`;

// Each edit must match, so a change to index.html cannot silently break this file.
const edits = [
  [/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`],
  [/<link rel="icon" href="favicon.svg"/, `<link rel="icon" href="${icon}"`],
  [/\s*<link rel="manifest"[^>]*>/, ''],
  [/<html lang="en">/, '<html lang="en" data-styles="inline">'],
  [/\s*<link rel="stylesheet" href="app.css">/, `\n  <style>${allStyles}</style>`],
  [/\s*<link rel="(module)?preload"[^>]*>/g, ''],
  [/\s*<script type="module" src="[^"]*"><\/script>/, ''],
  [/\s*<section id="embed-builder"[^>]*><\/section>/, ''], // it needs the hosted modules
  [/\s*<p><a href="saas-metrics.html"[^\n]*<\/p>/, ''],
  [/<\/body>/, `<script type="text/plain" id="import-worker-source">${importWorker}</script>\n</body>`],
  [/<\/body>/, `${scripts.map((text) => `<script>${text}</script>`).join('\n')}\n</body>`],
];
const html = edits.reduce((text, [pattern, replacement]) => {
  if (!pattern.test(text)) throw new Error(`build-single-file: index.html no longer matches ${pattern}`);
  return text.replace(pattern, () => replacement);
}, fs.readFileSync('web/index.html', 'utf8'));
fs.writeFileSync(`${dist}/saas-metrics.html`, html);
