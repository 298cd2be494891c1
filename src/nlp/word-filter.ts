// A Bloom filter over words: a few kilobytes that stay in cache, asked before a large Map whose
// lookups mostly miss. It is made from the Map's own keys, so it never rules out a key: a word
// it rejects is surely absent, a word it passes still needs the Map.

// 2^16 bits (8 KiB), both probes in one 32-bit word (one cache line per test): a few thousand
// keys set a small share of the bits, so most absent words fail.
const WORDS_LOG2 = 11;
const WORD_MASK = (1 << WORDS_LOG2) - 1;

/** FNV-1a over the UTF-16 units, with a final mix so every bit of the result is well spread. */
function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d);
}

/** The two bits a word sets, within the 32-bit word `hash & WORD_MASK`. */
function bitsOf(h: number): number {
  return (1 << ((h >>> 16) & 31)) | (1 << ((h >>> 24) & 31));
}

export class WordFilter {
  private readonly words = new Int32Array(1 << WORDS_LOG2);

  constructor(keys: Iterable<string> = []) {
    for (const k of keys) this.add(k);
  }

  add(word: string): void {
    const h = hashOf(word);
    const i = h & WORD_MASK;
    this.words[i] = (this.words[i] as number) | bitsOf(h);
  }

  /** False when the word is surely not one of the keys. */
  mayHave(word: string): boolean {
    const h = hashOf(word);
    const b = bitsOf(h);
    return ((this.words[h & WORD_MASK] as number) & b) === b;
  }
}
