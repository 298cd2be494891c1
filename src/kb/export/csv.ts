// CSV: one row per round and per agreement, RFC 4180 (CRLF, quotes doubled, fields with comma,
// quote or line break quoted), a header row, so pandas.read_csv loads it unchanged.
import type { FusedKnowledge } from '../types.js';

export const CSV_COLUMNS = [
  'type', 'id', 'process', 'ordinal', 'kind', 'venue', 'scope', 'start', 'end', 'date', 'status',
  'participants', 'parties', 'agenda', 'outcomes', 'sources', 'disputed',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

export function csvField(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function line(row: Row): string {
  return CSV_COLUMNS.map((c) => csvField(row[c])).join(',') + '\r\n';
}

export function* csvLines(k: FusedKnowledge): Generator<string> {
  yield CSV_COLUMNS.join(',') + '\r\n';
  for (const r of k.rounds) {
    yield line({
      type: 'round', id: r.id, process: r.process, ordinal: r.ordinal?.value, venue: r.venue?.value,
      start: r.start?.value, end: r.end?.value, status: r.status?.value,
      participants: r.participants.map((p) => `${p.value.actor}:${p.value.role}`).join(';'),
      agenda: r.agenda.map((a) => a.value).join(';'),
      outcomes: r.outcomes.map((o) => (o.value.count !== undefined ? `${o.value.kind}:${o.value.count}` : o.value.kind)).join(';'),
      sources: r.sources, disputed: r.disputed.join(';'),
    });
  }
  for (const a of k.agreements) {
    yield line({
      type: 'agreement', id: a.id, kind: a.kind, scope: a.scope?.value, date: a.date?.value,
      parties: a.parties.map((p) => p.value).join(';'), sources: a.sources, disputed: a.disputed.join(';'),
    });
  }
}
