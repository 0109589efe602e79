// The full layout's MRR projection (contract section 4) as a small SVG line: a chart
// library would outweigh the rest of the component, and one series needs none.
import { formatValue } from '../shared/format.js';
import { h } from '../shared/dom.js';

const width = 600;
const height = 140;

function svgElement(tag, attributes) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

export function projectionChart(t) {
  const area = svgElement('path', { class: 'area' });
  const line = svgElement('path', { class: 'line' });
  const breakEven = svgElement('line', { class: 'break-even', y1: 0, y2: height });
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img' });
  svg.append(area, line, breakEven);
  const start = h('span');
  const end = h('span');
  const caption = h('span', { class: 'caption' });
  return {
    element: h('figure', { part: 'chart' },
      h('figcaption', {}, h('span', { class: 'title' }, t('component.chart_title')), caption),
      svg, h('div', { class: 'axis' }, start, end)),
    update(output, format) {
      const months = output.projection;
      const values = [output.metrics.mrr, ...months.map((m) => m.mrr)];
      const top = Math.max(...values) * 1.1 || 1;
      const points = values.map((v, i) => `${(i / (values.length - 1)) * width},${height - (v / top) * height}`);
      line.setAttribute('d', `M${points.join('L')}`);
      area.setAttribute('d', `M0,${height}L${points.join('L')}L${width},${height}Z`);
      const month = output.break_even_month;
      breakEven.toggleAttribute('hidden', month === null);
      if (month !== null) for (const x of ['x1', 'x2']) breakEven.setAttribute(x, (month / months.length) * width);
      const money = (v) => formatValue(v, 'money', format);
      const words = { start: money(values[0]), end: money(values.at(-1)), months: months.length, month };
      start.textContent = t('component.chart_today', words);
      end.textContent = t('component.chart_end', words);
      caption.textContent = t(month === null ? 'component.no_break_even' : 'component.break_even', words);
      svg.setAttribute('aria-label', t('component.chart_label', words));
    },
  };
}
