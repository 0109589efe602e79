// A metric over two levers as a heatmap (the core's grid), each axis from half to one and a
// half times today's value, so today sits in the middle and is marked. Cells are coloured
// by the metric's health grade where it has one (the core's thresholds), else on a scale
// from its lowest to its highest value. Values show on hover, and on focus: arrow keys move
// a focused cell and its value is announced. While typing, a fine grid is drawn coarse
// first and refined once typing pauses, which keeps a keystroke within a frame.
import { h, setText, assign } from '../../shared/dom.js';
import { targetMetrics, targetLabel, leverInfo, leverInSentence, formatLever, formatTarget } from '../../shared/levers.js';
import { panel, labeled, metricSelect, leverSelect, select, errorLines } from './controls.js';

const resolutions = [11, 25, 51, 101]; // odd: today's value is the middle step
const typingSteps = 25;
const refineAfter = 250; // ms without an edit
const defaults = { metric: 'ltv_to_cac', x: 'price_factor', y: 'customers.monthly_churn', steps: 51 };
const grades = ['great', 'good', 'watch', 'bad'];

/** The core's grade rule (contract section 5) over its thresholds; a boundary takes the better grade. */
function grade(value, t) {
  if (value === null || !t) return null;
  const better = t.higher_is_better ? (a, b) => a >= b : (a, b) => a <= b;
  return better(value, t.great) ? 'great' : better(value, t.good) ? 'good' : better(value, t.watch) ? 'watch' : 'bad';
}

/** An axis around today's value: half to one and a half times it, within the lever's range. */
function axisFor(lever, steps) {
  const { value, min, max } = lever;
  return value > 0 ? { lever: lever.lever, from: Math.max(min, value / 2), to: Math.min(max, value * 1.5), steps }
    : { lever: lever.lever, from: min, to: Math.min(max, min + 1), steps };
}

