// The single description of every input: it builds the form, labels and hints,
// and maps controls to scenario JSON paths (contract section 1). Rates are typed
// as percentages ("3" means 0.03); `scale` converts between the two.
import { parseNumber } from './number-input.js';

/** Fields of the scenario outside plans; `path` is the control's name. */
export const scenarioFields = [
  { path: 'customers.starting', label: 'Paying customers today', unit: 'count', min: 0, step: 1,
    help: 'Paying customers at month 0.' },
  { path: 'customers.new_per_month', label: 'New customers per month', unit: 'count', min: 0, step: 1,
    help: 'New paying customers won each month.' },
  { path: 'customers.monthly_churn', label: 'Monthly customer churn', unit: 'percent', min: 0, max: 100, step: 0.1, scale: 0.01,
    help: 'Share of customers who cancel each month.' },
  { path: 'revenue.monthly_expansion', label: 'Monthly expansion', unit: 'percent', min: 0, max: 100, step: 0.1, scale: 0.01,
    help: 'MRR added each month by upgrades and seats, as a share of existing MRR.' },
  { path: 'revenue.monthly_contraction', label: 'Monthly contraction', unit: 'percent', min: 0, max: 100, step: 0.1, scale: 0.01,
    help: 'MRR lost each month to downgrades, as a share of existing MRR.' },
  { path: 'costs.sales_marketing_per_month', label: 'Sales & marketing', unit: 'money', per: 'month', min: 0, step: 100,
    help: 'All acquisition spend: ads, salaries, tools, commissions.' },
  { path: 'costs.gross_margin', label: 'Gross margin', unit: 'percent', min: 0, max: 100, step: 1, scale: 0.01,
    help: 'Revenue left after hosting, support and payment fees.' },
  { path: 'costs.fixed_per_month', label: 'Other costs', unit: 'money', per: 'month', min: 0, step: 100,
    help: 'Every other operating cost, for profit and break-even.' },
  { path: 'options.horizon_months', label: 'Projection horizon', unit: 'months', min: 1, max: 120, step: 1,
    help: 'Months to project (1 to 120).' },
  { path: 'options.lifetime_cap_months', label: 'Longest lifetime counted in LTV', unit: 'months', min: 1, max: 600, step: 1,
    help: 'Caps customer lifetime, so low churn cannot make LTV endless.' },
];

/** Fields of one plan, relative to `plans[i]`. */
export const planFields = [
  { key: 'name', label: 'Plan name', unit: 'text', maxLength: 100 },
  { key: 'billing', label: 'Billing', unit: 'choice', options: [['monthly', 'Monthly'], ['annual', 'Annual']] },
  { key: 'price', label: 'Flat price', unit: 'money', per: 'billing', min: 0, step: 1, help: 'Per customer per billing period.' },
  { key: 'unit_price', label: 'Price per unit', unit: 'money', per: 'billing', min: 0, step: 0.01, help: 'Per seat or usage unit per billing period.' },
  { key: 'units', label: 'Units per customer', unit: 'count', min: 0, step: 1, help: 'Seats, or expected usage per billing period.' },
  { key: 'tier_mode', label: 'Tier mode', unit: 'choice', options: [['graduated', 'Graduated'], ['volume', 'Volume']],
    help: 'Graduated: each unit costs its own tier’s price (25 units with the first 10 at 5 and the rest at 4 cost 10 × 5 + 15 × 4 = 110). '
      + 'Volume: every unit costs the price of the tier the total falls in (the same 25 units cost 25 × 4 = 100).' },
  { key: 'share', label: 'Share of customers', unit: 'count', min: 0, step: 1, help: 'Weight in the customer mix; weights are normalised.' },
];

/** Fields of one tier, relative to `plans[i].tiers[j]`; an empty up_to means "and above". */
export const tierFields = [
  { key: 'up_to', label: 'Up to units', unit: 'count', min: 0, step: 1, nullable: true },
  { key: 'unit_price', label: 'Price per unit', unit: 'money', per: 'billing', min: 0, step: 0.01 },
  { key: 'flat', label: 'Flat fee', unit: 'money', per: 'billing', min: 0, step: 1 },
];

