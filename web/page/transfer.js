// Moving data in and out: scenario JSON files (contract section 1), the projection as
// CSV, and a plain-text summary. Imported text is untrusted: it is parsed and shape-checked
// here, then validated by the core before the page uses it.
import { formatValue, metricInfo, metricValue } from '../shared/format.js';
import { checkShape } from '../shared/untrusted-json.js';

const maxFile = 1_000_000;
/** A File -> scenario object (not yet validated by the core). */
export async function readScenarioFile(file) {
  if (file.size > maxFile) throw new Error('the file is larger than any scenario (over 1 MB)');
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error('it is not a UTF-8 text file');
  }
  return checkShape(text);
}

export const scenarioJson = (scenario) => `${JSON.stringify(scenario, null, 2)}\n`;

export function fileName(scenario, extension) {
  const base = String(scenario.name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${base || 'scenario'}.${extension}`;
}

/** Offers text as a file download. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The projection (section 4) as RFC 4180 CSV, one row per month, raw numbers. */
export function projectionCsv(output) {
  const columns = Object.keys(output.projection[0]);
  return [columns, ...output.projection.map((month) => columns.map((c) => month[c]))]
    .map((row) => row.join(',')).join('\r\n') + '\r\n';
}

/** A short plain-text report of the headline metrics, for pasting into a message. */
export function summaryText(output, scenario, keys, options) {
  const lines = keys.map((key) => {
    const value = metricValue(output, key);
    const label = metricInfo[key]?.label ?? 'Break-even month';
    const text = key === 'break_even_month' ? (value === null ? 'not within the projection' : `month ${value}`)
      : formatValue(value, metricInfo[key].unit, options);
    const grade = output.health[key];
    return `${label}: ${text}${grade ? ` (${grade})` : ''}`;
  });
  return [`${scenario.name || 'Scenario'} — SaaS metrics`, ...lines].join('\n');
}
