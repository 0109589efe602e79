// Rendering of metric values: headline cards (value, health grade, thresholds, the
// formula with the user's numbers) and a compact table for the other metrics. Each
// renderer owns only the container it is given.
import { formatValue, metricInfo, metricValue } from '../../shared/format.js';
import { splitNotes } from '../../shared/notes.js';
import { h, idFor } from '../../shared/dom.js';
import { explain } from './explain.js';

const breakEven = { label: 'Break-even', unit: 'months', help: 'First projected month with a profit.' };
const info = (key) => metricInfo[key] ?? breakEven;

function shown(output, key, options) {
  const value = metricValue(output, key);
  if (key === 'break_even_month') return value === null ? 'Not yet' : `Month ${value}`;
  return formatValue(value, info(key).unit, options);
}

/** Writes only what changed: untouched text costs no layout on the next frame. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function setValue(element, output, key, options) {
  element.dataset.value = metricValue(output, key) ?? '';
  setText(element, shown(output, key, options));
}

/** "Great ≥ 5× · good ≥ 3× · watch ≥ 1× · bad < 1×", from the core's thresholds. */
function thresholdText(key, t, locale) {
  const f = (value) => formatValue(value, info(key).unit, { locale });
  const [better, worse] = t.higher_is_better ? ['≥', '<'] : ['≤', '>'];
  return `Great ${better} ${f(t.great)} · good ${better} ${f(t.good)} · watch ${better} ${f(t.watch)} · bad ${worse} ${f(t.watch)}`;
}

/** One card per key; returns { update(output, scenario) }. */
export function createCards(container, { keys, thresholds = {}, locale, idPrefix = 'card' }) {
  const cards = keys.map((key) => {
    const id = idFor(idPrefix, key);
    const value = h('p', { class: 'value', 'data-metric': key, 'data-value': '', 'aria-labelledby': id });
    const badge = h('span', { class: 'badge', hidden: true });
    const note = h('p', { class: 'note', hidden: true });
    const how = h('p', { class: 'formula' });
    const details = h('details', { class: 'how' }, h('summary', {}, 'How it’s computed'),
      h('p', { class: 'help' }, info(key).help), how);
    const card = h('article', { class: 'card', 'data-key': key },
      h('div', { class: 'card-head' }, h('h3', { id }, info(key).label), badge),
      value, note,
      thresholds[key] && h('p', { class: 'thresholds' }, thresholdText(key, thresholds[key], locale)),
      details);
    container.append(card);
    return { key, card, value, badge, note, how, details };
  });
  let last;

  // Formulas are only written out for open "how" panels, to keep keystrokes cheap.
  function writeFormula(c) {
    if (!c.details.open || !last) return;
    const [output, scenario, options] = last;
    c.how.textContent = metricValue(output, c.key) === null && c.key !== 'break_even_month'
      ? 'Undefined for this scenario (see the note above).' : explain(c.key, output, scenario, options);
  }
  for (const c of cards) c.details.addEventListener('toggle', () => writeFormula(c));

  return {
    update(output, scenario, options) {
      last = [output, scenario, options];
      const { byMetric } = splitNotes(output);
      for (const c of cards) {
        setValue(c.value, output, c.key, options);
        const grade = output.health[c.key] ?? '';
        c.card.dataset.grade = grade;
        c.badge.hidden = !grade;
        setText(c.badge, grade);
        const note = c.key === 'break_even_month' && output.break_even_month === null
          ? explain(c.key, output, scenario, options) : byMetric[c.key];
        c.note.hidden = !note;
        setText(c.note, note ?? '');
        writeFormula(c);
      }
    },
  };
}

/** A row per key in `container` (a <tbody>): label, value, and the formula or the note. */
export function createMetricTable(container, { keys }) {
  const rows = keys.map((key) => {
    const value = h('td', { class: 'num', 'data-metric': key, 'data-value': '' });
    const how = h('td', { class: 'formula' });
    container.append(h('tr', {}, h('th', { scope: 'row' }, info(key).label), value, how));
    return { key, value, how };
  });
  return {
    update(output, scenario, options) {
      const { byMetric } = splitNotes(output);
      for (const r of rows) {
        setValue(r.value, output, r.key, options);
        setText(r.how, byMetric[r.key] ?? explain(r.key, output, scenario, options));
      }
    },
  };
}

/** A compact strip of values (label and number only), e.g. a phone's sticky summary. */
export function createTicker(container, { keys }) {
  const values = keys.map((key) => {
    const value = h('span', { class: 'value', 'data-metric': key, 'data-value': '' });
    container.append(h('span', { class: 'tick' }, h('span', { class: 'label' }, info(key).label), value));
    return { key, value };
  });
  return {
    update(output, scenario, options) {
      for (const v of values) setValue(v.value, output, v.key, options);
    },
  };
}