/** A typed number -> the scenario's value: percent fields become fractions (3 -> 0.03).
 *  Dividing by 100, not multiplying by 0.01, keeps "7" % exactly 0.07. */
export function fromShown(number, field) {
  return field.scale ? number / Math.round(1 / field.scale) : number;
}

/** Typed text of a numeric field -> { value } in the scenario's terms (percent to fraction),
 *  { message } when its separators are ambiguous, {} when it is no number (number-input.js). */
export function readNumber(text, field, locale) {
  const { value, message } = parseNumber(text, { unit: field.unit, locale });
  return value === undefined ? { message } : { value: fromShown(value, field) };
}

/** The period a money field's amount is for, shown beside its label ("Flat price / year",
 *  "Price per unit / month"). `per` in the description: 'month' (costs) or 'billing' (the plan's). */
export function periodText(field, billing) {
  if (!field.per) return null;
  return `/ ${field.per === 'billing' && billing === 'annual' ? 'year' : 'month'}`;
}

/** A scenario number -> what a control shows (0.03 -> 3), without the scaling's binary noise. */
function toShown(value, field) {
  return field.scale ? Number((value / field.scale).toPrecision(12)) : value;
}

/** A scenario value -> the text of its control: '' when absent, kept text as it was. */
export function shownText(value, field) {
  if (value == null) return '';
  return String(typeof value === 'number' ? toShown(value, field) : value);
}

/** Splits a JSON path such as `plans[1].tiers[0].up_to` into keys and indices. */
export function pathKeys(path) {
  return path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

export function getPath(object, path) {
  return pathKeys(path).reduce((value, key) => (value == null ? undefined : value[key]), object);
}

/** Sets a value, creating objects on the way; `undefined` removes the key (its default applies). */
export function setPath(object, path, value) {
  const keys = pathKeys(path);
  const last = keys.pop();
  let target = object;
  for (const [i, key] of keys.entries()) {
    target[key] ??= typeof (keys[i + 1] ?? last) === 'number' ? [] : {};
    target = target[key];
  }
  if (value === undefined) delete target[last];
  else target[last] = value;
  return object;
}

/** Fields describing the scenario itself, shown above the model. */
export const documentFields = [
  { path: 'name', label: 'Scenario name', unit: 'text', maxLength: 200 },
  { path: 'currency', label: 'Currency', unit: 'currency', maxLength: 3,
    help: 'ISO 4217 code, for display only.' },
];

/** What the core assumes for an absent key (contract section 1), by path with indices as `[]`. */
const defaults = {
  currency: 'USD', 'customers.new_per_month': 0, 'customers.monthly_churn': 0,
  'revenue.monthly_expansion': 0, 'revenue.monthly_contraction': 0,
  'costs.sales_marketing_per_month': 0, 'costs.gross_margin': 1, 'costs.fixed_per_month': 0,
  'options.horizon_months': 36, 'options.lifetime_cap_months': 60,
  'plans[].billing': 'monthly', 'plans[].price': 0, 'plans[].unit_price': 0, 'plans[].units': 1,
  'plans[].tier_mode': 'graduated', 'plans[].share': 1, 'plans[].tiers[].unit_price': 0, 'plans[].tiers[].flat': 0,
};

/** The default of a field by its JSON path (`plans[2].units` -> 1), or undefined if it has none. */
export function defaultFor(path) {
  return defaults[path.replace(/\[\d+\]/g, '[]')];
}

/** The description of the field at a JSON path (label qualified by plan and tier), or undefined. */
export function describeField(path, scenario) {
  const direct = scenarioFields.find((field) => field.path === path);
  if (direct) return direct;
  const match = /^plans\[(\d+)\]\.(?:tiers\[(\d+)\]\.)?(\w+)$/.exec(path);
  if (!match) return undefined;
  const [, plan, tier, key] = match;
  const field = (tier === undefined ? planFields : tierFields).find((f) => f.key === key);
  if (!field) return undefined;
  const plans = Array.isArray(scenario?.plans) ? scenario.plans : [];
  const owner = plans.length > 1 ? `${plans[plan]?.name || `Plan ${Number(plan) + 1}`} · ` : '';
  const step = tier === undefined ? '' : `tier ${Number(tier) + 1} · `;
  return { ...field, path, label: owner + step + field.label };
}
