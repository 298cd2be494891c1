// `parley extract FILE`: one article in, one record out (JSON), or a JSONL batch with --jsonl.
import { parseArgs } from 'node:util';
import { describeError, ParleyError, UsageError } from '../../errors.js';
import { extract } from '../../extract/index.js';
import { readArticleFile, readJsonl, type Article } from '../../ingest/index.js';
import type { ParleyRecord } from '../../record.js';
import { exitCodeFor } from '../exit-codes.js';
import type { Io } from '../io.js';
import { explainRecord } from '../explain.js';
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
    try {
      for (const item of readJsonl(values.jsonl)) {
        if (item.error || !item.article) {
          failed++;
          const e = item.error;
          io.stderr(`parley extract: ${describeError(e)}\n`);
          io.stdout(stableStringify({ error: { code: e?.code ?? 'INTERNAL', line: item.line, message: e?.message ?? 'unknown error', file: values.jsonl } }) + '\n');
          continue;
        }
        const rec = safeExtract(withOverrides(item.article, values.published, values.source), opts);
        if ('error' in rec) {
          failed++;
          io.stderr(`parley extract: ${values.jsonl}:${item.line}: ${rec.error}\n`);
          io.stdout(stableStringify({ error: { code: 'INTERNAL', line: item.line, message: rec.error, file: values.jsonl } }) + '\n');
          continue;
        }
        warn(io, `${values.jsonl}:${item.line}`, rec);
        io.stdout(stableStringify(rec) + '\n');
        if (io.drain) await io.drain();
      }
    } catch (e) {
      if (e instanceof ParleyError) {
        io.stderr(`parley extract: ${describeError(e)}\n`);
        return exitCodeFor(e.code);
      }
      throw e;
    }
    return failed > 0 ? 1 : 0;
  }
  if (positionals.length !== 1) throw new UsageError(`give one FILE\n${usage}`);
  const file = positionals[0] ?? '';
  const article = withOverrides(readArticleFile(file), values.published, values.source);
  const record = extract(article, opts);
  warn(io, file, record);
  if (values.explain) io.stdout(explainRecord(record, article.text));
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

function warn(io: Io, subject: string, r: ParleyRecord): void {
  for (const w of r.warnings ?? []) io.stderr(`parley extract: warning: ${subject}: ${w}\n`);
}
