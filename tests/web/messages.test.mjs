// The message files (web/shared/messages/*.js, issue 11) and the choice of language
// (web/shared/i18n.js). Every language holds exactly English's keys, each with English's
// {placeholders}, so t() never falls back to a key or leaves a {name} unfilled; and a
// browser's language tags pick the language a visitor reads.
import test from 'node:test';
import assert from 'node:assert/strict';
import { languages, languageNames, matchLanguage, chooseLanguage, numberLocale, translator, counted } from '../../web/shared/i18n.js';

const files = Object.fromEntries(await Promise.all(languages.map(async (language) =>
  [language, (await import(`../../web/shared/messages/${language}.js`)).default])));
const english = files.en;
const others = languages.filter((language) => language !== 'en');

// The same pattern translator() fills: {name}, word characters only (so the JSON examples
// in component.* messages, {"plans": [...]}, are text, not placeholders).
const placeholders = (text) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();

test('every language of i18n.js has a message file, a name and English as the fallback', () => {
  assert.ok(languages.includes('en'));
  for (const language of languages) {
    assert.equal(typeof files[language], 'object', `${language}: the file exports no object`);
    assert.ok(languageNames[language], `${language}: no name for the language menu`);
  }
});

for (const language of others) {
  test(`${language} has exactly the keys of en.js`, () => {
    const keys = new Set(Object.keys(files[language]));
    const missing = Object.keys(english).filter((key) => !keys.has(key));
    const extra = [...keys].filter((key) => !(key in english));
    const problems = [...missing.map((key) => `${language} lacks ${key}`), ...extra.map((key) => `${language} has ${key}, which en.js does not`)];
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  test(`${language} keeps the keys in en.js's order`, () => {
    const order = Object.keys(english).filter((key) => key in files[language]);
    const theirs = Object.keys(files[language]).filter((key) => key in english);
    const first = order.findIndex((key, i) => theirs[i] !== key);
    assert.equal(first, -1, `${language}: "${theirs[first]}" stands where en.js has "${order[first]}"`);
  });

  test(`${language} keeps every message's {placeholders}`, () => {
    const wrong = Object.keys(english).filter((key) => key in files[language])
      .filter((key) => placeholders(files[language][key]).join() !== placeholders(english[key]).join())
      .map((key) => `${key}: {${placeholders(files[language][key]).join('}, {')}} instead of {${placeholders(english[key]).join('}, {')}}`);
    assert.deepEqual(wrong, [], `${language}:\n${wrong.join('\n')}`);
  });
}

for (const language of languages) {
  test(`${language}: no message is empty, untrimmed or its own key`, () => {
    const bad = Object.entries(files[language])
      .filter(([key, text]) => typeof text !== 'string' || text.trim() === '' || text !== text.trim() || text === key)
      .map(([key]) => key);
    assert.deepEqual(bad, [], `${language}: ${bad.join(', ')}`);
  });
}

test('typography: Swedish quotes ”…”, Norwegian «…», Chinese full-width punctuation', () => {
  const offending = (language, pattern) => Object.entries(files[language]).filter(([, text]) => pattern.test(text)).map(([key]) => key);
  assert.deepEqual(offending('sv', /[“«»]/), [], 'Swedish quotes with ”…”');
  assert.deepEqual(offending('nb', /[“”]/), [], 'Norwegian quotes with «…»');
  // ASCII , . : ; ? ! next to a Chinese character: Chinese sentences take ，。：；？！; and
  // （） around words, but a formula (one with =, ÷ or ^) keeps arithmetic's ( ).
  const han = '\\p{Script=Han}';
  assert.deepEqual(offending('zh-CN', new RegExp(`${han}[,.:;?!]|[,:;?!]${han}`, 'u')), [], 'Chinese with ASCII punctuation');
  const prose = Object.fromEntries(Object.entries(files['zh-CN']).filter(([, text]) => !/[=÷^]/.test(text)));
  const bracketed = Object.keys(prose).filter((key) => new RegExp(`${han}[()]|[()]${han}`, 'u').test(prose[key]));
  assert.deepEqual(bracketed, [], 'Chinese with ASCII brackets outside a formula');
  assert.deepEqual(offending('zh-CN', new RegExp(`${han} ${han}`, 'u')), [], 'Chinese with a space between Chinese words');
});

test('a translator fills placeholders in every language', () => {
  for (const language of languages) {
    const t = translator(language, files[language]);
    const text = t('import.error_line', { line: 7, message: 'X' });
    assert.match(text, /7/);
    assert.match(text, /X/);
    assert.doesNotMatch(text, /\{\w+\}/);
  }
  assert.equal(translator('sv', files.sv)('no.such.key'), 'no.such.key');
});

test('counted messages: every "<key>.one" has its "<key>.other", and counted() picks the form', () => {
  const lonely = Object.keys(english).filter((key) => key.endsWith('.one') && !(`${key.slice(0, -4)}.other` in english));
  assert.deepEqual(lonely, [], `no .other form for ${lonely.join(', ')}`);
  const key = 'import.imported';
  for (const language of ['en', 'sv', 'nb']) {
    const t = translator(language, files[language]);
    assert.equal(counted(t, language, key, 1, { name: 'a.csv' }), t(`${key}.one`, { n: '1', name: 'a.csv' }), language);
    assert.equal(counted(t, language, key, 2, { name: 'a.csv' }), t(`${key}.other`, { n: '2', name: 'a.csv' }), language);
  }
  const zh = translator('zh-CN', files['zh-CN']);
  assert.equal(counted(zh, 'zh-CN', key, 1, { name: 'a.csv' }), zh(`${key}.other`, { n: '1', name: 'a.csv' }));
  assert.equal(counted(translator('sv', files.sv), 'sv', key, 1234, { name: 'a.csv' }), 'Importerade 1\u00a0234 rader från ”a.csv”.');
});

test('matchLanguage: a tag to the language offered for it', () => {
  const cases = {
    'sv-SE': 'sv', sv: 'sv', 'sv-FI': 'sv',
    'nb-NO': 'nb', nb: 'nb', no: 'nb', 'no-NO': 'nb', nn: 'nb', 'nn-NO': 'nb',
    zh: 'zh-CN', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-CN', 'zh-Hans-CN': 'zh-CN', 'zh-Hant-HK': 'zh-CN', zh_CN: 'zh-CN',
    en: 'en', 'en-GB': 'en', 'en-US': 'en', 'EN-gb': 'en',
    de: null, 'de-DE': null, fr: null, da: null, '': null,
  };
  for (const [tag, language] of Object.entries(cases)) assert.equal(matchLanguage(tag), language, tag);
  for (const tag of [undefined, null, 42]) assert.equal(matchLanguage(tag), null, String(tag));
});

test('chooseLanguage: the first supported of the visitor\'s tags, else English', () => {
  assert.equal(chooseLanguage('sv-SE'), 'sv');
  assert.equal(chooseLanguage('nb-NO'), 'nb');
  assert.equal(chooseLanguage('no'), 'nb');
  assert.equal(chooseLanguage('nn'), 'nb');
  assert.equal(chooseLanguage('zh'), 'zh-CN');
  assert.equal(chooseLanguage('zh-TW'), 'zh-CN');
  assert.equal(chooseLanguage('zh-Hans-CN'), 'zh-CN');
  assert.equal(chooseLanguage('en-GB'), 'en');
  assert.equal(chooseLanguage('de'), 'en');
  // Fallback order: unsupported tags are skipped; the first supported one wins.
  assert.equal(chooseLanguage(['de-DE', 'fr', 'nb-NO', 'sv-SE']), 'nb');
  assert.equal(chooseLanguage(['de', 'en-GB', 'sv']), 'en');
  assert.equal(chooseLanguage('fr', ['da', 'zh-TW'], 'sv'), 'zh-CN');
  assert.equal(chooseLanguage(undefined, '', 'sv-FI'), 'sv');
  assert.equal(chooseLanguage(['de', 'fr']), 'en');
  assert.equal(chooseLanguage([]), 'en');
  assert.equal(chooseLanguage(), 'en');
});

test('numberLocale: the visitor\'s own variant of the language, else the language', () => {
  assert.equal(numberLocale('en', ['en-GB', 'en-US']), 'en-GB');
  assert.equal(numberLocale('sv', ['en-US', 'sv-FI']), 'sv-FI');
  assert.equal(numberLocale('sv', ['en-US']), 'sv');
  assert.equal(numberLocale('nb', ['nn-NO', 'en']), 'nn-NO');
  assert.equal(numberLocale('zh-CN', ['zh-TW']), 'zh-TW');
  assert.equal(numberLocale('zh-CN', ['de-DE']), 'zh-CN');
  assert.equal(numberLocale('en', []), 'en');
});
