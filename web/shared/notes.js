// The core's words in the visitor's language. The core writes each note and error in English
// and gives it a code with parameters (README, "Message codes"); the message files hold one
// text per code, "core.<code>", with the parameters as {names}. The output's notes
// (contract section 6) split into the ones that explain an undefined metric and the advice.
import { metricInfo } from './format.js';

/** A number parameter as the visitor reads numbers; others as they are. */
const shownParameter = (value, locale) => (typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value) : value);

/** A core error or note ({ code, params, message }) in t's language; its English text when it has no code. */
export function coreMessage(entry, t, locale) {
  if (!entry.code || !t.has(`core.${entry.code}`)) return entry.message;
  const params = Object.fromEntries(Object.entries(entry.params ?? {}).map(([name, value]) => [name, shownParameter(value, locale)]));
  return t(`core.${entry.code}`, params);
}

/** notes[i] explains the i-th null metric in key order (section 6); the rest is advice. Each
 *  note is in the language of `format.t`, from the output's note_codes when it has them. */
export function splitNotes(output, { t, locale }) {
  const notes = output.notes.map((message, i) => coreMessage({ message, ...output.note_codes?.[i] }, t, locale));
  const byMetric = {};
  let next = 0;
  for (const key of Object.keys(metricInfo)) if (output.metrics[key] === null) byMetric[key] = notes[next++];
  return { byMetric, advice: notes.slice(next) };
}
