// The price-change simulator's controls and words, shared by the page's pricing lab and
// <saas-metrics layout="price-change">. The settings are the `change` object of contract
// section 9; controls show factors as percentage changes (1.2 -> "+20"). The core does
// every computation (shared/lab-engine.js priceChange); this only builds the request and
// puts the core's answer into sentences.
import { h } from './dom.js';
import { formatValue } from './format.js';

export const defaultChange = { price_factor: 1.1, new_customers_factor: 0.95, churn_factor: 1, existing: 'grandfathered', migration_month: 1, migration_churn: 0.05 };

// Percent text without binary noise: 1.1 -> "10", not "10.000000000000009".
const percentText = (x) => String(Number((x * 100).toPrecision(12)));
const factorText = (factor) => percentText(factor - 1);
const fromPercent = (text) => Number(text) / 100;

/**
 * The change controls, filled from `change`: { element, read() -> change, settings(), set(change) }.
 * Every control has a `name` (the change key it sets) and a label; `part` attributes let a
 * component's host restyle them like the calculator's inputs.
 */
export function changeControls(change = defaultChange, { idPrefix = 'pc' } = {}) {
  const field = (name, label, control, unit, help) => {
    control.name = name;
    control.id = `${idPrefix}-${name}`;
    control.setAttribute('part', 'input');
    return h('div', { class: 'pc-field', part: 'field', 'data-field': name, title: help },
      h('label', { for: control.id, part: 'field-label' }, label),
      h('span', { class: 'control' }, control, unit && h('span', { part: 'unit', class: 'unit' }, unit)));
  };
  const number = (attributes) => h('input', { type: 'number', inputmode: 'decimal', ...attributes });
  const select = (options) => h('select', {}, options.map(([value, text]) => h('option', { value }, text)));

  const price = number({ step: 1, min: -100 });
  const signupMode = select([['factor', 'a percentage'], ['elasticity', 'an elasticity']]);
  const signups = number({ step: 1 });
  const churn = number({ step: 1, min: -100 });
  const existing = select([['grandfathered', 'keep their prices'], ['migrated', 'move to new prices']]);
  const month = number({ step: 1, min: 1 });
  const leaving = number({ step: 0.5, min: 0, max: 100 });
  const signupField = field('signups', 'Signups', signups, '%', 'How many more (or fewer) new customers sign up each month at the new price.');
  const migration = [
    field('migration_month', 'Migration month', month, 'mo', 'Month in which current customers move to the new prices.'),
    field('migration_churn', 'Customers who leave over it', leaving, '%', 'One-time churn when current customers move to the new prices.'),
  ];
  const element = h('div', { class: 'pc-controls', part: 'form', role: 'group', 'aria-label': 'Price change' },
    field('price_factor', 'Price change', price, '%', 'Every plan’s prices, up (+) or down (−), for new customers.'),
    field('signup_mode', 'Signups respond by', signupMode, null, 'Give the change in signups directly, or as an elasticity: −1 means 10 % more price, about 9 % fewer signups.'),
    signupField,
    field('churn_factor', 'Churn change', churn, '%', 'Change in monthly churn of customers paying the new prices.'),
    field('existing', 'Current customers', existing, null, 'Grandfathered customers keep today’s prices; migrated ones move to the new prices once.'),
    ...migration);

  function showMode() {
    const elastic = signupMode.value === 'elasticity';
    signupField.querySelector('label').textContent = elastic ? 'Signup elasticity' : 'Signup change';
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
  const months = result.baseline.length;
  const percent = (x) => formatValue(x, 'percent', format);
  const payback = result.payback_month === null
    ? `This change does not pay back within the ${months}-month projection.`
    : `It pays back in month ${result.payback_month}: from then on, the cumulative profit stays ahead of today’s prices.`;
  const keep = result.break_even_new_customers_factor;
  const signups = keep === null ? `It does not pay within ${months} months even with ten times today’s signups.`
    : keep === 0 ? `It pays within ${months} months even if new signups stop.`
      : `This change pays as long as you keep at least ${percent(keep)} of today’s signups.`;
  let migration = null;
  if (change.existing === 'migrated') {
    const leave = result.break_even_migration_churn;
    migration = leave === null ? `It does not pay within ${months} months even if no current customer leaves over it.`
      : leave >= 1 ? 'It pays even if every current customer left over the migration.'
        : `Migrating pays as long as fewer than ${percent(leave)} of current customers leave over it.`;
  }
  return [payback, signups, migration];
}

/** The figures beside the chart, each straight from the core's result: [key, label, value, unit]. */
function changeFigures(result) {
  const months = result.baseline.length;
  return [
    ['payback_month', 'Payback month', result.payback_month, 'month'],
    ['mrr_delta', `MRR change by month ${months}`, result.mrr_delta.at(-1), 'money'],
    ['cumulative_profit_delta', `Profit difference by month ${months}`, result.cumulative_profit_delta.at(-1), 'money'],
    ['new_ltv_to_cac', 'LTV/CAC of new customers', result.new_customer_metrics.ltv_to_cac, 'ratio'],
  ];
}

/** One figure's text: "Month 7", "+$1,240", "3.1×"; "–" when undefined. */
function figureText(value, unit, format) {
  if (unit === 'month') return value === null ? 'Not within the projection' : `Month ${value}`;
  const text = formatValue(value, unit, format);
  return unit === 'money' && value > 0 ? `+${text}` : text;
}

const setText = (element, text) => {
  if (element.textContent !== text) element.textContent = text;
};

/**
 * The result in figures (each with data-field and the raw data-value; the list's
 * data-payback holds the payback month) and sentences: { figures, sentences, show(result,
 * change, format), fail(messages) }. Built once and rewritten in place, so a keystroke
 * changes only texts.
 */
export function changeReport() {
  const figures = h('dl', { class: 'pc-figures', part: 'figures' });
  const lines = [h('p'), h('p'), h('p')];
  const sentences = h('div', { class: 'pc-sentences', part: 'summary', role: 'status' }, lines);
  const cells = new Map();
  return {
    figures,
    sentences,
    show(result, change, format) {
      for (const [key, label, value, unit] of changeFigures(result)) {
        if (!cells.has(key)) {
          const cell = { label: h('dt', { part: 'figure-label' }), value: h('dd', { part: 'figure-value' }) };
          cell.element = h('div', { part: 'figure', 'data-field': key }, cell.label, cell.value);
          figures.append(cell.element);
          cells.set(key, cell);
        }
        const cell = cells.get(key);
        cell.element.dataset.value = value ?? '';
        setText(cell.label, label);
        setText(cell.value, figureText(value, unit, format));
      }
      figures.dataset.payback = result.payback_month ?? '';
      changeSentences(result, change, format).forEach((text, i) => {
        lines[i].hidden = !text;
        setText(lines[i], text ?? '');
      });
    },
    /** Messages instead of sentences (a change the core refuses); the figures stay, stale. */
    fail(messages) {
      lines.forEach((line, i) => {
        line.hidden = !messages[i];
        setText(line, messages[i] ?? '');
      });
    },
  };
}
