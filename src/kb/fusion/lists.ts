// Fusion of every list but rounds. Each function takes one partition's items (see partition.ts).
import type {
  ActorId, Agreement, Alignment, ConflictEvent, Demand, Evidence, Meeting, Person, Process,
} from '../../extract/record.js';
import { sortDay } from '../dates.js';
import { factId } from '../fact-id.js';
import type {
  FusedAgreement, FusedAlignment, FusedDemand, FusedEvent, FusedItem, FusedMeeting, FusedPerson, FusedProcess, FusedSlot,
} from '../types.js';
import { clusterByDate } from './clusters.js';
import { fuseOutcomes } from './rounds.js';
import { actorKey, byDocAndIdx, commonest, type Sourced } from './sourced.js';
import {
  categoricalSlot, dateSlot, distinctDocs, groupValues, mergeEvidence, nameSlot, slotEvidence, type ItemAddress, type Obs,
} from './values.js';

type WithEvidence = { readonly evidence?: readonly Evidence[] };

function one<T extends WithEvidence, V>(items: readonly Sourced<T>[], pick: (t: T) => V | undefined, slots: readonly string[]): Obs<V>[] {
  const out: Obs<V>[] = [];
  for (const s of items) {
    const v = pick(s.item);
    if (v !== undefined) out.push({ doc: s.doc, ...(s.published !== undefined ? { published: s.published } : {}), value: v, evidence: slotEvidence(s.item.evidence, slots) });
  }
  return out;
}

function all<T extends WithEvidence, V>(items: readonly Sourced<T>[], pick: (t: T) => readonly V[] | undefined, slotsOf: (v: V) => string[]): Obs<V>[] {
  const out: Obs<V>[] = [];
  for (const s of items) {
    for (const v of pick(s.item) ?? []) {
      out.push({ doc: s.doc, ...(s.published !== undefined ? { published: s.published } : {}), value: v, evidence: slotEvidence(s.item.evidence, slotsOf(v)) });
    }
  }
  return out;
}

function actors(addr: ItemAddress, slot: string, o: readonly Obs<ActorId>[]): ReturnType<typeof groupValues<ActorId>> {
  return groupValues<ActorId>(addr, slot, o, actorKey, (g) => commonest(g.map((x) => x.value)));
}

function base<T extends WithEvidence>(addr: ItemAddress, items: readonly Sourced<T>[], slots: Readonly<Record<string, FusedSlot<unknown> | undefined>>): FusedItem {
  return {
    id: factId(addr),
    sources: distinctDocs(items),
    evidence: mergeEvidence(items.map((s) => s.item.evidence)),
    disputed: Object.entries(slots).filter(([, s]) => s?.disputed).map(([k]) => k).sort(),
  };
}

