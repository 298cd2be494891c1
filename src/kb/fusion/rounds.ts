// Rounds of one process, merged across documents: by ordinal; unnumbered reports join the round
// whose dates overlap theirs (and whose venue agrees); "the next round" takes its ordinal from
// the latest round known at publication; a lone unnumbered round between n and n+2 becomes n+1.
import { ROLES, type Outcome, type Participant, type Round, type RoundStatus, type Topic } from '../../extract/record.js';
import { overlaps, periodOf, spanOf, sortDay, type Period } from '../dates.js';
import { factId } from '../fact-id.js';
import type { FusedRound, FusedSlot, RoundHints } from '../types.js';
import { actorKey, byDocAndIdx, commonest, proxyWindow, type Sourced } from './sourced.js';
import {
  categoricalSlot, dateSlot, distinctDocs, groupValues, inferredSlot, latestSlot, mergeEvidence, slotEvidence,
  type ItemAddress, type Obs,
} from './values.js';

export type RoundIn = Round & RoundHints;

interface Member {
  readonly s: Sourced<RoundIn>;
  /** Ordinal this member was given by "the next round" rather than read. */
  readonly relative?: number;
  readonly span: Period | undefined;
}

interface Cluster {
  ordinal: number | undefined;
  gapOrdinal?: number;
  readonly members: Member[];
}

const STATUS_RANK: Readonly<Record<RoundStatus, number>> = { scheduled: 0, postponed: 1, ongoing: 2, failed: 3, held: 3 };

// Windows (days) in which an undated report's round most likely lies, by its status.
function undatedWindow(s: Sourced<RoundIn>): Period | undefined {
  switch (s.item.status) {
    case 'scheduled': case 'postponed': return proxyWindow(s.published, 0, 120);
    case 'ongoing': return proxyWindow(s.published, 10, 0);
    default: return proxyWindow(s.published, 45, 0);
  }
}

function venues(c: Cluster): Set<string> {
  return new Set(c.members.flatMap((m) => (m.s.item.venue ? [m.s.item.venue] : [])));
}

function venueAgrees(c: Cluster, venue: string | undefined): boolean {
  if (venue === undefined) return true;
  const vs = venues(c);
  return vs.size === 0 || vs.has(venue);
}

function clusterDay(c: Cluster): number {
  let d = Number.MAX_SAFE_INTEGER;
  for (const m of c.members) if (m.span && m.span.lo < d) d = m.span.lo;
  return d;
}

function sourcesOf(c: Cluster): number {
  return new Set(c.members.map((m) => m.s.doc)).size;
}

// A sitting lasts days: a report giving only its opening (or closing) day is taken to cover the
// week after (or before) it, so "opened on the 5th" and "ended on the 6th" meet.
const SITTING_DAYS = 6;

function roundSpan(r: RoundIn): Period | undefined {
  const span = spanOf(r.start, r.end);
  if (!span || (r.start !== undefined && r.end !== undefined) || span.precision < 2) return span;
  return r.start !== undefined ? { ...span, hi: span.hi + SITTING_DAYS } : { ...span, lo: span.lo - SITTING_DAYS };
}

