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
    let best: PhraseMatch<P> | undefined;
    for (let j = i; j < limit && node; j++) {
      const t = tokens[j];
      if (!t) break;
      node = node.next.get(t.lower);
      if (node?.entry) best = { entry: node.entry, start: i, end: j + 1 };
    }
    return best;
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
