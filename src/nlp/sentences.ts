// Sentence boundaries for news text: datelines, outlet prefixes, abbreviations, quotes, and
// one paragraph per line (captions and page furniture end at their line break).
import type { Sentence } from './types.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'rep', 'sen', 'gov',
  'pres', 'amb', 'rev', 'st', 'sr', 'jr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'fig', 'al',
]);

// A boundary candidate: terminal punctuation with closing quotes/brackets, then space; or a
// line break. The scanner below finds exactly what the regex
//   /([.!?…]+)(["'”’)\]]*)(\s+)|\s*\n\s*/g
// finds, without a match array per candidate.
const OPENS_SENTENCE_RE = /^["'“‘([]?[\p{Lu}\d]/u;
const LETTER_RE = /^\p{L}$/u;

/** `\s` of a regex (without the u flag: one UTF-16 unit). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `[.!?…]` */
function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** `["'”’)\]]` */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}

function isLetterCode(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return LETTER_RE.test(String.fromCodePoint(cp));
}

/**
 * Start of the letters-and-periods word ending at `at`, looking back at most 12 units (as
 * `([\p{L}.]+)$` over those 12 units would), or `at` when there is none.
 */
function wordStartBefore(text: string, at: number): number {
  const lo = Math.max(0, at - 12);
  let k = at;
  while (k > lo) {
    const c = text.charCodeAt(k - 1);
    if (c === 46) {
      k--;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      // a letter outside the basic plane counts only with both halves inside the window
      const h = k - 2 >= lo ? text.charCodeAt(k - 2) : 0;
      if (h < 0xd800 || h > 0xdbff || !isLetterCode(0x10000 + ((h - 0xd800) << 10) + (c - 0xdc00))) break;
      k -= 2;
      continue;
    }
    if ((c >= 0xd800 && c <= 0xdbff) || !isLetterCode(c)) break;
    k--;
  }
  return k;
}

function isAbbreviation(text: string, at: number): boolean {
  const from = wordStartBefore(text, at);
  if (from === at) return false;
  const word = text.slice(from, at);
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "George W. Bush"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S" before its final period
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** The sentences being cut: trims whitespace on both sides so spans are exact. */
function pushSentence(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ index: out.length, start: s, end: e, tokenStart: 0, tokenEnd: 0 });
}

function spaceEnd(text: string, from: number): number {
  let q = from;
  while (q < text.length && isSpace(text.charCodeAt(q))) q++;
  return q;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let q = from; q < to; q++) if (text.charCodeAt(q) === 10) return true;
  return false;
}

// Only terminal punctuation and line breaks can start a candidate: the regex engine finds
// them faster than a loop over every character.
const INTERESTING_RE = /[.!?…\n]/g;

/** Start of the whitespace run that ends at `x`, not before `from`. */
function spaceStartBefore(text: string, x: number, from: number): number {
  let r = x;
  while (r > from && isSpace(text.charCodeAt(r - 1))) r--;
  return r;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = 0;
  let p = 0;
  while (p < n) {
    INTERESTING_RE.lastIndex = p;
    if (!INTERESTING_RE.test(text)) break;
    const x = INTERESTING_RE.lastIndex - 1;
    const c = text.charCodeAt(x);
    if (c === 10) {
      // a line break always ends a sentence, with the whitespace around it
      const r = spaceStartBefore(text, x, p);
      const q = spaceEnd(text, x);
      pushSentence(out, text, start, r);
      start = q;
      p = q;
      continue;
    }
    let end = x + 1;
    while (end < n && isTerminal(text.charCodeAt(end))) end++;
    const single = end === x + 1 && c === 46;
    const punctEnd = end;
    while (end < n && isCloser(text.charCodeAt(end))) end++;
    const q = spaceEnd(text, end);
    if (q === end) {
      // no space after: no candidate anywhere in this run of punctuation and closers
      p = end;
      continue;
    }
    p = q;
    if (!OPENS_SENTENCE_RE.test(text.slice(q, q + 2))) continue;
    if (single && end === punctEnd && isAbbreviation(text, x)) continue;
    pushSentence(out, text, start, end);
    start = hasLineBreak(text, end, q) ? q : end;
  }
  pushSentence(out, text, start, n);
  return out;
}

/** Fills each sentence's token range; tokens must carry sentence indexes. */
export function withTokenRanges(sentences: readonly Sentence[], tokens: readonly { sentence: number }[]): Sentence[] {
  // one copy per sentence (map skips holes, as the loop it replaces did)
  let ti = 0;
  return sentences.map((s, i) => {
    const first = ti;
    while (ti < tokens.length && (tokens[ti]?.sentence ?? -1) <= i) ti++;
    return { ...s, tokenStart: first, tokenEnd: ti };
  });
}
