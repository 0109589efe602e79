// The three projection charts (uPlot): MRR and customers; MRR movements per month;
// profit and cumulative profit with the break-even month marked. Charts are created
// once and fed with setData on every update, which keeps a keystroke within a frame;
// a chart off screen is redrawn when it scrolls into view instead.
// Colours come from CSS custom properties, so themes and dark mode restyle them.
// The legend shows the last month until a month is hovered, and "Show as table" under
// each chart gives every month's values to keyboards and screen readers.
import uPlot from '../../vendor/uPlot.esm.js';
import { h } from '../../shared/dom.js';
import { formatValue } from '../../shared/format.js';

const height = 220;

/** Reads --chart-* custom properties, so the canvas follows the page's theme. */
function palette(element) {
  const style = getComputedStyle(element);
  return new Proxy({}, { get: (_, name) => style.getPropertyValue(`--chart-${name}`).trim() || 'gray' });
}

/** Axis ticks are compact; legends and tables follow the page's money rule (format.js).
 *  Customers show whole: the core keeps fractions of a customer, people count whole ones. */
function formats(locale, currency) {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  return { money: (v) => money.format(v), count: (v) => count.format(v),
    full: (v) => formatValue(v, 'money', { currency, locale }), whole: (v) => formatValue(Math.round(v), 'count', { locale }) };
}

/** A legend value: the hovered month's, or the last month's when nothing is hovered. */
const latest = (show) => (u, v, s, i) => {
  const value = i == null ? u.data[s].at(-1) : v;
  return value == null ? '–' : show(value);
};

/** Each chart: a title, its series, and how to turn an output into uPlot data. */
const definitions = [
  {
    title: 'MRR and customers',
    series: (c, f) => [
      { label: 'MRR', stroke: c.mrr, fill: c['mrr-fill'], width: 2, points: { show: false }, value: latest((v) => f().full(v)) },
      { label: 'Customers', stroke: c.customers, width: 2, dash: [6, 4], scale: 'customers', points: { show: false }, value: latest((v) => f().whole(v)) },
    ],
    columns: [['MRR', 'mrr', 'full'], ['Customers', 'customers', 'whole']],
    axes: (f) => [{ values: (u, vs) => vs.map((v) => f().money(v)), size: 64 },
      { scale: 'customers', side: 1, grid: { show: false }, values: (u, vs) => vs.map((v) => f().count(v)), size: 48 }],
    // Month 0 is today: the snapshot's MRR and customers.
    data: (o) => [[0, ...o.projection.map((m) => m.month)], [o.metrics.mrr, ...o.projection.map((m) => m.mrr)],
      [o.metrics.customers, ...o.projection.map((m) => m.customers)]],
    describe: (o, f) => `MRR goes from ${f().full(o.metrics.mrr)} today to ${f().full(o.projection.at(-1).mrr)} in month ${o.projection.length}; customers from ${f().whole(o.metrics.customers)} to ${f().whole(o.projection.at(-1).customers)}.`,
  },
  {
    title: 'MRR movements per month',
    // Stacked bars: each series is drawn over the previous one, so the sums below are
    // only bar heights; the legend shows each movement's own value from the core.
    series: (c, f, raw) => [['Expansion', c.expansion, 'expansion_mrr'], ['New', c.new, 'new_mrr'],
      ['Contraction', c.contraction, 'contraction_mrr'], ['Churn', c.churn, 'churned_mrr']].map(([label, color, key]) => ({
      label, stroke: color, fill: color, width: 0, paths: uPlot.paths.bars({ size: [0.7, 24] }), points: { show: false },
      value: (u, v, s, i) => (raw() ? f().full(raw().projection[i ?? raw().projection.length - 1][key]) : '–'),
    })),
    columns: [['New', 'new_mrr', 'full'], ['Expansion', 'expansion_mrr', 'full'], ['Contraction', 'contraction_mrr', 'full'], ['Churn', 'churned_mrr', 'full']],
    axes: (f) => [{ values: (u, vs) => vs.map((v) => f().money(v)), size: 64 }],
    data: (o) => {
      const p = o.projection;
      return [p.map((m) => m.month), p.map((m) => m.new_mrr + m.expansion_mrr), p.map((m) => m.new_mrr),
        p.map((m) => -(m.churned_mrr + m.contraction_mrr)), p.map((m) => -m.churned_mrr)];
    },
    zero: true,
    describe: (o, f) => `Month 1: new ${f().full(o.projection[0].new_mrr)}, expansion ${f().full(o.projection[0].expansion_mrr)}, contraction ${f().full(o.projection[0].contraction_mrr)}, churn ${f().full(o.projection[0].churned_mrr)}.`,
  },
  {
    title: 'Profit and cumulative profit',
    series: (c, f) => [
      { label: 'Monthly profit', stroke: c.profit, width: 2, points: { show: false }, value: latest((v) => f().full(v)) },
      { label: 'Cumulative profit', stroke: c.cumulative, fill: c['cumulative-fill'], width: 2, points: { show: false }, value: latest((v) => f().full(v)) },
    ],
    columns: [['Monthly profit', 'profit', 'full'], ['Cumulative profit', 'cumulative_profit', 'full']],
    axes: (f) => [{ values: (u, vs) => vs.map((v) => f().money(v)), size: 64 }],
    data: (o) => [o.projection.map((m) => m.month), o.projection.map((m) => m.profit), o.projection.map((m) => m.cumulative_profit)],
    zero: true,
    breakEven: true,
    describe: (o, f) => `Monthly profit goes from ${f().full(o.projection[0].profit)} to ${f().full(o.projection.at(-1).profit)}; ${o.break_even_month === null ? 'no break-even within the projection' : `break-even in month ${o.break_even_month}`}.`,
  },
];

