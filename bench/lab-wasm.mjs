// Times the pricing lab's tools in the wasm module under node and natively (bench_lab),
// request JSON text in, result JSON text out, and prints the medians and their ratio (not
// a test), by wall clock and by CPU time (the process's: it moves much less when other
// work loads the machine, and includes V8's helper threads, idle once warmed up). For the
// base example and bench/scenario-50-plans.json: a 101 x 101 grid, a sensitivity over
// every lever, goal seeks and a 120-month price change.
//   node bench/lab-wasm.mjs [RUNS]        (SAAS_NATIVE_BUILD, SAAS_WASM_BUILD: build folders)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { exampleScenario } from '../web/component/example-scenario.js';

const runs = Number(process.argv[2] ?? 100);
const root = new URL('../', import.meta.url);
const wasmBuild = new URL(`${process.env.SAAS_WASM_BUILD ?? 'build/wasm'}/module/`, root);
const bench = new URL(`${process.env.SAAS_NATIVE_BUILD ?? 'build/native'}/bench_lab`, root).pathname;
const { default: createSaasMetricsLab } = await import(new URL('saas-metrics-lab.js', wasmBuild));
const lab = await createSaasMetricsLab({ wasmBinary: fs.readFileSync(new URL('saas-metrics-lab.wasm', wasmBuild)) });

const base = exampleScenario; // the contract's example (section 1)
const fifty = JSON.parse(fs.readFileSync(new URL('bench/scenario-50-plans.json', root), 'utf8'));

// The heaviest metric for each tool: one that reads the whole projection.
function requests(scenario) {
  const levers = JSON.parse(lab.levers(JSON.stringify(scenario))).map((l) => l.lever);
  const long = { ...scenario, options: { ...scenario.options, horizon_months: 120 } };
  return [
    ['grid', 'grid', { scenario, metric: 'cumulative_profit_at_horizon',
      x: { lever: 'price_factor', from: 0.5, to: 2, steps: 101 }, y: { lever: 'customers.monthly_churn', from: 0, to: 0.2, steps: 101 } }],
    ['sensitivity', 'sensitivity', { scenario, metric: 'break_even_month', levers }],
    ['solve', 'solve', { scenario, vary: 'price_factor', target: { metric: 'ltv_to_cac', value: 3 } }],
    ['solve (break-even)', 'solve', { scenario, vary: 'customers.new_per_month', target: { metric: 'break_even_month', value: 12 } }],
    ['price change', 'priceChange', { scenario: long, change: { price_factor: 1.2, signup_elasticity: -1, existing: 'migrated', migration_month: 3, migration_churn: 0.05 } }],
  ];
}

const cli = { solve: 'solve', sensitivity: 'sensitivity', grid: 'grid', priceChange: 'price-change' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saas-metrics-lab-bench-'));
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
// Wasm and native take turns, a fifth of the runs each, so a change in the machine's load
// falls on both: each figure is the median of the five turns' medians.
const turns = 5;
function timeWasm(tool, text) {
  const wall = [], cpu = [];
  for (let i = 0; i < Math.ceil(runs / turns); i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    lab[tool](text);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - start);
  }
  return { wall: median(wall), cpu: median(cpu) };
}
function timeNative(tool, file) {
  const out = execFileSync(bench, [cli[tool], file, String(Math.ceil(runs / turns))]).toString();
  const [, wall, cpu] = out.match(/median ([0-9.]+) ms, CPU ([0-9.]+) ms/);
  return { wall: Number(wall), cpu: Number(cpu) };
}
console.log(`${''.padEnd(31)} wasm / native, ratio  (load average ${os.loadavg()[0].toFixed(1)})`);
for (const [label, scenario] of [['base example', base], ['50 plans', fifty]]) {
  for (const [name, tool, request] of requests(scenario)) {
    const text = JSON.stringify(request);
    const result = lab[tool](text);
    if ('errors' in JSON.parse(result)) throw new Error(`${name}: ${result}`);
    const file = path.join(dir, 'request.json');
    fs.writeFileSync(file, text);
    // Warm-up lets V8 tier the module up before anything is timed: a function leaves the
    // baseline compiler's code only once it has run for a while, and the tools called
    // rarely per request (notes, parsing) took ~200 calls to run 2x faster.
    const warm = performance.now() + 1000;
    for (let i = 0; i < runs / 10 + 1 || performance.now() < warm; i++) lab[tool](text);
    const wasmTurns = [], nativeTurns = [];
    for (let turn = 0; turn < turns; turn++) {
      wasmTurns.push(timeWasm(tool, text));
      nativeTurns.push(timeNative(tool, file));
    }
    const figures = (kind) => {
      const wasm = median(wasmTurns.map((t) => t[kind])), native = median(nativeTurns.map((t) => t[kind]));
      return `${wasm.toFixed(3).padStart(7)} / ${native.toFixed(3).padStart(7)} ms = ${(wasm / native).toFixed(2)}x`;
    };
    console.log(`${label.padEnd(12)} ${name.padEnd(18)} wall ${figures('wall')}   CPU ${figures('cpu')}`);
  }
}
fs.rmSync(dir, { recursive: true });
console.log('targets: the 101 x 101 grid <= 30 ms, each other <= 2 ms, wasm within 2x native');
