// The three projection charts (uPlot): MRR and customers; MRR movements per month;
// profit and cumulative profit with the break-even month marked. Charts are created
// once and fed with setData on every update, which keeps a keystroke within a frame;
// a chart off screen is redrawn when it scrolls into view instead.
// Colours come from CSS custom properties, so themes and dark mode restyle them.
// The legend shows the last month until a month is hovered, and "Show as table" under
// each chart gives every month's values to keyboards and screen readers. Words are in the
// language of each update's t; a new language rewrites them and rebuilds the charts.
import uPlot from '../../vendor/uPlot.esm.js';
import { axisNumber, fittingSize } from '../../shared/chart-axis.js';
import { h, assign } from '../../shared/dom.js';
import { formatValue } from '../../shared/format.js';

const height = 220;

/** Reads --chart-* custom properties, so the canvas follows the page's theme. */
function palette(element) {
  const style = getComputedStyle(element);
  return new Proxy({}, { get: (_, name) => style.getPropertyValue(`--chart-${name}`).trim() || 'gray' });
}

/** Axis ticks are compact; legends and tables follow the page's money rule (format.js).
 *  Customers show whole: the core keeps fractions of a customer, people count whole ones.
 *  `t` gives the words (shared/i18n.js). */
function formats({ locale, currency, t }) {
  const money = axisNumber(locale, currency);
  const count = axisNumber(locale);
  return { locale, currency, t, money: (v) => money.format(v), count: (v) => count.format(v),
    full: (v) => formatValue(v, 'money', { currency, locale, t }), whole: (v) => formatValue(Math.round(v), 'count', { locale, t }) };
}

/** A legend value: the hovered month's, or the last month's when nothing is hovered. */
const latest = (show) => (u, v, s, i) => {
  const value = i == null ? u.data[s].at(-1) : v;
  return value == null ? '–' : show(value);
};

/** Each chart: its words' key ("charts.<id>.title"), its series, and how to turn an output
 *  into uPlot data. `f()` is the current formats, with the words' t; columns name their
 *  heading by message key. */
const definitions = [
  {
    id: 'mrr_customers',
    series: (c, f) => [
      { label: f().t('metric.mrr'), stroke: c.mrr, fill: c['mrr-fill'], width: 2, points: { show: false }, value: latest((v) => f().full(v)) },
      { label: f().t('metric.customers'), stroke: c.customers, width: 2, dash: [6, 4], scale: 'customers', points: { show: false }, value: latest((v) => f().whole(v)) },
    ],
    columns: [['metric.mrr', 'mrr', 'full'], ['metric.customers', 'customers', 'whole']],
    axes: (f) => [{ values: (u, vs) => vs.map((v) => f().money(v)), size: fittingSize(64) },
      { scale: 'customers', side: 1, grid: { show: false }, values: (u, vs) => vs.map((v) => f().count(v)), size: fittingSize(48) }],
    // Month 0 is today: the snapshot's MRR and customers.
    data: (o) => [[0, ...o.projection.map((m) => m.month)], [o.metrics.mrr, ...o.projection.map((m) => m.mrr)],
      [o.metrics.customers, ...o.projection.map((m) => m.customers)]],
    describe: (o, f) => f().t('charts.mrr_customers.describe', { start: f().full(o.metrics.mrr), end: f().full(o.projection.at(-1).mrr),
      months: o.projection.length, customers_start: f().whole(o.metrics.customers), customers_end: f().whole(o.projection.at(-1).customers) }),
  },
  {
    id: 'movements',
    // Stacked bars: each series is drawn over the previous one, so the sums below are
    // only bar heights; the legend shows each movement's own value from the core.
    series: (c, f, raw) => [['charts.expansion', c.expansion, 'expansion_mrr'], ['charts.new', c.new, 'new_mrr'],
      ['charts.contraction', c.contraction, 'contraction_mrr'], ['charts.churn', c.churn, 'churned_mrr']].map(([label, color, key]) => ({
      label: f().t(label), stroke: color, fill: color, width: 0, paths: uPlot.paths.bars({ size: [0.7, 24] }), points: { show: false },
      value: (u, v, s, i) => (raw() ? f().full(raw().projection[i ?? raw().projection.length - 1][key]) : '–'),
    })),
    columns: [['charts.new', 'new_mrr', 'full'], ['charts.expansion', 'expansion_mrr', 'full'], ['charts.contraction', 'contraction_mrr', 'full'], ['charts.churn', 'churned_mrr', 'full']],
    axes: (f) => [{ values: (u, vs) => vs.map((v) => f().money(v)), size: fittingSize(64) }],
    data: (o) => {
      const p = o.projection;
      return [p.map((m) => m.month), p.map((m) => m.new_mrr + m.expansion_mrr), p.map((m) => m.new_mrr),
        p.map((m) => -(m.churned_mrr + m.contraction_mrr)), p.map((m) => -m.churned_mrr)];
    },
    zero: true,
    describe: (o, f) => f().t('charts.movements.describe', { new: f().full(o.projection[0].new_mrr), expansion: f().full(o.projection[0].expansion_mrr),
      contraction: f().full(o.projection[0].contraction_mrr), churn: f().full(o.projection[0].churned_mrr) }),
  },
  {
    id: 'profit',
    series: (c, f) => [
      { label: f().t('charts.monthly_profit'), stroke: c.profit, width: 2, points: { show: false }, value: latest((v) => f().full(v)) },
      { label: f().t('charts.cumulative_profit'), stroke: c.cumulative, fill: c['cumulative-fill'], width: 2, points: { show: false }, value: latest((v) => f().full(v)) },
    ],
    columns: [['charts.monthly_profit', 'profit', 'full'], ['charts.cumulative_profit', 'cumulative_profit', 'full']],
    axes: (f) => [{ values: (u, vs) => vs.map((v) => f().money(v)), size: fittingSize(64) }],
    data: (o) => [o.projection.map((m) => m.month), o.projection.map((m) => m.profit), o.projection.map((m) => m.cumulative_profit)],
    zero: true,
    breakEven: true,
    describe: (o, f) => f().t(o.break_even_month === null ? 'charts.profit.describe' : 'charts.profit.describe_break_even',
      { start: f().full(o.projection[0].profit), end: f().full(o.projection.at(-1).profit), month: o.break_even_month }),
  },
];

