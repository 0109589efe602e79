// The import's heavy work, off the page's main thread: feeds the file's chunks, as the page
// reads them, to the wasm core, handing each chunk's buffer back with the bytes and rows read
// so far, then posts the core's section 8.1 JSON text. The file's bytes stay in this worker,
// the page and the wasm heap; nothing here touches the network apart from loading the core.
//
// Messages in:  { currency: 'USD', asOf: '' | 'YYYY-MM-DD' }, then { chunk: Uint8Array } (its
//               buffer transferred) for each chunk, then { done: true }
// Messages out: { progress: { bytes, rows }, buffer } for each chunk, then { json: '…', bytes, rows }
// or { failed: code, reason? }: code 'not_text' (binary data) or 'unreadable' (reason: the
// core's words); the page words them in the visitor's language ("import.<code>" in shared/messages/).
import createSaasMetricsImport from '../../saas-metrics-import.js';
import { warmUp } from './warm-up.js';

const core = createSaasMetricsImport().then(warmUp);

let importer = null;
let bytes = 0;
let ended = false;
let queue = Promise.resolve();

// Messages are taken in order, each once the core has loaded.
self.onmessage = ({ data }) => {
  queue = queue.then(async () => {
    if (ended) return;
    try {
      take(await core, data);
    } catch (error) {
      end({ failed: 'unreadable', reason: String(error?.message ?? error) });
    }
  });
};

function take(module, { currency, asOf, chunk, done }) {
  if (chunk) {
    if (bytes === 0 && !looksLikeText(chunk)) return end({ failed: 'not_text' });
    importer.feed(chunk);
    bytes += chunk.length;
    postMessage({ progress: { bytes, rows: importer.rows() }, buffer: chunk.buffer }, [chunk.buffer]);
  } else if (done) {
    end({ json: importer.finish(), bytes, rows: importer.rows() });
  } else {
    importer = new module.Importer(currency, asOf);
  }
}

function end(message) {
  ended = true;
  importer?.delete();
  postMessage(message);
}

/** A CSV never holds NUL bytes; images, spreadsheets (.xlsx, .numbers) and archives do. */
function looksLikeText(chunk) {
  return !chunk.subarray(0, 65536).includes(0);
}
