// The visitor's language (issue 11): which of the four the page and the component speak,
// loading only that language's message file, and a `t(key, params)` over it. Numbers are
// not words: Intl formats them (format.js) for a number locale chosen beside the language.

/** The languages with a message file in shared/messages/, by BCP 47 tag. */
export const languages = ['en', 'sv', 'nb', 'zh-CN'];

/** Each language's name in itself, for the language menu. */
export const languageNames = { en: 'English', sv: 'Svenska', nb: 'Norsk bokmål', 'zh-CN': '简体中文' };

// Explicit imports, so a bundler sees each file (the single offline file carries all four)
// and a hosted page fetches only the one in use.
const loaders = {
  en: () => import('./messages/en.js'),
  sv: () => import('./messages/sv.js'),
  nb: () => import('./messages/nb.js'),
  'zh-CN': () => import('./messages/zh-CN.js'),
};

/**
 * The supported language for a BCP 47 tag, or null: "sv-SE" -> sv; Norwegian "no", "nb"
 * and "nn" -> nb (Nynorsk readers read Bokmål); any Chinese -> zh-CN (the only Chinese script offered).
 */
export function matchLanguage(tag) {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'no' || primary === 'nn' || primary === 'nb') return 'nb';
  if (primary === 'zh') return 'zh-CN';
  return languages.includes(primary) ? primary : null;
}

/** The first supported language among tags in order of preference, else English. */
export function chooseLanguage(...tags) {
  for (const tag of tags.flat()) {
    const language = matchLanguage(tag);
    if (language) return language;
  }
  return 'en';
}

/**
 * The locale numbers are formatted in for a language: the visitor's own when it is a
 * variant of that language (en-GB stays en-GB), else the language itself (Swedish text
 * gets "1 234,5 kr" even in an English browser).
 */
export function numberLocale(language, visitorLocales = navigator.languages) {
  return visitorLocales.find((tag) => matchLanguage(tag) === language) ?? language;
}

const loaded = new Map();

/** A translator for a language, once its message file has loaded: t(key, { name: value }). */
export function loadTranslator(language) {
  if (!loaded.has(language)) {
    const loading = loaders[language]().then(({ default: messages }) => translator(language, messages));
    // A file that fails to load (a flaky network) leaves English, which the page never lacks.
    loaded.set(language, language === 'en' ? loading : loading.catch(() => loadTranslator('en')));
  }
  return loaded.get(language);
}

/**
 * t(key, params): the message with each {name} replaced by params.name. A key missing from
 * the file shows as the key itself, never a blank (tests/web/messages.test.mjs keeps every
 * file complete).
 */
export function translator(language, messages) {
  const t = (key, params = {}) => (messages[key] ?? key)
    .replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  t.language = language;
  t.has = (key) => key in messages;
  return t;
}

// Intl's rules and formats are slow to make and quick to use: one of each per language or locale.
const plurals = new Map();
const numbers = new Map();
const made = (cache, key, make) => cache.get(key) ?? cache.set(key, make()).get(key);

/**
 * A message about a count n, whole in each language: "<key>.one" or "<key>.other" as the
 * language's plural rules choose (Chinese has only "other"; a form the file lacks reads as
 * "other"), with n formatted for `locale` as {n} beside the other params.
 */
export function counted(t, locale, key, n, params = {}) {
  const form = `${key}.${made(plurals, t.language, () => new Intl.PluralRules(t.language)).select(n)}`;
  return t(t.has(form) ? form : `${key}.other`, { ...params, n: made(numbers, locale, () => new Intl.NumberFormat(locale)).format(n) });
}

/**
 * Words fixed in the markup, in t's language: each element under root with data-i18n="key"
 * gets the message as its text, and data-i18n-attrs="aria-label:key; title:key2" sets
 * attributes. Views mark their static words so; the page calls this when a view mounts
 * and again when the visitor changes language. Words that depend on results are written
 * by the views' own update code with t.
 */
export function translateTree(root, t) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-attrs]')) {
    for (const pair of element.dataset.i18nAttrs.split(';')) {
      const [name, key] = pair.split(':').map((part) => part.trim());
      element.setAttribute(name, t(key));
    }
  }
}
