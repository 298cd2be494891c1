// Fact ids: a fused fact's address (list, partition, item key, slot, value) as base64url JSON.
// Readable back, so `evidence(id)` fuses only that partition instead of the whole KB.
import type { RecordList } from '../extract/record.js';
import { RECORD_LISTS } from '../extract/record.js';
import type { FactId } from './types.js';

export interface FactAddress {
  readonly list: RecordList;
  /** The partition the list is fused in (a process id, an agreement kind …). */
  readonly part: string;
  /** The fused item's key inside its partition. */
  readonly item: string;
  readonly slot?: string;
  /** Canonical JSON of the slot value. */
  readonly value?: string;
}

export function factId(a: FactAddress): FactId {
  const parts: string[] = [a.list, a.part, a.item];
  if (a.slot !== undefined) parts.push(a.slot, a.value ?? '');
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function parseFactId(id: string): FactAddress | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(id) || id.length > 4096) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || !parts.every((p) => typeof p === 'string')) return undefined;
  const [list, part, item, slot, value] = parts as string[];
  if (list === undefined || part === undefined || item === undefined) return undefined;
  if (!(RECORD_LISTS as readonly string[]).includes(list)) return undefined;
  return { list: list as RecordList, part, item, ...(slot !== undefined ? { slot, value: value ?? '' } : {}) };
}
