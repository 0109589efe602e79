// Metric cards: which metrics to show (the `metrics` attribute) and how one output
// (contract section 6) fills them. Numbers are only formatted here, never computed.
import { metricInfo, formatMetric } from '../shared/format.js';
import { h } from '../shared/dom.js';
import { splitNotes } from '../shared/notes.js';

export const defaultMetrics = {
  full: ['mrr', 'arr', 'ltv', 'cac', 'ltv_to_cac', 'cac_payback_months', 'nrr_annual', 'customer_churn_annual'],
  compact: ['mrr', 'ltv', 'cac', 'ltv_to_cac'],
  'results-only': ['mrr', 'arr', 'ltv', 'cac', 'ltv_to_cac', 'cac_payback_months'],
};

/** The metric keys to show for the `metrics` attribute (comma-separated, in order), plus an error per unknown key. */
export function resolveMetrics(attribute, layout, t) {
  if (attribute === null) return { keys: defaultMetrics[layout], errors: [] };
  const wanted = attribute.split(',').map((key) => key.trim()).filter(Boolean);
  return {
    keys: wanted.filter((key) => key in metricInfo),
    errors: wanted.filter((key) => !(key in metricInfo))
      .map((key) => ({ field: 'metrics', message: t('component.unknown_metric', { key }) })),
  };
}

/** A grid of cards for `keys`, each with data-metric and data-value like the page's (section 7). */
export function metricCards(keys, t) {
  const cards = keys.map((key) => {
    const parts = {
      value: h('span', { part: 'metric-value' }, '…'),
      grade: h('span', { part: 'grade', hidden: true }),
      note: h('span', { part: 'metric-note', hidden: true }),
    };
    const card = h('div', { part: 'metric', 'data-metric': key, 'data-value': '', title: t(`metric_help.${key}`) },
      h('span', { part: 'metric-label' }, t(`metric.${key}`)), parts.value, parts.grade, parts.note);
    return { key, card, ...parts };
  });
  const element = h('div', { part: 'metrics' }, cards.map((c) => c.card));
  // Up to 4 in a row, and full rows when they can be (see the stylesheet).
  element.style.setProperty('--columns', keys.length <= 4 ? keys.length : Math.min(4, Math.ceil(keys.length / 2)));
  return {
    element,
    update(output, format) {
      const { byMetric } = splitNotes(output, format);
      for (const { key, card, value, grade, note } of cards) {
        const number = output.metrics[key];
        card.dataset.value = number ?? '';
        value.textContent = formatMetric(key, number, format);
        const health = output.health[key];
        grade.hidden = !health;
        grade.textContent = health ? format.t(`grade.${health}`) : '';
        // A part per grade lets a host restyle one of them: ::part(grade-bad).
        grade.setAttribute('part', health ? `grade grade-${health}` : 'grade');
        note.hidden = number !== null;
        note.textContent = byMetric[key] ?? '';
      }
    },
  };
}
