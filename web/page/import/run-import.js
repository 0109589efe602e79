// Starts one import in a Web Worker and hands back its result. The hosted page starts the
// module worker beside this file; the offline single file (opened from file://, where
// module workers cannot load) carries the worker as text in a <script type="text/plain">
// (scripts/build-single-file.mjs: the import module's glue with its wasm inlined + the bundled worker) and
// starts it from a blob: URL, which its CSP allows (`worker-src blob:`).
// A worker is started ahead (prepare(), when the view is built) so that the wasm module is
// compiled before a file is picked; each import uses it up, since the wasm heap it grew to
// hold a big file never shrinks, and the next one is started when that import ends.
// This thread reads the file (the browser reads; the thread only hands buffers on) while the
// worker imports the chunk before: three 4 MiB buffers go to the worker and back in turn, so
// reading and importing overlap (1 M rows in Chromium: ~130 ms sooner than the worker doing both).
import { chunkSize, readChunks } from './read-chunks.js';

function startWorker() {
  const bundled = document.getElementById('import-worker-source');
  let worker;
  if (bundled) {
    const url = URL.createObjectURL(new Blob([bundled.textContent], { type: 'text/javascript' }));
    worker = new Worker(url);
    URL.revokeObjectURL(url); // the worker has its own reference once started
  } else {
    // Relative to the page (index.html), not import.meta: this module is also bundled into
    // the single file's classic script, which has no import.meta.
    worker = new Worker(new URL('page/import/import-worker.js', document.baseURI), { type: 'module' });
  }
  // A worker that failed to load while waiting (offline, say) is replaced when needed.
  worker.onerror = (event) => {
    event.preventDefault();
    worker.failed = true;
  };
  return worker;
}

let spare = null;

/** Starts the worker the next import will use, if none is waiting. */
export function prepare() {
  spare ??= startWorker();
}

/** A failed import: message is a code ('cancelled', 'no_start', or the worker's 'not_text',
 *  'unreadable'), reason what the browser or the core said, if anything. */
const failure = (code, reason = '') => Object.assign(new Error(code), { reason });

const buffers = 3; // one being read, one being imported, one waiting between them

/**
 * Imports `file` ({ currency, asOf } as the core takes them). onProgress({ bytes, rows }) is
 * called as chunks are imported. Returns { result, cancel }: result resolves to the core's JSON
 * text (or rejects with a failure, above); cancel() ends the worker and rejects with 'cancelled'.
 */
export function runImport(file, { currency, asOf }, onProgress) {
  if (spare?.failed) spare = null;
  prepare();
  const worker = spare;
  spare = null;
  // Buffers come back from the worker once their chunk is imported; reading stops once settled.
  const free = Array.from({ length: buffers }, () => new ArrayBuffer(chunkSize));
  let waiting = null;
  let settled = false;
  const nextBuffer = () => (settled ? null : free.pop() ?? new Promise((resolve) => { waiting = resolve; }));
  const giveBack = (buffer) => {
    if (waiting) waiting(buffer);
    else free.push(buffer);
    waiting = null;
  };
  let settle;
  const result = new Promise((resolve, reject) => {
    settle = (error, json) => {
      if (settled) return;
      settled = true;
      waiting?.(null);
      worker.terminate();
      prepare();
      return error ? reject(error) : resolve(json);
    };
  });
  worker.onmessage = ({ data }) => {
    if (data.progress) {
      giveBack(data.buffer);
      onProgress(data.progress);
    } else if (data.failed) settle(failure(data.failed, data.reason));
    else settle(null, data.json);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle(failure('no_start'));
  };
  worker.postMessage({ currency, asOf });
  (async () => {
    for await (const chunk of readChunks(file, nextBuffer)) worker.postMessage({ chunk }, [chunk.buffer]);
    worker.postMessage({ done: true });
  })().catch((error) => settle(failure('unreadable', String(error?.message ?? error))));
  return { result, cancel: () => settle(failure('cancelled')) };
}
