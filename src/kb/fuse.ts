// Fusion: per-document records in, one fused record out, with every value's sources and
// evidence. Pure and order-independent (inputs are put in a canonical order first), so two KBs
// holding the same documents fuse identically however they were ingested.
import {
  RECORD_LISTS, type IsoDate, type Outcome, type Participant, type ParleyRecord, type RecordList,
} from '../extract/record.js';
import type { FusedKnowledge, FusedValue } from './types.js';
import {
  cmp, compareAgreements, compareEvents, compareMeetings, fuseAgreements, fuseAlignments, fuseDemands, fuseEvents,
  fuseMeetings, fusePerson, fuseProcess,
} from './fusion/lists.js';
import { partitionOf, type ListItem } from './fusion/partition.js';
import { compareRounds, fuseRounds } from './fusion/rounds.js';
import type { Sourced } from './fusion/sourced.js';

export { partitionOf } from './fusion/partition.js';
export type { Sourced } from './fusion/sourced.js';

/** One document's record (or the part of it a query needs) with the document's identity. */
export interface SourcedRecord {
  readonly doc: string;
  readonly published?: IsoDate;
  readonly record: Partial<Pick<ParleyRecord, RecordList>>;
}

type Fused = { [L in keyof FusedKnowledge]: FusedKnowledge[L] };
type Mutable = { [L in keyof Fused]: Fused[L][number][] };

/** Fuses one partition of one list; the KB's query path. */
export function fusePartition<L extends RecordList>(list: L, part: string, items: readonly Sourced<ListItem[L]>[]): Fused[L] {
  switch (list) {
    case 'processes': return [fuseProcess(part, items as readonly Sourced<ListItem['processes']>[])] as unknown as Fused[L];
    case 'rounds': return fuseRounds(part, items as readonly Sourced<ListItem['rounds']>[]) as unknown as Fused[L];
    case 'agreements': return fuseAgreements(part, items as readonly Sourced<ListItem['agreements']>[]) as unknown as Fused[L];
    case 'meetings': return fuseMeetings(part, items as readonly Sourced<ListItem['meetings']>[]) as unknown as Fused[L];
    case 'people': return [fusePerson(part, items as readonly Sourced<ListItem['people']>[])] as unknown as Fused[L];
    case 'alignments': return fuseAlignments(part, items as readonly Sourced<ListItem['alignments']>[]) as unknown as Fused[L];
    case 'demands': return fuseDemands(part, items as readonly Sourced<ListItem['demands']>[]) as unknown as Fused[L];
    case 'events': return fuseEvents(part, items as readonly Sourced<ListItem['events']>[]) as unknown as Fused[L];
    default: return [] as unknown as Fused[L];
  }
}

/** Sorts each list of a fused model into its canonical order (in place on fresh arrays). */
export function sortFused(k: Mutable): FusedKnowledge {
  k.processes.sort((a, b) => cmp(a.process, b.process));
  k.rounds.sort(compareRounds);
  k.agreements.sort(compareAgreements);
  k.meetings.sort(compareMeetings);
  k.people.sort((a, b) => cmp(a.person, b.person));
  k.alignments.sort((a, b) => cmp(a.id, b.id));
  k.demands.sort((a, b) => cmp(a.id, b.id));
  k.events.sort(compareEvents);
  return k;
}

export function emptyFused(): Mutable {
  return { processes: [], rounds: [], agreements: [], meetings: [], people: [], alignments: [], demands: [], events: [] };
}

/** Fuses whole records. */
export function fuse(records: readonly SourcedRecord[]): FusedKnowledge {
  const out = emptyFused();
  for (const list of RECORD_LISTS) {
    const parts = new Map<string, Sourced<ListItem[typeof list]>[]>();
    for (const r of records) {
      const items = (r.record[list] ?? []) as readonly ListItem[typeof list][];
      items.forEach((item, idx) => {
        const part = partitionOf(list, item);
        const s: Sourced<ListItem[typeof list]> = { doc: r.doc, idx, item, ...(r.published !== undefined ? { published: r.published } : {}) };
        const g = parts.get(part);
        if (g) g.push(s);
        else parts.set(part, [s]);
      });
    }
    for (const part of [...parts.keys()].sort()) {
      (out[list] as unknown[]).push(...(fusePartition(list, part, parts.get(part) ?? []) as readonly unknown[]));
    }
  }
  return sortFused(out);
}

const values = <T>(vs: readonly FusedValue<T>[]): T[] => vs.map((v) => v.value);
function opt<K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
}
function nonEmpty<K extends string, V>(key: K, v: readonly V[]): { [P in K]?: readonly V[] } {
  return (v.length === 0 ? {} : { [key]: v }) as { [P in K]?: readonly V[] };
}

/** The fused model as a RECORD.md record (no `doc`): best values, all evidence. */
export function fusedToRecord(k: FusedKnowledge): ParleyRecord {
  return {
    processes: k.processes.map((p) => ({
      id: p.process, ...opt('name', p.name?.value), ...opt('conflict', p.conflict?.value),
      ...nonEmpty('sponsors', values(p.sponsors)), ...opt('start', p.start?.value),
      ...nonEmpty<'outcomes', Outcome>('outcomes', values(p.outcomes)), evidence: p.evidence,
    })),
    rounds: k.rounds.map((r) => ({
      process: r.process, ...opt('ordinal', r.ordinal?.value), ...opt('venue', r.venue?.value),
      ...opt('start', r.start?.value), ...opt('end', r.end?.value), ...opt('status', r.status?.value),
      ...nonEmpty<'participants', Participant>('participants', values(r.participants)),
      ...nonEmpty('agenda', values(r.agenda)), ...nonEmpty<'outcomes', Outcome>('outcomes', values(r.outcomes)),
      evidence: r.evidence,
    })),
    agreements: k.agreements.map((a) => ({
      kind: a.kind, ...opt('scope', a.scope?.value), ...opt('date', a.date?.value),
      parties: values(a.parties), evidence: a.evidence,
    })),
    meetings: k.meetings.map((m) => ({
      participants: values(m.participants), ...opt('place', m.place?.value), ...opt('date', m.date?.value), evidence: m.evidence,
    })),
    people: k.people.map((p) => ({
      id: p.person, name: p.name.value, ...opt('title', p.title?.value), ...opt('affiliation', p.affiliation?.value), evidence: p.evidence,
    })),
    alignments: k.alignments.map((a) => ({ actor: a.actor, relation: a.relation, target: a.target, evidence: a.evidence })),
    demands: k.demands.map((d) => ({ actor: d.actor, kind: d.kind, target: d.target, evidence: d.evidence })),
    events: k.events.map((e) => ({
      kind: e.kind, ...opt('actor', e.actor?.value), ...opt('place', e.place?.value), ...opt('date', e.date?.value), evidence: e.evidence,
    })),
  };
}
