// The core's words in the visitor's language. The core writes each note and error in English
// and gives it a code with parameters (README, "Message codes"); the message files hold one
// text per code, "core.<code>", with the parameters as {names}. The output's notes
// (contract section 6) split into the ones that explain an undefined metric and the advice.
import { formatter, metricInfo } from './format.js';

/** A parameter as the visitor reads it: a metric by its name (a lab target's own, "lever.metric.<key>",
 *  if it is no metric of the output), a list joined in the language ("a, b or c" for choices), a
 *  number in the visitor's digits, a flag as the clause "core.flag.<name>" (or nothing), anything
 *  else (a lever's path, what the user typed) as it is, unless `names` says it. */
function shownParameter(name, value, { t, locale, names }) {
  if (names[name]) return names[name](value);
  if (name === 'metric') return t(t.has(`metric.${value}`) ? `metric.${value}` : `lever.metric.${value}`);
  // English lists as the core's English writes them: no comma before "and" (en-GB's rule).
  if (Array.isArray(value)) return new Intl.ListFormat(t.language === 'en' ? 'en-GB' : t.language, { type: name === 'allowed' ? 'disjunction' : 'conjunction' }).format(value);
  if (typeof value === 'boolean') return value ? t(`core.flag.${name}`) : '';
  if (typeof value === 'number') return formatter(locale, numberStyle(value)).format(value);
  return value;
}

/** Limits read as words from a million on ("1 trillion", "1 biljon"); whole numbers in full,
 *  years and lines without a separator ("1990", "12,000"); fractions to 4 significant digits. */
function numberStyle(value) {
  if (Math.abs(value) >= 1e6) return { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 4 };
  return Number.isInteger(value) ? { maximumFractionDigits: 0, useGrouping: 'min2' } : { maximumSignificantDigits: 4 };
}

/**
 * A core error or note ({ code, params, message }) in t's language; its English text when it
 * has no code. A wrapper's `note` or `reason` is the code of the message it wraps, said with
 * the same parameters. `names` may word a parameter: { lever: (path) => "monthly churn" }.
 */
export function coreMessage(entry, t, locale, names = {}) {
  if (!entry.code || !t.has(`core.${entry.code}`)) return entry.message;
  const params = {};
  for (const [name, value] of Object.entries(entry.params ?? {})) {
    if ((name === 'note' || name === 'reason') && t.has(`core.${value}`)) {
      const { [name]: wrapped, ...own } = entry.params; // the wrapped message's parameters follow its code
      params[name] = coreMessage({ code: wrapped, params: own }, t, locale, names);
    } else {
      params[name] = shownParameter(name, value, { t, locale, names });
    }
  }
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
