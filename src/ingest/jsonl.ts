// Reads a JSONL batch, one JSON article per line. Apart from read-article.ts so that
// `parley extract --jsonl` does not load the HTML and feed parsers at start-up.
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError, ParleyError } from '../errors.js';
import type { Article } from './article.js';
import { decodeText } from './decode.js';
import { idFromPath, statOrThrow } from './files.js';
import { MAX_BATCH_BYTES } from './limits.js';
import { toArticle } from './article-schema.js';

export interface JsonlItem {
  readonly line: number;
  readonly article?: Article;
  readonly error?: ParleyError;
}

/** Yields one item per non-blank line, in order; a bad line yields an error and the batch goes on. */
export function* readJsonl(path: string): Generator<JsonlItem> {
  const size = statOrThrow(path);
  if (size > MAX_BATCH_BYTES) throw new InputError('TOO_LARGE', `too large: ${size} bytes, the limit is ${MAX_BATCH_BYTES} bytes`, { subject: path });
  const id = idFromPath(path);
  for (const { line, bytes } of lines(path)) {
    if (isBlank(bytes)) continue;
    const subject = `${path}:${line}`;
    try {
      const text = decodeText(bytes, subject);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new InputError('BAD_JSON', `malformed JSON: ${(e as Error).message}`, { subject, cause: e });
      }
      yield { line, article: toArticle(value, `${id}-${line}`, subject) };
    } catch (e) {
      yield { line, error: e instanceof ParleyError ? e : new InputError('BAD_ARTICLE', String(e), { subject, cause: e }) };
    }
  }
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  return true;
}

/** Reads a file line by line in fixed chunks, so a large batch never sits in memory whole. */
function* lines(path: string): Generator<{ line: number; bytes: Uint8Array }> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let carry: Buffer = Buffer.alloc(0);
    let line = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      let buf = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : Buffer.from(chunk.subarray(0, n));
      let nl = buf.indexOf(0x0a);
      while (nl >= 0) {
        line++;
        yield { line, bytes: buf.subarray(0, nl) };
        buf = buf.subarray(nl + 1);
        nl = buf.indexOf(0x0a);
      }
      carry = buf;
    }
    if (carry.length > 0) yield { line: line + 1, bytes: carry };
  } finally {
    closeSync(fd);
  }
}
