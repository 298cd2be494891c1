// `parley export --format …`: the whole knowledge base as a record, JSONL, CSV, GeoJSON or PLOVER.
import { createWriteStream } from 'node:fs';
import { DB_OPTION, DB_USAGE, dbUrl, parse } from '../../kb/cli-support.js';
import { EXPORT_FORMATS, exportKnowledgeBase, type ExportFormat } from '../../kb/export/index.js';
import { openKnowledgeBase } from '../../kb/open.js';
import { StoreError, UsageError } from '../../errors.js';
import type { Io } from '../io.js';

export const summary = 'export the fused knowledge base (record, jsonl, csv, geojson, plover)';

export const usage = `usage: parley export [--format record|jsonl|csv|geojson|plover] [--db FILE|postgres://…] [--out FILE]

formats:
  record    RECORD.md's shape for the whole knowledge base (no "doc"), sorted keys: two equal
            knowledge bases export byte-identical (default)
  jsonl     one fused item per line: list, id, sources, disputed slots, item
  csv       one row per round and per agreement (RFC 4180; loads in pandas unchanged)
  geojson   venues, meeting and event places with gazetteer coordinates
  plover    one PLOVER-style event per line: per round, meeting, agreement, demand and event

options:
${DB_USAGE}
  --out FILE               write to FILE instead of standard output`;

function isFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = values.format ?? 'record';
  if (!isFormat(format)) throw new UsageError(`unknown format "${format}" (one of ${EXPORT_FORMATS.join(', ')})`);
  const kb = await openKnowledgeBase(dbUrl(values.db, io));
  try {
    if (values.out === undefined) {
      await exportKnowledgeBase(kb, format, io.stdout);
      return 0;
    }
    const out = createWriteStream(values.out);
    const failed = new Promise<never>((_, reject) => out.on('error', (e) => reject(new StoreError(`cannot write: ${e.message}`, { cause: e, subject: values.out }))));
    await Promise.race([exportKnowledgeBase(kb, format, (c) => { out.write(c); }), failed]);
    await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
    return 0;
  } finally {
    await kb.close();
  }
}
