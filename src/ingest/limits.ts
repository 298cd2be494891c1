/** Articles larger than this are refused: no news article comes near it, and it bounds memory per item. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** A JSONL batch file may be large; each of its lines obeys MAX_ARTICLE_BYTES. */
export const MAX_BATCH_BYTES = 2 * 1024 * 1024 * 1024;
