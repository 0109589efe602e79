// The number parser shared by the page's form and the component's inputs
// (web/shared/number-input.js): what people type is a number; ambiguity gets a message.
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber, hintText } from '../../web/shared/number-input.js';
import { translator } from '../../web/shared/i18n.js';
import english from '../../web/shared/messages/en.js';

const value = (text, options) => parseNumber(text, options).value;
const t = translator('en', english);
const hint = (text, options) => hintText(parseNumber(text, options).hint, t);

test('thousands grouped with commas, spaces, no-break and narrow no-break spaces', () => {
  for (const text of ['12,000', '12 000', '12\u00a0000', '12\u202f000', ' 12000 ']) assert.equal(value(text, { locale: 'en-US' }), 12000, text);
  assert.equal(value('1,234,567.5', { locale: 'en-US' }), 1234567.5);
  assert.equal(value('12 000,5', { locale: 'sv-SE' }), 12000.5);
  assert.equal(value('12.000', { locale: 'de-DE' }), 12000);
  assert.equal(value('12\u2019000', { locale: 'de-CH' }), 12000);
});

test('a currency sign or code before or after a money amount', () => {
  for (const text of ['$49', '49 kr', '€ 49', '49€', 'US$49', '49 SEK', 'usd 49', '49 kr.']) assert.equal(value(text, { unit: 'money' }), 49, text);
  assert.equal(value('-$5', { unit: 'money' }), -5, 'a sign before the currency is kept, for the core to refuse');
  assert.deepEqual(parseNumber('$49', { unit: 'count' }), {}, 'only money fields take a currency');
  assert.deepEqual(parseNumber('49 abc', { unit: 'money' }), {}, 'letters that are no currency are not a number');
});

test('a percent sign in a percent field', () => {
  assert.equal(value('49 %', { unit: 'percent' }), 49);
  assert.equal(value('2.5%', { unit: 'percent' }), 2.5);
  assert.deepEqual(parseNumber('49 %', { unit: 'money' }), {});
});

test('a decimal comma where the locale writes one; a point is read as decimals where it groups nothing', () => {
  assert.equal(value('2,5', { locale: 'sv-SE' }), 2.5);
  assert.equal(value('2.5', { locale: 'sv-SE' }), 2.5);
  assert.equal(value('2,5', { locale: 'fr-FR' }), 2.5);
  assert.equal(value('2,5', { locale: 'de-DE' }), 2.5);
  assert.equal(value('12,', { locale: 'sv-SE' }), 12, 'half-typed "12,5" is 12 meanwhile');
});

test('ambiguous separators are refused with a message, never guessed', () => {
  assert.match(hint('1,5', { locale: 'en-US' }), /^Use a point for decimals \(2\.5\) and a comma or a space between thousands/);
  assert.match(hint('1.5', { locale: 'de-DE' }), /^Use a comma for decimals \(2,5\)/);
  assert.match(hint('1,234.5', { locale: 'de-DE' }), /comma for decimals/);
  assert.match(hint('1,5', { locale: 'de-CH' }), /point for decimals/);
  assert.match(hint('1.2.3', { locale: 'en-US' }), /point for decimals/);
  assert.match(hint('1 2', { locale: 'en-US' }), /between thousands/);
});

test('JavaScript\'s own number syntax still works', () => {
  assert.equal(value('1.5', { locale: 'en-US' }), 1.5);
  assert.equal(value('.5'), 0.5);
  assert.equal(value('1e6', { locale: 'de-DE' }), 1e6);
  assert.equal(value('-5'), -5);
  assert.equal(value('\u22125'), -5, 'a typographic minus');
});

test('text that is not a finite number is no number (the core names the field)', () => {
  for (const text of ['', 'twelve', '1e309', '$', '12abc', '--5']) assert.deepEqual(parseNumber(text, { unit: 'money' }), {}, text);
});
