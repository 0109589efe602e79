// A deterministic generator of Stripe-like subscription exports (the dashboard's CSV,
// contract section 8), for bench/import.mjs and tests/wasm/import.test.mjs.
// Monthly, annual, weekly and quarterly plans, seat quantities, plan changes (one
// subscription ends where the next begins), cancellations, reactivations, trialing and
// other unpaid rows, usd/eur/gbp, quoted names with commas, and a few bad rows.
// About 180 bytes a row: 1 M rows make about 180 MB.
//
//   import { stripeExport } from './stripe-export.mjs';
//   for (const chunk of stripeExport({ rows: 1000, seed: 1 })) ...   // strings of about 1 MiB
//   node bench/stripe-export.mjs ROWS [SEED] > export.csv

export const header =
  'id,Customer ID,Customer Email,Customer Name,Plan,Product,Quantity,Interval,Interval Count,Amount,Currency,' +
  'Status,Created (UTC),Start Date (UTC),Current Period Start (UTC),Current Period End (UTC),Trial Start (UTC),' +
  'Trial End (UTC),Canceled At (UTC),Ended At (UTC),Cancel At Period End,company_size (metadata),referrer (metadata)';

// mulberry32: small, seeded, the same on every run.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plans = [
  { plan: 'starter_m', product: 'Starter', interval: 'month', count: '', amount: 29, seats: false },
  { plan: 'pro_m', product: 'Pro', interval: 'month', count: '1', amount: 99, seats: false },
  { plan: 'team_m', product: 'Team', interval: 'month', count: '1', amount: 12, seats: true },
  { plan: 'pro_y', product: 'Pro', interval: 'year', count: '1', amount: 990, seats: false },
  { plan: 'team_y', product: 'Team', interval: 'year', count: '', amount: 120, seats: true },
  { plan: 'basic_w', product: 'Basic', interval: 'week', count: '1', amount: 7, seats: false },
  { plan: 'pro_q', product: 'Pro', interval: 'month', count: '3', amount: 270, seats: false },
];
const names = ['Smith', 'Garcia', 'Müller', 'Dubois', 'Rossi', 'Kowalski', 'Nakamura', 'O\'Brien'];
const first = ['Ada', 'Li', 'Zoë', 'José', 'Amara', 'Sven', 'Priya', 'Noor'];
const sizes = ['S', 'M', 'L', 'XL'];
const referrers = ['ads', 'partner, EU', 'blog', '', 'seo'];

// Days from 2021-01-01 to 2026-12-31 as 'YYYY-MM-DD', computed once.
const days = [];
for (let t = Date.UTC(2021, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86400000)
  days.push(new Date(t).toISOString().slice(0, 10));
const export_day = days.indexOf('2025-06-30');

export function* stripeExport({ rows, seed = 1 }) {
  const next = random(seed);
  const int = (n) => Math.floor(next() * n);
  const time = () => ` ${String(int(24)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}`;
  const at = (day) => days[Math.min(day, days.length - 1)] + time();
  let out = header + '\n';
  let written = 0, customer = 0, subscription = 0;
  const row = (c, fields) => {
    out += fields.join(',') + '\n';
    ++written;
    if (out.length >= 1 << 20) return true;
    return false;
  };
  while (written < rows) {
    const id = `cus_${(0x1000000 + customer * 7919).toString(36)}${(customer++).toString(36).padStart(5, '0')}`;
    const currency = next() < 0.7 ? 'usd' : next() < 0.67 ? 'eur' : 'gbp';
    const email = `u${customer}@x${customer % 9}.io`;
    const name = next() < 0.5 ? `"${names[int(8)]}, ${first[int(8)]}"` : `${first[int(8)]} ${names[int(8)]}`;
    const meta = [sizes[int(4)], (() => { const r = referrers[int(5)]; return r.includes(',') ? `"${r}"` : r; })()];
    // This customer's subscriptions, one after another: a plan change starts the next
    // one where the last ended, a reactivation after a gap.
    let start = int(export_day);
    let p = plans[int(plans.length)];
    for (let more = true; more && written < rows;) {
      const quantity = p.seats ? 1 + int(20) : next() < 0.5 ? 1 : '';
      const kind = next();
      let status = 'active', ended = '', canceled = '', end = -1;
      if (kind < 0.05) status = 'trialing';
      else if (kind < 0.07) status = next() < 0.5 ? 'incomplete_expired' : 'unpaid';
      else if (kind < 0.1) status = 'past_due';
      else if (kind < 0.45) {
        status = 'canceled';
        end = start + 20 + int(500);
        if (end >= export_day) (status = 'active'), (end = -1);
      }
      if (status === 'canceled') {
        ended = next() < 0.9 ? at(end) : '';
        canceled = at(end - int(20));
      } else if (status === 'active' && next() < 0.05) canceled = at(start + int(100)); // to end at the period's end
      const periodStart = Math.max(start, export_day - 25);
      let amount = p.amount.toFixed(2);
      let startText = at(start);
      let customerId = id; // and now and then a bad row
      if (next() < 0.0001) amount = '-5.00';
      if (next() < 0.0001) startText = '2023-02-30 10:00';
      if (next() < 0.0001) customerId = '';
      const full = row(customer, [
        `sub_${(subscription++).toString(36).padStart(8, '0')}`, customerId, email, name, p.plan, p.product,
        quantity, p.interval, p.count, amount, currency, status, at(start - int(3)), startText, at(periodStart),
        at(periodStart + 30), status === 'trialing' ? at(start) : '', status === 'trialing' ? at(start + 14) : '',
        canceled, ended, canceled && status !== 'canceled' ? 'true' : 'false', ...meta,
      ]);
      if (full) {
        yield out;
        out = '';
      }
      if (status !== 'canceled' || next() < 0.55) more = false;
      else if (next() < 0.6) p = plans[int(plans.length)], (start = end); // plan change
      else start = end + 30 + int(200); // reactivation
      if (start >= export_day) more = false;
    }
  }
  if (out) yield out;
}

// node bench/stripe-export.mjs ROWS [SEED] > file.csv
if (import.meta.url === `file://${process.argv[1]}`) {
  const fs = await import('node:fs');
  const rows = Number(process.argv[2]);
  if (!Number.isInteger(rows) || rows < 0) {
    console.error('usage: node bench/stripe-export.mjs ROWS [SEED] > file.csv');
    process.exit(1);
  }
  for (const chunk of stripeExport({ rows, seed: Number(process.argv[3] ?? 1) })) fs.writeSync(1, chunk);
}
