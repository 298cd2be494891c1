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

// The splitter as it was written with regexes: the scanner must cut exactly where it did.
function byRegex(text: string): [number, number][] {
  const out: [number, number][] = [];
  // every abbreviation the alphabet below can spell
  const abbreviations = new Set(['mr', 'mrs', 'gen', 'al', 'no']);
  const isAbbreviation = (at: number): boolean => {
    const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1];
    if (word === undefined) return false;
    return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word) || abbreviations.has(word.toLowerCase());
  };
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push([s, e]);
  };
  const re = /([.!?…]+)(["'”’)\]]*)(\s+)|\s*\n\s*/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] === undefined) {
      push(m.index);
      start = m.index + m[0].length;
      continue;
    }
    const end = m.index + m[1].length + (m[2] ?? '').length;
    const space = m[3] ?? '';
    if (!/^["'“‘([]?[\p{Lu}\d]/u.test(text.slice(end + space.length, end + space.length + 2))) continue;
    if (m[1] === '.' && m[2] === '' && isAbbreviation(m.index)) continue;
    push(end);
    start = space.includes('\n') ? end + space.length : end;
  }
  push(text.length);
  return out;
}

test('the boundary scanner agrees with the regex it replaced', () => {
  const alphabet = ['a', 'U', 'S', 'Mr', 'Gen', 'W', 'é', 'É', '𝐀', '.', '.', '!', '?', '…', '"', "'", '”', '’', ')', ']', '“', '(', ' ', ' ', '\n', '\t', '\u00a0', '\u2028', '\u0085', '1', ',', 'al', 'no', 'U.S'];
  let seed = 11;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  for (let n = 0; n < 3000; n++) {
    let s = '';
    const len = 1 + rand(24);
    for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)] ?? '';
    assert.deepEqual(splitSentences(s).map((x) => [x.start, x.end]), byRegex(s), JSON.stringify(s));
  }
});
