// Building blocks the lab's tools share: a panel, labelled controls, and the metric and
// lever pickers (the levers come from the core for the current scenario).
import { h } from '../../shared/dom.js';
import { targetMetrics, leverInfo } from '../../shared/levers.js';

let ids = 0;

/** A tool's box: a heading, a sentence on what it does, then its content. */
export function panel(title, intro, ...children) {
  const id = `lab-title-${++ids}`;
  return h('section', { class: 'lab-tool panel', 'aria-labelledby': id },
    h('h3', { id }, title), h('p', { class: 'muted' }, intro), ...children);
}

/** A control with its visible label; `name` also names the setting (tests find it by name). */
export function labeled(label, control, name) {
  control.id = `lab-${name}-${++ids}`;
  control.name = name;
  return h('div', { class: 'lab-field' }, h('label', { for: control.id }, label), control);
}

export function select(options, value) {
  const element = h('select', {}, options.map(([key, text]) => h('option', { value: key }, text)));
  element.value = value;
  return element;
}

/** A picker of target metrics (section 9); `keys` limits it. */
export function metricSelect(value, keys = Object.keys(targetMetrics)) {
  return select(keys.map((key) => [key, targetMetrics[key].label]), value);
}

/** A picker of the scenario's levers, whose options follow the scenario. */
export function leverSelect() {
  const element = h('select');
  let shown = '';
  return {
    element,
    /** Refreshes the options for `levers` ([{ lever }] from the core); keeps the choice when it
     *  still exists, else picks `fallback`. Returns the chosen path. */
    refresh(levers, scenario, wanted, fallback) {
      const options = levers.map(({ lever }) => [lever, leverInfo(lever, scenario).label]);
      const key = JSON.stringify(options);
      if (key !== shown) {
        shown = key;
        element.replaceChildren(...options.map(([path, text]) => h('option', { value: path }, text)));
      }
      element.value = levers.some((l) => l.lever === wanted) ? wanted : fallback;
      return element.value;
    },
  };
}

/** The lever to start from: the first plan's price when it has one, else every price. */
export function defaultLever(levers) {
  const price = levers.find(({ lever, value }) => /^plans\[0\]\.(price|unit_price)$/.test(lever) && value > 0);
  return price?.lever ?? 'price_factor';
}

/** Writes text only when it changed: untouched text costs no layout. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
