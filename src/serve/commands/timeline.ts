// `parley timeline PROCESS`: a process's rounds in order, with their fused values and disputes.
import { DB_OPTION, DB_USAGE, dbUrl, parse } from '../../kb/cli-support.js';
import { canonicalJson } from '../../kb/canonical.js';
import { roundLines, slotText, valuesText } from '../../kb/format.js';
import { openKnowledgeBase } from '../../kb/open.js';
import { NotFoundError, UsageError } from '../../errors.js';
import type { Io } from '../io.js';

export const summary = "show a process's rounds in order: dates, venue, participants, agenda, outcomes";

export const usage = `usage: parley timeline PROCESS [--db FILE|postgres://…] [--json]

Each round shows its number, dates, venue, status and number of sources, then participants by
role, agenda and outcomes. A value marked * is disputed (sources disagree: all are listed), a
number marked ? was inferred from the neighbouring rounds.

options:
${DB_USAGE}
  --json                   the process detail as JSON (every value with sources and evidence)`;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, json: { type: 'boolean' } });
  const [id, extra] = positionals;
  if (id === undefined) throw new UsageError('name a process, e.g. parley timeline astana (parley processes lists them)');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const kb = await openKnowledgeBase(dbUrl(values.db, io));
  try {
    const p = await kb.process(id);
    if (!p) throw new NotFoundError(`no process "${id}" in the knowledge base`, { subject: id });
    if (values.json) {
      io.stdout(canonicalJson(p, 2) + '\n');
      return 0;
    }
    const head = [p.id, p.process?.name ? `— ${slotText(p.process.name)}` : '', p.process?.conflict ? `(${slotText(p.process.conflict)})` : ''].filter(Boolean).join(' ');
    io.stdout(`${head} · ${p.rounds.length} round${p.rounds.length === 1 ? '' : 's'} · ${p.sources} source${p.sources === 1 ? '' : 's'}\n`);
    if (p.process && p.process.sponsors.length > 0) io.stdout(`sponsors: ${valuesText(p.process.sponsors)}\n`);
    for (const r of p.rounds) io.stdout(roundLines(r).map((l) => `  ${l}\n`).join(''));
    if (p.agreements.length > 0) {
      io.stdout('agreements:\n');
      for (const a of p.agreements) io.stdout(`  ${slotText(a.date)}  ${a.kind}${a.scope ? ` (${slotText(a.scope)})` : ''}  ${a.sources} source${a.sources === 1 ? '' : 's'}\n`);
    }
    return 0;
  } finally {
    await kb.close();
  }
}
