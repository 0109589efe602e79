// The model editor: builds the form from the field descriptions in fields.js and
// writes every edit into the scenario object at the control's JSON path. The form is
// built once per scenario (and per plan/tier change), never per keystroke, so the
// text a user types stays exactly as typed, valid or not. Its words are in the language of
// the `format` option's t, read each time it builds (a change of language is a new load).
import { documentFields, scenarioFields, planFields, tierFields, getPath, setPath, defaultFor, readNumber, periodText, shownText, localized } from '../../shared/fields.js';
import { currencySymbol, formatter } from '../../shared/format.js';
import { hintText } from '../../shared/number-input.js';
import { coreMessage } from '../../shared/notes.js';
import { h, idFor } from '../../shared/dom.js';

// The groups of scenario fields, by path prefix; each one's title is "form.group.<prefix>".
const groups = ['customers', 'revenue', 'costs', 'options'];
const maxPlans = 50;
const field = (fields, key) => fields.find((f) => f.key === key);
const planOf = (path) => /^plans\[(\d+)\]/.exec(path)?.[1];

/** Typed text -> { value } for the scenario, and the parser's hint when it has one. Text that
 *  is not a number is kept as the string, so the core names the problem ("got \"abc\""). */
function parse(text, f, locale) {
  if (f.unit === 'text' || f.unit === 'choice') return { value: text };
  if (f.unit === 'currency') return { value: text.trim().toUpperCase() };
  if (f.nullable && text.trim() === '') return { value: null };
  const { value, hint } = readNumber(text, f, locale);
  return value === undefined ? { value: text, hint } : { value };
}

/** The core speaks fractions; a percent control shows its range in percent and no "got 0.03".
 *  A coded error gets its numbers as percentages; an English one (no code) loses the fractions. */
