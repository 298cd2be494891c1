// Mutable drafts the rules fill while reading an article; `finish` turns them into the record.
import type {
  Agreement, Alignment, ConflictEvent, Demand, DocMeta, Evidence, Meeting, Outcome, ParleyRecord, Participant, Person,
  Process, Role, Round, RoundStatus, Topic,
} from '../record.js';

export interface ProcessDraft {
  readonly id: string;
  name?: string;
  conflict?: string;
  readonly sponsors: string[];
  /** Sponsors the text calls mediators or facilitators rather than brokers or guarantors. */
  readonly mediators: Set<string>;
  start?: string;
  readonly outcomes: Map<Topic, Outcome>;
  readonly evidence: Evidence[];
  /** Where the process was named from a venue: its place id. */
  venue?: string;
  /** Status cues said of the whole track ("has mostly been deadlocked"). */
  readonly votes: StatusVote[];
}

export interface StatusVote {
  readonly status: RoundStatus;
  /** Token distance from the round's mention: the nearest cue wins. */
  readonly distance: number;
  readonly sentence: number;
}

export interface RoundDraft {
  readonly process: string;
  ordinal?: number;
  venue?: string;
  start?: string;
  end?: string;
  /** Start's precision was a relative marker only ("the latest round"). */
  relative?: string;
  /** Start counted back from the close and a length ("at the close of a week of talks"). */
  startCounted?: boolean;
  readonly votes: StatusVote[];
  readonly participants: Map<string, Participant>;
  readonly agenda: Set<Topic>;
  readonly outcomes: Map<Topic, Outcome>;
  readonly evidence: Evidence[];
  /** Sentence where it was last referred to, for coreference. */
  lastSentence: number;
  /** A single sitting named by its venue ("the Hanoi Summit"). */
  sitting?: boolean;
}

export interface Drafts {
  readonly processes: Map<string, ProcessDraft>;
  readonly rounds: RoundDraft[];
  readonly agreements: (Agreement & { evidence: Evidence[] })[];
  readonly meetings: (Meeting & { evidence: Evidence[] })[];
  readonly people: Map<string, Person & { evidence: Evidence[] }>;
  readonly alignments: Map<string, Alignment>;
  readonly demands: Map<string, Demand>;
  readonly events: (ConflictEvent & { evidence: Evidence[] })[];
}

export function newDrafts(): Drafts {
  return { processes: new Map(), rounds: [], agreements: [], meetings: [], people: new Map(), alignments: new Map(), demands: new Map(), events: [] };
}

export function processDraft(d: Drafts, id: string, ev: Evidence): ProcessDraft {
  let p = d.processes.get(id);
  if (!p) {
    p = { id, sponsors: [], mediators: new Set(), outcomes: new Map(), evidence: [], votes: [] };
    d.processes.set(id, p);
  }
  addEvidence(p.evidence, ev);
  return p;
}

export function addEvidence(list: Evidence[], ev: Evidence): void {
  for (const e of list) if (e.sentence === ev.sentence && e.start === ev.start && e.end === ev.end && e.slot === ev.slot) return;
  list.push(ev);
}

const ROLE_RANK: Readonly<Record<Role, number>> = { host: 5, guarantor: 4, mediator: 3, observer: 2, party: 1 };

export function addParticipant(r: RoundDraft, actor: string, role: Role, ev: Evidence, size?: number): void {
  // a state may host a sitting and broker it too: hosting is kept apart from the other roles
  const base = actor.endsWith('.GOV') ? actor.slice(0, -4) : actor;
  const key = role === 'host' ? `${base}|host` : base;
  // "in Jeddah, Saudi Arabia": the venue's country named again is the host, not a side
  if (role === 'party' && r.participants.has(`${base}|host`)) return;
  const cur = r.participants.get(key);
  if (cur && ROLE_RANK[cur.role] >= ROLE_RANK[role]) {
    if (size && !cur.size) r.participants.set(key, { ...cur, size });
    return;
  }
  const kept = size || cur?.size;
  r.participants.set(key, kept ? { actor, role, size: kept } : { actor, role });
  // every piece of evidence comes from Context.evidence, with these keys in this order
  addEvidence(r.evidence, { doc: ev.doc, sentence: ev.sentence, start: ev.start, end: ev.end, rule: ev.rule, slot: `participants.${actor}` });
}

const STATUS_ORDER: readonly RoundStatus[] = ['postponed', 'failed', 'scheduled', 'ongoing', 'held'];

