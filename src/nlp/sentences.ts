// Sentence boundaries for news text: datelines, outlet prefixes, abbreviations, quotes, and
// one paragraph per line (captions and page furniture end at their line break).
import type { Sentence } from './types.js';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'rep', 'sen', 'gov',
  'pres', 'amb', 'rev', 'st', 'sr', 'jr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'fig', 'al',
]);

// A boundary candidate: terminal punctuation with closing quotes/brackets, then space; or a line break.
const CANDIDATE_RE = /([.!?…]+)(["'”’)\]]*)(\s+)|\s*\n\s*/g;
const WORD_BEFORE_RE = /([\p{L}.]+)$/u;
const OPENS_SENTENCE_RE = /^["'“‘([]?[\p{Lu}\d]/u;

function isAbbreviation(text: string, at: number): boolean {
  const m = WORD_BEFORE_RE.exec(text.slice(Math.max(0, at - 12), at));
  if (!m || m[1] === undefined) return false;
  const word = m[1];
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "George W. Bush"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S" before its final period
  return ABBREVIATIONS.has(word.toLowerCase());
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    // trim whitespace on both sides so spans are exact
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e, tokenStart: 0, tokenEnd: 0 });
  };
  CANDIDATE_RE.lastIndex = 0;
  for (let m = CANDIDATE_RE.exec(text); m !== null; m = CANDIDATE_RE.exec(text)) {
    if (m[1] === undefined) {
      // a line break always ends a sentence
      push(m.index);
      start = m.index + m[0].length;
      continue;
    }
    const punct = m[1];
    const closers = m[2] ?? '';
    const space = m[3] ?? '';
    const end = m.index + punct.length + closers.length;
    const next = text.slice(end + space.length, end + space.length + 2);
    if (!OPENS_SENTENCE_RE.test(next)) continue;
    if (punct === '.' && closers === '' && isAbbreviation(text, m.index)) continue;
    push(end);
    start = end;
    if (space.includes('\n')) start = end + space.length;
  }
  push(text.length);
  return out;
}

/** Fills each sentence's token range; tokens must carry sentence indexes. */
export function withTokenRanges(sentences: readonly Sentence[], tokens: readonly { sentence: number }[]): Sentence[] {
  const out: Sentence[] = sentences.map((s) => ({ ...s, tokenStart: 0, tokenEnd: 0 }));
  let ti = 0;
  for (let i = 0; i < out.length; i++) {
    const s = out[i];
    if (!s) continue;
    const first = ti;
    while (ti < tokens.length && (tokens[ti]?.sentence ?? -1) <= i) ti++;
    out[i] = { ...s, tokenStart: first, tokenEnd: ti };
  }
  return out;
}
