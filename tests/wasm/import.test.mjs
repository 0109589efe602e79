// The import (contract section 8) through the wasm module and the native CLI gives
// byte-identical JSON for the same files, the wasm one fed in odd chunk sizes, and the
// same errors JSON and exit status (0 with a result, 2 with errors). WASM_BUILD and
// NATIVE_BUILD name other build folders (defaults: build/wasm, build/native).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { stripeExport } from '../../bench/stripe-export.mjs';

const root = new URL('../../', import.meta.url);
const wasmBuild = new URL(`${process.env.WASM_BUILD ?? 'build/wasm'}/module/`, root);
const cli = new URL(`${process.env.NATIVE_BUILD ?? 'build/native'}/saas-metrics`, root).pathname;
const { default: createSaasMetricsImport } = await import(new URL('saas-metrics-import.js', wasmBuild));
const module = await createSaasMetricsImport({ wasmBinary: fs.readFileSync(new URL('saas-metrics-import.wasm', wasmBuild)) });

function wasmImport(bytes, chunkSize, currency = 'USD', asOf = '') {
  const importer = new module.Importer(currency, asOf);
  try {
    for (let at = 0; at < bytes.length; at += chunkSize) importer.feed(bytes.subarray(at, at + chunkSize));
    return importer.finish();
  } finally {
    importer.delete();
  }
}

function cliImport(bytes, args = []) {
  const r = spawnSync(cli, ['import', '-', ...args], { input: bytes, maxBuffer: 1 << 28 });
  return { stdout: r.stdout.toString(), status: r.status };
}

const encode = (text) => new TextEncoder().encode(text);
const stripeFile = (rows, seed) => encode([...stripeExport({ rows, seed })].join(''));

const files = [
  ...[1, 2, 3, 4, 5].map((seed) => stripeFile(50 + seed * 400, seed)),
  encode('\uFEFFcustomer_id,start,end,mrr,currency\r\na,2024-01-01,,10,usd\r\n"b,""x""",2024-02-01,2024-03-01,5,eur\r\nc,2024-02-30,,1,usd\r\n'),
  encode('customer_id,start,end,mrr\nx,2024-01-01,2023-01-01,1\n'), // no usable row
  encode('name,email\nAda,ada@example.com\n'), // unknown header
  encode(''),
  new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0a]), // not text
];

test('wasm fed in odd chunks and the CLI give byte-identical JSON and matching exit status', () => {
  let results = 0;
  for (const [i, bytes] of files.entries()) {
    const native = cliImport(bytes);
    for (const chunkSize of [1 << 20, 65537, 4093, 7]) {
      if (chunkSize === 7 && bytes.length > 20000) continue; // keeps the run short
      const wasm = wasmImport(bytes, chunkSize);
      assert.equal(native.stdout, wasm + '\n', `file ${i}, chunks of ${chunkSize}`);
    }
    const ok = 'schema' in JSON.parse(native.stdout);
    assert.equal(native.status, ok ? 0 : 2, `file ${i}`);
    results += ok;
  }
  assert.equal(results, 6);
});

test('options: currency and as-of date give the same JSON both ways, invalid ones the same errors', () => {
  const bytes = stripeFile(800, 9);
  const segments = encode('customer_id,start,end,mrr\na,2024-01-01,2024-06-30,10\nb,2024-03-20,,5\n');
  for (const [file, currency, asOf] of [[bytes, 'eur', '2024-06-15'], [segments, 'GBP', '2024-03-15'], [segments, 'US', ''], [segments, 'USD', '2024-02-30']]) {
    const native = cliImport(file, ['--currency', currency, ...(asOf ? ['--as-of', asOf] : [])]);
    assert.equal(native.stdout, wasmImport(file, 1000, currency, asOf) + '\n', `${currency} ${asOf}`);
  }
  const errors = JSON.parse(wasmImport(segments, 10, 'US', '2024-02-30')).errors;
  assert.deepEqual(errors.map((e) => e.field), ['currency', 'as_of']);
});

test('rows() counts the data rows read so far', () => {
  const importer = new module.Importer('USD', '');
  importer.feed(encode('customer_id,start,end,mrr\na,2024-01-01,,10\nb,2024-01-01'));
  assert.equal(importer.rows(), 1);
  importer.feed(encode(',,10\n'));
  assert.equal(importer.rows(), 2);
  assert.equal(JSON.parse(importer.finish()).rows.total, 2);
  importer.delete();
});
