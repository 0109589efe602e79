// embed.html: <saas-metrics> for hosts that cannot load a JS module, inside an <iframe>.
// The scenario travels in the fragment, encoded as the page's share link ("#s=…"); the
// query string carries the element's other attributes (?layout=compact&theme=dark&lang=sv).
// The frame tells its parent how tall it is, so the host can size the iframe:
//   { type: 'saas-metrics:height', height }   (CSS pixels, after every size change)
//   { type: 'saas-metrics:metrics', output }   (the output of every recomputation)
import '../saas-metrics.js';
import { decodeScenario, isShareLink } from '../shared/share.js';
import { chooseLanguage, loadTranslator } from '../shared/i18n.js';

const forwarded = ['layout', 'metrics', 'inputs', 'theme', 'currency', 'locale', 'change'];
// ?lang= is the frame's language: the element inherits it from <html lang>, as from a host page.
document.documentElement.lang = chooseLanguage(new URLSearchParams(location.search).get('lang') ?? []);
const element = document.createElement('saas-metrics');
const problem = document.getElementById('problem');
const toParent = (message) => window.parent !== window && window.parent.postMessage(message, '*');

for (const [name, value] of new URLSearchParams(location.search))
  if (forwarded.includes(name)) element.setAttribute(name, value);
element.addEventListener('metrics-change', (event) => toParent({ type: 'saas-metrics:metrics', output: event.detail }));

async function showFragment() {
  problem.hidden = true;
  if (!isShareLink(location.hash)) return element.removeAttribute('scenario'); // the example scenario
  try {
    element.setAttribute('scenario', JSON.stringify(await decodeScenario(location.hash)));
  } catch (error) {
    const t = await loadTranslator(document.documentElement.lang);
    problem.textContent = t('component.embed_link_unreadable', { reason: error.message });
    problem.hidden = false;
  }
}

let reported;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== reported) toParent({ type: 'saas-metrics:height', height: (reported = height) });
}).observe(document.documentElement);

window.addEventListener('hashchange', showFragment);
await showFragment();
document.body.append(element);
