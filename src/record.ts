// The Parley record (../shared/spec/RECORD.md): the contract every stage reads and writes. It sits
// outside the stage folders, like errors.ts, because the NLP layer already speaks its vocabularies.

export const TOPICS = [
  'ceasefire', 'security_zones', 'humanitarian_aid', 'prisoners', 'political_transition',
  'constitution', 'elections', 'withdrawal', 'refugees', 'reconstruction', 'sanctions',
  'territory', 'power_sharing', 'disarmament', 'justice', 'counterterrorism', 'monitoring',
  'conference', 'agreement', 'no_progress',
] as const;
export type Topic = (typeof TOPICS)[number];

export const ROLES = ['guarantor', 'mediator', 'party', 'observer', 'host'] as const;
export type Role = (typeof ROLES)[number];

export const ROUND_STATUSES = ['scheduled', 'ongoing', 'held', 'failed', 'postponed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const TITLES = [
  'head_of_state', 'head_of_government', 'foreign_minister', 'defense_minister', 'minister',
  'envoy', 'negotiator', 'spokesperson', 'commander', 'leader', 'official',
] as const;
export type Title = (typeof TITLES)[number];

export const RELATIONS = ['ally_of', 'supports', 'opposes'] as const;
export type Relation = (typeof RELATIONS)[number];

export type DemandKind = Topic | 'leadership_change';

export const EVENT_KINDS = [
  'capture', 'attack', 'withdrawal', 'ceasefire_violation', 'prisoner_exchange', 'aid_delivery', 'evacuation',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** An actor id: `RUS`, `SYR.OPP`, `UN`, `GRP:taliban` or a person `@sergei-lavrov`. */
export type ActorId = string;
/** A place id: `astana@KZ`. */
export type PlaceId = string;
/** An ISO 8601 date at the text's precision: `2017`, `2017-10`, `2017-10-30`, `2017-W50`. */
export type IsoDate = string;

/**
 * Where a value came from. `start`/`end` are UTF-16 offsets into the document text (the
 * article body as given to `extract`); `sentence` is the index of the sentence holding the
 * span. `slot` names the value this evidence supports when it is not the item itself
 * (`venue`, `start`, `participants.IRN`, `agenda.prisoners` …).
 */
export interface Evidence {
  readonly doc: string;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly slot?: string;
}

export interface Outcome {
  readonly kind: Topic;
  readonly count?: number;
}

export interface Participant {
  readonly actor: ActorId;
  readonly role: Role;
  readonly size?: number;
}

export interface Process {
  readonly id: string;
  readonly name?: string;
  readonly conflict?: string;
  readonly sponsors?: readonly ActorId[];
  readonly start?: IsoDate;
  readonly outcomes?: readonly Outcome[];
  readonly evidence?: readonly Evidence[];
}

export interface Round {
  readonly process: string;
  readonly ordinal?: number;
  readonly venue?: PlaceId;
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  readonly status?: RoundStatus;
  readonly participants?: readonly Participant[];
  readonly agenda?: readonly Topic[];
  readonly outcomes?: readonly Outcome[];
  readonly evidence?: readonly Evidence[];
}

export interface Agreement {
  readonly kind: Topic;
  readonly scope?: string;
  readonly date?: IsoDate;
  readonly parties?: readonly ActorId[];
  readonly evidence?: readonly Evidence[];
}

export interface Meeting {
  readonly participants: readonly ActorId[];
  readonly place?: PlaceId;
  readonly date?: IsoDate;
  readonly evidence?: readonly Evidence[];
}

export interface Person {
  readonly id: ActorId;
  readonly name: string;
  readonly title?: Title;
  readonly affiliation?: ActorId;
  readonly evidence?: readonly Evidence[];
}

export interface Alignment {
  readonly actor: ActorId;
  readonly relation: Relation;
  readonly target: ActorId;
  readonly evidence?: readonly Evidence[];
}

export interface Demand {
  readonly actor: ActorId;
  readonly kind: DemandKind;
  readonly target: ActorId;
  readonly evidence?: readonly Evidence[];
}

export interface ConflictEvent {
  readonly kind: EventKind;
  readonly actor?: ActorId;
  readonly place?: PlaceId;
  readonly date?: IsoDate;
  readonly evidence?: readonly Evidence[];
}

export interface DocMeta {
  readonly id: string;
  readonly source?: string;
  readonly published?: IsoDate;
  readonly title?: string;
  readonly url?: string;
}

export interface ParleyRecord {
  readonly doc?: DocMeta;
  readonly processes: readonly Process[];
  readonly rounds: readonly Round[];
  readonly agreements: readonly Agreement[];
  readonly meetings: readonly Meeting[];
  readonly people: readonly Person[];
  readonly alignments: readonly Alignment[];
  readonly demands: readonly Demand[];
  readonly events: readonly ConflictEvent[];
  /** Non-fatal notes about the input (e.g. "not English"). Omitted when empty. */
  readonly warnings?: readonly string[];
}

export const RECORD_LISTS = [
  'processes', 'rounds', 'agreements', 'meetings', 'people', 'alignments', 'demands', 'events',
] as const;
export type RecordList = (typeof RECORD_LISTS)[number];

export const isRecordList = (s: string): s is RecordList => (RECORD_LISTS as readonly string[]).includes(s);

export function emptyRecord(doc?: DocMeta): ParleyRecord {
  return {
    ...(doc ? { doc } : {}),
    processes: [], rounds: [], agreements: [], meetings: [], people: [], alignments: [], demands: [], events: [],
  };
}
