// A phrase index over lower-cased tokens: lexicons are data, this is the one engine that reads them.
import type { Token } from './types.js';
import { tokenize } from './tokens.js';

export interface PhraseEntry<P> {
  /** Stable rule id, recorded in evidence. */
  readonly id: string;
  readonly payload: P;
}

export interface PhraseMatch<P> {
  readonly entry: PhraseEntry<P>;
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
}

interface Node<P> {
  readonly next: Map<string, Node<P>>;
  entry?: PhraseEntry<P>;
}

// Every index gets one bit, and each word the bits of the indexes having a phrase that starts
// with it: a document's tokens are then looked up once for all indexes, and an index skips
// the tokens that start none of its phrases without a Map lookup of its own.
const startBits = new Map<string, number>();
let bitsVersion = 0;
let indexCount = 0;

/** A fresh index's bit; 0 (no filtering) once the 31 bits are taken. */
function nextIndexBit(): number {
  const k = indexCount++;
  return k < 31 ? 1 << k : 0;
}

function noteStartWord(word: string, bit: number): void {
  const old = startBits.get(word) ?? 0;
  if ((old | bit) !== old || !startBits.has(word)) {
    startBits.set(word, old | bit);
    bitsVersion++;
  }
}

// The token array of the document being read, and its start bits (one entry: documents are
// read one at a time). A token array is never changed once made, but its length is checked.
let bitsTokens: readonly Token[] | undefined;
let bitsLength = -1;
let bitsAt = -1;
let bitsOfTokens = new Int32Array(0);

function startBitsOf(tokens: readonly Token[]): Int32Array {
  if (tokens === bitsTokens && tokens.length === bitsLength && bitsAt === bitsVersion) return bitsOfTokens;
  const bits = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) bits[i] = startBits.get((tokens[i] as Token).lower) ?? 0;
  bitsTokens = tokens;
  bitsLength = tokens.length;
  bitsAt = bitsVersion;
  bitsOfTokens = bits;
  return bits;
}

/** Whether some phrase of the index with `bit` may start at token `i`. */
function mayStart(bits: Int32Array, bit: number, i: number): boolean {
  return bit === 0 || ((bits[i] ?? 0) & bit) !== 0;
}

/** Tokens of a lexicon phrase, lower-cased, with the same tokenizer as the text. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.lower);
}

export class PhraseIndex<P> {
  private readonly root: Node<P> = { next: new Map() };
  private readonly bit = nextIndexBit();

  add(phrase: string, entry: PhraseEntry<P>): this {
    let node = this.root;
    const words = phraseTokens(phrase);
    if (words[0] !== undefined) noteStartWord(words[0], this.bit);
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.entry ??= entry;
    return this;
  }

  /** The longest phrase starting at token `i` (not crossing `limit`), if any. */
  matchAt(tokens: readonly Token[], i: number, limit = tokens.length): PhraseMatch<P> | undefined {
    if (!mayStart(startBitsOf(tokens), this.bit, i)) return undefined;
    return this.walk(tokens, i, limit);
  }

  private walk(tokens: readonly Token[], i: number, limit: number): PhraseMatch<P> | undefined {
    let node: Node<P> | undefined = this.root;
    let bestEntry: PhraseEntry<P> | undefined;
    let bestEnd = i;
    for (let j = i; j < limit && node; j++) {
      const t = tokens[j];
      if (!t) break;
      node = node.next.get(t.lower);
      if (node?.entry) { bestEntry = node.entry; bestEnd = j + 1; }
    }
    return bestEntry ? { entry: bestEntry, start: i, end: bestEnd } : undefined;
  }

  /** All non-overlapping longest matches in [from, to), left to right. */
  scan(tokens: readonly Token[], from = 0, to = tokens.length): PhraseMatch<P>[] {
    const out: PhraseMatch<P>[] = [];
    const bits = startBitsOf(tokens);
    for (let i = from; i < to; i++) {
      if (!mayStart(bits, this.bit, i)) continue;
      const m = this.walk(tokens, i, to);
      if (m) {
        out.push(m);
        i = m.end - 1;
      }
    }
    return out;
  }
}

