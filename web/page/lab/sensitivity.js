// Sensitivity as a tornado chart: every input moved down and up by a swing, the metric at
// both ends, the inputs that move it most on top (the core sorts the rows). Each bar is a
// list item whose text says the same as the bar, so it reads without the picture.
import { h, setText, assign } from '../../shared/dom.js';
import { targetMetrics, targetLabel, leverInfo, formatLever, formatTarget } from '../../shared/levers.js';
import { panel, labeled, metricSelect, select, errorLines } from './controls.js';

const swings = [0.1, 0.2, 0.5];
/** A swing as shown: "±20 %". */
const swingText = (swing, t) => t('lab.tornado.swing', { percent: Math.round(swing * 100) });
const defaults = { metric: 'ltv_to_cac', swing: 0.2 };
// Position of a value on the bars' common scale, in percent of the track.
const position = (value, [low, high]) => (high === low ? 50 : ((value - low) / (high - low)) * 100);

export function createSensitivity(state, saved) {
  let settings = { ...defaults };
  const metric = metricSelect(defaults.metric);
  const swing = select(swings.map((value) => [String(value), swingText(value, state.t)]), String(defaults.swing));
  const list = h('ol', { class: 'tornado' });
  const caption = h('p', { class: 'muted lab-note' });

  function apply(next) {
    settings = { ...defaults };
    if (next && next.metric in targetMetrics) settings.metric = next.metric;
    if (swings.includes(next?.swing)) settings.swing = next.swing;
    metric.value = settings.metric;
    swing.value = String(settings.swing);
  }

  // One list item per lever, kept between updates: a keystroke rewrites texts and bar
  // positions, and moves items only when the order changes.
  const items = new Map();

  function item(lever) {
    if (!items.has(lever)) {
      const bars = ['low', 'high'].map((side) => h('span', { class: `bar ${side}` }));
      const parts = { name: h('span', { class: 'lever' }), range: h('span', { class: 'range' }), text: h('span', { class: 'visually-hidden' }), bars };
      const element = h('li', { 'data-lever': lever }, parts.name, h('span', { class: 'track', 'aria-hidden': 'true' }, bars), parts.range, parts.text);
      items.set(lever, { element, ...parts });
    }
    return items.get(lever);
  }

  function fill(r, scale, format) {
    const { t } = format;
    const entry = item(r.lever);
    const { label } = leverInfo(r.lever, state.scenario, t);
    const shown = (v) => formatTarget(settings.metric, v, format);
    const both = r.low !== null && r.high !== null;
    const text = t('lab.tornado.row', { lever: label, metric: targetLabel(settings.metric, t),
      low: shown(r.low), low_input: formatLever(r.lever, r.low_input, state.scenario, format),
      high: shown(r.high), high_input: formatLever(r.lever, r.high_input, state.scenario, format) });
    // Two segments from today's value: where the lower input takes the metric, and the higher.
    [r.low, r.high].forEach((value, k) => {
      const bar = entry.bars[k];
      assign(bar, 'hidden', !both);
      if (!both) return;
      const from = position(Math.min(value, r.base), scale);
      bar.style.setProperty('--from', `${from}%`);
      bar.style.setProperty('--width', `${position(Math.max(value, r.base), scale) - from}%`);
    });
    setText(entry.name, label);
    setText(entry.range, both ? t('lab.tornado.range', { low: shown(Math.min(r.low, r.high)), high: shown(Math.max(r.low, r.high)) })
      : t('lab.tornado.undefined_end'));
    setText(entry.text, text);
    assign(entry.element, 'title', text);
    return entry.element;
  }

  function update() {
    const { t } = state;
    const format = { currency: state.scenario.currency ?? 'USD', locale: state.locale, t };
    for (const option of swing.options) setText(option, swingText(Number(option.value), t));
    const result = state.lab.sensitivity({ scenario: state.scenario, metric: settings.metric, swing: settings.swing });
    if (result.errors) {
      list.replaceChildren();
      items.clear();
      return setText(caption, errorLines(result.errors, format, false).join(' '));
    }
    const values = result.rows.flatMap((r) => [r.low, r.high, r.base]).filter((v) => v !== null);
    const scale = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
    const shown = result.rows.map((r) => fill(r, scale, format));
    if (shown.length !== list.children.length || shown.some((element, i) => list.children[i] !== element)) list.replaceChildren(...shown);
    const base = result.rows.find((r) => r.base !== null)?.base ?? null;
    setText(caption, t('lab.tornado.caption', { metric: targetLabel(settings.metric, t),
      value: formatTarget(settings.metric, base, format), swing: swingText(settings.swing, t) }));
    list.style.setProperty('--base', `${position(base ?? 0, scale)}%`);
  }

  const form = h('div', { class: 'lab-form' }, labeled('lab.metric', metric, 'tornado-metric'), labeled('lab.tornado.swing_label', swing, 'tornado-swing'));
  form.addEventListener('input', () => {
    settings = { metric: metric.value, swing: Number(swing.value) };
    update();
    state.changed();
  });
  apply(saved);
  return {
    element: panel('lab.tornado.title', 'lab.tornado.intro', form, list, caption),
    settings: () => ({ ...settings }),
    apply,
    update,
  };
}
