// The pricing lab (contract section 9): goal seek, sensitivity, a heatmap over two levers and
// the price-change simulator, all over the calculator's current scenario. The page's shell
// mounts it when scrolled near (main.js mountWhenNear); it follows edits through the
// document's `scenario-change` event. Each tool redraws only while it is on screen (a tool
// off screen is redrawn when it scrolls into view), and the lab's settings travel in the
// share link (`&lab=…`, shared/share.js) through the shell's `lab-settings` event.
import { loadLabEngine } from '../../shared/lab-engine.js';
import { encodeLabSettings, decodeLabSettings, labPart } from '../../shared/share.js';
import { h } from '../../shared/dom.js';
import { createGoalSeek } from './goal-seek.js';
import { createSensitivity } from './sensitivity.js';
import { createHeatmap } from './heatmap.js';
import { createPriceChange } from './price-change.js';

/** Reads the settings a link carries; a damaged part is reported and the defaults are used. */
async function linkSettings(showProblem) {
  try {
    return await decodeLabSettings(location.hash) ?? {};
  } catch (error) {
    showProblem(`The pricing lab’s settings in this link could not be read: ${error.message}. The lab starts with its defaults.`);
    return {};
  }
}

export async function mount(container, context) {
  const [lab, settings] = await Promise.all([loadLabEngine(), linkSettings(context.showProblem)]);
  const state = {
    lab, engine: context.engine, locale: context.locale, announce: context.announce,
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

  function draw(tool, typing = false) {
    tool.stale = false;
    tool.update({ typing });
  }

  // The scenario's levers (and their ranges) come from the core; an invalid model never
  // reaches here (the shell sends valid scenarios only).
  function follow(scenario, typing) {
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
    h('h2', {}, 'Pricing lab'),
    h('p', { class: 'muted' }, 'What-if tools over the model above: what it takes to reach a goal, which inputs matter most, a metric over two inputs, and what a price change does. They follow every edit.'),
    h('div', { class: 'lab-tools' }, tools.map((tool) => tool.element)));
  follow(state.scenario, false);
  for (const tool of tools) onScreen.observe(tool.element);
  document.addEventListener('scenario-change', ({ detail }) => follow(detail, true));
  // A link pasted into the address bar may carry other lab settings.
  addEventListener('hashchange', async () => {
    if (labPart(location.hash) === written || !labPart(location.hash)) return;
    written = labPart(location.hash);
    const next = await linkSettings(context.showProblem);
    for (const tool of tools) {
      tool.apply(next[tool.key]);
      if (tool.visible) draw(tool);
      else tool.stale = true;
    }
  });
  container.dataset.ready = 'true';
}
