import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';

const texts = (t: string): string[] => splitSentences(t).map((s) => t.slice(s.start, s.end));

test('a sentence ends at a period followed by a capital', () => {
  assert.deepEqual(texts('The talks opened. Delegates arrived.'), ['The talks opened.', 'Delegates arrived.']);
});

test('abbreviations and initials do not end a sentence', () => {
  assert.deepEqual(texts('Gen. Charles Brown met U.S. envoy George W. Bush in Doha. Then he left.'), [
    'Gen. Charles Brown met U.S. envoy George W. Bush in Doha.', 'Then he left.',
  ]);
});

test('a dateline stays with its first sentence', () => {
  const t = 'ASTANA, May 4. /TASS/. The fourth round of talks opened on Thursday.';
  assert.equal(texts(t).length, 2);
  assert.equal(texts(t)[1], 'The fourth round of talks opened on Thursday.');
});

test('a line break ends a caption or a paragraph', () => {
  assert.deepEqual(texts('Photo: delegates in Geneva\nThe talks resumed on Monday.'), ['Photo: delegates in Geneva', 'The talks resumed on Monday.']);
});

test('a quotation that ends a sentence keeps its closing mark', () => {
  assert.deepEqual(texts('He said: "We will return." The envoy left.'), ['He said: "We will return."', 'The envoy left.']);
});

test('spans are exact offsets into the text', () => {
  const t = '  Talks began.   They ended.  ';
  for (const s of splitSentences(t)) assert.equal(t.slice(s.start, s.end).trim(), t.slice(s.start, s.end));
});

test('possessives split off, hyphenated names split at the hyphen, acronyms stay whole', () => {
  assert.deepEqual(tokenize('Kazakhstan’s Nur-Sultan U.S. O\'Brien 8th').map((t) => t.text), ['Kazakhstan', '’', 's', 'Nur', '-', 'Sultan', 'U.S.', "O'Brien", '8th']);
});

test('tokens carry the index of their sentence', () => {
  const t = 'One talk. Two talks.';
  const tokens = tokenize(t, splitSentences(t));
  assert.deepEqual(tokens.map((x) => x.sentence), [0, 0, 0, 1, 1, 1]);
});
