// Numbers as people type them. One parser for the page's form and the component's
// inputs, so both accept the same text: "12,000", "12 000", "$49", "49 kr", "€ 49",
// "49 %" in a percent field, and "2,5" where the locale writes decimals with a comma.
//
// The rule (README, "Typing numbers"):
// - Spaces of any kind, and the locale's group separator, group digits in threes.
// - The locale's decimal separator marks decimals; so does a point wherever the point
//   does not group digits (so "2.5" works in Sweden too).
// - A separator that could mean either is refused with a hint, never guessed:
//   "1,5" in en-US (where "," groups thousands) asks for a point, "1.5" in de-DE for a comma.
//   The hint is data (the locale's two separators); hintText() words it in t's language.
// - A money field may carry a currency symbol or ISO code before or after the number,
//   a percent field a "%". Anything else that is not a number is left to the core, which
//   names the field and quotes the text.

const separators = new Map();

/** The locale's group and decimal separators, normalised (spaces to ' ', apostrophes to "'"). */
function separatorsOf(locale) {
  const key = locale ?? '';
  if (!separators.has(key)) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    const of = (type) => normalise(parts.find((part) => part.type === type)?.value ?? '');
    separators.set(key, { group: of('group') || ',', decimal: of('decimal') || '.' });
  }
  return separators.get(key);
}

function normalise(text) {
  return text.replace(/\s+/gu, ' ').replace(/[’ʼ′]/gu, "'").replace(/[−–]/gu, '-');
}

const isoCodes = new Set(Intl.supportedValuesOf?.('currency') ?? []);
// Currency signs written in letters (ISO codes are recognised on their own).
const letterSigns = new Set(['kr', 'kr.', 'zł', 'kč', 'fr', 'fr.', 'ft', 'lei', 'rs', 'rs.']);

/** "$", "US$", "€", "kr", "SEK", "usd": a currency written before or after a number. */
function isCurrency(token) {
  if (/^\p{L}{0,3}\p{Sc}$/u.test(token)) return true;
  return isoCodes.has(token.toUpperCase()) || letterSigns.has(token.toLowerCase());
}

/** Takes a currency sign or "%" (as the unit allows) off either end of the text. */
function stripAffixes(text, unit) {
  let body = text;
  if (unit === 'percent') return body.replace(/\s?%$/, '');
  if (unit !== 'money') return body;
  const before = /^(-?)(\p{L}{0,3}\p{Sc}|\p{L}{2,3}\.?)\s?/u.exec(body);
  if (before && isCurrency(before[2])) body = before[1] + body.slice(before[0].length);
  const after = /\s?(\p{L}{0,3}\p{Sc}|\p{L}{2,3}\.?)$/u.exec(body);
  if (after && isCurrency(after[1])) body = body.slice(0, after.index);
  return body;
}

const plain = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Typed text -> { value } for a number, { hint: { decimal, group } } when its separators do
 * not read as a number in this locale (the locale's own two, for hintText), {} for anything
 * else. `unit` is the field's (fields.js): 'money' and 'percent' allow their signs.
 * `locale` undefined is the browser's.
 */
export function parseNumber(text, { unit, locale } = {}) {
  const body = stripAffixes(normalise(String(text).trim()), unit).trim();
  const { group, decimal } = separatorsOf(locale);
  // JavaScript's own syntax ("1.5", "1e6"), unless a point groups thousands here.
  if (plain.test(body) && (group !== '.' || /e/i.test(body))) return finite(Number(body));
  const match = /^(-?)(\d[\d ,.']*)$/.exec(body);
  if (!match) return {};
  const [, sign, digits] = match;
  const decimalMarks = group === '.' ? [decimal] : [...new Set([decimal, '.'])];
  const groupMarks = [' ', "'", group];
  const hint = { hint: { decimal, group } };
  const used = decimalMarks.filter((mark) => digits.includes(mark));
  if (used.length > 1 || digits.split(used[0]).length > 2) return hint;
  if ([...digits].some((c) => /\D/.test(c) && !used.includes(c) && !groupMarks.includes(c))) return hint;
  const [whole, fraction = ''] = used.length ? digits.split(used[0]) : [digits];
  const groups = whole.split(/[ ',.]/);
  if (!/^\d*$/.test(fraction) || !/^\d{1,3}$/.test(groups[0]) && groups.length > 1
    || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return hint;
  return finite(Number(`${sign}${groups.join('')}.${fraction}0`));
}

// The separators' names are messages "number.<name>"; another mark is shown as itself.
const names = { '.': 'point', ',': 'comma', ' ': 'space', "'": 'apostrophe' };

/** A parser's hint in t's language: "Use a point for decimals (2.5) and a comma or a space
 *  between thousands (12,000)"; "… and a space between …" where a space groups digits. */
export function hintText({ decimal, group }, t) {
  const name = (mark) => (names[mark] ? t(`number.${names[mark]}`) : mark);
  return t(group === ' ' ? 'number.hint_space' : 'number.hint',
    { decimal: name(decimal), group: name(group), decimal_mark: decimal, group_mark: group });
}

function finite(value) {
  return Number.isFinite(value) ? { value } : {};
}