function friendly(error, f, t, locale) {
  let text;
  if (error.code && t.has(`core.${error.code}`)) {
    const percent = (value) => formatter(locale, { style: 'percent', maximumFractionDigits: 4 }).format(value);
    const shown = (value) => (typeof value === 'number' ? percent(value)
      : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? percent(Number(value)) : value);
    const params = f.scale ? Object.fromEntries(Object.entries(error.params ?? {})
      .map(([name, value]) => [name, ['min', 'max', 'got'].includes(name) ? shown(value) : value])) : error.params;
    text = coreMessage({ ...error, params }, t, locale);
  } else {
    text = f.scale ? error.message.replace(/from \S+ to \S+ \(([^)]*)\)/, 'from $1').replace(/, got .*$/, '') : error.message;
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A new tier splits the open-ended one at twice the last bound (10 -> 20), with the open
 *  tier's price, so no plan's revenue changes until a price is typed. In graduated mode the
 *  flat fee moves down to the new tier: it is due once units pass the old bound, as before. */
function addTier(plan) {
  const { tiers } = plan;
  const open = tiers.at(-1);
  const bounds = tiers.map((t) => t.up_to).filter((b) => typeof b === 'number' && b > 0);
  const added = { up_to: bounds.length ? Math.max(...bounds) * 2 : 10, unit_price: open.unit_price ?? 0, flat: open.flat ?? 0 };
  if ((plan.tier_mode ?? defaultFor('plans[].tier_mode')) === 'graduated') open.flat = 0;
  tiers.splice(tiers.length - 1, 0, added);
}

/** Removing the open-ended tier makes the one before it open-ended, so the model stays valid. */
function removeTier(tiers, j) {
  tiers.splice(j, 1);
  tiers.at(-1).up_to = null;
}

const moneyKeys = (plan) => ['price', 'unit_price', ...(Array.isArray(plan.tiers)
  ? plan.tiers.flatMap((_, j) => [`tiers[${j}].unit_price`, `tiers[${j}].flat`]) : [])];

/**
 * Builds the editor inside `container` (a <form>) and calls onChange() after every edit.
 * Returns { load(scenario), markErrors(errors) -> summary items, setCurrency(code) }.
 * `format()` gives { locale, t }: the locale reads and shows numbers (undefined: the
 * browser's), t (shared/i18n.js) gives the words.
 */
export function createForm(container, { onChange, idPrefix = 'f', format }) {
  let scenario;
  let currency = 'USD';
  let t; // the words and the number locale of the last load
  let locale;
  const controls = new Map(); // JSON path -> { input, field, error, help, period }
  // What was typed in each numeric control, and the value it gave: a rebuilt control shows
  // the text again ("12,000", not 12000) while the scenario still holds that value.
  const typed = new Map(); // JSON path -> { text, value, hint }

  /** The symbol money fields show ("$", "US$" in Swedish, "CHF"); their inputs leave room for its length (app.css). */
  function moneySymbol() {
    const symbol = currencySymbol(currency, locale);
    container.style.setProperty('--symbol-length', symbol.length);
    return symbol;
  }
  let invalid = [];
  let plansBox;

  const billingAt = (path) => (planOf(path) === undefined ? undefined : scenario.plans?.[planOf(path)]?.billing);

  function control(description, path) {
    const f = localized(description, t);
    const id = idFor(idPrefix, path);
    const value = getPath(scenario, path);
    const described = f.help ? `${id}-help` : null;
    let input;
    if (f.unit === 'choice') {
      input = h('select', { id, name: path, 'aria-describedby': described },
        f.choices.map(([v, label]) => h('option', { value: v }, label)));
      input.value = value ?? defaultFor(path) ?? f.options[0];
    } else {
      const numeric = !['text', 'currency'].includes(f.unit);
      input = h('input', { id, name: path, type: 'text', inputmode: numeric ? 'decimal' : null,
        autocomplete: 'off', spellcheck: 'false', maxlength: f.maxLength, 'aria-describedby': described,
        placeholder: f.nullable ? t('form.no_limit') : shownText(defaultFor(path), f), autocapitalize: f.unit === 'currency' ? 'characters' : null });
      const kept = typed.get(path);
      input.value = kept && Object.is(kept.value, value) ? kept.text : shownText(value, f);
      // Text kept in the scenario (after undo or a reload) gets the parser's message again.
      if (numeric && !kept && typeof value === 'string') typed.set(path, { text: value, ...parse(value, f, locale) });
    }
    const prefix = f.unit === 'money' ? h('span', { class: 'affix money', 'aria-hidden': 'true' }, moneySymbol()) : null;
    const suffix = { percent: '%', months: t('unit.months_short') }[f.unit];
    // The period is part of the label, so it is read out with the field's name.
    const period = f.per ? h('span', { class: 'period' }, periodText(f, billingAt(path), t)) : null;
    const error = h('p', { class: 'error', id: `${id}-error`, hidden: true });
    controls.set(path, { input, field: f, error, help: described, period });
    return h('div', { class: 'field', 'data-unit': f.unit },
      h('label', { for: id }, f.label, period && ' ', period),
      h('div', { class: 'input' }, prefix, input, suffix && h('span', { class: 'affix', 'aria-hidden': 'true' }, suffix)),
      f.help && h('p', { class: 'help', id: described }, f.help),
      error);
  }

  const fieldsAt = (fields, base) => fields.map((f) => control(f, `${base}.${f.key}`));
  const button = (label, action, attributes = {}) =>
    h('button', { type: 'button', class: 'button small', 'data-action': action, ...attributes }, label);
  const planTitle = (plan, i) => (typeof plan.name === 'string' && plan.name.trim()) || t('plan.numbered', { n: i + 1 });

  function tierRows(plan, i) {
    const base = `plans[${i}]`;
    return h('div', { class: 'tiers' },
      control(field(planFields, 'tier_mode'), `${base}.tier_mode`),
      plan.tiers.map((_, j) => h('fieldset', { class: 'tier' },
        h('legend', {}, t('form.tier', { n: j + 1 })),
        fieldsAt(tierFields, `${base}.tiers[${j}]`),
        button(t('form.remove'), 'remove-tier', { 'data-plan': i, 'data-tier': j, disabled: plan.tiers.length < 2,
          'aria-label': t('form.remove_tier', { n: j + 1, plan: planTitle(plan, i) }) }))),
      button(t('form.add_tier'), 'add-tier', { 'data-plan': i }));
  }

  /** After a billing change: offer to convert the plan's prices, so each customer pays the
   *  same per month, or to keep the numbers (now per the new period). Inline, not a dialog. */
  function billingPrompt(i) {
    const text = h('p', { id: idFor(idPrefix, `plans[${i}]-billing-prompt`) });
    const buttons = h('div', { class: 'prompt-actions', hidden: true },
      button(t('form.keep_revenue'), 'convert-prices', { 'data-plan': i }),
      button(t('form.keep_numbers'), 'keep-prices', { 'data-plan': i }));
    return h('div', { class: 'billing-prompt', role: 'group', 'aria-labelledby': text.id, 'data-plan': i },
      h('div', { role: 'status' }, text), buttons);
  }

  function planBox(plan, i) {
    const base = `plans[${i}]`;
    const tiered = Array.isArray(plan.tiers);
    const mode = h('select', { id: idFor(idPrefix, `${base}-pricing`), 'data-action': 'pricing', 'data-plan': i },
      h('option', { value: 'unit' }, t('form.per_unit')), h('option', { value: 'tiers' }, t('form.tiered')));
    mode.value = tiered ? 'tiers' : 'unit';
    const at = (key) => control(field(planFields, key), `${base}.${key}`);
    return h('fieldset', { class: 'plan', 'data-plan': i },
      h('legend', {}, planTitle(plan, i)),
      h('div', { class: 'row' }, at('name'), at('billing')),
      billingPrompt(i),
      h('div', { class: 'row' }, at('price'), at('share')),
      h('div', { class: 'field' }, h('label', { for: mode.id }, t('form.unit_pricing')), h('div', { class: 'input' }, mode)),
      h('div', { class: 'row' }, tiered ? null : at('unit_price'), at('units')),
      tiered ? tierRows(plan, i) : null,
      button(t('form.remove_plan'), 'remove-plan', { 'data-plan': i, disabled: scenario.plans.length < 2,
        'aria-label': t('form.remove_plan_label', { plan: planTitle(plan, i) }) }));
  }

  /** Rebuilds the plans; after an edit, focus goes to `focusPath` or else to "Add plan". */
  function renderPlans(focusPath) {
    for (const path of controls.keys()) if (path.startsWith('plans[')) controls.delete(path);
    const plans = Array.isArray(scenario.plans) ? scenario.plans : [];
    plansBox.replaceChildren(...plans.map(planBox),
      button(t('form.add_plan'), 'add-plan', { disabled: plans.length >= maxPlans }));
    if (focusPath !== undefined) (controls.get(focusPath)?.input ?? plansBox.querySelector('[data-action="add-plan"]')).focus();
  }

  function load(next) {
    ({ t, locale } = format());
    scenario = next;
    controls.clear();
    typed.clear();
    invalid = [];
    plansBox = h('div', { class: 'plans' });
    const grouped = groups.map((key) => h('fieldset', { class: 'group' }, h('legend', {}, t(`form.group.${key}`)),
      scenarioFields.filter((f) => f.path.startsWith(`${key}.`)).map((f) => control(f, f.path))));
    container.replaceChildren(
      h('fieldset', { class: 'group' }, h('legend', {}, t('form.group.scenario')), h('div', { class: 'row' },
        documentFields.map((f) => control(f, f.path)))),
      h('fieldset', { class: 'group' }, h('legend', {}, t('form.group.plans')), plansBox),
      ...grouped);
    renderPlans();
  }

  /** Sets plan i's prompt text (read out: it is a status) and whether it asks for an answer. */
  function setPrompt(i, text, ask = false) {
    const box = plansBox.querySelector(`.billing-prompt[data-plan="${i}"]`);
    box.querySelector('p').textContent = text;
    box.querySelector('.prompt-actions').hidden = !ask;
  }

  /** The plan's billing changed: periods follow at once; the prompt asks about the prices. */
  function billingChanged(i) {
    const billing = scenario.plans[i].billing;
    for (const [path, entry] of controls) {
      if (entry.period && planOf(path) === String(i)) entry.period.textContent = periodText(entry.field, billing, t);
    }
    const priced = moneyKeys(scenario.plans[i]).some((key) => getPath(scenario.plans[i], key) > 0);
    setPrompt(i, priced ? t(billing === 'annual' ? 'form.prices_now_annual' : 'form.prices_now_monthly') : '', priced);
  }

  /** Converts a plan's prices to its new billing period (× 12 to annual, ÷ 12 to monthly). */
  function convertPrices(i) {
    const plan = scenario.plans[i];
    const convert = plan.billing === 'annual' ? (value) => value * 12 : (value) => value / 12;
    for (const key of moneyKeys(plan)) {
      const value = getPath(plan, key);
      if (typeof value !== 'number') continue; // absent (0) or not a number: nothing to convert
      setPath(plan, key, convert(value));
      const entry = controls.get(`plans[${i}].${key}`);
      entry.input.value = shownText(getPath(plan, key), entry.field);
      typed.delete(`plans[${i}].${key}`);
    }
  }

  /** Structural edits (add/remove a plan or tier, switch unit pricing) rebuild the plans only. */
  const actions = {
    'add-plan'() {
      scenario.plans.push({ name: t('plan.numbered', { n: scenario.plans.length + 1 }), billing: 'monthly', price: 0, share: 1 });
      return `plans[${scenario.plans.length - 1}].name`;
    },
    'remove-plan'({ plan }) { scenario.plans.splice(plan, 1); },
    'add-tier'({ plan }) {
      addTier(scenario.plans[plan]);
      return `plans[${plan}].tiers[${scenario.plans[plan].tiers.length - 2}].unit_price`;
    },
    'remove-tier'({ plan, tier }) { removeTier(scenario.plans[plan].tiers, tier); },
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

  /** The billing prompt's answer: convert or not; either way the prompt closes, focus returns to billing. */
  function answer(target) {
    const i = Number(target.dataset.plan);
    const convert = target.dataset.action === 'convert-prices';
    if (convert) convertPrices(i);
    const per = scenario.plans[i].billing === 'annual' ? 'annual' : 'monthly';
    setPrompt(i, t(`form.${convert ? 'converted' : 'kept'}_${per}`));
    controls.get(`plans[${i}].billing`).input.focus();
    if (convert) onChange();
  }

  container.addEventListener('submit', (event) => event.preventDefault());
  container.addEventListener('click', (event) => {
    const target = event.target.closest('button[data-action]');
    if (!target) return;
    if (target.closest('.billing-prompt')) answer(target);
    else act(target);
  });
  container.addEventListener('change', (event) => {
    if (event.target.dataset.action === 'pricing') act(event.target);
  });
  container.addEventListener('input', (event) => {
    const entry = controls.get(event.target.name);
    if (!entry) return;
    const path = event.target.name;
    const text = event.target.value;
    const { value, hint } = parse(text, entry.field, locale);
    setPath(scenario, path, value);
    if (entry.input.type === 'text') typed.set(path, { text, value, hint });
    const plan = planOf(path);
    if (/^plans\[\d+\]\.name$/.test(path)) entry.input.closest('.plan').querySelector('legend').textContent = planTitle(scenario.plans[plan], Number(plan));
    if (/^plans\[\d+\]\.billing$/.test(path)) billingChanged(Number(plan));
    else if (entry.field.per === 'billing') setPrompt(Number(plan), ''); // a typed price answers the question
    onChange();
  });

  /** The controls an error names: its own, or every share for "the shares are all 0" (on `plans`). */
  function controlsFor(error) {
    if (error.field === 'plans' && (error.code === 'shares_all_zero' || /share/.test(error.message))) {
      return [...controls].filter(([path]) => /^plans\[\d+\]\.share$/.test(path)).map(([, entry]) => entry);
    }
    return controls.has(error.field) ? [controls.get(error.field)] : [];
  }

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
        const entries = controlsFor(error);
        if (!entries.length) return error;
        // The parser's own hint ("use a point for decimals") says more than the core's.
        const kept = typed.get(error.field);
        const text = kept?.hint && Object.is(kept.value, getPath(scenario, error.field))
          ? hintText(kept.hint, t) : friendly(error, entries[0].field, t, locale);
        for (const entry of entries) {
          entry.error.textContent = entry.error.textContent ? `${entry.error.textContent} ${text}` : text;
          entry.error.hidden = false;
          entry.input.setAttribute('aria-invalid', 'true');
          entry.input.setAttribute('aria-describedby', [entry.help, entry.error.id].filter(Boolean).join(' '));
          invalid.push(entry);
        }
        const [first] = entries;
        return { label: first.field.label, message: text, id: first.input.id };
      });
    },
    /** Shows the currency's symbol beside money fields (after a valid currency change). */
    setCurrency(code) {
      if (code === currency) return;
      currency = code;
      const symbol = moneySymbol();
      for (const affix of container.querySelectorAll('.affix.money')) affix.textContent = symbol;
    },
  };
}
