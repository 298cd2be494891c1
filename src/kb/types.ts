// The public read/write interface of the knowledge base. The HTTP API, the web UI and the CLI
// read only through these shapes, so they are extended, never broken: add optional members.
import type { Article } from '../ingest/article.js';
import type { ParleyError } from '../errors.js';
import type {
  ActorId, Evidence, EventKind, IsoDate, ParleyRecord, Participant, PlaceId, Relation, Outcome,
  RoundStatus, Title, Topic, DemandKind, RecordList,
} from '../extract/record.js';

/** A stored document's id: the SHA-256 hex of its text. Evidence in the KB uses it as `doc`. */
export type DocId = string;

/**
 * A fused fact's id: opaque to callers, stable for as long as the facts behind it are unchanged.
 * (It encodes list, partition, item key, slot and value, so `evidence(id)` can find the fact
 * without fusing the whole knowledge base.) URL-safe: `[A-Za-z0-9_-]` only.
 */
export type FactId = string;

// ---------------------------------------------------------------------------------------------
// Extractor coordination

/**
 * Optional fields the extractor may add to a round; fusion reads them when present.
 * `relativeOrdinal`: the text says "the next round" (+1) or "the previous round" (-1) relative
 * to the latest round of the process known when the document was published; fusion turns it
 * into an ordinal from the neighbouring rounds (and marks the ordinal `inferred`).
 */
export interface RoundHints {
  readonly relativeOrdinal?: number;
}

/** Turns an article into its record. Defaults to `extract` from src/extract/index.ts. */
export type Extractor = (article: Article) => ParleyRecord;

// ---------------------------------------------------------------------------------------------
// Fused values

/** One value of a slot as the sources give it. */
export interface FusedValue<T> {
  /** Ask `evidence(id)` for the sentences behind this value. */
  readonly id: FactId;
  readonly value: T;
  /** Independent sources: distinct documents that state this value. */
  readonly sources: number;
  /** Every span behind the value, sorted by doc, sentence, start. */
  readonly evidence: readonly Evidence[];
  /** Latest `published` among the supporting documents, when known. */
  readonly latest?: IsoDate;
}

/** A single-valued slot (venue, start, status …): the best-supported value plus every rival. */
export interface FusedSlot<T> extends FusedValue<T> {
  /** True when sources give different values that cannot all be true. */
  readonly disputed: boolean;
  /** Every value given, best first; `values[0]` is this slot's own value. */
  readonly values: readonly FusedValue<T>[];
  /** True when no source states the value and fusion inferred it (an ordinal from neighbours). */
  readonly inferred?: boolean;
}

/** What every fused item carries. */
export interface FusedItem {
  /** The item's own fact id (its existence). */
  readonly id: FactId;
  /** Distinct documents mentioning the item. */
  readonly sources: number;
  /** All evidence for the item and its slots, sorted. */
  readonly evidence: readonly Evidence[];
  /** Names of the slots whose sources disagree (`start`, `venue` …); empty when none. */
  readonly disputed: readonly string[];
}

export interface FusedProcess extends FusedItem {
  readonly process: string;
  readonly name?: FusedSlot<string>;
  readonly conflict?: FusedSlot<string>;
  readonly start?: FusedSlot<IsoDate>;
  readonly sponsors: readonly FusedValue<ActorId>[];
  readonly outcomes: readonly FusedValue<Outcome>[];
}

export interface FusedRound extends FusedItem {
  readonly process: string;
  readonly ordinal?: FusedSlot<number>;
  readonly venue?: FusedSlot<PlaceId>;
  readonly start?: FusedSlot<IsoDate>;
  readonly end?: FusedSlot<IsoDate>;
  /** Follows the latest published evidence, not the majority. */
  readonly status?: FusedSlot<RoundStatus>;
  /** Sorted by role (RECORD.md's order), then actor. Group with `participantsByRole`. */
  readonly participants: readonly FusedValue<Participant>[];
  readonly agenda: readonly FusedValue<Topic>[];
  readonly outcomes: readonly FusedValue<Outcome>[];
}

export interface FusedAgreement extends FusedItem {
  readonly kind: Topic;
  readonly scope?: FusedSlot<string>;
  readonly date?: FusedSlot<IsoDate>;
  readonly parties: readonly FusedValue<ActorId>[];
}

export interface FusedMeeting extends FusedItem {
  readonly participants: readonly FusedValue<ActorId>[];
  readonly place?: FusedSlot<PlaceId>;
  readonly date?: FusedSlot<IsoDate>;
}

export interface FusedPerson extends FusedItem {
  readonly person: ActorId;
  readonly name: FusedSlot<string>;
  readonly title?: FusedSlot<Title>;
  readonly affiliation?: FusedSlot<ActorId>;
}

export interface FusedAlignment extends FusedItem {
  readonly actor: ActorId;
  readonly relation: Relation;
  readonly target: ActorId;
}

export interface FusedDemand extends FusedItem {
  readonly actor: ActorId;
  readonly kind: DemandKind;
  readonly target: ActorId;
}

