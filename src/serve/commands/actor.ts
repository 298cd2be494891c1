// `parley actor ID`: everything the knowledge base holds about one actor.
import { DB_OPTION, DB_USAGE, dbUrl, parse } from '../../kb/cli-support.js';
import { canonicalJson } from '../../kb/canonical.js';
import { slotText, valuesText } from '../../kb/format.js';
import { openKnowledgeBase } from '../../kb/open.js';
import { NotFoundError, UsageError } from '../../errors.js';
import type { Io } from '../io.js';

export const summary = 'show an actor: rounds by role, agreements, meetings, alignments, demands, events';

export const usage = `usage: parley actor ID [--db FILE|postgres://…] [--json]

ID is a RECORD.md actor id: RUS, SYR.OPP, UN, GRP:taliban, @sergei-lavrov. A state also
finds its sectors (SYR finds SYR.GOV and SYR.OPP); X and X.GOV are the same actor.

options:
${DB_USAGE}
  --json                   the actor detail as JSON`;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, json: { type: 'boolean' } });
  const [id, extra] = positionals;
  if (id === undefined) throw new UsageError('name an actor, e.g. parley actor RUS');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const kb = await openKnowledgeBase(dbUrl(values.db, io));
  try {
    const a = await kb.actor(id);
    if (!a) throw new NotFoundError(`no actor "${id}" in the knowledge base`, { subject: id });
    if (values.json) {
      io.stdout(canonicalJson(a, 2) + '\n');
      return 0;
    }
    const out: string[] = [`${a.id} (${a.kind}) · ${a.sources} source${a.sources === 1 ? '' : 's'}`];
    if (a.person) out.push(`  ${slotText(a.person.name)}${a.person.title ? `, ${slotText(a.person.title)}` : ''}${a.person.affiliation ? ` (${slotText(a.person.affiliation)})` : ''}`);
    if (a.sponsors.length > 0) out.push(`sponsors: ${a.sponsors.join(', ')}`);
    if (a.rounds.length > 0) {
      out.push('rounds:');
      for (const r of a.rounds) out.push(`  ${r.process} #${r.ordinal ?? '?'}  ${r.start ?? '—'}  ${r.venue ?? ''}  ${r.role}${r.actor !== a.id ? ` as ${r.actor}` : ''}`);
    }
    if (a.people.length > 0) out.push(`people: ${a.people.map((p) => `${p.name.value}${p.title ? ` (${p.title.value})` : ''}`).join(', ')}`);
    if (a.agreements.length > 0) {
      out.push('agreements:');
      for (const g of a.agreements) out.push(`  ${slotText(g.date)}  ${g.kind}${g.scope ? ` (${slotText(g.scope)})` : ''}  parties: ${valuesText(g.parties) || '—'}`);
    }
    if (a.meetings.length > 0) {
      out.push('meetings:');
      for (const m of a.meetings) out.push(`  ${slotText(m.date)}  ${valuesText(m.participants)}${m.place ? ` in ${slotText(m.place)}` : ''}`);
    }
    for (const x of a.alignments) out.push(`alignment: ${x.actor} ${x.relation} ${x.target} (${x.sources})`);
    for (const d of a.demands) out.push(`demand: ${d.actor} demands ${d.kind} of ${d.target} (${d.sources})`);
    for (const e of a.events) out.push(`event: ${slotText(e.date)} ${e.kind}${e.place ? ` at ${slotText(e.place)}` : ''} (${e.sources})`);
    io.stdout(out.join('\n') + '\n');
    return 0;
  } finally {
    await kb.close();
  }
}
