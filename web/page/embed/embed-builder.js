// The embed builder on the main page: choose layout, theme, metrics and the inputs
// visitors may edit, watch a live <saas-metrics> preview, and copy a snippet with the
// current scenario in it. It fills its container and follows the page's `scenario-change`
// events (detail = the scenario object). It speaks the page's language (context.t), and so
// does the preview; the snippet names that language (lang="sv") unless it is English.

// The page imports this module only when the builder nears the viewport (main.js), so a
// first visit downloads just the calculator.
import { metricInfo } from '../../shared/format.js';
import { h } from '../../shared/dom.js';
import { encodeScenario } from '../../shared/share.js';
import { defaultMetrics } from '../../component/results.js';
import { inputChoices } from '../../component/inputs.js';
import { exampleScenario } from '../../component/example-scenario.js';
import '../../saas-metrics.js';

const scriptUrl = new URL('../../saas-metrics.js', import.meta.url).href;
const frameUrl = new URL('../../embed.html', import.meta.url).href;

const css = `
#embed-builder .options { display: grid; gap: 14px 24px; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); margin-bottom: 16px; }
#embed-builder .options .wide { grid-column: 1 / -1; }
#embed-builder fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
#embed-builder legend { margin-bottom: 6px; font-size: 0.8rem; font-weight: 600; color: var(--muted); }
#embed-builder .choices { display: flex; flex-wrap: wrap; gap: 6px; }
#embed-builder .choices label { display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px;
  border: 1px solid var(--border); border-radius: 999px; font-size: 0.82rem; cursor: pointer; }
#embed-builder .choices label:has(:checked) { border-color: var(--accent); background: var(--accent-soft); }
#embed-builder .choices input { margin: 0; accent-color: var(--accent); }
#embed-builder fieldset:disabled .choices { opacity: 0.5; }
#embed-builder .preview { min-width: 0; padding: 16px; border: 1px dashed var(--border); border-radius: var(--radius); background: var(--bg); }
#embed-builder textarea { display: block; width: 100%; min-height: 9em; margin: 6px 0 10px; padding: 10px;
  font: 0.8rem/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--text); background: var(--surface-2);
  border: 1px solid var(--border); border-radius: 8px; resize: vertical; }
#embed-builder .copy-row { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; }
`;

/** name="value", quoted with whichever quote the value lacks (JSON gets single quotes). */
function attribute(name, value) {
  const quote = value.includes('"') ? "'" : '"';
  const escaped = value.replaceAll('&', '&amp;').replaceAll(quote, quote === '"' ? '&quot;' : '&#39;').replaceAll('<', '&lt;');
  return `${name}=${quote}${escaped}${quote}`;
}

/** A group of checkboxes or radio buttons: [value, label] pairs, `checked` values ticked. */
function choices(legend, type, name, options, checked) {
  return h('fieldset', { 'data-choice': name, class: type === 'checkbox' ? 'wide' : null }, h('legend', {}, legend),
    h('div', { class: 'choices' }, options.map(([value, label]) => h('label', {},
      h('input', { type, name, value, checked: checked.includes(value) }), label))));
}

const picked = (fieldset) => [...fieldset.querySelectorAll(':checked')].map((input) => input.value);

/** A radio group whose labels are messages "embed.<name>.<value>". */
const radios = (t, name, values, checked) =>
  choices(t(`embed.${name}`), 'radio', name, values.map((value) => [value, t(`embed.${name}.${value}`)]), checked);

/**
 * Fills `container` with the builder, starting from the page's current scenario (the example
 * if none). `context` is the page's (main.js): its t and locale change with the language.
 * Returns { languageChanged() }, which rewrites the builder's words in the new language.
 */