/** Keys made unique inside a partition by a `~n` suffix, in order. */
function uniqueKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}~${n}`;
  });
}

function firstSorted(values: readonly (string | undefined)[]): string | undefined {
  return values.filter((v): v is string => v !== undefined).sort()[0];
}

export function fuseProcess(id: string, items: readonly Sourced<Process>[]): FusedProcess {
  const addr: ItemAddress = { list: 'processes', part: id, item: id };
  const name = nameSlot(addr, 'name', one(items, (p) => p.name, ['name']));
  const conflict = categoricalSlot(addr, 'conflict', one(items, (p) => p.conflict, ['conflict']));
  const start = dateSlot(addr, 'start', one(items, (p) => p.start, ['start']));
  return {
    ...base(addr, items, { name, conflict, start }),
    process: id,
    ...(name ? { name } : {}),
    ...(conflict ? { conflict } : {}),
    ...(start ? { start } : {}),
    sponsors: actors(addr, 'sponsors', all(items, (p) => p.sponsors, (a) => [`sponsors.${a}`, 'sponsors'])),
    outcomes: fuseOutcomes(addr, all(items, (p) => p.outcomes, (o) => [`outcomes.${o.kind}`, 'outcomes'])),
  };
}

export function fuseAgreements(kind: string, items: readonly Sourced<Agreement>[]): FusedAgreement[] {
  const clusters = clusterByDate(items, {
    date: (a) => a.date,
    agrees: (a, b) => a.scope === undefined || b.scope === undefined || a.scope === b.scope,
    window: [365, 0],
  });
  const keys = uniqueKeys(clusters.map((c) => `${firstSorted(c.map((s) => s.item.date)) ?? '-'}|${firstSorted(c.map((s) => s.item.scope)) ?? '-'}`));
  return clusters.map((c, i) => {
    const addr: ItemAddress = { list: 'agreements', part: kind, item: keys[i] ?? '' };
    const scope = categoricalSlot(addr, 'scope', one(c, (a) => a.scope, ['scope']));
    const date = dateSlot(addr, 'date', one(c, (a) => a.date, ['date']));
    return {
      ...base(addr, c, { scope, date }),
      kind: c[0]?.item.kind ?? 'agreement',
      ...(scope ? { scope } : {}),
      ...(date ? { date } : {}),
      parties: actors(addr, 'parties', all(c, (a) => a.parties, (p) => [`parties.${p}`, 'parties'])),
    };
  });
}

export function fuseMeetings(part: string, items: readonly Sourced<Meeting>[]): FusedMeeting[] {
  const clusters = clusterByDate(items, {
    date: (m) => m.date,
    agrees: (a, b) => a.place === undefined || b.place === undefined || a.place === b.place,
    window: [14, 0],
  });
  const keys = uniqueKeys(clusters.map((c) => `${firstSorted(c.map((s) => s.item.date)) ?? '-'}|${firstSorted(c.map((s) => s.item.place)) ?? '-'}`));
  return clusters.map((c, i) => {
    const addr: ItemAddress = { list: 'meetings', part, item: keys[i] ?? '' };
    const place = categoricalSlot(addr, 'place', one(c, (m) => m.place, ['place']));
    const date = dateSlot(addr, 'date', one(c, (m) => m.date, ['date']));
    return {
      ...base(addr, c, { place, date }),
      participants: actors(addr, 'participants', all(c, (m) => m.participants, (p) => [`participants.${p}`, 'participants'])),
      ...(place ? { place } : {}),
      ...(date ? { date } : {}),
    };
  });
}

export function fusePerson(id: string, items: readonly Sourced<Person>[]): FusedPerson {
  const addr: ItemAddress = { list: 'people', part: id, item: id };
  const name = nameSlot(addr, 'name', one(items, (p) => p.name, ['name']))
    ?? nameSlot(addr, 'name', [{ doc: '', value: id, evidence: [] }]);
  const title = categoricalSlot(addr, 'title', one(items, (p) => p.title, ['title']));
  const affiliation = categoricalSlot(addr, 'affiliation', one(items, (p) => p.affiliation, ['affiliation']), actorKey,
    (g) => commonest(g.map((x) => x.value)));
  return {
    ...base(addr, items, { name, title, affiliation }),
    person: id,
    name: name!,
    ...(title ? { title } : {}),
    ...(affiliation ? { affiliation } : {}),
  };
}

/** Alignments and demands: the whole triple is the key, so only sources and evidence fuse. */
function triples<T extends WithEvidence & { readonly actor: string; readonly target: string }, K extends string>(
  items: readonly Sourced<T>[], middle: (t: T) => K,
): { key: string; items: Sourced<T>[]; actor: string; mid: K; target: string }[] {
  const groups = new Map<string, Sourced<T>[]>();
  for (const s of items) {
    const k = `${actorKey(s.item.actor)}|${middle(s.item)}|${actorKey(s.item.target)}`;
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  return [...groups.keys()].sort().map((key) => {
    const g = (groups.get(key) ?? []).sort(byDocAndIdx);
    return {
      key, items: g,
      actor: commonest(g.map((s) => s.item.actor)),
      mid: middle((g[0] as Sourced<T>).item),
      target: commonest(g.map((s) => s.item.target)),
    };
  });
}

export function fuseAlignments(part: string, items: readonly Sourced<Alignment>[]): FusedAlignment[] {
  return triples(items, (a) => a.relation).map((t) => ({
    ...base({ list: 'alignments', part, item: t.key }, t.items, {}),
    actor: t.actor, relation: t.mid, target: t.target,
  }));
}

export function fuseDemands(part: string, items: readonly Sourced<Demand>[]): FusedDemand[] {
  return triples(items, (d) => d.kind).map((t) => ({
    ...base({ list: 'demands', part, item: t.key }, t.items, {}),
    actor: t.actor, kind: t.mid, target: t.target,
  }));
}

export function fuseEvents(kind: string, items: readonly Sourced<ConflictEvent>[]): FusedEvent[] {
  const clusters = clusterByDate(items, {
    date: (e) => e.date,
    // RECORD.md aligns events by kind + place: a placed and an unplaced report stay apart.
    agrees: (a, b) => a.place === b.place
      && (a.actor === undefined || b.actor === undefined || actorKey(a.actor) === actorKey(b.actor)),
    window: [30, 0],
  });
  const keys = uniqueKeys(clusters.map((c) => `${firstSorted(c.map((s) => s.item.place)) ?? '-'}|${firstSorted(c.map((s) => s.item.date)) ?? '-'}`));
  return clusters.map((c, i) => {
    const addr: ItemAddress = { list: 'events', part: kind, item: keys[i] ?? '' };
    const actor = categoricalSlot(addr, 'actor', one(c, (e) => e.actor, ['actor']), actorKey, (g) => commonest(g.map((x) => x.value)));
    const place = categoricalSlot(addr, 'place', one(c, (e) => e.place, ['place']));
    const date = dateSlot(addr, 'date', one(c, (e) => e.date, ['date']));
    return {
      ...base(addr, c, { actor, place, date }),
      kind: c[0]?.item.kind ?? 'attack',
      ...(actor ? { actor } : {}),
      ...(place ? { place } : {}),
      ...(date ? { date } : {}),
    };
  });
}

export function compareAgreements(a: FusedAgreement, b: FusedAgreement): number {
  return sortDay(a.date?.value) - sortDay(b.date?.value) || cmp(a.kind, b.kind) || cmp(a.id, b.id);
}

export function compareMeetings(a: FusedMeeting, b: FusedMeeting): number {
  return sortDay(a.date?.value) - sortDay(b.date?.value) || cmp(a.id, b.id);
}

export function compareEvents(a: FusedEvent, b: FusedEvent): number {
  return cmp(a.kind, b.kind) || sortDay(a.date?.value) - sortDay(b.date?.value) || cmp(a.id, b.id);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
