// V8 runs a wasm function in its baseline tier until the function has run for a while, and
// in optimized code only from its next call on. A fresh worker would so read a file's first
// megabytes, and analyse it at the end, at a fraction of full speed (1 M rows in Chromium:
// 60-80 ms more). So the worker, once its core is loaded and before any file is picked, imports
// a small made-up Stripe export: a few calls of each kind of row and the analysis.
const header = 'Customer ID,Customer Name,Amount,Quantity,Interval,Currency,Status,Start (UTC),Ended At (UTC)\n';
const intervals = ['month', 'year', 'week'];
const statuses = ['active', 'canceled', 'trialing', 'past_due'];

function rows(from, to) {
  let text = '';
  for (let i = from; i < to; i += 1) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const ended = statuses[i % 4] === 'canceled' ? '2025-11-02 00:00' : '';
    text += `cus_${i % 3001},"Doe, J",${9 + (i % 50)}.00,${1 + (i % 3)},${intervals[i % 3]},${i % 2 ? 'eur' : 'usd'},` +
      `${statuses[i % 4]},20${20 + (i % 5)}-${month}-1${i % 10} 10:00,${ended}\n`;
  }
  return text;
}

/** Imports 4,000 made-up rows in 4 calls with `module` and returns it. */
export function warmUp(module) {
  const encoder = new TextEncoder();
  const importer = new module.Importer('USD', '');
  importer.feed(encoder.encode(header));
  for (let call = 0; call < 4; call += 1) importer.feed(encoder.encode(rows(call * 1000, (call + 1) * 1000)));
  importer.finish();
  importer.delete();
  return module;
}
