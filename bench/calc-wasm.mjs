// Times one full computation in the wasm module under node, scenario JSON text in,
// output JSON text out (issue 3's benchmark; not a test), then runs the native
// benchmark (build/native/bench_calc) on the same scenario and prints the ratio.
//   node bench/calc-wasm.mjs [SCENARIO_FILE] [RUNS]
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { loadCore } from '../tests/wasm/load-core.mjs';

const file = process.argv[2] ?? 'bench/scenario-50-plans.json';
const runs = Number(process.argv[3] ?? 5000);
const scenario = fs.readFileSync(file, 'utf8');
const core = await loadCore();

// Warm-up lets V8 tier the module up before anything is timed.
for (let i = 0; i < runs / 10; i++) core.calc(scenario);
const micros = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  core.calc(scenario);
  micros.push((performance.now() - start) * 1000);
}
micros.sort((a, b) => a - b);
const wasm = micros[Math.floor(runs / 2)];
console.log(`wasm:   median ${wasm.toFixed(1)} us per calc over ${runs} runs`);

const native = execFileSync('build/native/bench_calc', [file, String(runs)]).toString();
process.stdout.write(native);
const nativeMicros = Number(native.match(/median ([0-9.]+) us/)[1]);
console.log(`wasm/native: ${(wasm / nativeMicros).toFixed(2)}x (targets: wasm < 100 us, ratio < 2x)`);
