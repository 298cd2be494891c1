// `parley ingest PATH...`: reads files, folders, JSONL and feeds into the knowledge base,
// committed in small groups of whole documents; a bad document is reported and the batch goes on.
import { DB_OPTION, DB_USAGE, dbUrl, parse } from '../../kb/cli-support.js';
import { openKnowledgeBase } from '../../kb/open.js';
import type { IngestResult } from '../../kb/types.js';
import { listInputs, readInput, type WalkItem } from '../../ingest/walk.js';
import { UsageError } from '../../errors.js';
import { EXIT_OK, EXIT_PARTIAL } from '../exit-codes.js';
import type { Io } from '../io.js';

export const summary = 'add articles (files, folders, JSONL, RSS/Atom feeds) to the knowledge base';

export const usage = `usage: parley ingest PATH... [--db FILE|postgres://…] [--group N] [--quiet]

Reads .txt, .html, .json articles, .jsonl batches and .xml/.rss/.atom feeds; folders are read
recursively. Identical text already stored is skipped. Documents are committed in groups of up
to N (default 32, or every 0.25 s), each document whole: an interrupted run loses at most the
group in flight, never part of a document; run it again to finish.

options:
${DB_USAGE}
  --group N                documents per commit (1: each on its own)
  --quiet                  no progress bar and no per-file failure list

exit status: 0 all stored or unchanged, 1 some documents failed, 74 the store failed.`;

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
function progress(io: Io, totalBytes: number): { item(): void; bytes(n: number): void; done(): void } {
  const started = Date.now();
  let items = 0;
  let doneBytes = 0;
  let drawn = 0;
  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - drawn < 100) return;
    drawn = now;
    const secs = (now - started) / 1000;
    const rate = secs > 0 ? items / secs : 0;
    const frac = totalBytes > 0 ? Math.min(1, doneBytes / totalBytes) : 0;
    const eta = frac > 0 ? secs * (1 - frac) / frac : Number.POSITIVE_INFINITY;
    const width = 24;
    const fill = Math.round(frac * width);
    io.stderr(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${items} docs  ${rate.toFixed(0)}/s  ETA ${duration(eta)}   `);
  };
  return {
    item: () => { items++; draw(false); },
    bytes: (n) => { doneBytes += n; draw(false); },
    done: () => { draw(true); io.stderr('\n'); },
  };
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, quiet: { type: 'boolean' }, group: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('give at least one file or folder to ingest (see parley ingest --help)');
  const group = values.group === undefined ? undefined : Number(values.group);
  if (group !== undefined && !(Number.isInteger(group) && group >= 1 && group <= 10_000)) {
    throw new UsageError(`--group takes a whole number from 1 to 10000, not "${values.group}"`);
  }
  const kb = await openKnowledgeBase(dbUrl(values.db, io));
  const { files, missing } = listInputs(positionals);
  const bar = io.isTTY && !values.quiet ? progress(io, files.reduce((n, f) => n + f.size, 0)) : undefined;
  function* items(): Generator<WalkItem> {
    yield* missing;
    for (const f of files) {
      yield* readInput(f.path);
      bar?.bytes(f.size);
    }
  }
  const started = Date.now();
  let total = 0;
  try {
    const s = await kb.ingestMany(
      (function* () { for (const it of items()) yield it.article ? { subject: it.subject, article: it.article } : { subject: it.subject, error: it.error! }; })(),
      { onResult: (_r: IngestResult) => { total++; bar?.item(); }, ...(group !== undefined ? { group } : {}) },
    );
    bar?.done();
    const secs = (Date.now() - started) / 1000;
    io.stdout(`${total} document${total === 1 ? '' : 's'}: ${s.new} new, ${s.unchanged} unchanged, ${s.failed} failed (${secs.toFixed(1)} s, ${secs > 0 ? Math.round(total / secs) : total}/s)\n`);
    // the first look at a large process after an ingest should not wait for its fusion
    if (s.new > 0) await kb.warm();
    if (s.failed > 0 && !values.quiet) {
      io.stdout('failed:\n');
      for (const f of s.failures) io.stdout(`  ${f.error?.subject ?? f.subject}: ${f.error ? f.error.message.split('\n')[0] : 'failed'}\n`);
    }
    return s.failed > 0 ? EXIT_PARTIAL : EXIT_OK;
  } finally {
    await kb.close();
  }
}
