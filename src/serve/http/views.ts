// The API's JSON shapes: compact views of the KB's fused values. Evidence arrays are replaced by
// fact ids (GET /api/evidence/{fact} resolves them), so a process with hundreds of rounds stays small.
import type {
  ActorDetail, FusedAgreement, FusedEvent, FusedMeeting, FusedAlignment, FusedDemand, FusedPerson, FusedProcess,
  FusedRound, FusedSlot, FusedValue, Page, ProcessDetail, ProcessSummary,
} from '../../kb/types.js';
import type { Outcome, Participant, Topic } from '../../extract/record.js';

export interface ValueView<T> {
  readonly fact: string;
  readonly value: T;
  readonly sources: number;
}

export interface SlotView<T> extends ValueView<T> {
  readonly disputed: boolean;
  readonly inferred?: boolean;
  /** Every value the sources give, best first (only when disputed). */
  readonly alternatives?: readonly ValueView<T>[];
}

export interface RoundView {
  readonly fact: string;
  readonly process: string;
  readonly ordinal?: SlotView<number>;
  readonly venue?: SlotView<string>;
  readonly start?: SlotView<string>;
  readonly end?: SlotView<string>;
  readonly status?: SlotView<string>;
  readonly participants: readonly (ValueView<string> & { readonly role: Participant['role']; readonly size?: number })[];
  readonly agenda: readonly ValueView<Topic>[];
  readonly outcomes: readonly (ValueView<Topic> & { readonly count?: number })[];
  readonly sources: number;
  readonly disputed: readonly string[];
}

export function value<T>(v: FusedValue<T>): ValueView<T> {
  return { fact: v.id, value: v.value, sources: v.sources };
}

export function slot<T>(s: FusedSlot<T> | undefined): SlotView<T> | undefined {
  if (!s) return undefined;
  return {
    fact: s.id, value: s.value, sources: s.sources, disputed: s.disputed,
    ...(s.inferred ? { inferred: true } : {}),
    ...(s.disputed ? { alternatives: s.values.map(value) } : {}),
  };
}

function opt<K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
}

function outcome(v: FusedValue<Outcome>): ValueView<Topic> & { count?: number } {
  return { fact: v.id, value: v.value.kind, sources: v.sources, ...opt('count', v.value.count) };
}

export function roundView(r: FusedRound): RoundView {
  return {
    fact: r.id, process: r.process,
    ...opt('ordinal', slot(r.ordinal)), ...opt('venue', slot(r.venue)), ...opt('start', slot(r.start)),
    ...opt('end', slot(r.end)), ...opt('status', slot(r.status)),
    participants: r.participants.map((p) => ({ fact: p.id, value: p.value.actor, role: p.value.role, sources: p.sources, ...opt('size', p.value.size) })),
    agenda: r.agenda.map(value),
    outcomes: r.outcomes.map(outcome),
    sources: r.sources,
    disputed: r.disputed,
  };
}

export function agreementView(a: FusedAgreement): object {
  return {
    fact: a.id, kind: a.kind, ...opt('scope', slot(a.scope)), ...opt('date', slot(a.date)),
    parties: a.parties.map(value), sources: a.sources, disputed: a.disputed,
  };
}

export function processHead(p: FusedProcess | undefined): object {
  if (!p) return {};
  return {
    fact: p.id, ...opt('name', slot(p.name)), ...opt('conflict', slot(p.conflict)), ...opt('start', slot(p.start)),
    sponsors: p.sponsors.map(value), outcomes: p.outcomes.map(outcome), disputed: p.disputed,
  };
}

/** Round ids of a process page: ordinal, dates and status only, for the sparkline. */
export function timelinePoint(r: FusedRound): object {
  return { ...opt('ordinal', r.ordinal?.value), ...opt('start', r.start?.value), ...opt('end', r.end?.value), ...opt('status', r.status?.value) };
}

export function processSummaryView(s: ProcessSummary, detail: ProcessDetail | undefined): object {
  return {
    id: s.id, fact: s.fact, ...opt('name', s.name), ...opt('conflict', s.conflict),
    sponsors: detail?.process?.sponsors.map((v) => v.value) ?? [],
    rounds: s.rounds, ...opt('first', s.first), ...opt('last', s.last), ...opt('latestStatus', s.latestStatus),
    sources: s.sources, disputed: s.disputed,
    timeline: detail?.rounds.map(timelinePoint) ?? [],
  };
}

export function pageView<T, U>(p: Page<T>, f: (t: T) => U): { items: U[]; total: number; limit: number; offset: number } {
  return { items: p.items.map(f), total: p.total, limit: p.limit, offset: p.offset };
}

export function personView(p: FusedPerson): object {
  return { fact: p.id, id: p.person, name: slot(p.name), ...opt('title', slot(p.title)), ...opt('affiliation', slot(p.affiliation)), sources: p.sources };
}

export function meetingView(m: FusedMeeting): object {
  return { fact: m.id, participants: m.participants.map(value), ...opt('place', slot(m.place)), ...opt('date', slot(m.date)), sources: m.sources };
}

export function alignmentView(a: FusedAlignment): object {
  return { fact: a.id, actor: a.actor, relation: a.relation, target: a.target, sources: a.sources };
}

export function demandView(d: FusedDemand): object {
  return { fact: d.id, actor: d.actor, kind: d.kind, target: d.target, sources: d.sources };
}

export function eventView(e: FusedEvent): object {
  return { fact: e.id, kind: e.kind, ...opt('actor', slot(e.actor)), ...opt('place', slot(e.place)), ...opt('date', slot(e.date)), sources: e.sources };
}

export function actorView(a: ActorDetail): object {
  return {
    id: a.id, kind: a.kind, ...opt('person', a.person ? personView(a.person) : undefined),
    people: a.people.map(personView), rounds: a.rounds, sponsors: a.sponsors,
    agreements: a.agreements.map(agreementView), meetings: a.meetings.map(meetingView),
    alignments: a.alignments.map(alignmentView), demands: a.demands.map(demandView), events: a.events.map(eventView),
    sources: a.sources,
  };
}
