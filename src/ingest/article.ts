// An article as every later stage sees it: plain text plus the metadata RECORD.md's `doc` needs.

export interface Article {
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  readonly published?: string;
  readonly source?: string;
  readonly url?: string;
}
