// The model editor: builds the form from the field descriptions in fields.js and
// writes every edit into the scenario object at the control's JSON path. The form is
// built once per scenario (and per plan/tier change), never per keystroke, so the
// text a user types stays exactly as typed, valid or not.
import { documentFields, scenarioFields, planFields, tierFields, getPath, setPath, defaultFor, fromShown, shownText } from '../../shared/fields.js';
import { currencySymbol } from '../../shared/format.js';
import { h, idFor } from '../../shared/dom.js';

const groups = [['customers', 'Customers'], ['revenue', 'Revenue dynamics'], ['costs', 'Costs'],
  ['options', 'Projection']];
const maxPlans = 50;
const numberText = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;
const field = (fields, key) => fields.find((f) => f.key === key);

/** Typed text -> scenario value. Text that is not a finite number is kept as the string,
 *  so the core names the problem ("got \"abc\"") and a rebuilt form shows it again. */
function parse(text, f) {
  if (f.unit === 'text' || f.unit === 'choice') return text;
  if (f.unit === 'currency') return text.trim().toUpperCase();
  if (f.nullable && text.trim() === '') return null;
  const value = numberText.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) return text;
  return fromShown(value, f);
}

/** The core speaks fractions; a percent control shows its range in percent and no "got 0.03". */
function friendly(message, f) {
  const text = f.scale ? message.replace(/from \S+ to \S+ \(([^)]*)\)/, 'from $1').replace(/, got .*$/, '') : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function newTier(tiers) {
  const before = tiers.at(-2)?.up_to;
  return { up_to: (typeof before === 'number' ? before : 0) + 10, unit_price: 0, flat: 0 };
}

/**
 * Builds the editor inside `container` (a <form>) and calls onChange() after every edit.
 * Returns { load(scenario), markErrors(errors) -> summary items, setCurrency(code) }.
 */
