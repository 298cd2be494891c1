// Reads one article file (plain text, HTML or a JSON article) or a JSONL batch.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import type { Article } from './article.js';
import { idFromPath, statOrThrow } from './files.js';
import { toArticle } from './article-schema.js';
import { decodeText } from './decode.js';
import { htmlToArticle } from './html.js';
import { MAX_ARTICLE_BYTES } from './limits.js';

export { readJsonl, type JsonlItem } from './jsonl.js';

export type ArticleFormat = 'text' | 'html' | 'json';

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

export function readArticleFile(path: string): Article {
  const size = statOrThrow(path);
  if (size > MAX_ARTICLE_BYTES) {
    throw new InputError('TOO_LARGE', `too large: ${size} bytes, the limit is ${MAX_ARTICLE_BYTES} bytes`, { subject: path });
  }
  const text = decodeText(readFileSync(path), path);
  return parseArticle(text, path);
}
