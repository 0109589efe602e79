// Message codes (README, "Messages"): the core module lists every code with its parameter
// names, the same list as `saas-metrics codes`, and its errors and notes carry those codes
// beside the English text. The doctest suite (tests/core/test_messages.cpp) produces every
// code; this checks what JavaScript sees.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadCore } from './load-core.mjs';

const core = await loadCore();
const cli = new URL('../../build/native/saas-metrics', import.meta.url).pathname;
const codes = JSON.parse(core.messageCodes());

test('messageCodes() is the CLI\'s `codes` list: every code with its parameter names', () => {
  assert.equal(execFileSync(cli, ['codes']).toString(), core.messageCodes() + '\n');
  assert.ok(Object.keys(codes).length > 50);
  for (const [code, params] of Object.entries(codes)) {
    assert.match(code, /^[a-z0-9_]+$/);
    assert.ok(params.every((p) => /^[a-z_]+$/.test(p)), code);
  }
});

/** `beside` (field, message), then code and params, which are the code's listed ones. */
function assertListed(message, ...beside) {
  assert.deepEqual(Object.keys(message), [...beside, 'code', 'params']);
  assert.ok(message.code in codes, message.code);
  assert.deepEqual(Object.keys(message.params), codes[message.code], JSON.stringify(message));
}

test('errors keep field and message, and add their code and parameters', () => {
  const out = core.calcObject({ plans: [{ price: -1, billing: 'weekly' }], customers: { monthly_churn: 2 } });
  assert.deepEqual(out.errors[0], {
    field: 'plans[0].billing', message: 'must be "monthly" or "annual", got "weekly"',
    code: 'one_of', params: { allowed: ['monthly', 'annual'], got: '"weekly"' },
  });
  assert.deepEqual(out.errors.map((e) => e.code), ['one_of', 'range', 'required_range', 'range']);
  for (const e of out.errors) assertListed(e, 'field', 'message');
});

test('notes stay English strings; note_codes says each in code and parameters, in the same order', () => {
  const out = core.calcObject({ plans: [{ price: 49 }], customers: { starting: 100 }, options: { horizon_months: 6 } });
  assert.equal(out.note_codes.length, out.notes.length);
  assert.equal(out.note_codes[0].code, 'cac_no_new_customers');
  assert.equal(out.note_codes[0].params.metric, 'cac');
  for (const n of out.note_codes) assertListed(n);
  assert.ok(out.note_codes.some((n) => n.code === 'growth_short_horizon' && n.params.months === 12));
});

// The page and the Web Component say each code in the visitor's language (web/shared/messages/).
const languages = ['en', 'sv', 'nb', 'zh-CN'];
const words = Object.fromEntries(await Promise.all(languages.map(async (language) =>
  [language, (await import(`../../web/shared/messages/${language}.js`)).default])));

test('every code has a message in every language, using only the code\'s parameters', () => {
  for (const language of languages) {
    for (const [code, params] of Object.entries(codes)) {
      const message = words[language][`core.${code}`];
      assert.ok(message, `core.${code} is missing from ${language}.js`);
      for (const [, name] of message.matchAll(/\{(\w+)\}/g)) assert.ok(params.includes(name), `core.${code} in ${language}.js uses {${name}}, not a parameter of ${code}`);
    }
    const extra = Object.keys(words[language]).filter((key) => key.startsWith('core.') && !key.startsWith('core.flag.') && !(key.slice(5) in codes));
    assert.deepEqual(extra, [], `${language}.js has messages for codes the core does not have`);
  }
});

test('a core error and a note read in the visitor\'s language, with names and numbers as the language writes them', async () => {
  const { coreMessage, splitNotes } = await import('../../web/shared/notes.js');
  const { translator } = await import('../../web/shared/i18n.js');
  const sv = translator('sv', words.sv);
  const out = core.calcObject({ plans: [{ price: 49, billing: 'weekly' }] });
  assert.equal(coreMessage(out.errors[0], sv, 'sv'), words.sv['core.one_of']
    .replace('{allowed}', new Intl.ListFormat('sv', { type: 'disjunction' }).format(['monthly', 'annual'])).replace('{got}', '"weekly"'));
  const en = translator('en', words.en);
  const calc = core.calcObject({ plans: [{ price: 49 }], customers: { starting: 100 } });
  assert.equal(splitNotes(calc, { t: en, locale: 'en' }).byMetric.cac, calc.notes[0]); // the English is the core's
  assert.equal(splitNotes(calc, { t: sv, locale: 'sv' }).byMetric.cac, words.sv['core.cac_no_new_customers']);
});
