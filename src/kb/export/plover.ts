// PLOVER-style events: one per round (a consultation), meeting, agreement, demand and conflict
// event, with the PLOVER event type and mode, actors and recipients as lists, date, place, and
// the sentence of the first supporting evidence.
import type { Evidence, EventKind } from '../../extract/record.js';
import type { FusedKnowledge } from '../types.js';

export interface PloverEvent {
  readonly id: string;
  readonly event_type: 'CONSULT' | 'AGREE' | 'DEMAND' | 'ASSAULT' | 'RETREAT' | 'AID' | 'CONCEDE';
  readonly mode?: string;
  readonly context: readonly string[];
  readonly actors: readonly string[];
  readonly recipients: readonly string[];
  readonly date?: string;
  readonly place?: string;
  readonly process?: string;
  readonly sources: number;
  readonly source?: { readonly doc: string; readonly sentence: string };
}

/** Resolves an evidence span to its sentence text (the caller caches documents). */
export type SentenceOf = (e: Evidence) => Promise<string | undefined>;

const EVENT_TYPES: Readonly<Record<EventKind, [PloverEvent['event_type'], string]>> = {
  capture: ['ASSAULT', 'capture'],
  attack: ['ASSAULT', 'attack'],
  withdrawal: ['RETREAT', 'withdrawal'],
  ceasefire_violation: ['ASSAULT', 'ceasefire_violation'],
  prisoner_exchange: ['CONCEDE', 'release_persons'],
  aid_delivery: ['AID', 'humanitarian'],
  evacuation: ['AID', 'evacuation'],
};

export async function* ploverEvents(k: FusedKnowledge, sentenceOf: SentenceOf): AsyncGenerator<PloverEvent> {
  const source = async (ev: readonly Evidence[]): Promise<{ source?: PloverEvent['source'] }> => {
    const e = ev.find((x) => x.slot === undefined) ?? ev[0];
    if (!e) return {};
    const sentence = await sentenceOf(e);
    return sentence === undefined ? {} : { source: { doc: e.doc, sentence } };
  };
  for (const r of k.rounds) {
    yield {
      id: r.id, event_type: 'CONSULT', mode: 'negotiation', context: ['peace_process'],
      actors: r.participants.filter((p) => p.value.role === 'party').map((p) => p.value.actor),
      recipients: r.participants.filter((p) => p.value.role !== 'party').map((p) => p.value.actor),
      ...(r.start ? { date: r.start.value } : r.end ? { date: r.end.value } : {}),
      ...(r.venue ? { place: r.venue.value } : {}), process: r.process, sources: r.sources, ...(await source(r.evidence)),
    };
  }
  for (const m of k.meetings) {
    const [first, ...rest] = m.participants.map((p) => p.value);
    yield {
      id: m.id, event_type: 'CONSULT', mode: 'meeting', context: ['diplomacy'],
      actors: first !== undefined ? [first] : [], recipients: rest,
      ...(m.date ? { date: m.date.value } : {}), ...(m.place ? { place: m.place.value } : {}), sources: m.sources, ...(await source(m.evidence)),
    };
  }
  for (const a of k.agreements) {
    yield {
      id: a.id, event_type: 'AGREE', mode: a.kind, context: ['peace_process'],
      actors: a.parties.map((p) => p.value), recipients: a.scope && !a.scope.value.includes('@') ? [a.scope.value] : [],
      ...(a.date ? { date: a.date.value } : {}), ...(a.scope?.value.includes('@') ? { place: a.scope.value } : {}),
      sources: a.sources, ...(await source(a.evidence)),
    };
  }
  for (const d of k.demands) {
    yield {
      id: d.id, event_type: 'DEMAND', mode: d.kind, context: ['peace_process'], actors: [d.actor], recipients: [d.target],
      sources: d.sources, ...(await source(d.evidence)),
    };
  }
  for (const e of k.events) {
    const [type, mode] = EVENT_TYPES[e.kind];
    yield {
      id: e.id, event_type: type, mode, context: ['conflict'], actors: e.actor ? [e.actor.value] : [], recipients: [],
      ...(e.date ? { date: e.date.value } : {}), ...(e.place ? { place: e.place.value } : {}), sources: e.sources, ...(await source(e.evidence)),
    };
  }
}
