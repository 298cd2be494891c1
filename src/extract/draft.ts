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
  if (!list.some((e) => e.sentence === ev.sentence && e.start === ev.start && e.end === ev.end && e.slot === ev.slot)) list.push(ev);
}

const ROLE_RANK: Readonly<Record<Role, number>> = { host: 5, guarantor: 4, mediator: 3, observer: 2, party: 1 };

export function addParticipant(r: RoundDraft, actor: string, role: Role, ev: Evidence, size?: number): void {
  // a state may host a sitting and broker it too: hosting is kept apart from the other roles
  const key = role === 'host' ? `${actor.replace(/\.GOV$/, '')}|host` : actor.replace(/\.GOV$/, '');
  // "in Jeddah, Saudi Arabia": the venue's country named again is the host, not a side
  if (role === 'party' && r.participants.has(`${actor.replace(/\.GOV$/, '')}|host`)) return;
  const cur = r.participants.get(key);
  if (cur && ROLE_RANK[cur.role] >= ROLE_RANK[role]) {
    if (size && !cur.size) r.participants.set(key, { ...cur, size });
    return;
  }
  r.participants.set(key, { actor, role, ...(size ? { size } : (cur?.size ? { size: cur.size } : {})) });
  addEvidence(r.evidence, { ...ev, slot: `participants.${actor}` });
}

/** Status as of publication: the nearest explicit cue, checked against the dates. */
export function decideStatus(r: RoundDraft, published: string | undefined): RoundStatus | undefined {
  const order: readonly RoundStatus[] = ['postponed', 'failed', 'scheduled', 'ongoing', 'held'];
  let cue: RoundStatus | undefined;
  // a failure or postponement said anywhere about the round outranks the plain verbs
  for (const s of ['postponed', 'failed'] as const) if (r.votes.some((v) => v.status === s)) { cue = s; break; }
  if (!cue) {
    const best = [...r.votes].sort((a, b) => a.distance - b.distance || order.indexOf(a.status) - order.indexOf(b.status))[0];
    cue = best?.status;
  }
  const day = (s: string | undefined): string | undefined => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
  const start = day(r.start);
  const end = day(r.end) ?? start;
  if (published && start && end) {
    if (start > published) return cue === 'postponed' ? cue : 'scheduled';
    if (start <= published && published <= end && (cue === undefined || cue === 'ongoing' || cue === 'held' || cue === 'scheduled')) {
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

export function finish(d: Drafts, doc: DocMeta | undefined, published: string | undefined): ParleyRecord {
  const processes: Process[] = [...d.processes.values()].map((p) => ({
    id: p.id,
    ...(p.name ? { name: p.name } : {}),
    ...(p.conflict ? { conflict: p.conflict } : {}),
    ...(p.sponsors.length ? { sponsors: [...p.sponsors] } : {}),
    ...(p.start ? { start: p.start } : {}),
    ...(p.outcomes.size ? { outcomes: sortedOutcomes(p.outcomes) } : {}),
    evidence: p.evidence,
  }));
  const rounds: Round[] = d.rounds.map((r) => {
    const status = decideStatus(r, published);
    // talks that failed produced nothing, whatever else the text says of them
    if (status === 'failed' && !r.outcomes.has('no_progress')) r.outcomes.set('no_progress', { kind: 'no_progress' });
    return {
      process: r.process,
      ...(r.ordinal !== undefined ? { ordinal: r.ordinal } : {}),
      ...(r.venue ? { venue: r.venue } : {}),
      ...(r.start ? { start: r.start } : {}),
      ...(r.end ? { end: r.end } : {}),
      ...(status ? { status } : {}),
      participants: [...r.participants.values()],
      agenda: [...r.agenda],
      outcomes: sortedOutcomes(r.outcomes),
      evidence: r.evidence,
    };
  });
  return {
    ...(doc ? { doc } : {}),
    processes,
    rounds,
    agreements: d.agreements,
    meetings: d.meetings,
    people: [...d.people.values()],
    alignments: [...d.alignments.values()],
    demands: [...d.demands.values()],
    events: d.events,
  };
}