/** Zero line and the break-even marker, drawn on the canvas after the series. */
function decorate(u, colors, def, output) {
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
    const long = `Break-even · month ${month}`;
    const label = ctx.measureText(long).width + 16 * px < bbox.width ? long : `Break-even · ${month}`;
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
 * Builds the three charts inside `container`. Returns { update(output), destroy() }.
 * `locale` picks number formatting; the currency comes from each output.
 */
export function createCharts(container, { locale } = {}) {
  let output = null;
  let format;
  const f = () => format;
  const figures = definitions.map((def) => {
    const plot = h('div', { class: 'plot', role: 'img', 'aria-label': def.title });
    const body = h('tbody');
    const table = h('details', { class: 'chart-table' }, h('summary', {}, 'Show as table'),
      h('div', { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-label': `${def.title}, month by month` },
        h('table', { class: 'metrics by-month' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'),
            def.columns.map(([label]) => h('th', { scope: 'col', class: 'num' }, label)))),
          body)));
    const fig = { def, plot, table, body, chart: null, visible: false, stale: false };
    table.addEventListener('toggle', () => fillTable(fig));
    container.append(h('figure', { class: 'chart' }, h('figcaption', {}, def.title), plot, table));
    return fig;
  });

  /** Every month's values, from the core's projection; written only while the table is open. */
  function fillTable(fig) {
    if (!fig.table.open || !output) return;
    fig.body.replaceChildren(...output.projection.map((month) => h('tr', {},
      h('th', { scope: 'row' }, `Month ${month.month}`),
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
        series: [{ label: 'Month', value: latest((v) => String(v)) }, ...def.series(colors, f, () => output)],
        axes: [{ ...axis, label: 'Month', labelSize: 20, incrs: [1, 2, 3, 6, 12, 24] }, ...def.axes(f).map((a) => ({ ...axis, ...a }))],
        cursor: { points: { size: 6 } },
        hooks: { draw: [(u) => decorate(u, colors, def, output)] },
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
    update(next) {
      const first = !output;
      if (next.currency !== output?.currency) format = formats(locale, next.currency);
      output = next;
      if (first) build();
      for (const fig of figures) {
        if (!first && fig.visible) draw(fig);
        if (!first && !fig.visible) fig.stale = true; // drawn when it scrolls into view
        fig.plot.setAttribute('aria-label', `${fig.def.title}. ${fig.def.describe(next, f)}`);
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