export interface FusedEvent extends FusedItem {
  readonly kind: EventKind;
  readonly actor?: FusedSlot<ActorId>;
  readonly place?: FusedSlot<PlaceId>;
  readonly date?: FusedSlot<IsoDate>;
}

/** The whole fused model, every list in a deterministic order. */
export interface FusedKnowledge {
  readonly processes: readonly FusedProcess[];
  /** By process, then ordinal, then start. */
  readonly rounds: readonly FusedRound[];
  readonly agreements: readonly FusedAgreement[];
  readonly meetings: readonly FusedMeeting[];
  readonly people: readonly FusedPerson[];
  readonly alignments: readonly FusedAlignment[];
  readonly demands: readonly FusedDemand[];
  readonly events: readonly FusedEvent[];
}

// ---------------------------------------------------------------------------------------------
// Ingest

export type IngestStatus = 'new' | 'unchanged' | 'failed';

/** The outcome for one document. Batch ingest reports one per item and never throws for one. */
export interface IngestResult {
  readonly status: IngestStatus;
  /** The file, feed item or JSONL line the document came from (or the article id). */
  readonly subject: string;
  /** Content hash; absent when the input could not be read. */
  readonly doc?: DocId;
  /** Facts stored (0 when unchanged or failed). */
  readonly facts: number;
  /** Why it failed. */
  readonly error?: ParleyError;
}

/** One input of a batch: an article, or a read error to report in its place. */
export type IngestItem =
  | { readonly subject: string; readonly article: Article; readonly error?: undefined }
  | { readonly subject: string; readonly article?: undefined; readonly error: ParleyError };

export interface IngestManyOptions {
  /** Called after each item is committed (or has failed), in input order. */
  readonly onResult?: (result: IngestResult, index: number) => void;
  /**
   * Documents committed together (default 32): each stays whole (its facts all or none) and a
   * failing one is undone alone, but one commit per group saves a write of every index page
   * the documents share. A crash loses at most the group in flight, which `onResult` has not
   * reported yet. 1 commits every document on its own.
   */
  readonly group?: number;
  /** A group is committed once its first document has waited this long (default 250 ms). */
  readonly groupMs?: number;
}

export interface IngestSummary {
  readonly new: number;
  readonly unchanged: number;
  readonly failed: number;
  /** Only the failures (the successes went to `onResult`), so memory stays flat. */
  readonly failures: readonly IngestResult[];
}

// ---------------------------------------------------------------------------------------------
// Queries

export interface PageOptions {
  readonly limit?: number;
  readonly offset?: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Items in the whole result, not just this page. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface ProcessSummary {
  readonly id: string;
  readonly fact: FactId;
  readonly name?: string;
  readonly conflict?: string;
  readonly rounds: number;
  /** Earliest and latest round dates (start or end) the KB knows. */
  readonly first?: IsoDate;
  readonly last?: IsoDate;
  /** Status of the latest round. */
  readonly latestStatus?: RoundStatus;
  /** Distinct documents mentioning the process or its rounds. */
  readonly sources: number;
  readonly disputed: boolean;
}

export interface ProcessDetail {
  readonly id: string;
  /** Absent when no document names the process itself, only its rounds. */
  readonly process?: FusedProcess;
  /** In order: ordinal, then start date; unnumbered and undated rounds last. */
  readonly rounds: readonly FusedRound[];
  /** Agreements that rounds of this process produced (same kind and month as a round outcome). */
  readonly agreements: readonly FusedAgreement[];
  readonly sources: number;
}

export type ActorKind = 'state' | 'sector' | 'organisation' | 'group' | 'person';

/** One round an actor sat in. */
export interface ActorRound {
  readonly round: FactId;
  readonly process: string;
  readonly ordinal?: number;
  readonly start?: IsoDate;
  readonly venue?: PlaceId;
  readonly role: Participant['role'];
  /** The exact actor id in the round (`SYR.GOV` when asked for `SYR`). */
  readonly actor: ActorId;
}

export interface ActorDetail {
  readonly id: ActorId;
  readonly kind: ActorKind;
  /** For a person. */
  readonly person?: FusedPerson;
  /** People affiliated with this actor. */
  readonly people: readonly FusedPerson[];
  readonly rounds: readonly ActorRound[];
  /** Processes the actor sponsors. */
  readonly sponsors: readonly string[];
  readonly agreements: readonly FusedAgreement[];
  readonly meetings: readonly FusedMeeting[];
  /** As actor or as target. */
  readonly alignments: readonly FusedAlignment[];
  readonly demands: readonly FusedDemand[];
  readonly events: readonly FusedEvent[];
  readonly sources: number;
}

export type SearchHitKind = 'process' | 'actor' | 'place';

export interface SearchHit {
  readonly kind: SearchHitKind;
  readonly id: string;
  /** A display label (a person's name, a process name), else the id. */
  readonly label: string;
  /** Documents mentioning it. */
  readonly sources: number;
}

export interface DocumentSummary {
  readonly id: DocId;
  /** The id the article arrived with (file name, feed guid, JSON `id`). */
  readonly articleId: string;
  readonly title?: string;
  readonly source?: string;
  readonly published?: IsoDate;
  readonly url?: string;
  readonly facts: number;
}

export interface DocumentView extends DocumentSummary {
  readonly text: string;
  /** Sentence spans of `text`, indexed as evidence `sentence` indexes are. */
  readonly sentences: readonly { readonly index: number; readonly start: number; readonly end: number }[];
}

/** One span behind a fact, resolved against its document. */
export interface EvidenceSpan {
  readonly evidence: Evidence;
  readonly document: DocumentSummary;
  /** The whole sentence holding the span. */
  readonly sentence: string;
  /** The span itself (`text.slice(start, end)`). */
  readonly span: string;
  /** Offsets of the span inside `sentence`. */
  readonly spanInSentence: { readonly start: number; readonly end: number };
}

export interface EvidenceView {
  readonly fact: FactId;
  readonly list: RecordList;
  /** The slot the fact is (`venue`, `participants` …), absent for the item itself. */
  readonly slot?: string;
  readonly value: unknown;
  readonly sources: number;
  readonly spans: readonly EvidenceSpan[];
}

export interface KbStats {
  readonly documents: number;
  readonly facts: number;
  readonly processes: number;
}

export type Backend = 'sqlite' | 'postgres';

export interface KnowledgeBase {
  readonly backend: Backend;

