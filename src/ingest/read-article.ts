// Reads one article file (plain text, HTML or a JSON article) or a JSONL batch.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError, ParleyError } from '../errors.js';
import type { Article } from './article.js';
import { toArticle } from './article-schema.js';
import { decodeText } from './decode.js';
import { htmlToArticle } from './html.js';
import { MAX_ARTICLE_BYTES, MAX_BATCH_BYTES } from './limits.js';

export type ArticleFormat = 'text' | 'html' | 'json';

function idFromPath(path: string): string {
  return basename(path, extname(path));
}

function formatOf(path: string, text: string): ArticleFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('{')) return 'json';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|article|p|div)[\s>]/.test(head)) return 'html';
  return 'text';
}

/** Parses the text of one article file; `subject` names it in errors. */
export function parseArticle(text: string, path: string, subject = path): Article {
  const id = idFromPath(path);
  switch (formatOf(path, text)) {
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new InputError('BAD_JSON', `malformed JSON: ${(e as Error).message}`, { subject, cause: e });
      }
      return toArticle(value, id, subject);
    }
    case 'html': {
      const h = htmlToArticle(text);
      if (h.text.trim() === '') throw new InputError('EMPTY_INPUT', 'the HTML holds no article text', { subject });
      return { id, ...h };
    }
    case 'text':
      return { id, text };
  }
}

function statOrThrow(path: string): number {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError('BAD_ARTICLE', 'is a directory, not a file', { subject: path });
    return st.size;
  } catch (e) {
    if (e instanceof ParleyError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ParleyError('NOT_FOUND', code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as Error).message}`, { subject: path, cause: e });
  }
}

export function readArticleFile(path: string): Article {
  const size = statOrThrow(path);
  if (size > MAX_ARTICLE_BYTES) {
    throw new InputError('TOO_LARGE', `too large: ${size} bytes, the limit is ${MAX_ARTICLE_BYTES} bytes`, { subject: path });
  }
  const text = decodeText(readFileSync(path), path);
  return parseArticle(text, path);
}

export interface JsonlItem {
  readonly line: number;
  readonly article?: Article;
  readonly error?: ParleyError;
}

/** Yields one item per non-blank line, in order; a bad line yields an error and the batch goes on. */
export function* readJsonl(path: string): Generator<JsonlItem> {
  const size = statOrThrow(path);
  if (size > MAX_BATCH_BYTES) throw new InputError('TOO_LARGE', `too large: ${size} bytes, the limit is ${MAX_BATCH_BYTES} bytes`, { subject: path });
  for (const { line, bytes } of lines(path)) {
    const subject = `${path}:${line}`;
    if (isBlank(bytes)) continue;
    try {
      const text = decodeText(bytes, subject);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new InputError('BAD_JSON', `malformed JSON: ${(e as Error).message}`, { subject, cause: e });
      }
      yield { line, article: toArticle(value, `${idFromPath(path)}-${line}`, subject) };
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
