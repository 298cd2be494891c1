// Fact ids: a fused fact's address (list, partition, item key, slot, value), readable back so
// `evidence(id)` fuses only that partition instead of the whole KB.
//
// The address's parts are joined by "." after an escape that keeps ids short and repetitive:
// they are most of the bytes of an API response, and gzip shrinks a readable id
// (`rounds.astana.~231.venue.'astana~40KZ'`) far better than base64 of the same JSON.
// JSON's own punctuation gets one character each; every other byte outside [A-Za-z0-9_-]
// becomes ~XX. All characters used are left alone by encodeURIComponent, so an id goes into a
// URL path as it is.
import { isRecordList, type RecordList } from '../extract/record.js';
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

/** The characters a fact id is made of. */
export const FACT_ID_PATTERN = /^[A-Za-z0-9_.~'()*!-]+$/;
export const FACT_ID_MAX_CHARS = 4096;

const SHORT: Readonly<Record<string, string>> = { '"': "'", '{': '(', '}': ')', ':': '*', ',': '!' };
const LONG: Readonly<Record<string, string>> = { "'": '"', '(': '{', ')': '}', '*': ':', '!': ',' };

function escapeChar(ch: string): string {
  const short = SHORT[ch];
  if (short !== undefined) return short;
  // the characters encodeURIComponent leaves alone but an id uses for itself
  if (".!'()*~".includes(ch)) return `~${ch.charCodeAt(0).toString(16).toUpperCase()}`;
  try {
    return encodeURIComponent(ch).replace(/%/g, '~');
  } catch {
    return '~EF~BF~BD'; // a lone surrogate: U+FFFD, as a UTF-8 encoder would write it
  }
}

function escapePart(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/gu, escapeChar);
}

function unescapePart(s: string): string {
  return decodeURIComponent(s.replace(/['()*!]/g, (c) => LONG[c] ?? c).replace(/~/g, '%'));
}

export function factId(a: FactAddress): FactId {
  let id = `${a.list}.${escapePart(a.part)}.${escapePart(a.item)}`;
  if (a.slot !== undefined) id += `.${escapePart(a.slot)}.${escapePart(a.value ?? '')}`;
  return id;
}

export function parseFactId(id: string): FactAddress | undefined {
  if (id.length > FACT_ID_MAX_CHARS || !FACT_ID_PATTERN.test(id)) return undefined;
  const raw = id.split('.');
  if (raw.length !== 3 && raw.length !== 5) return undefined;
  let parts: string[];
  try {
    parts = raw.map(unescapePart);
  } catch {
    return undefined; // a ~ not followed by two hex digits, or bytes that are not UTF-8
  }
  const [list, part, item, slot, value] = parts as [string, string, string, string?, string?];
  if (!isRecordList(list)) return undefined;
  return { list, part, item, ...(slot !== undefined ? { slot, value: value ?? '' } : {}) };
}
