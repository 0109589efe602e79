// The core's words in the visitor's language. The core writes each note and error in English
// and gives it a code with parameters (README, "Message codes"); the message files hold one
// text per code, "core.<code>", with the parameters as {names}. The output's notes
// (contract section 6) split into the ones that explain an undefined metric and the advice.
import { metricInfo } from './format.js';
import { targetLabel, leverInSentence } from './levers.js';

/** A parameter as the visitor reads it: a metric or lever by its name, a list joined in the
 *  language ("a, b or c" for choices), a number in the visitor's digits, a flag as the clause
 *  "core.flag.<name>" (or nothing), anything else (what the user typed) as it is. */
function shownParameter(name, value, { t, locale, scenario }) {
  if (name === 'metric') return targetLabel(value, t);
  if (name === 'lever') return leverInSentence(value, scenario, t);
  if (Array.isArray(value)) return new Intl.ListFormat(t.language, { type: name === 'allowed' ? 'disjunction' : 'conjunction' }).format(value);
  if (typeof value === 'boolean') return value ? t(`core.flag.${name}`) : '';
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 }).format(value);
  return value;
}

/**
 * A core error or note ({ code, params, message }) in t's language; its English text when it
 * has no code. A wrapper's `note` or `reason` is the code of the message it wraps, said with
 * the same parameters. `scenario` (optional) names a lever's plan.
 */
export function coreMessage(entry, t, locale, scenario = null) {
  if (!entry.code || !t.has(`core.${entry.code}`)) return entry.message;
  const params = {};
  for (const [name, value] of Object.entries(entry.params ?? {})) {
    if ((name === 'note' || name === 'reason') && t.has(`core.${value}`)) {
      const { [name]: wrapped, ...own } = entry.params; // the wrapped message's parameters follow its code
      params[name] = coreMessage({ code: wrapped, params: own }, t, locale, scenario);
    } else {
      params[name] = shownParameter(name, value, { t, locale, scenario });
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
