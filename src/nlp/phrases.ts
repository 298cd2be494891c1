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

/** Tokens of a lexicon phrase, lower-cased, with the same tokenizer as the text. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.lower);
}

export class PhraseIndex<P> {
  private readonly root: Node<P> = { next: new Map() };

  add(phrase: string, entry: PhraseEntry<P>): this {
    let node = this.root;
    for (const w of phraseTokens(phrase)) {
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
    for (let i = from; i < to; i++) {
      const m = this.matchAt(tokens, i, to);
      if (m) {
        out.push(m);
        i = m.end - 1;
      }
    }
    return out;
  }
}

interface MultiNode<C, P> {
  readonly next: Map<string, MultiNode<C, P>>;
  readonly entries: PhraseEntry<P>[];
  /** The class of each entry, computed once when the phrase is added. */
  readonly classes: C[];
}

/**
 * Many lexicon classes in one trie, so a sentence is walked once for all of them; each class
 * still gets its own left-to-right, longest-first, non-overlapping matches.
 */
export class MultiPhraseIndex<C extends string, P> {
  private readonly root: MultiNode<C, P> = { next: new Map(), entries: [], classes: [] };

  constructor(private readonly classOf: (p: P) => C) {}

  add(phrase: string, entry: PhraseEntry<P>): this {
    let node = this.root;
    for (const w of phraseTokens(phrase)) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), entries: [], classes: [] };
        node.next.set(w, child);
      }
      node = child;
    }
    const cls = this.classOf(entry.payload);
    if (!node.classes.includes(cls)) {
      node.entries.push(entry);
      node.classes.push(cls);
    }
    return this;
  }

  scanAll(tokens: readonly Token[], from: number, to: number): Map<C, PhraseMatch<P>[]> {
    const out = new Map<C, PhraseMatch<P>[]>();
    const freeFrom = new Map<C, number>();
    const root = this.root.next;
    // most tokens start no phrase: one Map lookup each, and nothing allocated
    const longest = new Map<C, PhraseMatch<P>>();
    for (let i = from; i < to; i++) {
      const t0 = tokens[i];
      if (!t0) break;
      let node = root.get(t0.lower);
      if (!node) continue;
      longest.clear();
      for (let j = i + 1; ; j++) {
        const { entries, classes } = node;
        for (let k = 0; k < entries.length; k++) {
          longest.set(classes[k] as C, { entry: entries[k] as PhraseEntry<P>, start: i, end: j });
        }
        if (j >= to) break;
        const t = tokens[j];
        const child: MultiNode<C, P> | undefined = t ? node.next.get(t.lower) : undefined;
        if (!child) break;
        node = child;
      }
      for (const [cls, m] of longest) {
        if ((freeFrom.get(cls) ?? from) > i) continue;
        let list = out.get(cls);
        if (!list) {
          list = [];
          out.set(cls, list);
        }
        list.push(m);
        freeFrom.set(cls, m.end);
      }
    }
    return out;
  }
}
