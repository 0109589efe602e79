// The output's notes (contract section 6) split into the ones that explain an undefined
// metric and the advice after them; the page and the Web Component both show them.
import { metricInfo } from './format.js';

/** notes[i] explains the i-th null metric in key order (section 6); the rest is advice. */
export function splitNotes(output) {
  const byMetric = {};
  let next = 0;
  for (const key of Object.keys(metricInfo)) if (output.metrics[key] === null) byMetric[key] = output.notes[next++];
  return { byMetric, advice: output.notes.slice(next) };
}
