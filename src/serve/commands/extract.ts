// `parley extract FILE`: one article in, one record out (JSON), or a JSONL batch with --jsonl.
import { parseArgs } from 'node:util';
import { describeError, ParleyError, UsageError } from '../../errors.js';
import { extract } from '../../extract/index.js';
import type { Article } from '../../ingest/article.js';
import { readJsonl } from '../../ingest/jsonl.js';
import type { ParleyRecord } from '../../record.js';
import { exitCodeFor } from '../exit-codes.js';
import type { Io } from '../io.js';
import { stableStringify } from '../json.js';

export const summary = 'extract the record of one article (text, HTML or JSON) or a JSONL batch';
export const usage = `usage: parley extract FILE [--published YYYY-MM-DD] [--source NAME] [--explain]
       parley extract --jsonl FILE [--published YYYY-MM-DD] [--source NAME]

FILE is plain text, HTML (boilerplate is stripped) or a JSON article
{id, title, text, published, source, url}. --published and --source override the file's own.
Prints the record (../shared/spec/RECORD.md) as JSON; the same input gives byte-identical output.
--jsonl reads one JSON article per line and writes one record per line, in order; a bad line
yields {"error": {...}} in its place and the batch goes on (exit 1 if any line failed).
--explain prints, for every item, the sentence and the rule that produced it.
--no-evidence leaves the evidence off the items.`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Output is written in chunks of about this many characters rather than one write per record. */
const CHUNK_CHARS = 1 << 16;

/**
 * Joins a batch's output lines into larger writes: one write per record costs a syscall and a
 * Buffer each. Flushed before anything goes to stderr, so the two streams interleave as before.
 */
class Output {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly io: Io) {}

  line(s: string): void {
    this.parts.push(s, '\n');
    this.size += s.length + 1;
  }

  /** Writes out what is held once there is enough of it (or `force`), then waits for the pipe to drain. */
  async flush(force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < CHUNK_CHARS)) return;
    this.io.stdout(this.parts.join(''));
    this.parts = [];
    this.size = 0;
    if (this.io.drain) await this.io.drain();
  }

  async stderr(s: string): Promise<void> {
    await this.flush(true);
    this.io.stderr(s);
  }
}

function withOverrides(a: Article, published: string | undefined, source: string | undefined): Article {
  return { ...a, ...(published ? { published } : {}), ...(source ? { source } : {}) };
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let values: { published?: string; source?: string; explain?: boolean; jsonl?: string; 'no-evidence'?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        published: { type: 'string' }, source: { type: 'string' }, explain: { type: 'boolean' },
        jsonl: { type: 'string' }, 'no-evidence': { type: 'boolean' },
      },
      allowPositionals: true,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
  if (values.published !== undefined && !DATE.test(values.published)) throw new UsageError(`--published must be YYYY-MM-DD, got "${values.published}"`);
  const opts = { evidence: !values['no-evidence'] };
  if (values.jsonl !== undefined) {
    if (positionals.length > 0) throw new UsageError('give either FILE or --jsonl FILE, not both');
    let failed = 0;
    const out = new Output(io);
    try {
      for (const item of readJsonl(values.jsonl)) {
        if (item.error || !item.article) {
          failed++;
          const e = item.error;
          await out.stderr(`parley extract: ${describeError(e)}\n`);
          out.line(stableStringify({ error: { code: e?.code ?? 'INTERNAL', line: item.line, message: e?.message ?? 'unknown error', file: values.jsonl } }));
          continue;
        }
        const rec = safeExtract(withOverrides(item.article, values.published, values.source), opts);
        if ('error' in rec) {
          failed++;
          await out.stderr(`parley extract: ${values.jsonl}:${item.line}: ${rec.error}\n`);
          out.line(stableStringify({ error: { code: 'INTERNAL', line: item.line, message: rec.error, file: values.jsonl } }));
          continue;
        }
        for (const w of rec.warnings ?? []) await out.stderr(warning(`${values.jsonl}:${item.line}`, w));
        out.line(stableStringify(rec));
        await out.flush();
      }
    } catch (e) {
      await out.flush(true);
      if (e instanceof ParleyError) {
        io.stderr(`parley extract: ${describeError(e)}\n`);
        return exitCodeFor(e.code);
      }
      throw e;
    }
    await out.flush(true);
    return failed > 0 ? 1 : 0;
  }
  if (positionals.length !== 1) throw new UsageError(`give one FILE\n${usage}`);
  const file = positionals[0] ?? '';
  // Loaded here, not at start-up: a --jsonl batch needs neither the HTML reader nor --explain.
  const { readArticleFile } = await import('../../ingest/read-article.js');
  const article = withOverrides(readArticleFile(file), values.published, values.source);
  const record = extract(article, opts);
  warn(io, file, record);
  if (values.explain) io.stdout((await import('../explain.js')).explainRecord(record, article.text));
  else io.stdout(stableStringify(record, 2) + '\n');
  return 0;
}

function safeExtract(a: Article, opts: { evidence: boolean }): ParleyRecord | { error: string } {
  try {
    return extract(a, opts);
  } catch (e) {
    return { error: `extraction failed: ${(e as Error).message}` };
  }
}

function warning(subject: string, w: string): string {
  return `parley extract: warning: ${subject}: ${w}\n`;
}

function warn(io: Io, subject: string, r: ParleyRecord): void {
  for (const w of r.warnings ?? []) io.stderr(warning(subject, w));
}
