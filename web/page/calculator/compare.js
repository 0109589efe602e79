// Saved scenarios and the side-by-side comparison. Each side's numbers come from the
// core; the difference column is only a display subtraction of two core outputs.
import { loadSaved, storeSaved } from '../storage.js';
import { formatValue, metricInfo } from '../../shared/format.js';
import { h, idFor } from '../../shared/dom.js';

const keys = Object.keys(metricInfo);

/**
 * Builds the saved list and comparison inside `container`.
 * calc(scenario) -> output; onOpen(scenario) loads one into the editor; announce(text) reports.
 * Returns { save(scenario), update(output, scenario) } (update: the live model changed).
 */
export function createCompare(container, { calc, onOpen, announce, locale, idPrefix = 'compare' }) {
  let saved = loadSaved();
  let live = null;
  const outputs = new WeakMap(); // saved entry -> its output, computed once

  const list = h('ul', { class: 'saved' });
  const empty = h('p', { class: 'muted' }, 'No saved scenarios yet. “Save” keeps the current model in this browser, so you can compare it with others.');
  const comparison = h('div', { class: 'comparison' });
  const picks = ['A', 'B'].map((side) => h('select', { id: idFor(idPrefix, side) }));
  const heads = picks.map(() => h('th', { scope: 'col', class: 'num' }));
  const rows = keys.map((key) => {
    const cells = [0, 1, 2].map(() => h('td', { class: 'num' }));
    return { key, cells, row: h('tr', {}, h('th', { scope: 'row' }, metricInfo[key].label), ...cells) };
  });
  container.append(
    h('h2', { id: `${idPrefix}-title` }, 'Saved scenarios and comparison'),
    empty, list, comparison);
  comparison.append(
    h('div', { class: 'pick' }, picks.map((select, i) =>
      h('div', { class: 'field' }, h('label', { for: select.id }, i ? 'Compare with' : 'Scenario'), h('div', { class: 'input' }, select)))),
    h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': `${idPrefix}-title`, tabindex: 0 }, h('table', { class: 'metrics compare' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Metric'), ...heads, h('th', { scope: 'col', class: 'num' }, 'Difference'))),
      h('tbody', {}, rows.map((r) => r.row)))));

  function side(value) {
    if (value === 'live' || !saved[value]) return { name: 'Current model', output: live };
    const entry = saved[value];
    if (!outputs.has(entry)) outputs.set(entry, calc(entry.scenario));
    return { name: entry.name, output: outputs.get(entry) };
  }

  function renderTable() {
    const [a, b] = picks.map((select) => side(select.value));
    heads.forEach((head, i) => { head.textContent = [a, b][i].name; });
    const sameCurrency = a.output?.currency === b.output?.currency;
    for (const { key, cells } of rows) {
      const { unit } = metricInfo[key];
      const values = [a, b].map((s) => (s.output?.metrics ? s.output.metrics[key] : null));
      values.forEach((value, i) => {
        const output = [a, b][i].output;
        cells[i].textContent = output?.errors ? 'invalid' : formatValue(value, unit, { currency: output?.currency, locale });
      });
      const comparable = values.every((v) => typeof v === 'number') && (unit !== 'money' || sameCurrency);
      const diff = comparable ? values[1] - values[0] : null;
      cells[2].textContent = diff === null ? '–' : `${diff > 0 ? '+' : ''}${formatValue(diff, unit, { currency: a.output.currency, locale })}`;
      cells[2].dataset.sign = diff === null ? '' : Math.sign(diff);
    }
  }

  function renderList() {
    list.replaceChildren(...saved.map((entry, i) => h('li', {},
      h('span', { class: 'name' }, entry.name),
      h('span', { class: 'actions' },
        ['Open', 'Duplicate', 'Delete'].map((label) => h('button', { type: 'button', class: 'button small',
          'data-action': label.toLowerCase(), 'data-index': i, 'aria-label': `${label} ${entry.name}` }, label))))));
    empty.hidden = saved.length > 0;
    comparison.hidden = saved.length === 0;
    const chosen = picks.map((select) => select.value);
    picks.forEach((select, i) => {
      select.replaceChildren(h('option', { value: 'live' }, 'Current model'),
        ...saved.map((entry, j) => h('option', { value: j }, entry.name)));
      select.value = chosen[i] && saved[chosen[i]] ? chosen[i] : (i && saved.length ? saved.length - 1 : 'live');
    });
    renderTable();
  }

  function persist(next, message) {
    if (!storeSaved(next)) return announce('Could not save: this browser’s storage is full or disabled.');
    saved = next;
    renderList();
    announce(message);
  }

  function uniqueName(name) {
    let candidate = name;
    for (let n = 2; saved.some((entry) => entry.name === candidate); n += 1) candidate = `${name} (${n})`;
    return candidate;
  }

  const actions = {
    open: (entry) => onOpen(structuredClone(entry.scenario)),
    duplicate: (entry) => {
      const name = uniqueName(`${entry.name} copy`);
      persist([...saved, { ...structuredClone(entry), name, scenario: { ...structuredClone(entry.scenario), name } }], `Duplicated as “${name}”.`);
    },
    delete: (entry) => persist(saved.filter((e) => e !== entry), `Deleted “${entry.name}”.`),
  };
  list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button) actions[button.dataset.action](saved[button.dataset.index]);
  });
  for (const select of picks) select.addEventListener('change', renderTable);
  renderList();

  return {
    save(scenario) {
      const name = String(scenario.name ?? '').trim() || 'Untitled scenario';
      const entry = { name, scenario: structuredClone(scenario), saved: new Date().toISOString() };
      const at = saved.findIndex((e) => e.name === name);
      persist(at < 0 ? [...saved, entry] : saved.map((e, i) => (i === at ? entry : e)), `Saved “${name}”.`);
    },
    update(output) {
      live = output;
      if (!comparison.hidden && picks.some((select) => select.value === 'live')) renderTable();
    },
  };
}