interface MultiNode<P> {
  readonly next: Map<string, MultiNode<P>>;
  readonly entries: PhraseEntry<P>[];
  /** The class number of each entry, computed once when the phrase is added. */
  readonly classes: number[];
}

/**
 * Many lexicon classes in one trie, so a sentence is walked once for all of them; each class
 * still gets its own left-to-right, longest-first, non-overlapping matches.
 */
export class MultiPhraseIndex<C extends string, P> {
  private readonly root: MultiNode<P> = { next: new Map(), entries: [], classes: [] };
  private readonly bit = nextIndexBit();
  /** Classes by number, in the order first added. */
  private readonly classNames: C[] = [];
  private readonly classNumbers = new Map<C, number>();
  // Scratch space of one scan, indexed by class number: the walk from one token records the
  // longest entry of each class here, and a match object is made only for what is kept.
  private bestEntry: (PhraseEntry<P> | undefined)[] = [];
  private bestEnd = new Int32Array(0);
  private seenAt = new Int32Array(0);
  private freeFrom = new Int32Array(0);
  private order = new Int32Array(0);

  constructor(private readonly classOf: (p: P) => C) {}

  add(phrase: string, entry: PhraseEntry<P>): this {
    let node = this.root;
    const words = phraseTokens(phrase);
    if (words[0] !== undefined) noteStartWord(words[0], this.bit);
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), entries: [], classes: [] };
        node.next.set(w, child);
      }
      node = child;
    }
    const cls = this.classNumber(this.classOf(entry.payload));
    if (!node.classes.includes(cls)) {
      node.entries.push(entry);
      node.classes.push(cls);
    }
    return this;
  }

  private classNumber(cls: C): number {
    let k = this.classNumbers.get(cls);
    if (k === undefined) {
      k = this.classNames.length;
      this.classNames.push(cls);
      this.classNumbers.set(cls, k);
      const n = k + 1;
      this.bestEntry = new Array<PhraseEntry<P> | undefined>(n).fill(undefined);
      this.bestEnd = new Int32Array(n);
      this.seenAt = new Int32Array(n).fill(-1);
      this.freeFrom = new Int32Array(n);
      this.order = new Int32Array(n);
    }
    return k;
  }

  scanAll(tokens: readonly Token[], from: number, to: number): Map<C, PhraseMatch<P>[]> {
    const out = new Map<C, PhraseMatch<P>[]>();
    const root = this.root.next;
    this.freeFrom.fill(from);
    this.seenAt.fill(-1);
    const bits = startBitsOf(tokens);
    // most tokens start no phrase: a bit test each, and nothing allocated
    for (let i = from; i < to; i++) {
      const t0 = tokens[i];
      if (!t0) break;
      if (!mayStart(bits, this.bit, i)) continue;
      const node = root.get(t0.lower);
      if (node) this.keepLongest(out, tokens, node, i, to);
    }
    return out;
  }

  /** Walks the trie from token `i` and keeps, per class, the longest match if its class is free there. */
  private keepLongest(out: Map<C, PhraseMatch<P>[]>, tokens: readonly Token[], first: MultiNode<P>, i: number, to: number): void {
    const { bestEntry, bestEnd, seenAt, freeFrom, order } = this;
    let count = 0;
    let node = first;
    for (let j = i + 1; ; j++) {
      const { entries, classes } = node;
      for (let k = 0; k < entries.length; k++) {
        const c = classes[k] as number;
        // classes are reported in the order first seen from this token
        if (seenAt[c] !== i) {
          seenAt[c] = i;
          order[count++] = c;
        }
        bestEntry[c] = entries[k];
        bestEnd[c] = j;
      }
      if (j >= to) break;
      const t = tokens[j];
      const child: MultiNode<P> | undefined = t ? node.next.get(t.lower) : undefined;
      if (!child) break;
      node = child;
    }
    for (let q = 0; q < count; q++) {
      const c = order[q] as number;
      if ((freeFrom[c] as number) > i) continue;
      const cls = this.classNames[c] as C;
      let list = out.get(cls);
      if (!list) {
        list = [];
        out.set(cls, list);
      }
      const end = bestEnd[c] as number;
      list.push({ entry: bestEntry[c] as PhraseEntry<P>, start: i, end });
      freeFrom[c] = end;
    }
  }
}
