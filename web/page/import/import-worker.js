// The import's heavy work, off the page's main thread: reads the picked File as a stream
// and feeds it to the wasm core in big chunks, reporting bytes and rows as it goes, then
// posts the core's section 8.1 JSON text. The file's bytes stay in this worker and the
// wasm heap; nothing here touches the network apart from loading the core itself.
//
// Messages in:  { file: File, currency: 'USD', asOf: '' | 'YYYY-MM-DD' }
// Messages out: { progress: { bytes, rows } } … then { json: '…', bytes, rows } or { failed: code, reason? }:
// code 'not_text' (binary data) or 'unreadable' (reason: the browser's or the core's words);
// the page words them in the visitor's language ("import.<code>" in shared/messages/).
import createSaasMetricsImport from '../../saas-metrics-import.js';
import { readChunks } from './read-chunks.js';
import { warmUp } from './warm-up.js';

const core = createSaasMetricsImport().then(warmUp);

self.onmessage = async ({ data: { file, currency, asOf } }) => {
  let importer;
  try {
    importer = new (await core).Importer(currency, asOf);
    let bytes = 0;
    for await (const chunk of readChunks(file)) {
      if (bytes === 0 && !looksLikeText(chunk)) return void postMessage({ failed: 'not_text' });
      importer.feed(chunk);
      bytes += chunk.length;
      postMessage({ progress: { bytes, rows: importer.rows() } });
    }
    postMessage({ json: importer.finish(), bytes, rows: importer.rows() });
  } catch (error) {
    postMessage({ failed: 'unreadable', reason: String(error?.message ?? error) });
  } finally {
    importer?.delete();
  }
};

/** A CSV never holds NUL bytes; images, spreadsheets (.xlsx, .numbers) and archives do. */
function looksLikeText(chunk) {
  return !chunk.subarray(0, 65536).includes(0);
}
