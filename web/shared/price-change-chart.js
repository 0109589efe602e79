// The price-change chart (uPlot): today's MRR and the changed MRR per month, and the
// cumulative profit difference (changed − today) on its own scale, with the payback month
// marked. Shared by the page's lab and <saas-metrics layout="price-change">; the caller
// hands uPlot in (shared/ imports nothing outside itself). Colours come from the custom
// properties --pc-today, --pc-changed, --pc-delta, --pc-axis, --pc-grid and --pc-marker.
// Words are the "change.chart.*" messages in the language of `format.t` (else the `t` given).
import { h, assign } from './dom.js';
import { axisNumber, fittingSize } from './chart-axis.js';
import { formatValue } from './format.js';

const height = 240;

/** The --pc-* colours as the canvas can take them: a probe element resolves var(),
 *  light-dark() and color-mix() (as a host's theme may use) to rgb(). */
function palette(element) {
  const probe = h('span', { hidden: true });
  element.append(probe);
  const colors = {};
  for (const name of ['today', 'changed', 'delta', 'delta-fill', 'axis', 'grid', 'marker']) {
    probe.style.color = `var(--pc-${name}, gray)`;
    colors[name] = getComputedStyle(probe).color;
  }
  probe.remove();
  return colors;
}

/** { element, update(result, format) }; uPlot is the chart library's constructor, t words the chart. */
export function priceChangeChart(uPlot, t) {
  // Named from the start: the numbers join its label with the first result.
  const plot = h('div', { class: 'pc-plot', role: 'img', 'aria-label': t('change.chart.caption') });
  const caption = h('figcaption', {}, t('change.chart.caption'));
  const element = h('figure', { class: 'pc-chart', part: 'chart' }, caption, plot);
  let chart = null;
  let last = null;

  const data = (r) => [r.baseline.map((m) => m.month), r.baseline.map((m) => m.mrr), r.changed.map((m) => m.mrr), r.cumulative_profit_delta];

  function build() {
    const { t: words } = last.format;
    const colors = palette(element);
    const money = (v) => formatValue(v, 'money', last.format);
    const short = axisNumber(last.format.locale, last.format.currency);
    const ticks = (u, values) => values.map((v) => short.format(v));
    const axis = { stroke: colors.axis, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid, width: 1 } };
    const line = (label, stroke, extra) => ({ label, stroke, width: 2, points: { show: false }, value: (u, v) => (v == null ? '–' : money(v)), ...extra });
    chart?.destroy();
    chart = new uPlot({
      width: Math.max(width || plot.clientWidth, 260),
      height,
      scales: { x: { time: false } },
      legend: { show: true },
      series: [{ label: words('change.chart.month'), value: (u, v) => (v == null ? '–' : words('change.month', { month: v })) },
        line(words('change.chart.today'), colors.today, { dash: [6, 4] }), line(words('change.chart.changed'), colors.changed),
        line(words('change.chart.delta'), colors.delta, { scale: 'delta', fill: colors['delta-fill'] })],
      axes: [{ ...axis, label: words('change.chart.month'), labelSize: 20, incrs: [1, 2, 3, 6, 12, 24] },
        { ...axis, values: ticks, size: fittingSize(56) },
        { ...axis, scale: 'delta', side: 1, grid: { show: false }, values: ticks, size: fittingSize(56) }],
      cursor: { points: { size: 6 } },
      hooks: { draw: [(u) => mark(u, colors)] },
    }, data(last.result), plot);
  }

  /** The zero line of the difference and the payback month. */
  function mark(u, colors) {
    const { ctx, bbox } = u;
    const ratio = devicePixelRatio;
    ctx.save();
    ctx.lineWidth = ratio;
    ctx.strokeStyle = colors.axis;
    const zero = Math.round(u.valToPos(0, 'delta', true)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(bbox.left, zero);
    ctx.lineTo(bbox.left + bbox.width, zero);
    ctx.stroke();
    const month = last.result.payback_month;
    if (month !== null) {
      const x = Math.round(u.valToPos(month, 'x', true)) + 0.5;
      ctx.strokeStyle = ctx.fillStyle = colors.marker;
      ctx.setLineDash([4 * ratio, 4 * ratio]);
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
      ctx.font = `${12 * ratio}px system-ui, sans-serif`;
      const label = last.format.t('change.chart.payback', { month });
      const width = ctx.measureText(label).width;
      ctx.fillText(label, x + 6 * ratio + width > bbox.left + bbox.width ? x - 6 * ratio - width : x + 6 * ratio, bbox.top + 14 * ratio);
    }
    ctx.restore();
  }

  // The plot's width comes from here: reading it on every update would force a layout.
  let width = 0;
  new ResizeObserver(([entry]) => {
    width = entry.contentRect.width;
    if (chart && chart.width !== Math.max(width, 260)) chart.setSize({ width: Math.max(width, 260), height });
  }).observe(plot);
  // Colours are read when the chart is built: a new colour scheme rebuilds it.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => last && build());

  return {
    element,
    /** Redraws for the core's result; `format` is { currency, locale, t }. */
    update(result, given) {
      const format = { ...given, t: given.t ?? t };
      // Labels, legend and ticks are set when the chart is built: new words or numbers rebuild it.
      const rebuild = !chart || last.format.currency !== format.currency || last.format.locale !== format.locale
        || last.format.t !== format.t || last.result.baseline.length !== result.baseline.length;
      last = { result, format };
      if (rebuild) build();
      else chart.setData(data(result));
      const money = (v) => formatValue(v, 'money', format);
      const end = result.baseline.length - 1;
      const words = { month: end + 1, today: money(result.baseline[end].mrr), changed: money(result.changed[end].mrr),
        delta: money(result.cumulative_profit_delta[end]), payback: result.payback_month };
      const text = format.t('change.chart.caption');
      if (caption.textContent !== text) caption.textContent = text;
      assign(plot, 'ariaLabel', format.t(result.payback_month === null ? 'change.chart.label_no_payback' : 'change.chart.label', words));
    },
  };
}
