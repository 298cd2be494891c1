import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WordFilter } from './word-filter.js';

test('a word filter never rules out one of its keys', () => {
  const keys: string[] = [];
  for (let i = 0; i < 20000; i++) keys.push(`w${i.toString(36)}`);
  keys.push('', 'Astana', 'al-Assad', 'Ünal', '𝐀𝐁', '\ud800', 'U.S.');
  const filter = new WordFilter(keys);
  for (const k of keys) assert.equal(filter.mayHave(k), true, k);
});

test('a word filter rules out most words that are not keys', () => {
  const filter = new WordFilter(['Geneva', 'Astana', 'Doha', 'Sochi', 'Minsk']);
  let passed = 0;
  for (let i = 0; i < 1000; i++) if (filter.mayHave(`Word${i}`)) passed++;
  assert.ok(passed < 10, `${passed} of 1000 passed`);
});

test('a word filter is case-sensitive, as the Maps it stands before', () => {
  const filter = new WordFilter(['Geneva']);
  assert.equal(filter.mayHave('Geneva'), true);
  assert.equal(filter.mayHave('geneva'), false);
});
