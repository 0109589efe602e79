// The values a visitor may edit (the `inputs` attribute, JSON paths) and their form
// controls. Labels, units and bounds come from the page's single input description
// (shared/fields.js); each control is named by its path, as on the page (contract section 7).
import { scenarioFields, describeField, getPath, defaultFor, readNumber, periodText, shownText } from '../shared/fields.js';
import { h } from '../shared/dom.js';

// The description of a field by its path lives in shared/fields.js (the pricing lab uses it too).
export { describeField };

/** The value that sets each plan's price, as paths: `plans[0].price`, `plans[1].unit_price`. */
function pricingPaths(scenario) {
  const plans = Array.isArray(scenario.plans) ? scenario.plans : [];
  return plans.map((plan, i) => `plans[${i}].${pricingKey(plan)}`);
}

/** Every input an embed can offer for a scenario (the embed builder's choices), as fields in t's language. */
export function inputChoices(scenario, t) {
  return [...pricingPaths(scenario), ...scenarioFields.map((field) => field.path)]
    .map((path) => describeField(path, scenario, t));
}

/** The paths a layout lets the visitor edit when the `inputs` attribute is absent. */
function defaultInputs(layout, scenario) {
  if (layout === 'results-only') return [];
  const pricing = pricingPaths(scenario).slice(0, layout === 'full' ? 4 : 1);
  const rest = layout === 'full'
    ? scenarioFields.filter((field) => !field.path.startsWith('options.')).map((field) => field.path)
    : ['customers.starting', 'customers.new_per_month', 'customers.monthly_churn', 'costs.sales_marketing_per_month'];
  return [...pricing, ...rest];
}

/** The number that sets a plan's price: units for tiered plans, otherwise the one it uses. */
function pricingKey(plan) {
  if (plan?.tiers) return 'units';
  return plan?.unit_price !== undefined && plan?.price === undefined ? 'unit_price' : 'price';
}

/**
 * The editable fields for the `inputs` attribute (comma-separated paths; empty for none,
 * absent for the layout's default), plus an error for each path that names no input.
 */
export function resolveInputs(attribute, layout, scenario, t) {
  const paths = attribute === null ? defaultInputs(layout, scenario)
    : layout === 'results-only' ? [] : attribute.split(',').map((p) => p.trim()).filter(Boolean);
  const fields = [];
  const errors = [];
  for (const path of paths) {
    const field = describeField(path, scenario, t);
    // A plan or tier input edits something that exists; the visitor cannot add plans here.
    const owner = /^plans\[\d+\](\.tiers\[\d+\])?(?=\.)/.exec(path)?.[0];
    if (!field) errors.push({ field: 'inputs', message: t('component.unknown_input', { path }) });
    else if (owner && typeof getPath(scenario, owner) !== 'object') errors.push({ field: 'inputs', message: t('component.missing_owner', { path, owner }) });
    else fields.push(field);
  }
  return { fields, errors };
}

/** A labelled control for one field (described in t's language), showing its value in `scenario`. */
export function inputControl(field, scenario, currency, t) {
  const value = getPath(scenario, field.path);
  let control;
  if (field.unit === 'choice') {
    control = h('select', {}, field.choices.map(([option, text]) =>
      h('option', { value: option, selected: option === (value ?? field.options[0]) }, text)));
  } else if (field.unit === 'text') {
    control = h('input', { type: 'text', maxlength: field.maxLength, value: value ?? '' });
  } else {
    const fallback = defaultFor(field.path); // what the core assumes when the value is left out
    // Text, not type=number: "12,000", "$49" and "2,5" are read by the shared number parser.
    control = h('input', {
      type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
      value: shownText(value, field),
      placeholder: field.nullable ? '∞' : fallback === undefined ? null : shownText(fallback, field),
    });
  }
  control.name = field.path;
  control.setAttribute('part', 'input');
  const suffix = { money: currency, percent: '%', months: t('unit.months_short') }[field.unit];
  const plan = /^plans\[\d+\]/.exec(field.path)?.[0];
  const period = periodText(field, plan && getPath(scenario, `${plan}.billing`), t);
  return h('label', { part: 'field', title: field.help },
    h('span', { part: 'field-label' }, field.label, period && ` ${period}`),
    h('span', { class: 'control' }, control, suffix && h('span', { part: 'unit' }, suffix)));
}

/** The scenario value a control holds: scaled back to a fraction; empty leaves the default;
 *  text that is no number stays text, for the core to name the field and quote it. */
export function readControl(control, field, locale) {
  if (field.unit === 'choice' || field.unit === 'text') return control.value === '' ? undefined : control.value;
  if (control.value.trim() === '') return field.nullable ? null : undefined;
  return readNumber(control.value, field, locale).value ?? control.value;
}
