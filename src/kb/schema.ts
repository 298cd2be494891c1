// The tables, as Kysely sees them. Values are text/integer only, so the same queries and the
// same JSON payloads work on SQLite and PostgreSQL alike.

export interface DocumentsTable {
  /** SHA-256 hex of the text. */
  readonly id: string;
  readonly article_id: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly text: string;
  /** Number of facts stored for the document. */
  readonly facts: number;
  /** JSON array of the extractor's warnings, or null. */
  readonly warnings: string | null;
}

/** One extracted item of one document; `data` is its JSON with evidence `doc` set to the hash. */
export interface FactsTable {
  readonly doc: string;
  readonly list: string;
  readonly idx: number;
  /** The fusion partition (fusion/partition.ts): items of different partitions never merge. */
  readonly part: string;
  readonly data: string;
}

/** Which process, actor or place a fact names: the index behind `actor()` and `search()`. */
export interface MentionsTable {
  readonly doc: string;
  readonly list: string;
  readonly part: string;
  readonly kind: string;
  readonly ref: string;
  readonly label: string | null;
}

/** A fused partition as JSON, with the number of facts it was fused from. */
export interface FusedTable {
  readonly list: string;
  readonly part: string;
  readonly facts: number;
  readonly data: string;
}

export interface Database {
  readonly documents: DocumentsTable;
  readonly facts: FactsTable;
  readonly mentions: MentionsTable;
  readonly fused: FusedTable;
}
