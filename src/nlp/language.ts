// A cheap English check: news prose has a high share of English function words. Parley reads
// English only; other languages get an empty record and a warning rather than garbage.
const FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'was', 'with', 'as', 'by', 'at', 'from', 'it', 'be',
  'said', 'has', 'have', 'are', 'were', 'an', 'this', 'which', 'will', 'its', 'their', 'after', 'but', 'not', 'who',
]);
const WORD_RE = /\p{L}+/gu;

/** The same check over tokens already made (lower-cased words), without another pass over the text. */
export function isProbablyEnglishTokens(tokens: readonly { readonly lower: string; readonly shape: string }[]): boolean {
  // the words counted first (up to 4,000), so the lookups can stop once the share is reached:
  // English prose gets there within its first few sentences
  let words = 0;
  for (let i = 0; i < tokens.length && words < 4000; i++) if ((tokens[i] as { readonly shape: string }).shape === 'word') words++;
  if (words < 8) return true;
  let seen = 0;
  let hits = 0;
  for (let i = 0; i < tokens.length && seen < words; i++) {
    const t = tokens[i] as { readonly lower: string; readonly shape: string };
    if (t.shape !== 'word') continue;
    seen++;
    if (FUNCTION_WORDS.has(t.lower)) {
      hits++;
      if (hits / words >= 0.08) return true;
    }
  }
  return hits / words >= 0.08;
}

export function isProbablyEnglish(text: string): boolean {
  let words = 0;
  let hits = 0;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  for (const m of sample.matchAll(WORD_RE)) {
    words++;
    if (FUNCTION_WORDS.has(m[0].toLowerCase())) hits++;
  }
  if (words < 8) return hits > 0 || words === 0 ? true : false;
  return hits / words >= 0.08;
}