/** The vote the nearest cue cast; between equally near ones, the first in STATUS_ORDER, then the first cast. */
function nearestVote(votes: readonly StatusVote[]): StatusVote | undefined {
  let best: StatusVote | undefined;
  for (const v of votes) {
    if (!best || v.distance < best.distance || (v.distance === best.distance && STATUS_ORDER.indexOf(v.status) < STATUS_ORDER.indexOf(best.status))) best = v;
  }
  return best;
}

function day(s: string | undefined): string | undefined {
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
}

/** Status as of publication: the nearest explicit cue, checked against the dates. */
export function decideStatus(r: RoundDraft, published: string | undefined): RoundStatus | undefined {
  let cue: RoundStatus | undefined;
  // a failure or postponement said anywhere about the round outranks the plain verbs
  for (const s of ['postponed', 'failed'] as const) if (r.votes.some((v) => v.status === s)) { cue = s; break; }
  if (!cue) cue = nearestVote(r.votes)?.status;
  const start = day(r.start);
  const end = day(r.end) ?? start;
  if (published && start && end) {
    if (start > published) return cue === 'postponed' ? cue : 'scheduled';
    if (start <= published && published <= end && (cue === undefined || cue === 'ongoing' || cue === 'held' || cue === 'scheduled')) {
      // closing on the day of the story, and said to be over ("at the close of a week of talks")
      if (end === published && start < end && r.votes.some((v) => v.status === 'held')) return 'held';
      return end > published || cue === 'ongoing' || cue === 'scheduled' ? 'ongoing' : 'held';
    }
    if (end < published && (cue === 'ongoing' || cue === 'scheduled' || cue === undefined)) return 'held';
  }
  if (cue === 'ongoing' && published && r.start && r.start.slice(0, 7) < published.slice(0, 7)) return 'held';
  if (!cue && published && r.start && r.start < published.slice(0, r.start.length)) return 'held';
  return cue;
}

function sortedOutcomes(m: ReadonlyMap<Topic, Outcome>): Outcome[] {
  return [...m.values()];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// The record's objects are built key by key, in the order RECORD.md gives, rather than from
// spreads of one-key objects: no temporary objects, and the same key order in the output.
function processOf(p: ProcessDraft): Process {
  const out: Mutable<Process> = { id: p.id };
  if (p.name) out.name = p.name;
  if (p.conflict) out.conflict = p.conflict;
  if (p.sponsors.length) out.sponsors = [...p.sponsors];
  if (p.start) out.start = p.start;
  if (p.outcomes.size) out.outcomes = sortedOutcomes(p.outcomes);
  out.evidence = p.evidence;
  return out;
}

function roundOf(r: RoundDraft, published: string | undefined): Round {
  const status = decideStatus(r, published);
  // a sitting the story reports as under way or just held, without a date, is the story's own:
  // it met in the month of publication (the precision the text supports)
  if (!r.start && r.ordinal === undefined && published && (status === 'ongoing' || status === 'held') && r.evidence[0]) {
    r.start = published.slice(0, 7);
    const ev = r.evidence[0];
    addEvidence(r.evidence, { doc: ev.doc, sentence: ev.sentence, start: ev.start, end: ev.end, rule: 'round:start:published-month', slot: 'start' });
  }
  // talks that failed produced nothing, whatever else the text says of them
  if (status === 'failed' && !r.outcomes.has('no_progress')) r.outcomes.set('no_progress', { kind: 'no_progress' });
  const out: Mutable<Round> = { process: r.process };
  if (r.ordinal !== undefined) out.ordinal = r.ordinal;
  if (r.venue) out.venue = r.venue;
  if (r.start) out.start = r.start;
  if (r.end) out.end = r.end;
  if (status) out.status = status;
  out.participants = [...r.participants.values()];
  out.agenda = [...r.agenda];
  out.outcomes = sortedOutcomes(r.outcomes);
  out.evidence = r.evidence;
  return out;
}

export function finish(d: Drafts, doc: DocMeta | undefined, published: string | undefined): ParleyRecord {
  const processes: Process[] = [];
  for (const p of d.processes.values()) processes.push(processOf(p));
  const rounds: Round[] = [];
  for (const r of d.rounds) rounds.push(roundOf(r, published));
  const people = [...d.people.values()];
  const alignments = [...d.alignments.values()];
  const demands = [...d.demands.values()];
  const { agreements, meetings, events } = d;
  return doc
    ? { doc, processes, rounds, agreements, meetings, people, alignments, demands, events }
    : { processes, rounds, agreements, meetings, people, alignments, demands, events };
}
