// The native CLI's contract (section 7): help, calc FILE and calc -, exit statuses
// 0 (result), 2 (invalid scenario, errors JSON) and 1 (unreadable file, one line).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const cli = new URL('../../build/native/saas-metrics', import.meta.url).pathname;
const run = (args, input) => spawnSync(cli, args, { input, encoding: 'utf8' });
const scenario = JSON.stringify({ plans: [{ price: 49 }], customers: { starting: 100 } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saas-metrics-cli-'));
test.after(() => fs.rmSync(dir, { recursive: true }));

function file(name, text) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

test('--help prints the usage and exits 0', () => {
  const r = run(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /saas-metrics calc FILE/);
});

test('calc FILE prints the output JSON and exits 0', () => {
  const r = run(['calc', file('ok.json', scenario)]);
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).metrics.mrr, 4900);
  assert.equal(r.stderr, '');
});

test('calc - reads the scenario from standard input', () => {
  const r = run(['calc', '-'], scenario);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, run(['calc', file('same.json', scenario)]).stdout);
});

test('an invalid scenario prints the errors JSON and exits 2', () => {
  const r = run(['calc', '-'], JSON.stringify({ plans: [{ price: -1 }], customers: { monthly_churn: 2 } }));
  assert.equal(r.status, 2);
  const fields = JSON.parse(r.stdout).errors.map((e) => e.field);
  assert.deepEqual(fields, ['plans[0].price', 'customers.starting', 'customers.monthly_churn']);
});

test('text that is not JSON is an invalid scenario too', () => {
  const r = run(['calc', file('broken.json', '{"plans": [')]);
  assert.equal(r.status, 2);
  assert.equal(JSON.parse(r.stdout).errors[0].field, '');
});

test('an unreadable file exits 1 with a one-line message', () => {
  for (const missing of [path.join(dir, 'missing.json'), dir]) {
    const r = run(['calc', missing]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^saas-metrics: cannot read .+\n$/);
  }
});

test('a wrong command line exits 1 with the usage on stderr', () => {
  for (const args of [[], ['calc'], ['frobnicate', 'x.json'], ['calc', 'a', 'b']]) {
    const r = run(args);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Usage:/);
  }
});
