// The price-change simulator's controls and words, shared by the page's pricing lab and
// <saas-metrics layout="price-change">. The settings are the `change` object of contract
// section 9; controls show factors as percentage changes (1.2 -> "+20"). The core does
// every computation (shared/lab-engine.js priceChange); this only builds the request and
// puts the core's answer into sentences. Words are the "change.*" messages in the language
// of `t` (shared/i18n.js); the controls' fixed words are also marked data-i18n, so a page
// that changes language retranslates them with translateTree.
import { h, setText, assign } from './dom.js';
import { formatValue } from './format.js';

export const defaultChange = { price_factor: 1.1, new_customers_factor: 0.95, churn_factor: 1, existing: 'grandfathered', migration_month: 1, migration_churn: 0.05 };

// Percent text without binary noise: 1.1 -> "10", not "10.000000000000009".
const percentText = (x) => String(Number((x * 100).toPrecision(12)));
const factorText = (factor) => percentText(factor - 1);
const fromPercent = (text) => Number(text) / 100;

/**
 * The change controls, filled from `change`: { element, read() -> change, settings(), set(change) }.
 * Every control has a `name` (the change key it sets) and a label; `part` attributes let a
 * component's host restyle them like the calculator's inputs. `t` words them.
 */
export function changeControls(change = defaultChange, { idPrefix = 'pc', t }) {
  // A fixed word: its text in t's language, marked with its key for translateTree.
  const word = (tag, attributes, key) => h(tag, { ...attributes, 'data-i18n': key }, t(key));
  // The label's words: one key, or one per signup mode (only the mode's shows).
  const field = (name, labels, control, unit) => {
    control.name = name;
    control.id = `${idPrefix}-${name}`;
    control.setAttribute('part', 'input');
    const help = `change.${name}_help`;
    return h('div', { class: 'pc-field', part: 'field', 'data-field': name, title: t(help), 'data-i18n-attrs': `title:${help}` },
      labels.length === 1 ? word('label', { for: control.id, part: 'field-label' }, labels[0])
        : h('label', { for: control.id, part: 'field-label' }, labels.map((key) => word('span', {}, key))),
      h('span', { class: 'control' }, control, unit && h('span', { part: 'unit', class: 'unit' }, unit)));
  };
  const number = (attributes) => h('input', { type: 'number', inputmode: 'decimal', ...attributes });
  const select = (name, values) => h('select', {}, values.map((value) => word('option', { value }, `change.${name}.${value}`)));

  const price = number({ step: 1, min: -100 });
  const signupMode = select('signup_mode', ['factor', 'elasticity']);
  const signups = number({ step: 1 });
  const churn = number({ step: 1, min: -100 });
  const existing = select('existing', ['grandfathered', 'migrated']);
  const month = number({ step: 1, min: 1 });
  const leaving = number({ step: 0.5, min: 0, max: 100 });
  const signupField = field('signups', ['change.signup_change', 'change.signup_elasticity'], signups, '%');
  const signupLabels = signupField.querySelectorAll('label span');
  const migration = [
    field('migration_month', ['change.migration_month'], month, word('span', {}, 'unit.months_short')),
    field('migration_churn', ['change.migration_churn'], leaving, '%'),
  ];
  const element = h('div', { class: 'pc-controls', part: 'form', role: 'group', 'aria-label': t('change.group'), 'data-i18n-attrs': 'aria-label:change.group' },
    field('price_factor', ['change.price_factor'], price, '%'),
    field('signup_mode', ['change.signup_mode'], signupMode, null),
    signupField,
    field('churn_factor', ['change.churn_factor'], churn, '%'),
    field('existing', ['change.existing'], existing, null),
    ...migration);

  function showMode() {
    const elastic = signupMode.value === 'elasticity';
    signupLabels[0].hidden = elastic;
    signupLabels[1].hidden = !elastic;
    signupField.querySelector('.unit').hidden = elastic;
    signups.step = elastic ? 0.1 : 1;
    for (const m of migration) m.hidden = existing.value !== 'migrated';
  }

  const migrationSettings = () => ({ migration_month: Number(month.value), migration_churn: fromPercent(leaving.value) });

  function set(next) {
    const elastic = next.signup_elasticity !== undefined;
    price.value = factorText(next.price_factor ?? 1);
    signupMode.value = elastic ? 'elasticity' : 'factor';
    signups.value = elastic ? String(next.signup_elasticity) : factorText(next.new_customers_factor ?? 1);
    churn.value = factorText(next.churn_factor ?? 1);
    existing.value = next.existing === 'migrated' ? 'migrated' : 'grandfathered';
    month.value = String(next.migration_month ?? 1);
    leaving.value = percentText(next.migration_churn ?? 0);
    showMode();
  }

  /** The change the controls describe (contract section 9); the core checks its ranges. */
  function read() {
    const signupKey = signupMode.value === 'elasticity' ? 'signup_elasticity' : 'new_customers_factor';
    const change = {
      price_factor: 1 + fromPercent(price.value),
      [signupKey]: signupKey === 'signup_elasticity' ? Number(signups.value) : 1 + fromPercent(signups.value),
      churn_factor: 1 + fromPercent(churn.value),
      existing: existing.value,
    };
    return existing.value === 'migrated' ? { ...change, ...migrationSettings() } : change;
  }

  // Registered before any caller's listener, so a switch of mode is in place when it reads.
  element.addEventListener('input', ({ target }) => {
    if (target === signupMode) signups.value = target.value === 'elasticity' ? '-1' : '0';
    showMode();
  });
  set(change);
  return {
    element,
    set,
    read,
    /** Everything the controls hold, the migration's settings too while they are hidden. */
    settings: () => ({ ...read(), ...migrationSettings() }),
  };
}

