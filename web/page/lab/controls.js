// Building blocks the lab's tools share: a panel, labelled controls, and the metric and
// lever pickers (the levers come from the core for the current scenario). Fixed words are
// marked with their message keys (data-i18n); lab.js fills them with translateTree, and
// again when the visitor changes language.
import { h } from '../../shared/dom.js';
import { targetMetrics, targetKey, leverInfo } from '../../shared/levers.js';
import { coreMessage } from '../../shared/notes.js';

let ids = 0;

/** A tool's box: a heading, a sentence on what it does, then its content (keys of messages). */
export function panel(titleKey, introKey, ...children) {
  const id = `lab-title-${++ids}`;
  return h('section', { class: 'lab-tool panel', 'aria-labelledby': id },
    h('h3', { id, 'data-i18n': titleKey }), h('p', { class: 'muted', 'data-i18n': introKey }), ...children);
}

/** A control with its visible label (a message key); `name` also names the setting (tests find it by name). */
export function labeled(labelKey, control, name) {
  control.id = `lab-${name}-${++ids}`;
  control.name = name;
  return h('div', { class: 'lab-field' }, h('label', { for: control.id, 'data-i18n': labelKey }), control);
}

/** A select of [value, text] options; a text may be { key } for a fixed word worded by translateTree. */
export function select(options, value) {
  const element = h('select', {}, options.map(([key, text]) => (text?.key
    ? h('option', { value: key, 'data-i18n': text.key })
    : h('option', { value: key }, text))));
  element.value = value;
  return element;
}

/** A picker of target metrics (section 9); `keys` limits it. */
export function metricSelect(value, keys = Object.keys(targetMetrics)) {
  return select(keys.map((key) => [key, { key: targetKey(key) }]), value);
}

/** A picker of the scenario's levers, whose options follow the scenario. */
export function leverSelect() {
  const element = h('select');
  let shown = '';
  return {
    element,
    /** Refreshes the options for `levers` ([{ lever }] from the core), worded by t; keeps the
     *  choice when it still exists, else picks `fallback`. Returns the chosen path. */
    refresh(levers, scenario, wanted, fallback, t) {
      const options = levers.map(({ lever }) => [lever, leverInfo(lever, scenario, t).label]);
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

/** The core's errors as lines, each in t's language when the core gave a code ("field: message"). */
export function errorLines(errors, { t, locale }, withField = true) {
  return errors.map((e) => (withField && e.field ? `${e.field}: ${coreMessage(e, t, locale)}` : coreMessage(e, t, locale)));
}
