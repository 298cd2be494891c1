// Building blocks of fusion: observations of one slot from many documents, turned into fused
// values (grouped, sourced, evidenced) and slots (best value chosen, disputes flagged).
import type { Evidence, IsoDate, RecordList } from '../../extract/record.js';
import { canonicalJson } from '../canonical.js';
import { overlaps, periodOf } from '../dates.js';
import { factId } from '../fact-id.js';
import type { FusedSlot, FusedValue } from '../types.js';

/** One document's statement of a value. */
export interface Obs<T> {
  readonly doc: string;
  readonly published?: IsoDate;
  readonly value: T;
  readonly evidence: readonly Evidence[];
}

/** Where a fused item lives, for fact ids. */
export interface ItemAddress {
  readonly list: RecordList;
  readonly part: string;
  readonly item: string;
}

function evidenceKey(e: Evidence): string {
  return `${e.doc}\u0000${String(e.sentence).padStart(8, '0')}\u0000${String(e.start).padStart(9, '0')}\u0000${String(e.end).padStart(9, '0')}\u0000${e.rule}\u0000${e.slot ?? ''}`;
}

/** Union of evidence lists: deduplicated, sorted by doc, sentence, start. */
export function mergeEvidence(lists: Iterable<readonly Evidence[] | undefined>): Evidence[] {
  const byKey = new Map<string, Evidence>();
  for (const list of lists) for (const e of list ?? []) byKey.set(evidenceKey(e), e);
  return [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
}

/**
 * The evidence of an item that supports one slot: spans tagged with one of `slots`, else the
 * item's untagged spans (the item as a whole supports its slots), else everything.
 */
export function slotEvidence(evidence: readonly Evidence[] | undefined, slots: readonly string[]): readonly Evidence[] {
  const all = evidence ?? [];
  const tagged = all.filter((e) => e.slot !== undefined && slots.includes(e.slot));
  if (tagged.length > 0) return tagged;
  const untagged = all.filter((e) => e.slot === undefined);
  return untagged.length > 0 ? untagged : all;
}

function maxDate(a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}

/**
 * Groups observations by value (`keyOf`), one fused value per group, sorted by key.
 * `represent` picks the shown value of a group (e.g. `RUS` over `RUS.GOV`); default: the first.
 */
export function groupValues<T>(
  addr: ItemAddress,
  slot: string,
  obs: readonly Obs<T>[],
  keyOf: (v: T) => string,
  represent?: (values: readonly Obs<T>[]) => T,
): FusedValue<T>[] {
  const groups = new Map<string, Obs<T>[]>();
  for (const o of obs) {
    const k = keyOf(o.value);
    const g = groups.get(k);
    if (g) g.push(o);
    else groups.set(k, [o]);
  }
  const out: FusedValue<T>[] = [];
  for (const k of [...groups.keys()].sort()) {
    const g = groups.get(k) ?? [];
    const first = g[0];
    if (!first) continue;
    const value = represent ? represent(g) : first.value;
    let latest: IsoDate | undefined;
    for (const o of g) latest = maxDate(latest, o.published);
    out.push({
      id: factId({ ...addr, slot, value: canonicalJson(value) }),
      value,
      sources: new Set(g.map((o) => o.doc)).size,
      evidence: mergeEvidence(g.map((o) => o.evidence)),
      ...(latest !== undefined ? { latest } : {}),
    });
  }
  return out;
}

function toSlot<T>(ranked: readonly FusedValue<T>[], disputed: boolean, inferred?: boolean): FusedSlot<T> | undefined {
  const best = ranked[0];
  if (!best) return undefined;
  return { ...best, disputed, values: ranked, ...(inferred ? { inferred } : {}) };
}

function bySourcesThenLatestThenKey<T>(a: FusedValue<T>, b: FusedValue<T>): number {
  if (a.sources !== b.sources) return b.sources - a.sources;
  const la = a.latest ?? '';
  const lb = b.latest ?? '';
  if (la !== lb) return la < lb ? 1 : -1;
  const ka = canonicalJson(a.value);
  const kb = canonicalJson(b.value);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A categorical slot (venue, title): most sources wins; any disagreement is a dispute. */
export function categoricalSlot<T>(
  addr: ItemAddress, slot: string, obs: readonly Obs<T>[], keyOf: (v: T) => string = (v) => canonicalJson(v),
  represent?: (values: readonly Obs<T>[]) => T,
): FusedSlot<T> | undefined {
  const values = groupValues(addr, slot, obs, keyOf, represent).sort(bySourcesThenLatestThenKey);
  return toSlot(values, values.length > 1);
}

/**
 * A date slot: values at different precision agree when their periods overlap ("2017-05" and
 * "2017-05-03"). The best value has the most sources backing it, then the finest precision;
 * the slot is disputed only when some values cannot both be true.
 */
export function dateSlot(addr: ItemAddress, slot: string, obs: readonly Obs<IsoDate>[], prefer?: 'earliest' | 'latest'): FusedSlot<IsoDate> | undefined {
  const values = groupValues(addr, slot, obs, (v) => v);
  if (values.length === 0) return undefined;
  const periods = values.map((v) => periodOf(v.value));
  const support = values.map((v, i) => {
    const docs = new Set<string>();
    const pi = periods[i];
    // Supported by every document whose date contains this one ("2017-05" backs "2017-05-03",
    // not the reverse), so a vague value never outvotes the precise values it covers.
    for (const o of obs) {
      const po = periodOf(o.value);
      if (o.value === v.value || (pi && po && po.lo <= pi.lo && pi.hi <= po.hi)) docs.add(o.doc);
    }
    return docs.size;
  });
  let disputed = false;
  for (let i = 0; i < values.length && !disputed; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = periods[i];
      const b = periods[j];
      if (!a || !b || !overlaps(a, b)) { disputed = true; break; }
    }
  }
  const order = values.map((_, i) => i).sort((i, j) => {
    const s = (support[j] ?? 0) - (support[i] ?? 0);
    if (s !== 0) return s;
    const p = (periods[j]?.precision ?? -1) - (periods[i]?.precision ?? -1);
    if (p !== 0) return p;
    // Equal support: a sitting's opening is its earliest claimed day, its close the latest
    // (a later "start" is usually a day inside the sitting).
    if (prefer !== undefined) {
      const d = (periods[i]?.lo ?? 0) - (periods[j]?.lo ?? 0);
      if (d !== 0) return prefer === 'earliest' ? d : -d;
    }
    return bySourcesThenLatestThenKey(values[i] as FusedValue<IsoDate>, values[j] as FusedValue<IsoDate>);
  });
  return toSlot(order.map((i) => values[i] as FusedValue<IsoDate>), disputed);
}

/**
 * A slot whose truth changes over time (a round's status): the value from the most recently
 * published document wins, ties broken by `rank` (later stage first). Disputed only when
 * documents of that same latest date disagree.
 */
export function latestSlot<T>(addr: ItemAddress, slot: string, obs: readonly Obs<T>[], rank: (v: T) => number): FusedSlot<T> | undefined {
  const values = groupValues(addr, slot, obs, (v) => canonicalJson(v));
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => {
    const la = a.latest ?? '';
    const lb = b.latest ?? '';
    if (la !== lb) return la < lb ? 1 : -1;
    const r = rank(b.value) - rank(a.value);
    if (r !== 0) return r;
    return bySourcesThenLatestThenKey(a, b);
  });
  const top = sorted[0]?.latest ?? '';
  // Only different documents of the same date can contradict each other.
  const rivals = sorted.filter((v) => (v.latest ?? '') === top);
  const rivalKeys = new Set(rivals.map((v) => canonicalJson(v.value)));
  const rivalDocs = new Set(obs.filter((o) => rivalKeys.has(canonicalJson(o.value)) && (o.published ?? '') === top).map((o) => o.doc));
  const disputed = rivals.length > 1 && rivalDocs.size > 1;
  return toSlot(sorted, disputed);
}

/** A slot fusion inferred rather than read (an ordinal from neighbours): no sources, no spans. */
export function inferredSlot<T>(addr: ItemAddress, slot: string, value: T): FusedSlot<T> {
  const v: FusedValue<T> = { id: factId({ ...addr, slot, value: canonicalJson(value) }), value, sources: 0, evidence: [] };
  return { ...v, disputed: false, values: [v], inferred: true };
}

export function distinctDocs(obs: readonly { readonly doc: string }[]): number {
  return new Set(obs.map((o) => o.doc)).size;
}

/**
 * A name: the one most sources use, then the longest ("Sergei Lavrov" over "Lavrov"). Names
 * differ without contradicting each other, so a name is never disputed.
 */
export function nameSlot(addr: ItemAddress, slot: string, obs: readonly Obs<string>[]): FusedSlot<string> | undefined {
  const values = groupValues(addr, slot, obs, (v) => v).sort((a, b) => b.sources - a.sources || b.value.length - a.value.length || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return toSlot(values, false);
}
