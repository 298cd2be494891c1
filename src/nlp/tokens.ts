// One regex for the whole text: the tokenizer is on the hot path of every article.
import type { Sentence, Token, TokenShape } from './types.js';

// Alternatives, in order: dotted acronyms (U.S., U.N.), words (an apostrophe stays inside
// a word unless it starts a possessive 's), numbers with ordinal suffixes, any other symbol.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’](?![sS]\b)[\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?![\p{L}\d])|\d+|\S/gu;
const UPPER_RE = /^\p{Lu}/u;
const LETTER_RE = /^[\p{L}\p{M}]/u;
const DIGIT_RE = /^\d/;

function shapeOf(text: string): TokenShape {
  if (DIGIT_RE.test(text)) return 'number';
  if (LETTER_RE.test(text)) return 'word';
  return 'punct';
}

/**
 * Splits text into tokens. With sentences, each token carries its sentence index and the
 * sentences' token ranges are filled in place by `attachTokens`.
 */
export function tokenize(text: string, sentences?: readonly Sentence[]): Token[] {
  const tokens: Token[] = [];
  let si = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const start = m.index;
    if (sentences) {
      while (si < sentences.length - 1 && start >= (sentences[si]?.end ?? 0)) si++;
    }
    tokens.push({
      text: t,
      start,
      end: start + t.length,
      shape: shapeOf(t),
      lower: t.toLowerCase(),
      cap: UPPER_RE.test(t),
      sentence: si,
    });
  }
  return tokens;
}
