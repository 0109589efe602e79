// Times the subscription import (contract section 8) on generated Stripe exports of 10 k,
// 100 k and 1 M rows: natively (the CLI) and in wasm under node (an Importer fed 1 MiB
// chunks, after a warm-up import so V8 runs optimized code), each beside a floor measured
// in the same run (reading the same bytes and counting newlines: `wc -l` natively, a
// Buffer.indexOf loop in node), and the wasm heap's size after the import.
//   node bench/import.mjs [ROWS...]      (after a build; NATIVE_BUILD / WASM_BUILD name
//                                        other build folders than build/native, build/wasm)
// CPU time is printed beside wall time, since a shared machine stretches the latter.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { stripeExport } from './stripe-export.mjs';

const root = new URL('../', import.meta.url);
const cli = new URL(`${process.env.NATIVE_BUILD ?? 'build/native'}/saas-metrics`, root).pathname;
const wasmBuild = new URL(`${process.env.WASM_BUILD ?? 'build/wasm'}/module/`, root);
const { default: createSaasMetricsImport } = await import(new URL('saas-metrics-import.js', wasmBuild));
const wasmBinary = fs.readFileSync(new URL('saas-metrics-import.wasm', wasmBuild));
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [10_000, 100_000, 1_000_000];
const chunkSize = 1 << 20;

function exportFile(rows) {
  const file = path.join(os.tmpdir(), `saas-metrics-import-bench-${rows}.csv`);
  if (!fs.existsSync(file)) {
    const fd = fs.openSync(file + '.part', 'w');
    for (const chunk of stripeExport({ rows, seed: 1 })) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    fs.renameSync(file + '.part', file);
  }
  return file;
}

// A command's wall and CPU seconds, from /usr/bin/time.
function timed(command, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const [wall, user, system] = r.stderr.toString().trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: user + system, status: r.status };
}

// Runs fn, returning its wall and CPU seconds.
function measure(fn) {
  const cpu0 = process.cpuUsage(), t0 = performance.now();
  const value = fn();
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - t0) / 1e3, cpu: (cpu.user + cpu.system) / 1e6, value };
}

function eachChunk(file, fn) {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(chunkSize);
  for (let n; (n = fs.readSync(fd, buffer, 0, chunkSize, null)) > 0;) fn(buffer.subarray(0, n));
  fs.closeSync(fd);
}

function wasmImport(module, file) {
  const importer = new module.Importer('USD', '');
  eachChunk(file, (chunk) => importer.feed(chunk));
  const json = importer.finish();
  importer.delete();
  return json;
}

function countNewlines(file) {
  let lines = 0;
  eachChunk(file, (chunk) => {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) ++lines;
  });
  return lines;
}

const s = (x) => `${x.toFixed(3)} s`;
const row = (cells) => console.log(cells.map((c, i) => String(c).padEnd([9, 9, 24, 24, 8][i] ?? 12)).join(' '));
row(['rows', 'MB', 'import wall (cpu)', 'floor wall (cpu)', 'ratio', 'heap']);
for (const rows of sizes) {
  const file = exportFile(rows);
  const mb = (fs.statSync(file).size / 1e6).toFixed(1);
  const native = timed(cli, ['import', file]);
  const nativeFloor = timed('wc', ['-l', file]);
  if (native.status !== 0) throw new Error(`the CLI exited ${native.status}`);
  row([rows, mb, `native ${s(native.wall)} (${s(native.cpu)})`, `wc -l ${s(nativeFloor.wall)} (${s(nativeFloor.cpu)})`,
    (native.cpu / Math.max(nativeFloor.cpu, 1e-3)).toFixed(1) + 'x']);
  // A fresh module per size, so its heap shows this file's peak; one warm-up import first.
  const module = await createSaasMetricsImport({ wasmBinary });
  wasmImport(module, exportFile(10_000));
  const wasm = measure(() => wasmImport(module, file));
  const nodeFloor = measure(() => countNewlines(file));
  row(['', '', `wasm ${s(wasm.wall)} (${s(wasm.cpu)})`, `node ${s(nodeFloor.wall)} (${s(nodeFloor.cpu)})`,
    (wasm.cpu / Math.max(nodeFloor.cpu, 1e-3)).toFixed(1) + 'x', `${(module.HEAPU8.length / 2 ** 20).toFixed(0)} MiB`]);
  if (JSON.parse(wasm.value).rows.total !== rows) throw new Error('wrong row count');
}
