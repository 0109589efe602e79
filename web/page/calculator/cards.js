// Rendering of metric values: headline cards (value, health grade, thresholds, the
// formula with the user's numbers) and a compact table for the other metrics. Each
// renderer owns only the container it is given.
import { formatValue, metricInfo, metricValue } from '../../shared/format.js';
import { splitNotes } from '../../shared/notes.js';
import { h, idFor, setText, assign } from '../../shared/dom.js';
import { explain } from './explain.js';

// break_even_month sits among the metrics: its words are "metric.break_even_month".
const unitOf = (key) => metricInfo[key]?.unit ?? 'months';

function shown(output, key, options) {
  const value = metricValue(output, key);
  if (key === 'break_even_month') return value === null ? options.t('cards.not_yet') : options.t('cards.month', { month: value });
  return formatValue(value, unitOf(key), options);
}

function setValue(element, output, key, options, wording = (text) => text) {
  assign(element.dataset, 'value', String(metricValue(output, key) ?? ''));
  setText(element, wording(shown(output, key, options)));
}

// A phone's ticker is narrow: "19 073 US$" may wrap before its unit and "US$19,073" after
// its symbol (a zero-width space), never inside the number.
const breakBeforeUnit = (text) => text.replace(/[\u00a0\u202f](?=[^\d\u00a0\u202f]+$)/u, ' ')
  .replace(/([\p{L}\p{Sc}])(?=\d)/u, '$1\u200b');

/** "Great ≥ 5× · good ≥ 3× · watch ≥ 1× · bad < 1×", from the core's thresholds. */
function thresholdText(key, limits, options) {
  const f = (value) => formatValue(value, unitOf(key), options);
  return options.t(limits.higher_is_better ? 'cards.thresholds_higher' : 'cards.thresholds_lower',
    { great: f(limits.great), good: f(limits.good), watch: f(limits.watch) });
}

/** One card per key; returns { update(output, scenario, options) }. Its words are in
 *  options.t's language, rewritten by each update (a change of language is one more update). */
export function createCards(container, { keys, thresholds = {}, idPrefix = 'card' }) {
  const cards = keys.map((key) => {
    const id = idFor(idPrefix, key);
    const value = h('p', { class: 'value', 'data-metric': key, 'data-value': '', 'aria-labelledby': id });
    const badge = h('span', { class: 'badge', hidden: true });
    const note = h('p', { class: 'note', hidden: true });
    const how = h('p', { class: 'formula' });
    const summary = h('summary');
    const help = h('p', { class: 'help' });
    const label = h('h3', { id });
    const limits = thresholds[key] && h('p', { class: 'thresholds' });
    const details = h('details', { class: 'how' }, summary, help, how);
    const card = h('article', { class: 'card', 'data-key': key },
      h('div', { class: 'card-head' }, label, badge), value, note, limits, details);
    container.append(card);
    return { key, card, value, badge, note, how, details, words: [[summary, 'cards.how'], [help, `metric_help.${key}`], [label, `metric.${key}`]], limits };
  });
  let last;
  let wordsFor = ''; // the language, locale and currency the fixed words were written in

  // Formulas are only written out for open "how" panels, to keep keystrokes cheap.
  function writeFormula(c) {
    if (!c.details.open || !last) return;
    const [output, scenario, options] = last;
    c.how.textContent = metricValue(output, c.key) === null && c.key !== 'break_even_month'
      ? options.t('cards.undefined') : explain(c.key, output, scenario, options);
  }
  for (const c of cards) c.details.addEventListener('toggle', () => writeFormula(c));

  return {
    update(output, scenario, options) {
      last = [output, scenario, options];
      const { byMetric } = splitNotes(output, options);
      // Labels and thresholds change only with these: each keystroke skips them.
      const wordsNow = `${options.t.language} ${options.locale} ${options.currency}`;
      const words = wordsNow !== wordsFor;
      wordsFor = wordsNow;
      for (const c of cards) {
        if (words) {
          for (const [element, key] of c.words) element.textContent = options.t(key);
          if (c.limits) c.limits.textContent = thresholdText(c.key, thresholds[c.key], options);
        }
        setValue(c.value, output, c.key, options);
        // A long value ("228 880 US$") takes a smaller size on a phone (app.css), not two lines.
        c.value.toggleAttribute('data-long', c.value.textContent.length > 9);
        const grade = output.health[c.key] ?? '';
        assign(c.card.dataset, 'grade', grade);
        assign(c.badge, 'hidden', !grade);
        setText(c.badge, grade && options.t(`grade.${grade}`));
        const note = c.key === 'break_even_month' && output.break_even_month === null
          ? explain(c.key, output, scenario, options) : byMetric[c.key];
        assign(c.note, 'hidden', !note);
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
    const label = h('th', { scope: 'row' });
    container.append(h('tr', {}, label, value, how));
    return { key, label, value, how };
  });
  return {
    update(output, scenario, options) {
      const { byMetric } = splitNotes(output, options);
      for (const r of rows) {
        setText(r.label, options.t(`metric.${r.key}`));
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
    const label = h('span', { class: 'label' });
    container.append(h('span', { class: 'tick' }, label, value));
    return { key, label, value };
  });
  return {
    update(output, scenario, options) {
      for (const v of values) {
        setText(v.label, options.t(`metric.${v.key}`));
        setValue(v.value, output, v.key, options, breakBeforeUnit);
      }
    },
  };
}
