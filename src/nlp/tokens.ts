// A hand-written scanner: the tokenizer is on the hot path of every article, and a regex
// there allocated a match array per token and needed two more regex tests for the shape.
import type { Sentence, Token, TokenShape } from './types.js';

// The token grammar, kept as the specification the scanner implements (and tests compare with).
// Alternatives, in order: dotted acronyms (U.S., U.N.), words (an apostrophe stays inside
// a word unless it starts a possessive 's), numbers with ordinal suffixes, any other symbol.
export const TOKEN_GRAMMAR = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’](?![sS]\b)[\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?![\p{L}\d])|\d+|\S/gu;

// Character class bits, per code point.
const KNOWN = 1;
const LETTER = 2;
const UPPER = 4;
const MARK = 8;
const NUMERIC = 16;
const SPACE = 32;

const IS_LETTER = /^\p{L}$/u;
const IS_UPPER = /^\p{Lu}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMERIC = /^\p{N}$/u;
const IS_SPACE = /^\s$/u;

function classify(cp: number): number {
  const c = String.fromCodePoint(cp);
  return KNOWN
    | (IS_LETTER.test(c) ? LETTER : 0) | (IS_UPPER.test(c) ? UPPER : 0) | (IS_MARK.test(c) ? MARK : 0)
    | (IS_NUMERIC.test(c) ? NUMERIC : 0) | (IS_SPACE.test(c) ? SPACE : 0);
}

// Basic-plane classes are filled on first sight (a text uses few distinct characters);
// astral ones are rare enough to classify each time.
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP[c] = classify(c);

function classOf(cp: number): number {
  if (cp > 0xffff) return classify(cp);
  let k = BMP[cp] as number;
  if (k === 0) {
    k = classify(cp);
    BMP[cp] = k;
  }
  return k;
}

/** The code point at `i` (a lone surrogate stands for itself), or -1 past the end. */
function codePointAt(text: string, i: number): number {
  if (i >= text.length) return -1;
  return text.codePointAt(i) as number;
}

const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// \b in a non-/i regex is ASCII-only: [A-Za-z0-9_].
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;
}

/** End of `(?:\p{Lu}\.){2,}` at `i`, or -1. */
function acronymEnd(text: string, i: number): number {
  // most capitalised words fail here: a basic-plane capital not followed by a period
  const c0 = text.charCodeAt(i);
  if ((c0 < 0xd800 || c0 > 0xdbff) && text.charCodeAt(i + 1) !== 46) return -1;
  let p = i;
  let pairs = 0;
  for (;;) {
    const cp = codePointAt(text, p);
    if (cp < 0 || (classOf(cp) & UPPER) === 0) break;
    const w = width(cp);
    if (text.charCodeAt(p + w) !== 46) break;
    p += w + 1;
    pairs++;
  }
  return pairs >= 2 ? p : -1;
}

/** End of a maximal run of code points having any of `bits`, from `i`. */
function runEnd(text: string, i: number, bits: number): number {
  let p = i;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      // ASCII fast path; NaN past the end fails here too
      if (((BMP[c] as number) & bits) === 0) return p;
      p++;
      continue;
    }
    if (p >= text.length) return p;
    const cp = text.codePointAt(p) as number;
    if ((classOf(cp) & bits) === 0) return p;
    p += width(cp);
  }
}

/** End of a word token starting with a letter or mark at `i`. */
function wordEnd(text: string, i: number): number {
  let p = runEnd(text, i, LETTER | MARK | NUMERIC);
  for (;;) {
    const ap = text.charCodeAt(p);
    if (ap !== 39 && ap !== 0x2019) return p;
    // a possessive 's ends the word
    const s = text.charCodeAt(p + 1);
    if ((s === 115 || s === 83) && !isAsciiWordChar(text.charCodeAt(p + 2))) return p;
    const q = runEnd(text, p + 1, LETTER | MARK);
    if (q === p + 1) return p;
    p = q;
  }
}

/** `(?![\p{L}\d])` at `i`. */
function endsNumber(text: string, i: number): boolean {
  const cp = codePointAt(text, i);
  return cp < 0 || (!isDigit(cp) && (classOf(cp) & LETTER) === 0);
}

function digitsEnd(text: string, i: number): number {
  let p = i;
  while (isDigit(text.charCodeAt(p))) p++;
  return p;
}

function isOrdinalSuffix(a: number, b: number): boolean {
  return (a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104);
}

/**
 * End of a number at `i` (a digit), as the grammar's backtracking finds it: the whole
 * grouped number (with its ordinal suffix), else the number without its last group, else
 * the bare digits.
 */
function numberEnd(text: string, i: number): number {
  const digits = digitsEnd(text, i);
  let end = digits;
  let beforeLast = -1;
  for (;;) {
    const sep = text.charCodeAt(end);
    if ((sep !== 46 && sep !== 44) || !isDigit(text.charCodeAt(end + 1))) break;
    beforeLast = end;
    end = digitsEnd(text, end + 1);
  }
  if (isOrdinalSuffix(text.charCodeAt(end), text.charCodeAt(end + 1)) && endsNumber(text, end + 2)) return end + 2;
  if (endsNumber(text, end)) return end;
  if (beforeLast >= 0) return beforeLast;
  return digits;
}

/**
 * Splits text into tokens. With sentences, each token carries its sentence index and the
 * sentences' token ranges are filled in place by `attachTokens`.
 */
export function tokenize(text: string, sentences?: readonly Sentence[]): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let si = 0;
  let sentenceEnd = sentences?.[0]?.end ?? 0;
  const lastSentence = sentences ? sentences.length - 1 : 0;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    const cp = c < 128 ? c : text.codePointAt(p) as number;
    const k = c < 128 ? BMP[c] as number : classOf(cp);
    if ((k & SPACE) !== 0) {
      p += width(cp);
      continue;
    }
    const start = p;
    let shape: TokenShape;
    let end: number;
    if ((k & (LETTER | MARK)) !== 0) {
      shape = 'word';
      end = (k & UPPER) !== 0 ? acronymEnd(text, p) : -1;
      if (end < 0) end = wordEnd(text, p + width(cp));
    } else if (isDigit(cp)) {
      shape = 'number';
      end = numberEnd(text, p);
    } else {
      shape = 'punct';
      end = p + width(cp);
    }
    if (sentences) {
      while (si < lastSentence && start >= sentenceEnd) {
        si++;
        sentenceEnd = sentences[si]?.end ?? 0;
      }
    }
    const t = text.slice(start, end);
    tokens.push({ text: t, start, end, shape, lower: shape === 'word' ? t.toLowerCase() : lowerOfSymbol(t), cap: (k & UPPER) !== 0, sentence: si });
    p = end;
  }
  return tokens;
}

// Digits and ASCII symbols have no case: only other symbols need lower-casing.
function lowerOfSymbol(t: string): string {
  return t.charCodeAt(0) < 128 ? t : t.toLowerCase();
}
