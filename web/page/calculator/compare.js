// Saved scenarios and the side-by-side comparison. Each side's numbers come from the
// core; the difference column is only a display subtraction of two core outputs.
import { loadSaved, storeSaved } from '../storage.js';
import { askName } from './name-dialog.js';
import { formatValue, metricInfo } from '../../shared/format.js';
import { h, idFor } from '../../shared/dom.js';
import { translateTree } from '../../shared/i18n.js';

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
 * calc(scenario) -> output; onOpen(scenario) loads one into the editor; announce(text) reports;
 * format() -> { locale, t }, the page's current number locale and words.
 * Returns { save(scenario), update(output, scenario) } (update: the live model changed, or the language).
 */
export function createCompare(container, { calc, onOpen, announce, format, idPrefix = 'compare' }) {
  let saved = loadSaved();
  let live = null;
  let words = format().t; // the language the list and table were last written in
  const outputs = new WeakMap(); // saved entry -> its output, computed once

  const list = h('ul', { class: 'saved' });
  const empty = h('p', { class: 'muted', 'data-i18n': 'compare.empty' });
  const comparison = h('div', { class: 'comparison' });
  const picks = ['A', 'B'].map((side) => h('select', { id: idFor(idPrefix, side) }));
  const heads = picks.map(() => h('th', { scope: 'col', class: 'num' }));
  const rows = keys.map((key) => {
    const cells = [0, 1, 2].map(() => h('td', { class: 'num' }));
    return { key, cells, row: h('tr', {}, h('th', { scope: 'row', 'data-i18n': `metric.${key}` }), ...cells) };
  });
  container.append(empty, list, comparison); // after its heading, in index.html
  comparison.append(
    h('div', { class: 'pick' }, picks.map((select, i) =>
      h('div', { class: 'field' }, h('label', { for: select.id, 'data-i18n': i ? 'compare.with' : 'page.scenario' }), h('div', { class: 'input' }, select)))),
    h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': `${idPrefix}-title`, tabindex: 0 }, h('table', { class: 'metrics compare' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', 'data-i18n': 'page.metric' }), ...heads, h('th', { scope: 'col', class: 'num', 'data-i18n': 'compare.difference' }))),
      h('tbody', {}, rows.map((r) => r.row)))),
    h('p', { class: 'muted compare-key', 'data-i18n': 'compare.key' }));
  translateTree(container, words);

  function side(value) {
    if (value === 'live' || !saved[value]) return { name: words('compare.current'), output: live };
    const entry = saved[value];
    if (!outputs.has(entry)) outputs.set(entry, calc(entry.scenario));
    return { name: entry.name, output: outputs.get(entry) };
  }

  function renderTable() {
    const { locale, t } = format();
    const [a, b] = picks.map((select) => side(select.value));
    heads.forEach((head, i) => { head.textContent = [a, b][i].name; });
    const sameCurrency = a.output?.currency === b.output?.currency;
    for (const { key, cells } of rows) {
      const { unit } = metricInfo[key];
      const values = [a, b].map((s) => (s.output?.metrics ? s.output.metrics[key] : null));
      values.forEach((value, i) => {
        const output = [a, b][i].output;
        cells[i].textContent = output?.errors ? t('compare.invalid') : formatValue(value, unit, { currency: output?.currency, locale, t });
      });
      const comparable = values.every((v) => typeof v === 'number') && (unit !== 'money' || sameCurrency);
      const diff = comparable ? values[1] - values[0] : null;
      const change = diff === null ? '' : effect(key, diff);
      cells[2].dataset.effect = change;
      cells[2].replaceChildren(diff === null ? '–' : `${diff > 0 ? '+' : ''}${formatValue(diff, unit, { currency: a.output.currency, locale, t })}`,
        change && h('span', { class: 'visually-hidden' }, ` (${t(`compare.${change}`)})`));
    }
  }

  function renderList() {
    words = format().t;
    list.replaceChildren(...saved.map((entry, i) => h('li', {},
      h('span', { class: 'name' }, entry.name),
      h('span', { class: 'actions' },
        ['open', 'rename', 'duplicate', 'delete'].map((action) => h('button', { type: 'button', class: 'button small',
          'data-action': action, 'data-index': i, 'aria-label': words(`compare.${action}_named`, { name: entry.name }) }, words(`compare.${action}`)))))));
    empty.hidden = saved.length > 0;
    comparison.hidden = saved.length === 0;
    const chosen = picks.map((select) => select.value);
    picks.forEach((select, i) => {
      select.replaceChildren(h('option', { value: 'live' }, words('compare.current')),
        ...saved.map((entry, j) => h('option', { value: j }, entry.name)));
      select.value = chosen[i] && saved[chosen[i]] ? chosen[i] : (i && saved.length ? saved.length - 1 : 'live');
    });
    renderTable();
  }

  function persist(next, message) {
    if (!storeSaved(next)) return announce(words('compare.storage_refused'));
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
    return askName({ title: words(title), action: words(action), name, words,
      alternative: (candidate) => (clashes(candidate) ? uniqueName(candidate) : null) });
  }

  const actions = {
    open: (entry) => onOpen(structuredClone(entry.scenario)),
    async rename(entry) {
      const answer = await ask('compare.rename_title', 'compare.rename', entry.name, entry);
      if (!answer || answer.name === entry.name) return;
      const next = saved.filter((e) => !(answer.replace && e !== entry && e.name === answer.name))
        .map((e) => (e === entry ? named(entry, answer.name) : e));
      persist(next, words('compare.renamed', { from: entry.name, to: answer.name }));
      // The list was redrawn under the dialog's return focus: put it back on this entry.
      list.querySelector(`[data-action="rename"][data-index="${saved.findIndex((e) => e.name === answer.name)}"]`)?.focus();
    },
    duplicate: (entry) => {
      const name = uniqueName(words('compare.copy_name', { name: entry.name }));
      persist([...saved, named(entry, name)], words('compare.duplicated', { name }));
    },
    delete: (entry) => persist(saved.filter((e) => e !== entry), words('compare.deleted', { name: entry.name })),
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
      const answer = await ask('page.save_scenario', 'page.save', String(scenario.name ?? '').trim() || words('compare.untitled'));
      if (!answer) return;
      const entry = named({ scenario, saved: new Date().toISOString() }, answer.name);
      const at = answer.replace ? saved.findIndex((e) => e.name === answer.name) : -1;
      persist(at < 0 ? [...saved, entry] : saved.map((e, i) => (i === at ? entry : e)),
        words(at < 0 ? 'compare.saved' : 'compare.saved_replacing', { name: answer.name }));
    },
    update(output) {
      live = output;
      if (format().t !== words) renderList(); // a new language: the page translated the fixed words
      else if (!comparison.hidden && picks.some((select) => select.value === 'live')) renderTable();
    },
  };
}
