// `parley export` formats over a knowledge base. Every format is deterministic: the fused model
// is sorted, JSON keys are sorted, nothing depends on time or ingest order.
import type { Evidence } from '../../extract/record.js';
import { splitSentences } from '../../nlp/sentences.js';
import { canonicalJson } from '../canonical.js';
import { fusedToRecord } from '../fuse.js';
import type { FusedKnowledge, KnowledgeBase } from '../types.js';
import { csvLines } from './csv.js';
import { gazetteerPlaceLookup, toGeoJson, type PlaceLookup } from './geojson.js';
import { ploverEvents } from './plover.js';

export const EXPORT_FORMATS = ['record', 'jsonl', 'csv', 'geojson', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One line per fused item: its list, id, sources, disputed slots and RECORD.md form. */
export function* jsonlLines(k: FusedKnowledge): Generator<string> {
  const rec = fusedToRecord(k);
  const lists = ['processes', 'rounds', 'agreements', 'meetings', 'people', 'alignments', 'demands', 'events'] as const;
  for (const list of lists) {
    const fused = k[list] as readonly { id: string; sources: number; disputed: readonly string[] }[];
    const items = rec[list] as readonly unknown[];
    for (let i = 0; i < fused.length; i++) {
      const f = fused[i]!;
      yield canonicalJson({ list, id: f.id, sources: f.sources, disputed: f.disputed, item: items[i] }) + '\n';
    }
  }
}

function sentenceResolver(kb: KnowledgeBase): (e: Evidence) => Promise<string | undefined> {
  const cache = new Map<string, { text: string; sentences: ReturnType<typeof splitSentences> } | null>();
  return async (e) => {
    let d = cache.get(e.doc);
    if (d === undefined) {
      const doc = await kb.document(e.doc);
      d = doc ? { text: doc.text, sentences: splitSentences(doc.text) } : null;
      if (cache.size > 1000) cache.clear();
      cache.set(e.doc, d);
    }
    if (!d) return undefined;
    const s = d.sentences.find((x) => x.start <= e.start && e.end <= x.end) ?? d.sentences[e.sentence];
    return s ? d.text.slice(s.start, s.end) : undefined;
  };
}

/** Writes the whole knowledge base in `format` through `write`. */
export async function exportKnowledgeBase(kb: KnowledgeBase, format: ExportFormat, write: (chunk: string) => void, options: { places?: PlaceLookup } = {}): Promise<void> {
  const k = await kb.fused();
  switch (format) {
    case 'record':
      write(canonicalJson(fusedToRecord(k), 2) + '\n');
      return;
    case 'jsonl':
      for (const l of jsonlLines(k)) write(l);
      return;
    case 'csv':
      for (const l of csvLines(k)) write(l);
      return;
    case 'geojson':
      write(canonicalJson(toGeoJson(k, options.places ?? (await gazetteerPlaceLookup())), 2) + '\n');
      return;
    case 'plover':
      for await (const e of ploverEvents(k, sentenceResolver(kb))) write(canonicalJson(e) + '\n');
      return;
  }
}
