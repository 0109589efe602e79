// The imported months as two uPlot charts: MRR and customers; MRR movements per month as
// stacked bars (new, expansion, reactivation above zero; contraction, churn below). The
// bars' heights are running sums for drawing only; every value a legend or label shows
// is the core's own number. Colours come from the page's --chart-* custom properties.
import uPlot from '../../vendor/uPlot.esm.js';
import { axisNumber, fittingSize } from '../../shared/chart-axis.js';
import { formatValue } from '../../shared/format.js';
import { h } from '../../shared/dom.js';

const height = 220;

function palette(element) {
  const style = getComputedStyle(element);
  return (name) => style.getPropertyValue(`--chart-${name}`).trim() || 'gray';
}

/** Stacked bars: each series is drawn over the previous one, tallest first. Each is named
 *  "import.movement.<name>", and coloured --chart-<name>. */
const movements = [
  ['reactivation', 'reactivation_mrr', (m) => m.new_mrr + m.expansion_mrr + m.reactivation_mrr],
  ['expansion', 'expansion_mrr', (m) => m.new_mrr + m.expansion_mrr],
  ['new', 'new_mrr', (m) => m.new_mrr],
  ['contraction', 'contraction_mrr', (m) => -(m.churned_mrr + m.contraction_mrr)],
  ['churn', 'churned_mrr', (m) => -m.churned_mrr],
];

function definitions(months, money, count, t) {
  const index = months.map((_, i) => i);
  const value = (key, unit) => (u, v, s, i) => (i == null ? '–' : unit === 'count' ? count(months[i][key]) : money(months[i][key]));
  return [
    {
      title: t('import.chart_mrr'),
      data: [index, months.map((m) => m.mrr), months.map((m) => m.customers)],
      series: (color) => [
        { label: t('metric.mrr'), stroke: color('mrr'), fill: color('mrr-fill'), width: 2, points: { show: false }, value: value('mrr') },
        { label: t('metric.customers'), stroke: color('customers'), width: 2, dash: [6, 4], scale: 'customers', points: { show: false }, value: value('customers', 'count') },
      ],
      axes: [{ scale: 'customers', side: 1, grid: { show: false }, size: fittingSize(48) }],
      describe: () => t('import.chart_mrr_description', {
        start: money(months[0].mrr), first: months[0].month, end: money(months.at(-1).mrr), last: months.at(-1).month,
        customers_start: count(months[0].customers), customers_end: count(months.at(-1).customers),
      }),
    },
    {
      title: t('import.chart_movements'),
      data: [index, ...movements.map(([, , height]) => months.map(height))],
      series: (color) => movements.map(([name, key]) => ({
        label: t(`import.movement.${name}`), stroke: color(name), fill: color(name), width: 0, paths: uPlot.paths.bars({ size: [0.7, 24] }), points: { show: false }, value: value(key),
      })),
      axes: [],
      describe: () => {
        const m = months.at(-1);
        return t('import.chart_movements_description', { month: m.month, new: money(m.new_mrr), expansion: money(m.expansion_mrr),
          reactivation: money(m.reactivation_mrr), contraction: money(m.contraction_mrr), churn: money(m.churned_mrr) });
      },
    },
  ];
}

/** Draws one currency's months into `container` (replacing what was there), in t's language. Returns destroy(). */
export function drawImportCharts(container, { currency, months }, { locale, t }) {
  const color = palette(container);
  const money = (v) => formatValue(v, 'money', { currency, locale });
  const count = (v) => formatValue(v, 'count', { locale });
  const moneyAxis = axisNumber(locale, currency);
  const countAxis = axisNumber(locale);
  const axis = { stroke: color('axis'), grid: { stroke: color('grid'), width: 1 }, ticks: { stroke: color('grid'), width: 1 } };
  const plots = definitions(months, money, count, t).map((def) => {
    const plot = h('div', { class: 'plot', role: 'img', 'aria-label': t('import.chart_label', { title: def.title, description: def.describe() }) });
    return { def, plot, figure: h('figure', { class: 'chart' }, h('figcaption', {}, def.title), plot) };
  });
  container.replaceChildren(...plots.map(({ figure }) => figure));
  const charts = plots.map(({ def, plot }) => new uPlot({
    width: Math.max(plot.clientWidth, 280),
    height,
    scales: { x: { time: false } },
    series: [{ label: t('import.month'), value: (u, i) => (i == null ? '–' : months[i]?.month ?? '–') }, ...def.series(color)],
    axes: [{ ...axis, incrs: [1, 2, 3, 6, 12, 24], values: (u, vs) => vs.map((i) => months[i]?.month ?? '') },
      { ...axis, values: (u, vs) => vs.map((v) => moneyAxis.format(v)), size: fittingSize(64) },
      ...def.axes.map((a) => ({ ...axis, ...a, values: (u, vs) => vs.map((v) => countAxis.format(v)) }))],
    cursor: { points: { size: 6 } },
  }, def.data, plot));
  const resize = new ResizeObserver(() => charts.forEach((chart, i) =>
    chart.setSize({ width: Math.max(plots[i].plot.clientWidth, 280), height })));
  resize.observe(container);
  return () => {
    resize.disconnect();
    charts.forEach((chart) => chart.destroy());
  };
}
