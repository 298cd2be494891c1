// `parley processes`: every process the knowledge base knows, with its rounds and sources.
import { DB_OPTION, DB_USAGE, dbUrl, nonNegativeInt, parse } from '../../kb/cli-support.js';
import { canonicalJson } from '../../kb/canonical.js';
import { openKnowledgeBase } from '../../kb/open.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../io.js';

export const summary = 'list the processes in the knowledge base';

export const usage = `usage: parley processes [--db FILE|postgres://…] [--json] [--limit N] [--offset N]

options:
${DB_USAGE}
  --json                   one JSON object (a page of process summaries)
  --limit N, --offset N    paging (default: all)`;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, json: { type: 'boolean' }, limit: { type: 'string' }, offset: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const kb = await openKnowledgeBase(dbUrl(values.db, io));
  try {
    const page = await kb.processes({ limit: nonNegativeInt(values.limit, 'limit', 1000), offset: nonNegativeInt(values.offset, 'offset', 0) });
    if (values.json) {
      io.stdout(canonicalJson(page, 2) + '\n');
      return 0;
    }
    if (page.total === 0) {
      io.stdout('no processes yet (parley ingest PATH… adds articles)\n');
      return 0;
    }
    io.stdout(`${'process'.padEnd(16)} ${'rounds'.padStart(6)}  ${'first'.padEnd(10)}  ${'last'.padEnd(10)}  ${'status'.padEnd(10)} ${'sources'.padStart(7)}  name\n`);
    for (const p of page.items) {
      io.stdout(`${p.id.padEnd(16)} ${String(p.rounds).padStart(6)}  ${(p.first ?? '—').padEnd(10)}  ${(p.last ?? '—').padEnd(10)}  ${(p.latestStatus ?? '—').padEnd(10)} ${String(p.sources).padStart(7)}  ${p.name ?? ''}${p.disputed ? ' (disputed values)' : ''}\n`);
    }
    if (page.items.length < page.total) io.stdout(`… ${page.total - page.offset - page.items.length} more (--offset)\n`);
    return 0;
  } finally {
    await kb.close();
  }
}
