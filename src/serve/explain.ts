// `--explain`: for every item, what it says, the rule that produced it and the sentence behind it.
import { splitSentences } from '../nlp/index.js';
import { RECORD_LISTS, type Evidence, type ParleyRecord } from '../record.js';

const SINGULAR: Readonly<Record<string, string>> = {
  processes: 'process', rounds: 'round', agreements: 'agreement', meetings: 'meeting', people: 'person',
  alignments: 'alignment', demands: 'demand', events: 'event',
};

function describe(list: string, item: Record<string, unknown>): string {
  const { evidence: _e, ...rest } = item;
  return `${SINGULAR[list] ?? list} ${JSON.stringify(rest)}`;
}

export function explainRecord(record: ParleyRecord, text: string): string {
  const out: string[] = [];
  const sentences = splitSentences(text);
  if (record.doc) out.push(`document ${record.doc.id}${record.doc.published ? ` (${record.doc.published})` : ''}${record.doc.source ? `, ${record.doc.source}` : ''}`);
  for (const list of RECORD_LISTS) {
    const items = record[list] as unknown as readonly Record<string, unknown>[];
    for (const item of items) {
      out.push('', describe(list, item));
      const evs = (item.evidence ?? []) as readonly Evidence[];
      for (const ev of evs) {
        const snippet = text.slice(ev.start, ev.end);
        out.push(`  ${ev.slot ? `[${ev.slot}] ` : ''}rule ${ev.rule}, sentence ${ev.sentence}, chars ${ev.start}-${ev.end}: «${snippet}»`);
      }
      for (const si of [...new Set(evs.map((e) => e.sentence))]) {
        const s = sentences[si];
        if (s) out.push(`  sentence ${si}: ${text.slice(s.start, s.end).replace(/\s+/g, ' ')}`);
      }
    }
  }
  return out.join('\n') + '\n';
}