  /**
   * Extracts and stores one article in one transaction. Identical text already stored gives
   * `unchanged` and writes nothing. Resolves to `failed` (never rejects) for a bad article;
   * rejects only with a `StoreError` when the store itself fails.
   */
  ingest(article: Article, subject?: string): Promise<IngestResult>;

  /**
   * Ingests items in input order, committed in small groups (see `IngestManyOptions.group`);
   * a bad item never stops the batch.
   */
  ingestMany(items: Iterable<IngestItem> | AsyncIterable<IngestItem>, options?: IngestManyOptions): Promise<IngestSummary>;

  /** Processes by id, paged. */
  processes(options?: PageOptions): Promise<Page<ProcessSummary>>;

  /** A process with its fused rounds in order; undefined when the KB knows nothing of it. */
  process(id: string): Promise<ProcessDetail | undefined>;

  /** Everything about an actor (`RUS` also finds `RUS.GOV`; `SYR` finds its sectors too). */
  actor(id: ActorId): Promise<ActorDetail | undefined>;

  /**
   * The fused items of one list that involve any of these actors, as `actor()` finds them
   * (party, participant, actor or target of an alignment, demand or event), in export order.
   * Reads only that list's partitions: a process page's network needs the parties' alignments,
   * not every round they ever sat in.
   */
  involving<L extends InvolvingList>(list: L, actors: readonly ActorId[]): Promise<FusedKnowledge[L]>;

  /** Fused agreements, by date then kind; filter by kind or scope. */
  agreements(options?: PageOptions & { readonly kind?: Topic; readonly scope?: string }): Promise<Page<FusedAgreement>>;

  /** Processes, actors and places whose id or label contains `q` (case-insensitive). */
  search(q: string, options?: PageOptions & { readonly kinds?: readonly SearchHitKind[] }): Promise<Page<SearchHit>>;

  /** Stored documents, newest published first. */
  documents(options?: PageOptions): Promise<Page<DocumentSummary>>;

  /** A stored document's text and metadata. */
  document(id: DocId): Promise<DocumentView | undefined>;

  /** The sentences and spans behind a fused fact; undefined for an unknown or stale id. */
  evidence(fact: FactId): Promise<EvidenceView | undefined>;

  /** The whole fused model (every list). Costly on a large KB: prefer the paged queries. */
  fused(): Promise<FusedKnowledge>;

  /**
   * Fuses and keeps every partition large enough to keep (OpenOptions.keepFusedFrom), so the
   * first reads after an ingest need no fusion. Returns how many partitions are kept.
   */
  warm(): Promise<number>;

  /**
   * The whole KB as one RECORD.md record without `doc`: best values, all evidence, stable order.
   * Two KBs holding the same documents export deep-equal (and byte-identical via `canonicalJson`).
   */
  exportRecord(): Promise<ParleyRecord>;

  stats(): Promise<KbStats>;
  /** Changes whenever the content does (documents or facts added), cheaply: for caches. */
  revision(): Promise<string>;

  /** Releases the database connection; the object is unusable afterwards. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Overrides the extractor (tests, embedding with one's own). */
  readonly extract?: Extractor;
  /**
   * Partitions of at least this many facts keep their fusion in the store for later reads
   * (default 200); Infinity keeps none.
   */
  readonly keepFusedFrom?: number;
  /**
   * Recently read fusions are held in memory up to this many facts in all (default 50,000: ~125 MB of heap);
   * 0 holds none. A held fusion is used while its partition's fact count is unchanged.
   */
  readonly memoryFacts?: number;
}

export type { RecordList };

/** The lists `involving()` reads. */
export type InvolvingList = 'agreements' | 'meetings' | 'alignments' | 'demands' | 'events';