/** Zero line and the break-even marker, drawn on the canvas after the series; t words it. */
function decorate(u, colors, def, output, t) {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.lineWidth = devicePixelRatio;
  if (def.zero) {
    const y = Math.round(u.valToPos(0, 'y', true)) + 0.5;
    ctx.strokeStyle = colors.axis;
    ctx.beginPath();
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
    ctx.stroke();
  }
  const month = def.breakEven ? output?.break_even_month : null;
  if (month != null) {
    const x = Math.round(u.valToPos(month, 'x', true)) + 0.5;
    ctx.strokeStyle = colors.marker;
    ctx.fillStyle = colors.marker;
    ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    // The label sits beside the line, on the side with room, always inside the plot area
    // (never over the axis labels), on a backdrop so lines do not cross the text.
    const px = devicePixelRatio;
    ctx.font = `${12 * px}px system-ui, sans-serif`;
    ctx.textAlign = 'left'; // uPlot's axes leave it at 'right', which clipped "onth 20" at the edge
    ctx.textBaseline = 'alphabetic';
    const long = t('charts.break_even', { month });
    const label = ctx.measureText(long).width + 16 * px < bbox.width ? long : t('charts.break_even_short', { month });
    const width = ctx.measureText(label).width;
    const beside = x + 6 * px + width <= bbox.left + bbox.width ? x + 6 * px : x - 6 * px - width;
    const left = Math.max(bbox.left + 2 * px, Math.min(beside, bbox.left + bbox.width - width - 2 * px));
    ctx.fillStyle = colors.surface;
    ctx.fillRect(left - 3 * px, bbox.top + 2 * px, width + 6 * px, 16 * px);
    ctx.fillStyle = colors.marker;
    ctx.fillText(label, left, bbox.top + 14 * px);
  }
  ctx.restore();
}

/**
 * Builds the three charts inside `container`. Returns { update(output, scenario, format),
 * destroy() }: `format` is { currency, locale, t }, the page's number locale and words.
 */
