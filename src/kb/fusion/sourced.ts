// An extracted item together with the document it came from.
import type { IsoDate } from '../../extract/record.js';
import { periodOf, type Period } from '../dates.js';

export interface Sourced<T> {
  readonly doc: string;
  readonly published?: IsoDate;
  /** Position of the item in its document's list, for a stable order. */
  readonly idx: number;
  readonly item: T;
}

/** Canonical input order: by document, then position; fusion never depends on ingest order. */
export function byDocAndIdx<T>(a: Sourced<T>, b: Sourced<T>): number {
  if (a.doc !== b.doc) return a.doc < b.doc ? -1 : 1;
  return a.idx - b.idx;
}

/**
 * Where an undated mention most likely falls, from its document's publication date: a
 * scheduled thing lies ahead, a past one behind. Undefined when the document is undated.
 */
export function proxyWindow(published: IsoDate | undefined, before: number, after: number): Period | undefined {
  const p = periodOf(published);
  if (!p) return undefined;
  return { lo: p.lo - before, hi: p.hi + after, precision: 0 };
}

/** X and X.GOV are the same actor (RECORD.md). */
export function actorKey(actor: string): string {
  return actor.endsWith('.GOV') ? actor.slice(0, -4) : actor;
}

/** Of the spellings in a group, the most frequent, then the shortest (`RUS` over `RUS.GOV`). */
export function commonest(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}
