// The storage interface under the knowledge base: documents and their facts in, partitions of
// facts out. Both backends implement it with the same Kysely queries (kysely-store.ts).
import type { Backend } from './types.js';

export interface DocumentRow {
  readonly id: string;
  readonly articleId: string;
  readonly title?: string;
  readonly source?: string;
  readonly published?: string;
  readonly url?: string;
  readonly text: string;
  readonly facts: number;
  readonly warnings?: readonly string[];
}

export type DocumentMeta = Omit<DocumentRow, 'text' | 'warnings'>;

export interface FactRow {
  readonly list: string;
  readonly idx: number;
  readonly part: string;
  readonly data: string;
}

export type MentionKind = 'process' | 'actor' | 'place';

export interface MentionRow {
  readonly list: string;
  readonly part: string;
  readonly kind: MentionKind;
  readonly ref: string;
  readonly label?: string;
}

/** A stored fact with its document's identity, as fusion wants it. */
export interface LoadedFact {
  readonly doc: string;
  readonly published?: string;
  readonly idx: number;
  readonly data: string;
}

export interface MentionCount {
  readonly kind: MentionKind;
  readonly ref: string;
  readonly label?: string;
  readonly sources: number;
}

/** One document as the store writes it: the row, its facts and what they mention. */
export interface DocumentWrite {
  readonly doc: DocumentRow;
  readonly facts: readonly FactRow[];
  readonly mentions: readonly MentionRow[];
}

/** Per document of a group: stored, already there (the same text), or the error that undid it. */
export type WriteResult = 'stored' | 'present' | Error;

export interface Store {
  readonly backend: Backend;
  hasDocument(id: string): Promise<boolean>;
  /** Writes a document, its facts and mentions in one transaction; false when it was already there. */
  putDocument(doc: DocumentRow, facts: readonly FactRow[], mentions: readonly MentionRow[]): Promise<boolean>;
  /**
   * Writes a group of documents in one transaction, each whole or not at all (a savepoint each):
   * one failing document is undone alone and reported in its place. Throws when the group as a
   * whole cannot commit; then none of it is stored.
   */
  putDocuments(group: readonly DocumentWrite[]): Promise<WriteResult[]>;
  document(id: string): Promise<DocumentRow | undefined>;
  documentMetas(ids: readonly string[]): Promise<DocumentMeta[]>;
  /** Newest published first, then id. */
  documents(limit: number, offset: number): Promise<{ items: DocumentMeta[]; total: number }>;
  /** All facts of one partition of one list. */
  partition(list: string, part: string): Promise<LoadedFact[]>;
  /** How many facts a partition holds (an index count, no rows read). */
  partitionSize(list: string, part: string): Promise<number>;
  /** The kept fusion of a partition and the number of facts it was made from, if any. */
  fusedPartition(list: string, part: string): Promise<{ facts: number; data: string } | undefined>;
  /** Per partition of a list: how many facts it holds, and how many its kept fusion was made from. */
  partitionSizes(list: string): Promise<{ part: string; facts: number; kept?: number }[]>;
  /** Keeps (or replaces) the fusion of a partition. */
  putFusedPartition(list: string, part: string, facts: number, data: string): Promise<void>;
  /** The distinct partitions of the given lists, sorted. */
  partitions(lists: readonly string[]): Promise<string[]>;
  /** Distinct documents with facts in a partition of any of the lists. */
  sources(lists: readonly string[], part: string): Promise<number>;
  /** The (list, partition) pairs whose facts mention any of the refs. */
  mentionedIn(refs: readonly string[]): Promise<{ list: string; part: string }[]>;
  /** Distinct documents mentioning any of the refs. */
  mentionSources(refs: readonly string[]): Promise<number>;
  /** Refs whose id or label contains `needle` (lower case), most mentioned first. */
  search(needle: string, kinds: readonly MentionKind[], limit: number, offset: number): Promise<{ items: MentionCount[]; total: number }>;
  counts(): Promise<{ documents: number; facts: number }>;
  documentCount(): Promise<number>;
  close(): Promise<void>;
}
