// One document's record turned into storable rows: facts (with evidence pointing at the stored
// document) and mentions (the processes, actors and places they name, for lookups).
import { RECORD_LISTS, type ParleyRecord, type RecordList } from '../extract/record.js';
import { partitionOf, type ListItem } from './fusion/partition.js';
import type { FactRow, MentionKind, MentionRow } from './store.js';

type Item = { readonly evidence?: readonly { readonly doc: string }[] } & Record<string, unknown>;

function withDoc(item: Item, doc: string): Item {
  if (!item.evidence) return item;
  return { ...item, evidence: item.evidence.map((e) => ({ ...e, doc })) };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What an item names, for the mentions index. */
function named(list: RecordList, item: Item): Array<[MentionKind, string, string?]> {
  const out: Array<[MentionKind, string, string?]> = [];
  const actor = (v: unknown): void => { const s = str(v); if (s) out.push(['actor', s]); };
  const place = (v: unknown): void => { const s = str(v); if (s) out.push(['place', s]); };
  const actors = (v: unknown): void => { if (Array.isArray(v)) for (const a of v) actor(a); };
  switch (list) {
    case 'processes': {
      const id = str(item.id);
      if (id) out.push(['process', id, str(item.name)]);
      actors(item.sponsors);
      break;
    }
    case 'rounds': {
      const p = str(item.process);
      if (p) out.push(['process', p]);
      place(item.venue);
      if (Array.isArray(item.participants)) for (const p of item.participants as { actor?: unknown }[]) actor(p.actor);
      break;
    }
    case 'agreements': {
      const scope = str(item.scope);
      if (scope) out.push([scope.includes('@') ? 'place' : 'actor', scope]);
      actors(item.parties);
      break;
    }
    case 'meetings': actors(item.participants); place(item.place); break;
    case 'people': {
      const id = str(item.id);
      if (id) out.push(['actor', id, str(item.name)]);
      actor(item.affiliation);
      break;
    }
    case 'alignments': case 'demands': actor(item.actor); actor(item.target); break;
    case 'events': actor(item.actor); place(item.place); break;
  }
  return out;
}

export function factsOf(record: ParleyRecord, doc: string): { facts: FactRow[]; mentions: MentionRow[] } {
  const facts: FactRow[] = [];
  const mentions = new Map<string, MentionRow>();
  for (const list of RECORD_LISTS) {
    const items = (record[list] ?? []) as unknown as readonly Item[];
    items.forEach((raw, idx) => {
      const item = withDoc(raw, doc);
      const part = partitionOf(list, item as unknown as ListItem[typeof list]);
      facts.push({ list, idx, part, data: JSON.stringify(item) });
      for (const [kind, ref, label] of named(list, item)) {
        const key = `${list}\u0000${part}\u0000${kind}\u0000${ref}`;
        const prev = mentions.get(key);
        if (!prev || (prev.label === undefined && label !== undefined)) {
          mentions.set(key, { list, part, kind, ref, ...(label !== undefined ? { label } : {}) });
        }
      }
    });
  }
  return { facts, mentions: [...mentions.values()] };
}
