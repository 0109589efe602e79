// Saved scenarios and the side-by-side comparison. Each side's numbers come from the
// core; the difference column is only a display subtraction of two core outputs.
import { loadSaved, storeSaved } from '../storage.js';
import { askName } from './name-dialog.js';
import { formatValue, metricInfo } from '../../shared/format.js';
import { h, idFor } from '../../shared/dom.js';

const keys = Object.keys(metricInfo);

// Whether a higher value is better (1), worse (-1) or neither (0), so that a difference is
// coloured by what it means for the business, not by its sign: less churned MRR is good.
// ARPA is neutral: a lower price for more customers is a choice, not a loss.
const higherIs = {
  arpa: 0, mrr: 1, arr: 1, customers: 1, new_mrr: 1, expansion_mrr: 1, contraction_mrr: -1,
  churned_mrr: -1, net_new_mrr: 1, customer_churn_monthly: -1, customer_churn_annual: -1,
  gross_mrr_churn_monthly: -1, net_mrr_churn_monthly: -1, nrr_annual: 1, grr_annual: 1,
  customer_lifetime_months: 1, ltv: 1, cac: -1, cac_payback_months: -1, ltv_to_cac: 1,
  quick_ratio: 1, burn_or_profit_monthly: 1, profit_margin: 1, burn_multiple: -1,
  mrr_growth_annual: 1, rule_of_40: 1,
};

/** 'better', 'worse' or '' (no difference, or a neutral metric) for B − A of a metric. */
function effect(key, diff) {
  const sign = Math.sign(diff) * (higherIs[key] ?? 0);
  return sign > 0 ? 'better' : sign < 0 ? 'worse' : '';
}

/**
 * Builds the saved list and comparison inside `container`, after its heading (`<idPrefix>-title`,
 * in the page's markup, so the section is named before this module loads).
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
  container.append(empty, list, comparison); // after its heading, in index.html
  comparison.append(
    h('div', { class: 'pick' }, picks.map((select, i) =>
      h('div', { class: 'field' }, h('label', { for: select.id }, i ? 'Compare with' : 'Scenario'), h('div', { class: 'input' }, select)))),
    h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': `${idPrefix}-title`, tabindex: 0 }, h('table', { class: 'metrics compare' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Metric'), ...heads, h('th', { scope: 'col', class: 'num' }, 'Difference'))),
      h('tbody', {}, rows.map((r) => r.row)))),
    h('p', { class: 'muted compare-key' }, 'Difference: the second scenario against the first, green where it is better for that metric and red where it is worse.'));

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
      const change = diff === null ? '' : effect(key, diff);
      cells[2].dataset.effect = change;
      cells[2].replaceChildren(diff === null ? '–' : `${diff > 0 ? '+' : ''}${formatValue(diff, unit, { currency: a.output.currency, locale })}`,
        change && h('span', { class: 'visually-hidden' }, ` (${change})`));
    }
  }

  function renderList() {
    list.replaceChildren(...saved.map((entry, i) => h('li', {},
      h('span', { class: 'name' }, entry.name),
      h('span', { class: 'actions' },
        ['Open', 'Rename', 'Duplicate', 'Delete'].map((label) => h('button', { type: 'button', class: 'button small',
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

  /** An entry under `name`, with the scenario's own name matching it. */
  const named = (entry, name) => ({ ...entry, name, scenario: { ...structuredClone(entry.scenario), name } });

  /** Asks for a name; `self` (when renaming) may keep its own. Null when cancelled. */
  function ask(title, action, name, self = null) {
    const clashes = (candidate) => saved.some((entry) => entry !== self && entry.name === candidate);
    return askName({ title, action, name, alternative: (candidate) => (clashes(candidate) ? uniqueName(candidate) : null) });
  }

  const actions = {
    open: (entry) => onOpen(structuredClone(entry.scenario)),
    async rename(entry) {
      const answer = await ask('Rename saved scenario', 'Rename', entry.name, entry);
      if (!answer || answer.name === entry.name) return;
      const next = saved.filter((e) => !(answer.replace && e !== entry && e.name === answer.name))
        .map((e) => (e === entry ? named(entry, answer.name) : e));
      persist(next, `Renamed “${entry.name}” to “${answer.name}”.`);
      // The list was redrawn under the dialog's return focus: put it back on this entry.
      list.querySelector(`[data-action="rename"][data-index="${saved.findIndex((e) => e.name === answer.name)}"]`)?.focus();
    },
    duplicate: (entry) => {
      const name = uniqueName(`${entry.name} copy`);
      persist([...saved, named(entry, name)], `Duplicated as “${name}”.`);
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
    /** Asks for a name (the scenario's own, to start with), then keeps a copy under it. */
    async save(scenario) {
      const answer = await ask('Save scenario', 'Save', String(scenario.name ?? '').trim() || 'Untitled scenario');
      if (!answer) return;
      const entry = named({ scenario, saved: new Date().toISOString() }, answer.name);
      const at = answer.replace ? saved.findIndex((e) => e.name === answer.name) : -1;
      persist(at < 0 ? [...saved, entry] : saved.map((e, i) => (i === at ? entry : e)),
        at < 0 ? `Saved “${answer.name}”.` : `Saved “${answer.name}”, replacing the earlier one.`);
    },
    update(output) {
      live = output;
      if (!comparison.hidden && picks.some((select) => select.value === 'live')) renderTable();
    },
  };
}