export function mount(container, context) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  let scenario = context.scenario() ?? structuredClone(exampleScenario);
  let layout, theme, metrics, inputs, form;
  const options = h('div', { class: 'options' });
  const preview = h('saas-metrics');
  const code = h('textarea', { readonly: true, spellcheck: 'false' });
  const status = h('span', { class: 'muted', role: 'status' });
  const copy = h('button', { type: 'button', class: 'button primary' });
  const heading = h('h2');
  const intro = h('p', { class: 'muted' });

  /** Builds the choices in context.t's language, ticking `checked` (by group name). */
  function buildChoices(checked) {
    const { t } = context;
    layout = radios(t, 'layout', ['compact', 'full', 'results-only'], checked.layout);
    theme = radios(t, 'theme', ['auto', 'light', 'dark'], checked.theme);
    metrics = choices(t('embed.metrics'), 'checkbox', 'metrics',
      Object.keys(metricInfo).map((key) => [key, t(`metric.${key}`)]), checked.metrics);
    inputs = inputsChoice(checked.inputs);
    form = radios(t, 'form', ['element', 'iframe'], checked.form);
    options.replaceChildren(layout, theme, form, metrics, inputs);
  }

  function inputsChoice(checked) {
    return choices(context.t('embed.inputs'), 'checkbox', 'inputs',
      inputChoices(scenario, context.t).map((field) => [field.path, field.label]), checked);
  }

  /** The builder's words in context.t's language; the choices keep what is ticked. */
  function writeWords(checked) {
    const { t } = context;
    buildChoices(checked);
    heading.textContent = t('embed.title');
    intro.textContent = t('embed.intro');
    code.setAttribute('aria-label', t('embed.code'));
    copy.textContent = t('embed.copy');
  }

  /** The element's attributes for the current choices, in snippet order; the scenario last.
   *  The page's language leads, unless it is English (the element's own default). */
  function attributes() {
    const resultsOnly = picked(layout)[0] === 'results-only';
    const { language } = context.t;
    return [...(language === 'en' ? [] : [['lang', language]]),
      ['layout', picked(layout)[0]], ['theme', picked(theme)[0]], ['metrics', picked(metrics).join(',')],
      ...(resultsOnly ? [] : [['inputs', picked(inputs).join(',')]]), ['scenario', JSON.stringify(scenario)]];
  }

  let generation = 0;
  async function update() {
    const current = ++generation;
    const shown = attributes();
    inputs.disabled = picked(layout)[0] === 'results-only';
    preview.removeAttribute('inputs');
    // The preview speaks the page's language, English included (its own fallback is the page's <html lang>).
    if (preview.getAttribute('lang') !== context.t.language) preview.setAttribute('lang', context.t.language);
    for (const [name, value] of shown) if (name !== 'lang') preview.setAttribute(name, value);
    let text;
    if (picked(form)[0] === 'element') {
      text = `<script type="module" src="${scriptUrl}"></script>\n<saas-metrics ${shown.map(([n, v]) => attribute(n, v)).join(' ')}></saas-metrics>`;
    } else {
      // The iframe takes the share-link encoding in its fragment; the query carries the rest.
      const query = new URLSearchParams(shown.slice(0, -1)).toString();
      const fragment = await encodeScenario(scenario);
      if (current !== generation) return;
      text = `<iframe id="saas-metrics-frame" ${attribute('src', `${frameUrl}?${query}${fragment}`)} ${attribute('title', context.t('embed.frame_title'))} width="100%" height="640" style="border: 0"></iframe>\n`
        + `<script>\n  // ${context.t('embed.frame_comment')}\n  addEventListener('message', (event) => {\n`
        + `    if (event.origin === ${JSON.stringify(new URL(frameUrl).origin)} && event.data?.type === 'saas-metrics:height')\n`
        + `      document.getElementById('saas-metrics-frame').height = event.data.height;\n  });\n</script>`;
    }
    code.value = text;
    status.textContent = '';
  }

  options.addEventListener('change', update);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = context.t('embed.copied');
    } catch {
      code.select();
      status.textContent = context.t('embed.selected');
    }
  });
  // The preview computes on its own: it follows the page once typing pauses, keeping keystrokes cheap.
  let pause;
  document.addEventListener('scenario-change', ({ detail }) => {
    clearTimeout(pause);
    pause = setTimeout(() => follow(detail), 200);
  });
  function follow(next) {
    scenario = next;
    // Plans may have come or gone: offer their inputs, keeping what was ticked.
    const fresh = inputsChoice(picked(inputs));
    if (fresh.textContent !== inputs.textContent) {
      inputs.replaceWith(fresh);
      inputs = fresh;
    }
    update();
  }

  writeWords({ layout: ['compact'], theme: ['auto'], metrics: defaultMetrics.compact, form: ['element'],
    inputs: ['plans[0].price', 'customers.starting', 'customers.new_per_month', 'customers.monthly_churn'] });
  container.classList.add('panel');
  container.replaceChildren(heading, intro, options, h('div', { class: 'preview' }, preview),
    code, h('div', { class: 'copy-row' }, copy, status));
  update();
  return {
    languageChanged() {
      writeWords(Object.fromEntries([layout, theme, metrics, inputs, form].map((group) => [group.dataset.choice, picked(group)])));
      update();
    },
  };
}
