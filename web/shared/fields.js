// The single description of every input: it builds the form, labels and hints,
// and maps controls to scenario JSON paths (contract section 1). Rates are typed
// as percentages ("3" means 0.03); `scale` converts between the two. Words live in the
// message files (shared/messages/), under "field.<id>" and "help.<id>", where a field's
// id is its path outside plans and "plan.<key>" or "tier.<key>" within them.
import { parseNumber } from './number-input.js';

/** Fields of the scenario outside plans; `path` is the control's name. */
export const scenarioFields = [
  { path: 'customers.starting', unit: 'count', min: 0, step: 1 },
  { path: 'customers.new_per_month', unit: 'count', min: 0, step: 1 },
  { path: 'customers.monthly_churn', unit: 'percent', min: 0, max: 100, step: 0.1, scale: 0.01 },
  { path: 'revenue.monthly_expansion', unit: 'percent', min: 0, max: 100, step: 0.1, scale: 0.01 },
  { path: 'revenue.monthly_contraction', unit: 'percent', min: 0, max: 100, step: 0.1, scale: 0.01 },
  { path: 'costs.sales_marketing_per_month', unit: 'money', per: 'month', min: 0, step: 100 },
  { path: 'costs.gross_margin', unit: 'percent', min: 0, max: 100, step: 1, scale: 0.01 },
  { path: 'costs.fixed_per_month', unit: 'money', per: 'month', min: 0, step: 100 },
  { path: 'options.horizon_months', unit: 'months', min: 1, max: 120, step: 1 },
  { path: 'options.lifetime_cap_months', unit: 'months', min: 1, max: 600, step: 1 },
];

/** Fields of one plan, relative to `plans[i]`. */
export const planFields = [
  { key: 'name', id: 'plan.name', unit: 'text', maxLength: 100 },
  { key: 'billing', id: 'plan.billing', unit: 'choice', options: ['monthly', 'annual'] },
  { key: 'price', id: 'plan.price', unit: 'money', per: 'billing', min: 0, step: 1 },
  { key: 'unit_price', id: 'plan.unit_price', unit: 'money', per: 'billing', min: 0, step: 0.01 },
  { key: 'units', id: 'plan.units', unit: 'count', min: 0, step: 1 },
  { key: 'tier_mode', id: 'plan.tier_mode', unit: 'choice', options: ['graduated', 'volume'] },
  { key: 'share', id: 'plan.share', unit: 'count', min: 0, step: 1 },
];

/** Fields of one tier, relative to `plans[i].tiers[j]`; an empty up_to means "and above". */
export const tierFields = [
  { key: 'up_to', id: 'tier.up_to', unit: 'count', min: 0, step: 1, nullable: true },
  { key: 'unit_price', id: 'tier.unit_price', unit: 'money', per: 'billing', min: 0, step: 0.01 },
  { key: 'flat', id: 'tier.flat', unit: 'money', per: 'billing', min: 0, step: 1 },
];

/** A typed number -> the scenario's value: percent fields become fractions (3 -> 0.03).
 *  Dividing by 100, not multiplying by 0.01, keeps "7" % exactly 0.07. */
export function fromShown(number, field) {
  return field.scale ? number / Math.round(1 / field.scale) : number;
}

/** Typed text of a numeric field -> { value } in the scenario's terms (percent to fraction),
 *  { hint } when its separators are ambiguous (worded by number-input.js's hintText), {}
 *  when it is no number. */
export function readNumber(text, field, locale) {
  const { value, hint } = parseNumber(text, { unit: field.unit, locale });
  return value === undefined ? { hint } : { value: fromShown(value, field) };
}

/** The period a money field's amount is for, shown beside its label ("Flat price / year",
 *  "Price per unit / month"). `per` in the description: 'month' (costs) or 'billing' (the plan's). */
export function periodText(field, billing, t) {
  if (!field.per) return null;
  return t(field.per === 'billing' && billing === 'annual' ? 'period.year' : 'period.month');
}

/** A field's description with its words in t's language: label, help (or null) and choices' texts. */
export function localized(field, t) {
  const id = field.id ?? field.path;
  return {
    ...field,
    label: t(`field.${id}`),
    help: t.has(`help.${id}`) ? t(`help.${id}`) : null,
    choices: field.options?.map((option) => [option, t(`option.${id}.${option}`)]),
  };
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
  { path: 'name', unit: 'text', maxLength: 200 },
  { path: 'currency', unit: 'currency', maxLength: 3 },
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

/** The description of the field at a JSON path, in t's language (label qualified by plan
 *  and tier), or undefined. */
export function describeField(path, scenario, t) {
  const direct = scenarioFields.find((field) => field.path === path);
  if (direct) return localized(direct, t);
  const match = /^plans\[(\d+)\]\.(?:tiers\[(\d+)\]\.)?(\w+)$/.exec(path);
  if (!match) return undefined;
  const [, plan, tier, key] = match;
  const field = (tier === undefined ? planFields : tierFields).find((f) => f.key === key);
  if (!field) return undefined;
  const plans = Array.isArray(scenario?.plans) ? scenario.plans : [];
  const owner = plans.length > 1 ? `${plans[plan]?.name || t('plan.numbered', { n: Number(plan) + 1 })} · ` : '';
  const step = tier === undefined ? '' : `${t('tier.numbered', { n: Number(tier) + 1 })} · `;
  const described = localized(field, t);
  return { ...described, path, label: owner + step + described.label };
}
