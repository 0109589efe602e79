import { loadEngine } from './engine.js';

const example = { plans: [{ price: 49 }], customers: { starting: 100 } };
const engine = await loadEngine();
const out = engine.calc(example);
const mrr = document.querySelector('[data-metric="mrr"]');
mrr.dataset.value = out.metrics.mrr;
mrr.textContent = new Intl.NumberFormat(undefined, { style: 'currency', currency: out.currency }).format(out.metrics.mrr);