/** CSS colours as [r, g, b] for the image's pixels, read through a 1×1 canvas. */
function rgb(colors) {
  const ctx = h('canvas', { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
  return colors.map((color) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  });
}

export function createHeatmap(state, saved) {
  let settings = { ...defaults };
  const metric = metricSelect(defaults.metric);
  const xLever = leverSelect();
  const yLever = leverSelect();
  const steps = select(resolutions.map((n) => [String(n), `${n} × ${n}`]), String(defaults.steps));
  const canvas = h('canvas', { class: 'heat-canvas' });
  const tip = h('p', { class: 'heat-tip', hidden: true, 'aria-hidden': 'true' });
  const plot = h('div', { class: 'heat-plot', tabindex: '0', role: 'application', 'data-i18n-attrs': 'aria-roledescription:lab.heat.roledescription' }, canvas, tip);
  const readout = h('p', { class: 'heat-readout', 'aria-live': 'polite' });
  plot.setAttribute('aria-describedby', readout.id = `heat-readout-${Math.random().toString(36).slice(2)}`);
  const yTop = h('span');
  const yBottom = h('span');
  const yName = h('span', { class: 'heat-name' });
  const xLeft = h('span');
  const xRight = h('span');
  const xName = h('span', { class: 'heat-name' });
  const legend = h('p', { class: 'heat-legend' });
  let grid = null; // { x, y, values, axes, today: [i, j] } of the drawn grid
  let focus = null; // [i, j]
  let refine;
  let palette = null;

  function apply(next) {
    settings = { ...defaults };
    if (next && next.metric in targetMetrics) settings.metric = next.metric;
    if (typeof next?.x === 'string') settings.x = next.x;
    if (typeof next?.y === 'string') settings.y = next.y;
    if (resolutions.includes(next?.steps)) settings.steps = next.steps;
    metric.value = settings.metric;
    steps.value = String(settings.steps);
  }

  const format = () => ({ currency: state.scenario.currency ?? 'USD', locale: state.locale, t: state.t });

  /** "Every price 1.1× and monthly customer churn 2.5%: LTV/CAC 3.2× (good)", ", today" at today's cell. */
  function describe([i, j]) {
    const f = format();
    const { t } = f;
    const value = grid.values[j][i];
    const graded = grade(value, state.engine.thresholds[settings.metric]);
    const today = i === grid.today[0] && j === grid.today[1];
    return t(`lab.heat.cell${graded ? '_graded' : ''}${today ? '_today' : ''}`, {
      x_lever: leverInfo(grid.axes.x.lever, state.scenario, t).label, x_value: formatLever(grid.axes.x.lever, grid.x[i], state.scenario, f),
      y_lever: leverInSentence(grid.axes.y.lever, state.scenario, t), y_value: formatLever(grid.axes.y.lever, grid.y[j], state.scenario, f),
      metric: targetLabel(settings.metric, t), value: formatTarget(settings.metric, value, f), grade: graded && t(`grade.${graded}`),
    });
  }

  function colours() {
    const style = getComputedStyle(plot);
    const read = (name) => style.getPropertyValue(name).trim() || 'gray';
    const [great, good, watch, bad, low, high, none] = rgb([...grades.map((g) => read(`--${g}`)), read('--surface-2'), read('--accent'), read('--border')]);
    return { great, good, watch, bad, low, high, none, marker: read('--text'), focus: read('--focus') };
  }

  const cells = h('canvas'); // one pixel per cell, scaled up without smoothing: cheap even at 101 × 101
  let width = 0; // the plot's width in CSS pixels, from the ResizeObserver (reading it would force a layout)
  let legendKey = '';

  function paint() {
    if (!width) return; // not laid out yet: the ResizeObserver paints
    palette ??= colours();
    const { x, y, values } = grid;
    const thresholds = state.engine.thresholds[settings.metric];
    let lo = Infinity;
    let hi = -Infinity;
    for (const row of values) for (const v of row) if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (cells.width !== x.length || cells.height !== y.length) Object.assign(cells, { width: x.length, height: y.length });
    const image = new ImageData(x.length, y.length);
    for (let j = 0; j < y.length; j += 1) {
      for (let i = 0; i < x.length; i += 1) {
        const value = values[j][i];
        const at = ((y.length - 1 - j) * x.length + i) * 4; // y grows upwards
        const t = hi === lo ? 0.5 : (value - lo) / (hi - lo);
        const color = value === null ? palette.none : thresholds ? palette[grade(value, thresholds)] : null;
        for (let k = 0; k < 3; k += 1) image.data[at + k] = color ? color[k] : palette.low[k] + (palette.high[k] - palette.low[k]) * t;
        image.data[at + 3] = 255;
      }
    }
    cells.getContext('2d').putImageData(image, 0, 0);
    const ratio = devicePixelRatio;
    const height = Math.round(Math.min(width * 0.75, 360));
    // Resizing a canvas reallocates it: only when its size changes.
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== height * ratio) {
      Object.assign(canvas, { width: Math.round(width * ratio), height: height * ratio });
      canvas.style.height = `${height}px`;
    }
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells, 0, 0, canvas.width, canvas.height);
    const cell = (i, j) => [(i / x.length) * canvas.width, ((y.length - 1 - j) / y.length) * canvas.height, canvas.width / x.length, canvas.height / y.length];
    // Today: a ring at today's cell.
    const [cx, cy, cw, ch] = cell(...grid.today);
    ctx.lineWidth = 2 * ratio;
    ctx.strokeStyle = palette.marker;
    ctx.beginPath();
    ctx.arc(cx + cw / 2, cy + ch / 2, Math.max(5 * ratio, Math.min(cw, ch) / 2), 0, 2 * Math.PI);
    ctx.stroke();
    if (focus && document.activeElement === plot) {
      ctx.strokeStyle = palette.focus;
      ctx.strokeRect(...cell(...focus));
    }
    const ends = thresholds || lo > hi ? [] : [formatTarget(settings.metric, lo, format()), formatTarget(settings.metric, hi, format())];
    const words = state.t;
    if (legendKey === `${words.language} ${settings.metric} ${ends}`) return;
    legendKey = `${words.language} ${settings.metric} ${ends}`;
    legend.replaceChildren(...(thresholds ? grades.map((g) => h('span', { class: `swatch ${g}` }, words(`grade.${g}`)))
      : [h('span', {}, ends[0]), h('span', { class: 'swatch scale' }), h('span', {}, ends[1])]),
    h('span', { class: 'muted' }, words('lab.heat.today')));
  }

  function showFocus() {
    if (!grid || !focus) return;
    const [i, j] = focus;
    assign(plot.dataset, 'x', String(grid.x[i]));
    assign(plot.dataset, 'y', String(grid.y[j]));
    assign(plot.dataset, 'value', String(grid.values[j][i] ?? ''));
    setText(readout, describe(focus));
  }

  function compute(n) {
    const levers = state.levers;
    const f = format();
    const { t } = f;
    const xPath = xLever.refresh(levers, state.scenario, settings.x, defaults.x, t);
    const yPath = yLever.refresh(levers, state.scenario, settings.y, defaults.y, t);
    if (!levers.length) return;
    const axes = { x: axisFor(levers.find((l) => l.lever === xPath), n), y: axisFor(levers.find((l) => l.lever === yPath), n) };
    const result = state.lab.grid({ scenario: state.scenario, metric: settings.metric, x: axes.x, y: axes.y });
    if (result.errors) {
      grid = null;
      return setText(readout, errorLines(result.errors, f, false).join(' '));
    }
    const nearest = (values, today) => values.reduce((best, v, k) => (Math.abs(v - today) < Math.abs(values[best] - today) ? k : best), 0);
    const today = [nearest(result.x, levers.find((l) => l.lever === xPath).value), nearest(result.y, levers.find((l) => l.lever === yPath).value)];
    // The focused cell keeps its place when the resolution changes.
    if (focus && grid) focus = focus.map((k, axis) => Math.round((k / (grid.x.length - 1)) * ([result.x, result.y][axis].length - 1)));
    else focus = today;
    grid = { ...result, axes, today };
    assign(plot.dataset, 'steps', String(n));
    setText(xName, t('lab.heat.axis', { lever: leverInfo(xPath, state.scenario, t).label }));
    setText(yName, t('lab.heat.axis', { lever: leverInfo(yPath, state.scenario, t).label }));
    setText(xLeft, formatLever(xPath, result.x[0], state.scenario, f));
    setText(xRight, formatLever(xPath, result.x.at(-1), state.scenario, f));
    setText(yBottom, formatLever(yPath, result.y[0], state.scenario, f));
    setText(yTop, formatLever(yPath, result.y.at(-1), state.scenario, f));
    assign(plot, 'ariaLabel', t('lab.heat.label', { metric: targetLabel(settings.metric, t),
      x_lever: leverInSentence(xPath, state.scenario, t), y_lever: leverInSentence(yPath, state.scenario, t) }));
    paint();
    showFocus();
  }

  function update({ typing = false } = {}) {
    clearTimeout(refine);
    if (typing && settings.steps > typingSteps) {
      compute(typingSteps);
      refine = setTimeout(() => (plot.isConnected ? compute(settings.steps) : null), refineAfter);
    } else compute(settings.steps);
  }

  plot.addEventListener('keydown', (event) => {
    if (!grid) return;
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const size = [grid.x.length, grid.y.length];
    const step = event.shiftKey ? 5 : 1;
    focus = focus.map((k, axis) => Math.min(size[axis] - 1, Math.max(0, k + move[axis] * step)));
    paint();
    showFocus();
  });
  plot.addEventListener('focus', () => grid && paint());
  plot.addEventListener('blur', () => grid && paint());
  plot.addEventListener('pointermove', (event) => {
    if (!grid) return;
    const box = canvas.getBoundingClientRect();
    const i = Math.floor(((event.clientX - box.left) / box.width) * grid.x.length);
    const j = grid.y.length - 1 - Math.floor(((event.clientY - box.top) / box.height) * grid.y.length);
    if (i < 0 || j < 0 || i >= grid.x.length || j >= grid.y.length) return void (tip.hidden = true);
    setText(tip, describe([i, j]));
    tip.hidden = false;
    tip.style.setProperty('--left', `${event.clientX - box.left}px`);
    tip.style.setProperty('--top', `${event.clientY - box.top}px`);
  });
  plot.addEventListener('pointerleave', () => { tip.hidden = true; });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    palette = null;
    if (grid) paint();
  });
  new ResizeObserver(([entry]) => {
    width = Math.max(entry.contentRect.width, 200);
    if (grid) paint();
  }).observe(plot);

  const form = h('div', { class: 'lab-form' }, labeled('lab.metric', metric, 'heat-metric'),
    labeled('lab.heat.across', xLever.element, 'heat-x'), labeled('lab.heat.up', yLever.element, 'heat-y'), labeled('lab.heat.cells', steps, 'heat-steps'));
  form.addEventListener('input', () => {
    settings = { metric: metric.value, x: xLever.element.value, y: yLever.element.value, steps: Number(steps.value) };
    update();
    state.changed();
  });
  apply(saved);
  return {
    element: panel('lab.heat.title', 'lab.heat.intro', form,
      h('div', { class: 'heat' },
        h('div', { class: 'heat-y' }, yTop, yName, yBottom), plot,
        h('div', { class: 'heat-x' }, xLeft, xName, xRight)),
      legend, readout),
    settings: () => ({ ...settings }),
    apply,
    update,
  };
}
