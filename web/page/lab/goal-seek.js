// Goal seek: "Make [metric] reach [value] by changing [lever]". The core finds the lever's
// value (or says why none reaches the target); Apply opens the changed scenario in the
// calculator through the shell, like any other load.
import { h, setText, assign } from '../../shared/dom.js';
import { coreMessage } from '../../shared/notes.js';
import { targetMetrics, typedMetric, shownMetric, withLever, leverAction, leverInSentence } from '../../shared/levers.js';
import { panel, labeled, metricSelect, leverSelect, defaultLever, errorLines } from './controls.js';

const defaults = { metric: 'ltv_to_cac', value: 3, lever: null };

/** A target a founder would aim at for a graded metric: the core's "good" threshold. */
const usualTarget = (metric, thresholds) => thresholds[metric]?.good ?? (metric === 'break_even_month' ? 12 : null);

export function createGoalSeek(state, saved) {
  let settings = { ...defaults };
  const metric = metricSelect(defaults.metric);
  const value = h('input', { type: 'number', inputmode: 'decimal', step: 'any' });
  const lever = leverSelect();
  const answer = h('p', { class: 'lab-answer', role: 'status' });
  const note = h('p', { class: 'muted lab-note' });
  const applyButton = h('button', { type: 'button', class: 'button primary', 'data-i18n': 'lab.goal.apply' });
  const unit = h('span', { class: 'muted' });
  let found = null; // { lever, value } of the last answer

  function apply(next) {
    settings = { ...defaults };
    if (next && next.metric in targetMetrics) settings.metric = next.metric;
    if (Number.isFinite(next?.value)) settings.value = next.value;
    if (typeof next?.lever === 'string') settings.lever = next.lever;
    metric.value = settings.metric;
    value.value = shownMetric(settings.metric, settings.value);
  }

  function update() {
    found = writeAnswer();
    assign(applyButton, 'hidden', !found);
    assign(answer.dataset, 'value', found ? String(found.value) : '');
  }

  /** Writes the answer and its note; returns what Apply would write, or null. */
  function writeAnswer() {
    const { t } = state;
    const format = { currency: state.scenario.currency ?? 'USD', locale: state.locale, t };
    const vary = lever.refresh(state.levers, state.scenario, settings.lever, defaultLever(state.levers), t);
    setText(unit, targetMetrics[settings.metric].unit === 'percent' ? '%' : '');
    if (value.value === '' || !Number.isFinite(Number(value.value))) {
      setText(answer, t('lab.goal.type_value'));
      setText(note, '');
      return null;
    }
    const result = state.lab.solve({ scenario: state.scenario, vary, target: { metric: settings.metric, value: settings.value } });
    if (result.errors) {
      setText(answer, t('lab.goal.cannot'));
      setText(note, errorLines(result.errors, format).join(' '));
      return null;
    }
    setText(answer, result.value === null ? t('lab.goal.out_of_reach')
      : leverAction(vary, result.value, state.scenario, format, { metric: settings.metric, achieved: result.achieved }));
    setText(note, coreMessage({ message: result.note, ...result.note_code }, t, format.locale,
      { lever: (path) => leverInSentence(path, state.scenario, t) }));
    return result.value === null ? null : { lever: vary, value: result.value };
  }

  function changed(event) {
    if (event.target === metric) {
      settings.metric = metric.value;
      const usual = usualTarget(metric.value, state.engine.thresholds);
      if (usual !== null) settings.value = usual;
      value.value = shownMetric(settings.metric, settings.value);
    } else if (event.target === value) {
      settings.value = typedMetric(settings.metric, value.value);
    } else {
      settings.lever = lever.element.value;
    }
    update();
    state.changed();
  }

  applyButton.addEventListener('click', () => {
    if (!found) return;
    state.open(withLever(state.scenario, found.lever, found.value));
    state.announce(state.t('lab.goal.applied', { answer: answer.textContent }));
  });

  const form = h('div', { class: 'lab-form' },
    labeled('lab.goal.make', metric, 'goal-metric'),
    h('div', { class: 'lab-field' }, h('label', { for: 'lab-goal-value', 'data-i18n': 'lab.goal.reach' }),
      h('span', { class: 'lab-input' }, Object.assign(value, { id: 'lab-goal-value', name: 'goal-value' }), unit)),
    labeled('lab.goal.by_changing', lever.element, 'goal-lever'));
  form.addEventListener('input', changed);
  apply(saved);
  return {
    element: panel('lab.goal.title', 'lab.goal.intro',
      form, h('div', { class: 'lab-result' }, answer, applyButton), note),
    settings: () => ({ ...settings }),
    apply,
    update,
  };
}