export function createCharts(container) {
  let output = null;
  let format;
  const f = () => format;
  const figures = definitions.map((def) => {
    const plot = h('div', { class: 'plot', role: 'img' });
    const body = h('tbody');
    const caption = h('figcaption');
    const summary = h('summary');
    const heads = [h('th', { scope: 'col' }), ...def.columns.map(() => h('th', { scope: 'col', class: 'num' }))];
    const region = h('div', { class: 'table-wrap', role: 'region', tabindex: 0 },
      h('table', { class: 'metrics by-month' }, h('thead', {}, h('tr', {}, heads)), body));
    const table = h('details', { class: 'chart-table' }, summary, region);
    const fig = { def, plot, table, body, caption, summary, region, heads, chart: null, visible: false, stale: false };
    table.addEventListener('toggle', () => fillTable(fig));
    container.append(h('figure', { class: 'chart' }, caption, plot, table));
    return fig;
  });

  /** The charts' fixed words, in format.t's language. */
  function writeWords() {
    const { t } = format;
    for (const fig of figures) {
      const title = t(`charts.${fig.def.id}.title`);
      fig.caption.textContent = title;
      fig.summary.textContent = t('charts.show_table');
      fig.region.setAttribute('aria-label', t('charts.by_month', { title }));
      const [month, ...columns] = fig.heads;
      month.textContent = t('charts.month');
      for (const [i, [key]] of fig.def.columns.entries()) columns[i].textContent = t(key);
    }
  }

  /** Every month's values, from the core's projection; written only while the table is open. */
  function fillTable(fig) {
    if (!fig.table.open || !output) return;
    fig.body.replaceChildren(...output.projection.map((month) => h('tr', {},
      h('th', { scope: 'row' }, format.t('charts.month_n', { month: month.month })),
      fig.def.columns.map(([, key, kind]) => h('td', { class: 'num' }, format[kind](month[key]))))));
  }

  function draw(fig) {
    fig.chart.setData(fig.def.data(output));
    fig.stale = false;
  }

  function build() {
    const colors = palette(container);
    const axis = { stroke: colors.axis, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid, width: 1 } };
    for (const fig of figures) {
      fig.chart?.destroy();
      const { def } = fig;
      fig.chart = new uPlot({
        width: Math.max(fig.plot.clientWidth, 280),
        height,
        scales: { x: { time: false } },
        series: [{ label: format.t('charts.month'), value: latest((v) => String(v)) }, ...def.series(colors, f, () => output)],
        axes: [{ ...axis, label: format.t('charts.month'), labelSize: 20, incrs: [1, 2, 3, 6, 12, 24] }, ...def.axes(f).map((a) => ({ ...axis, ...a }))],
        cursor: { points: { size: 6 } },
        hooks: { draw: [(u) => decorate(u, colors, def, output, format.t)] },
      }, def.data(output), fig.plot);
      fig.stale = false;
    }
  }

  const resize = new ResizeObserver(() => {
    for (const fig of figures) fig.chart?.setSize({ width: Math.max(fig.plot.clientWidth, 280), height });
  });
  resize.observe(container);
  const onScreen = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const fig = figures.find((f) => f.plot === entry.target);
      fig.visible = entry.isIntersecting;
      if (fig.visible && fig.stale) draw(fig);
    }
  });
  for (const fig of figures) onScreen.observe(fig.plot);
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const rebuild = () => output && build();
  scheme.addEventListener('change', rebuild);

  return {
    update(next, scenario, { locale, t }) {
      // A new language (or number locale) rebuilds the charts: uPlot keeps its labels.
      const words = t !== format?.t || locale !== format?.locale;
      const first = !output || words;
      if (words || next.currency !== format.currency) format = formats({ locale, currency: next.currency, t });
      if (words) writeWords();
      output = next;
      if (first) build();
      for (const fig of figures) {
        if (!first && fig.visible) draw(fig);
        if (!first && !fig.visible) fig.stale = true; // drawn when it scrolls into view
        assign(fig.plot, 'ariaLabel', t('charts.plot_label', { title: t(`charts.${fig.def.id}.title`), description: fig.def.describe(next, f) }));
        fillTable(fig);
      }
    },
    destroy() {
      resize.disconnect();
      onScreen.disconnect();
      scheme.removeEventListener('change', rebuild);
      for (const fig of figures) fig.chart?.destroy();
    },
  };
}