/** The core's price-change result in sentences: { payback, signups, migration (or null) }. */
function changeSentences(result, change, format) {
  const { t } = format;
  const months = result.baseline.length;
  const percent = (x) => formatValue(x, 'percent', format);
  const payback = result.payback_month === null ? t('change.no_payback', { months })
    : t('change.payback', { month: result.payback_month });
  const keep = result.break_even_new_customers_factor;
  const signups = keep === null ? t('change.signups_never', { months })
    : keep === 0 ? t('change.signups_any', { months })
      : t('change.signups_keep', { percent: percent(keep) });
  let migration = null;
  if (change.existing === 'migrated') {
    const leave = result.break_even_migration_churn;
    migration = leave === null ? t('change.migration_never', { months })
      : leave >= 1 ? t('change.migration_any')
        : t('change.migration_keep', { percent: percent(leave) });
  }
  return [payback, signups, migration];
}

/** The figures beside the chart, each straight from the core's result: [key, label, value, unit]. */
function changeFigures(result, t) {
  const months = result.baseline.length;
  return [
    ['payback_month', t('change.figure.payback_month'), result.payback_month, 'month'],
    ['mrr_delta', t('change.figure.mrr_delta', { months }), result.mrr_delta.at(-1), 'money'],
    ['cumulative_profit_delta', t('change.figure.cumulative_profit_delta', { months }), result.cumulative_profit_delta.at(-1), 'money'],
    ['new_ltv_to_cac', t('change.figure.new_ltv_to_cac'), result.new_customer_metrics.ltv_to_cac, 'ratio'],
  ];
}

/** One figure's text: "Month 7", "+$1,240", "3.1×"; "–" when undefined. */
function figureText(value, unit, format) {
  if (unit === 'month') return value === null ? format.t('change.not_within') : format.t('change.month', { month: value });
  const text = formatValue(value, unit, format);
  return unit === 'money' && value > 0 ? `+${text}` : text;
}

/**
 * The result in figures (each with data-field and the raw data-value; the list's
 * data-payback holds the payback month) and sentences: { figures, sentences, show(result,
 * change, format), fail(messages) }. Built once and rewritten in place, so a keystroke
 * changes only texts. Words are in the language of `format.t`, else of `t`.
 */
export function changeReport(t) {
  const figures = h('dl', { class: 'pc-figures', part: 'figures' });
  const lines = [h('p'), h('p'), h('p')];
  const sentences = h('div', { class: 'pc-sentences', part: 'summary', role: 'status' }, lines);
  const cells = new Map();
  return {
    figures,
    sentences,
    show(result, change, given) {
      const format = { ...given, t: given.t ?? t };
      for (const [key, label, value, unit] of changeFigures(result, format.t)) {
        if (!cells.has(key)) {
          const cell = { label: h('dt', { part: 'figure-label' }), value: h('dd', { part: 'figure-value' }) };
          cell.element = h('div', { part: 'figure', 'data-field': key }, cell.label, cell.value);
          figures.append(cell.element);
          cells.set(key, cell);
        }
        const cell = cells.get(key);
        assign(cell.element.dataset, 'value', String(value ?? ''));
        setText(cell.label, label);
        setText(cell.value, figureText(value, unit, format));
      }
      assign(figures.dataset, 'payback', String(result.payback_month ?? ''));
      changeSentences(result, change, format).forEach((text, i) => {
        assign(lines[i], 'hidden', !text);
        setText(lines[i], text ?? '');
      });
    },
    /** Messages instead of sentences (a change the core refuses); the figures stay, stale. */
    fail(messages) {
      lines.forEach((line, i) => {
        assign(line, 'hidden', !messages[i]);
        setText(line, messages[i] ?? '');
      });
    },
  };
}