/** Places an unnumbered report: the best agreeing cluster, or undefined for a new one. */
function place(clusters: readonly Cluster[], m: Member): Cluster | undefined {
  const venue = m.s.item.venue;
  const window = m.span ?? undatedWindow(m.s);
  let best: Cluster | undefined;
  let bestScore: number[] = [];
  for (const c of clusters) {
    // The extractor kept them apart within one document: they are different sittings.
    if (!venueAgrees(c, venue) || c.members.some((o) => o.s.doc === m.s.doc)) continue;
    let precision = -1;
    let distance = Number.MAX_SAFE_INTEGER;
    for (const o of c.members) {
      if (!o.span || !window || !overlaps(o.span, window)) continue;
      precision = Math.max(precision, o.span.precision);
      const anchor = periodOf(m.s.published)?.lo ?? window.lo;
      distance = Math.min(distance, Math.abs(o.span.lo - anchor));
    }
    if (precision < 0) {
      // Undatable on both sides: only a lone round of the process can be meant.
      if (window !== undefined || clusters.length !== 1) continue;
    }
    const sameVenue = venue !== undefined && venues(c).has(venue) ? 1 : 0;
    const score = m.span
      ? [sameVenue, precision, sourcesOf(c), c.ordinal !== undefined ? 1 : 0]
      : [sameVenue, -distance, sourcesOf(c), c.ordinal !== undefined ? 1 : 0];
    if (!best || compareScores(score, bestScore) > 0) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function cluster(items: readonly Sourced<RoundIn>[]): Cluster[] {
  const sorted = [...items].sort(byDocAndIdx);
  const byOrdinal = new Map<number, Cluster>();
  const member = (s: Sourced<RoundIn>, relative?: number): Member =>
    ({ s, span: roundSpan(s.item), ...(relative !== undefined ? { relative } : {}) });
  for (const s of sorted) {
    const n = s.item.ordinal;
    if (n === undefined) continue;
    const c = byOrdinal.get(n) ?? { ordinal: n, members: [] };
    c.members.push(member(s));
    byOrdinal.set(n, c);
  }
  // "The next round": relative to the highest-numbered round begun by publication.
  const explicit = [...byOrdinal.values()];
  const rest: Member[] = [];
  for (const s of sorted) {
    if (s.item.ordinal !== undefined) continue;
    const r = s.item.relativeOrdinal;
    if (r !== undefined && Number.isInteger(r)) {
      const p = periodOf(s.published)?.hi ?? Number.MAX_SAFE_INTEGER;
      let base: number | undefined;
      for (const c of explicit) {
        if (c.ordinal !== undefined && clusterDay(c) <= p && (base === undefined || c.ordinal > base)) base = c.ordinal;
      }
      if (base !== undefined && base + r >= 1) {
        const n = base + r;
        const c = byOrdinal.get(n) ?? { ordinal: n, members: [] };
        c.members.push(member(s, n));
        byOrdinal.set(n, c);
        continue;
      }
    }
    rest.push(member(s));
  }
  const clusters = [...byOrdinal.values()].sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
  // Precise reports first, so vaguer ones find the round a precise one already placed.
  rest.sort((a, b) => (b.span?.precision ?? -1) - (a.span?.precision ?? -1) || byDocAndIdx(a.s, b.s));
  for (const m of rest) {
    const c = place(clusters, m);
    if (c) c.members.push(m);
    else clusters.push({ ordinal: undefined, members: [m] });
  }
  inferGaps(clusters);
  return clusters;
}

/** An unnumbered round alone between rounds n and n+2 (by date) is round n+1. */
function inferGaps(clusters: Cluster[]): void {
  const numbered = clusters.filter((c) => c.ordinal !== undefined && clusterDay(c) < Number.MAX_SAFE_INTEGER)
    .sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
  const taken = new Set(clusters.flatMap((c) => (c.ordinal !== undefined ? [c.ordinal] : [])));
  const loose = clusters.filter((c) => c.ordinal === undefined && clusterDay(c) < Number.MAX_SAFE_INTEGER);
  for (let i = 0; i + 1 < numbered.length; i++) {
    const a = numbered[i];
    const b = numbered[i + 1];
    if (!a || !b || a.ordinal === undefined || b.ordinal !== a.ordinal + 2 || taken.has(a.ordinal + 1)) continue;
    const lo = clusterDay(a);
    const hi = clusterDay(b);
    const between = loose.filter((c) => clusterDay(c) > lo && clusterDay(c) < hi);
    const only = between[0];
    if (between.length === 1 && only) only.gapOrdinal = a.ordinal + 1;
  }
}

function obs<T>(members: readonly Member[], pick: (r: RoundIn) => T | undefined, slots: readonly string[]): Obs<T>[] {
  const out: Obs<T>[] = [];
  for (const m of members) {
    const v = pick(m.s.item);
    if (v === undefined) continue;
    out.push({ doc: m.s.doc, ...(m.s.published !== undefined ? { published: m.s.published } : {}), value: v, evidence: slotEvidence(m.s.item.evidence, slots) });
  }
  return out;
}

function many<T>(members: readonly Member[], pick: (r: RoundIn) => readonly T[] | undefined, slotsOf: (v: T) => string[]): Obs<T>[] {
  const out: Obs<T>[] = [];
  for (const m of members) {
    for (const v of pick(m.s.item) ?? []) {
      out.push({ doc: m.s.doc, ...(m.s.published !== undefined ? { published: m.s.published } : {}), value: v, evidence: slotEvidence(m.s.item.evidence, slotsOf(v)) });
    }
  }
  return out;
}

function commonestNumber(values: readonly (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  if (defined.length === 0) return undefined;
  return Number(commonest(defined.map(String)));
}

function fuseCluster(process: string, c: Cluster, key: string): FusedRound {
  const addr: ItemAddress = { list: 'rounds', part: process, item: key };
  const ms = c.members;
  const read = obs(ms.filter((m) => m.relative === undefined), (r) => r.ordinal, ['ordinal']);
  const relative = ms.flatMap((m) => (m.relative !== undefined ? [{ doc: m.s.doc, value: m.relative, evidence: slotEvidence(m.s.item.evidence, ['ordinal']), ...(m.s.published ? { published: m.s.published } : {}) }] : []));
  let ordinal: FusedSlot<number> | undefined = categoricalSlot(addr, 'ordinal', read);
  if (!ordinal && relative.length > 0) {
    const s = categoricalSlot(addr, 'ordinal', relative);
    if (s) ordinal = { ...s, inferred: true };
  }
  if (!ordinal && c.gapOrdinal !== undefined) ordinal = inferredSlot(addr, 'ordinal', c.gapOrdinal);
  const venue = categoricalSlot(addr, 'venue', obs(ms, (r) => r.venue, ['venue']));
  const start = dateSlot(addr, 'start', obs(ms, (r) => r.start, ['start']), 'earliest');
  const end = dateSlot(addr, 'end', obs(ms, (r) => r.end, ['end']), 'latest');
  const status = latestSlot(addr, 'status', obs(ms, (r) => r.status, ['status']), (s) => STATUS_RANK[s]);
  const participants = groupValues<Participant>(
    addr, 'participants',
    many(ms, (r) => r.participants, (p) => [`participants.${p.actor}`, 'participants']),
    (p) => `${ROLES.indexOf(p.role)}:${actorKey(p.actor)}`,
    (g) => {
      const actor = commonest(g.map((o) => o.value.actor));
      const size = commonestNumber(g.map((o) => o.value.size));
      const role = g[0]?.value.role ?? 'party';
      return size !== undefined ? { actor, role, size } : { actor, role };
    },
  );
  const agenda = groupValues<Topic>(addr, 'agenda', many(ms, (r) => r.agenda, (t) => [`agenda.${t}`, 'agenda']), (t) => t);
  const outcomes = fuseOutcomes(addr, many(ms, (r) => r.outcomes, (o) => [`outcomes.${o.kind}`, 'outcomes']));
  const disputed = (
    [['ordinal', ordinal], ['venue', venue], ['start', start], ['end', end], ['status', status]] as const
  ).filter(([, s]) => s?.disputed).map(([n]) => n);
  return {
    id: factId(addr),
    process,
    ...(ordinal ? { ordinal } : {}),
    ...(venue ? { venue } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(status ? { status } : {}),
    participants,
    agenda,
    outcomes,
    sources: distinctDocs(ms.map((m) => m.s)),
    evidence: mergeEvidence(ms.map((m) => m.s.item.evidence)),
    disputed,
  };
}

/** Outcomes united by kind; a count is the one most sources give. */
export function fuseOutcomes(addr: ItemAddress, o: readonly Obs<Outcome>[]): ReturnType<typeof groupValues<Outcome>> {
  return groupValues<Outcome>(addr, 'outcomes', o, (x) => x.kind, (g) => {
    const count = commonestNumber(g.map((x) => x.value.count));
    const kind = g[0]?.value.kind ?? 'agreement';
    return count !== undefined ? { kind, count } : { kind };
  });
}

function clusterKey(c: Cluster): string {
  const n = c.ordinal ?? c.gapOrdinal;
  if (n !== undefined) return `#${n}`;
  const starts = c.members.map((m) => m.s.item.start).filter((d): d is string => d !== undefined).sort();
  if (starts[0] !== undefined) return `@${starts[0]}`;
  const vs = [...venues(c)].sort();
  if (vs[0] !== undefined) return `v:${vs[0]}`;
  const first = [...c.members].sort((a, b) => byDocAndIdx(a.s, b.s))[0];
  return `d:${first?.s.doc ?? ''}:${first?.s.idx ?? 0}`;
}

/** Fused rounds of one process, in order: ordinal, then start; unnumbered undated last. */
export function fuseRounds(process: string, items: readonly Sourced<RoundIn>[]): FusedRound[] {
  const clusters = cluster(items);
  const used = new Map<string, number>();
  const keyed = clusters.map((c) => {
    const base = clusterKey(c);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return fuseCluster(process, c, n === 1 ? base : `${base}~${n}`);
  });
  return keyed.sort(compareRounds);
}

/** A total order: process, ordinal (unnumbered last), start, id. */
export function compareRounds(a: FusedRound, b: FusedRound): number {
  if (a.process !== b.process) return a.process < b.process ? -1 : 1;
  const oa = a.ordinal?.value ?? Number.MAX_SAFE_INTEGER;
  const ob = b.ordinal?.value ?? Number.MAX_SAFE_INTEGER;
  if (oa !== ob) return oa - ob;
  const da = sortDay(a.start?.value ?? a.end?.value);
  const db = sortDay(b.start?.value ?? b.end?.value);
  if (da !== db) return da - db;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
