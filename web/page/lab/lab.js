// The pricing lab (contract section 9): goal seek, sensitivity, a heatmap over two levers and
// the price-change simulator, all over the calculator's current scenario. The page's shell
// mounts it when scrolled near (main.js mountWhenNear); it follows edits through the
// document's `scenario-change` event. Each tool redraws only while it is on screen (a tool
// off screen is redrawn when it scrolls into view), and the lab's settings travel in the
// share link (`&lab=…`, shared/share.js) through the shell's `lab-settings` event. Its words
// are the page's: `context.t` and `context.locale`, which the shell replaces when the visitor
// changes language and then calls languageChanged() on what mount() returned.
import { loadLabEngine } from '../../shared/lab-engine.js';
import { encodeLabSettings, decodeLabSettings, labPart } from '../../shared/share.js';
import { translateTree } from '../../shared/i18n.js';
import { h } from '../../shared/dom.js';
import { createGoalSeek } from './goal-seek.js';
import { createSensitivity } from './sensitivity.js';
import { createHeatmap } from './heatmap.js';
import { createPriceChange } from './price-change.js';

/** Reads the settings a link carries; a damaged part is reported and the defaults are used. */
async function linkSettings(showProblem, t) {
  try {
    return await decodeLabSettings(location.hash) ?? {};
  } catch (error) {
    showProblem(t('lab.link_unreadable', { reason: error.message }));
    return {};
  }
}

/** Builds the lab in `container`; returns at once { languageChanged() }, for the shell to call
 *  once it has replaced context.t and context.locale. */
export function mount(container, context) {
  let relanguage = null;
  build(container, context).then((follow) => { relanguage = follow; });
  return { languageChanged: () => relanguage?.() };
}

async function build(container, context) {
  // The page's words, as of the last drawing.
  const words = { t: context.t, locale: context.locale };
  const [lab, settings] = await Promise.all([loadLabEngine(), linkSettings(context.showProblem, words.t)]);
  const state = {
    lab, engine: context.engine, announce: context.announce,
    get t() { return words.t; },
    get locale() { return words.locale; },
    scenario: context.scenario(), levers: [],
    open: context.open,
    changed: () => saveSettings(),
  };
  const tools = [
    ['goal', createGoalSeek], ['tornado', createSensitivity], ['heat', createHeatmap], ['change', createPriceChange],
  ].map(([key, create]) => ({ key, ...create(state, settings[key]), visible: false, stale: true }));

  let written = labPart(location.hash);
  let saving = 0;
  async function saveSettings() {
    const mine = ++saving;
    const part = await encodeLabSettings(Object.fromEntries(tools.map((tool) => [tool.key, tool.settings()])));
    // Encodings finish in any order: only the latest settings may reach the link.
    if (mine !== saving || part === written) return;
    written = part;
    document.dispatchEvent(new CustomEvent('lab-settings', { detail: part }));
  }

  /** Takes the page's words when they changed (fixed words at once); true if they did. */
  function takeWords() {
    if (context.t === words.t && context.locale === words.locale) return false;
    Object.assign(words, { t: context.t, locale: context.locale });
    translateTree(container, words.t);
    return true;
  }

  function draw(tool, typing = false) {
    tool.stale = false;
    tool.update({ typing });
  }

  // The scenario's levers (and their ranges) come from the core; an invalid model never
  // reaches here (the shell sends valid scenarios only).
  function follow(scenario, typing) {
    takeWords();
    state.scenario = scenario;
    state.levers = lab.levers(scenario);
    if (state.levers.errors) state.levers = [];
    for (const tool of tools) {
      if (tool.visible) draw(tool, typing);
      else tool.stale = true;
    }
  }

  const onScreen = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const tool = tools.find((t) => t.element === entry.target);
      tool.visible = entry.isIntersecting;
      if (tool.visible && tool.stale) draw(tool);
    }
  });

  container.classList.add('lab');
  container.replaceChildren(
    h('h2', { 'data-i18n': 'lab.title' }),
    h('p', { class: 'muted', 'data-i18n': 'lab.intro' }),
    h('div', { class: 'lab-tools' }, tools.map((tool) => tool.element)));
  translateTree(container, words.t);
  follow(state.scenario, false);
  for (const tool of tools) onScreen.observe(tool.element);
  document.addEventListener('scenario-change', ({ detail }) => follow(detail, true));
  // A link pasted into the address bar may carry other lab settings.
  addEventListener('hashchange', async () => {
    if (labPart(location.hash) === written || !labPart(location.hash)) return;
    written = labPart(location.hash);
    const next = await linkSettings(context.showProblem, words.t);
    for (const tool of tools) {
      tool.apply(next[tool.key]);
      if (tool.visible) draw(tool);
      else tool.stale = true;
    }
  });
  container.dataset.ready = 'true';
  // A change of language: every tool redraws in the new words (one off screen, once it shows).
  return () => {
    if (takeWords()) follow(state.scenario, false);
  };
}
