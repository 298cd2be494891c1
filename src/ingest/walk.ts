// Expands ingest arguments (files and folders, recursively) into a lazy stream of articles or
// per-document errors, in a stable order. Nothing here throws for one bad input.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ParleyError } from '../errors.js';
import type { Article } from './article.js';
import { FEED_EXTENSIONS, readFeedFile } from './feed.js';
import { readArticleFile, readJsonl } from './read-article.js';

export interface WalkItem {
  readonly subject: string;
  readonly article?: Article;
  readonly error?: ParleyError;
}

export interface WalkFile {
  readonly path: string;
  readonly size: number;
}

/** Extensions a folder walk picks up; a file named explicitly is read whatever its name. */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.json', '.jsonl', '.ndjson', '.html', '.htm', '.txt', ...FEED_EXTENSIONS];

/**
 * The files the arguments name: files as given, folders walked recursively (hidden entries
 * skipped, names sorted). Arguments that cannot be read come back in `missing`.
 */
export function listInputs(paths: readonly string[]): { files: WalkFile[]; missing: WalkItem[] } {
  const files: WalkFile[] = [];
  const missing: WalkItem[] = [];
  const visit = (path: string, explicit: boolean): void => {
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      missing.push({ subject: path, error: new ParleyError('NOT_FOUND', code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(e as Error).message}`, { subject: path, cause: e }) });
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path).filter((n) => !n.startsWith('.')).sort();
      } catch (e) {
        missing.push({ subject: path, error: new ParleyError('NOT_FOUND', `cannot list: ${(e as Error).message}`, { subject: path, cause: e }) });
        return;
      }
      for (const n of names) visit(join(path, n), false);
      return;
    }
    if (explicit || ARTICLE_EXTENSIONS.includes(extname(path).toLowerCase())) files.push({ path, size: st.size });
  };
  for (const p of paths) visit(p, true);
  return { files, missing };
}

/** Reads one file into items: a JSONL line or feed entry each, else the one article. */
export function* readInput(path: string): Generator<WalkItem> {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    try {
      for (const it of readJsonl(path)) {
        const subject = `${path}:${it.line}`;
        yield it.article ? { subject, article: it.article } : { subject, error: it.error ?? new ParleyError('BAD_ARTICLE', 'unreadable line', { subject }) };
      }
    } catch (e) {
      yield { subject: path, error: e instanceof ParleyError ? e : new ParleyError('BAD_ARTICLE', String(e), { subject: path, cause: e }) };
    }
    return;
  }
  if (FEED_EXTENSIONS.includes(ext)) {
    yield* readFeedFile(path);
    return;
  }
  try {
    yield { subject: path, article: readArticleFile(path) };
  } catch (e) {
    yield { subject: path, error: e instanceof ParleyError ? e : new ParleyError('BAD_ARTICLE', String(e), { subject: path, cause: e }) };
  }
}

/** Every item of every input, in order; `onFile` is told when each file is finished. */
export function* walk(paths: readonly string[], onFile?: (file: WalkFile) => void): Generator<WalkItem> {
  const { files, missing } = listInputs(paths);
  yield* missing;
  for (const f of files) {
    yield* readInput(f.path);
    onFile?.(f);
  }
}
