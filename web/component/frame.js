// embed.html: <saas-metrics> for hosts that cannot load a JS module, inside an <iframe>.
// The scenario travels in the fragment, encoded as the page's share link ("#s=…"); the
// query string carries the element's other attributes (?layout=compact&theme=dark).
// The frame tells its parent how tall it is, so the host can size the iframe:
//   { type: 'saas-metrics:height', height }   (CSS pixels, after every size change)
//   { type: 'saas-metrics:metrics', output }   (the output of every recomputation)
import '../saas-metrics.js';
import { decodeScenario, isShareLink } from '../shared/share.js';

const forwarded = ['layout', 'metrics', 'inputs', 'theme', 'currency', 'locale', 'change'];
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
    problem.textContent = `This embed link cannot be read: ${error.message}.`;
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