export function createForm(container, { onChange, idPrefix = 'f', locale } = {}) {
  let scenario;
  let currency = 'USD';
  const controls = new Map(); // JSON path -> { input, field, error, help }
  let invalid = [];
  let plansBox;

  function control(f, path) {
    const id = idFor(idPrefix, path);
    const value = getPath(scenario, path);
    const described = f.help ? `${id}-help` : null;
    let input;
    if (f.unit === 'choice') {
      input = h('select', { id, name: path, 'aria-describedby': described },
        f.options.map(([v, label]) => h('option', { value: v }, label)));
      input.value = value ?? defaultFor(path) ?? f.options[0][0];
    } else {
      const numeric = !['text', 'currency'].includes(f.unit);
      input = h('input', { id, name: path, type: 'text', inputmode: numeric ? 'decimal' : null,
        autocomplete: 'off', spellcheck: 'false', maxlength: f.maxLength, 'aria-describedby': described,
        placeholder: f.nullable ? 'No limit' : shownText(defaultFor(path), f), autocapitalize: f.unit === 'currency' ? 'characters' : null });
      input.value = shownText(value, f);
    }
    const prefix = f.unit === 'money' ? h('span', { class: 'affix money', 'aria-hidden': 'true' }, currencySymbol(currency, locale)) : null;
    const suffix = { percent: '%', months: 'mo' }[f.unit];
    const error = h('p', { class: 'error', id: `${id}-error`, hidden: true });
    controls.set(path, { input, field: f, error, help: described });
    return h('div', { class: 'field', 'data-unit': f.unit },
      h('label', { for: id }, f.label),
      h('div', { class: 'input' }, prefix, input, suffix && h('span', { class: 'affix', 'aria-hidden': 'true' }, suffix)),
      f.help && h('p', { class: 'help', id: described }, f.help),
      error);
  }

  const fieldsAt = (fields, base) => fields.map((f) => control(f, `${base}.${f.key}`));
  const button = (label, action, attributes = {}) =>
    h('button', { type: 'button', class: 'button small', 'data-action': action, ...attributes }, label);
  const planTitle = (plan, i) => (typeof plan.name === 'string' && plan.name.trim()) || `Plan ${i + 1}`;

  function tierRows(plan, i) {
    const base = `plans[${i}]`;
    return h('div', { class: 'tiers' },
      control(field(planFields, 'tier_mode'), `${base}.tier_mode`),
      plan.tiers.map((_, j) => h('fieldset', { class: 'tier' },
        h('legend', {}, `Tier ${j + 1}`),
        fieldsAt(tierFields, `${base}.tiers[${j}]`),
        button('Remove', 'remove-tier', { 'data-plan': i, 'data-tier': j, disabled: plan.tiers.length < 2,
          'aria-label': `Remove tier ${j + 1} of ${planTitle(plan, i)}` }))),
      button('Add tier', 'add-tier', { 'data-plan': i }));
  }

  function planBox(plan, i) {
    const base = `plans[${i}]`;
    const tiered = Array.isArray(plan.tiers);
    const mode = h('select', { id: idFor(idPrefix, `${base}-pricing`), 'data-action': 'pricing', 'data-plan': i },
      h('option', { value: 'unit' }, 'Per unit'), h('option', { value: 'tiers' }, 'Tiered'));
    mode.value = tiered ? 'tiers' : 'unit';
    const at = (key) => control(field(planFields, key), `${base}.${key}`);
    return h('fieldset', { class: 'plan' },
      h('legend', {}, planTitle(plan, i)),
      h('div', { class: 'row' }, at('name'), at('billing')),
      h('div', { class: 'row' }, at('price'), at('share')),
      h('div', { class: 'field' }, h('label', { for: mode.id }, 'Unit pricing'), h('div', { class: 'input' }, mode)),
      h('div', { class: 'row' }, tiered ? null : at('unit_price'), at('units')),
      tiered ? tierRows(plan, i) : null,
      button('Remove plan', 'remove-plan', { 'data-plan': i, disabled: scenario.plans.length < 2,
        'aria-label': `Remove plan ${planTitle(plan, i)}` }));
  }

  /** Rebuilds the plans; after an edit, focus goes to `focusPath` or else to "Add plan". */
  function renderPlans(focusPath) {
    for (const path of controls.keys()) if (path.startsWith('plans[')) controls.delete(path);
    const plans = Array.isArray(scenario.plans) ? scenario.plans : [];
    plansBox.replaceChildren(...plans.map(planBox),
      button('Add plan', 'add-plan', { disabled: plans.length >= maxPlans }));
    if (focusPath !== undefined) (controls.get(focusPath)?.input ?? plansBox.querySelector('[data-action="add-plan"]')).focus();
  }

  function load(next) {
    scenario = next;
    controls.clear();
    invalid = [];
    plansBox = h('div', { class: 'plans' });
    const grouped = groups.map(([key, title]) => h('fieldset', { class: 'group' }, h('legend', {}, title),
      scenarioFields.filter((f) => f.path.startsWith(`${key}.`)).map((f) => control(f, f.path))));
    container.replaceChildren(
      h('fieldset', { class: 'group' }, h('legend', {}, 'Scenario'), h('div', { class: 'row' },
        documentFields.map((f) => control(f, f.path)))),
      h('fieldset', { class: 'group' }, h('legend', {}, 'Plans'), plansBox),
      ...grouped);
    renderPlans();
  }

  /** Structural edits (add/remove a plan or tier, switch unit pricing) rebuild the plans only. */
  const actions = {
    'add-plan'() {
      scenario.plans.push({ name: `Plan ${scenario.plans.length + 1}`, billing: 'monthly', price: 0, share: 1 });
      return `plans[${scenario.plans.length - 1}].name`;
    },
    'remove-plan'({ plan }) { scenario.plans.splice(plan, 1); },
    'add-tier'({ plan }) {
      const tiers = scenario.plans[plan].tiers;
      tiers.splice(tiers.length - 1, 0, newTier(tiers));
      return `plans[${plan}].tiers[${tiers.length - 2}].up_to`;
    },
    'remove-tier'({ plan, tier }) { scenario.plans[plan].tiers.splice(tier, 1); },
    pricing({ plan }, value) {
      const p = scenario.plans[plan];
      if (value === 'tiers') {
        const unitPrice = typeof p.unit_price === 'number' ? p.unit_price : 0;
        p.tier_mode = 'graduated';
        p.tiers = [{ up_to: 10, unit_price: unitPrice, flat: 0 }, { up_to: null, unit_price: unitPrice, flat: 0 }];
        delete p.unit_price;
      } else {
        p.unit_price = typeof p.tiers?.[0]?.unit_price === 'number' ? p.tiers[0].unit_price : 0;
        delete p.tiers;
        delete p.tier_mode;
      }
      return `plans[${plan}].${value === 'tiers' ? 'tier_mode' : 'unit_price'}`;
    },
  };

  function act(target) {
    const { action, plan, tier } = target.dataset;
    const focus = actions[action]({ plan: Number(plan), tier: Number(tier) }, target.value);
    renderPlans(focus ?? null);
    onChange();
  }

  container.addEventListener('submit', (event) => event.preventDefault());
  container.addEventListener('click', (event) => {
    const target = event.target.closest('button[data-action]');
    if (target) act(target);
  });
  container.addEventListener('change', (event) => {
    if (event.target.dataset.action === 'pricing') act(event.target);
  });
  container.addEventListener('input', (event) => {
    const entry = controls.get(event.target.name);
    if (!entry) return;
    const path = event.target.name;
    setPath(scenario, path, parse(event.target.value, entry.field));
    const plan = /^plans\[(\d+)\]\.name$/.exec(path);
    if (plan) entry.input.closest('.plan').querySelector('legend').textContent = planTitle(scenario.plans[plan[1]], Number(plan[1]));
    onChange();
  });

  return {
    load,
    /** Marks each control named by an error. Returns every error for a summary:
     *  { label, message, id } for a field with a control, { field, message } otherwise. */
    markErrors(errors) {
      for (const entry of invalid) {
        entry.input.removeAttribute('aria-invalid');
        if (entry.help) entry.input.setAttribute('aria-describedby', entry.help);
        else entry.input.removeAttribute('aria-describedby');
        entry.error.hidden = true;
        entry.error.textContent = '';
      }
      invalid = [];
      return errors.map((error) => {
        const entry = controls.get(error.field);
        if (!entry) return error;
        const text = friendly(error.message, entry.field);
        entry.error.textContent = entry.error.textContent ? `${entry.error.textContent} ${text}` : text;
        entry.error.hidden = false;
        entry.input.setAttribute('aria-invalid', 'true');
        entry.input.setAttribute('aria-describedby', [entry.help, entry.error.id].filter(Boolean).join(' '));
        invalid.push(entry);
        return { label: entry.input.labels[0]?.textContent ?? error.field, message: text, id: entry.input.id };
      });
    },
    /** Shows the currency's symbol beside money fields (after a valid currency change). */
    setCurrency(code) {
      if (code === currency) return;
      currency = code;
      for (const affix of container.querySelectorAll('.affix.money')) affix.textContent = currencySymbol(code, locale);
    },
  };
}
