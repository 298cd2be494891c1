// Finds gazetteer mentions (states, adjectives, capitals, places, organisations, groups and
// state sectors) in tokenised text. One left-to-right pass; at each token one Map lookup on
// the exact text (names) and, where no name starts, one on the lower-cased text (state-less
// sector phrases). Longest match wins; a match consumes its tokens.

import type { Gazetteer, PhraseEntry, PhraseTarget, SectorCode, SectorEntry } from './gazetteer.js';
import type { Mention, Token } from './types.js';
import { WordFilter } from './word-filter.js';

/** A state-less sector phrase ("the opposition", "government forces"): the caller resolves the state. */
export interface SectorCue {
  readonly sector: SectorCode;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly rule: string;
  readonly needsContext: true;
}

export interface MentionScan {
  readonly mentions: Mention[];
  readonly cues: SectorCue[];
}

const lowerKeysCache = new WeakMap<Gazetteer, ReadonlySet<string>>();

function lowerKeysOf(gaz: Gazetteer): ReadonlySet<string> {
  let set = lowerKeysCache.get(gaz);
  if (!set) {
    set = new Set([...gaz.names.keys()].filter((k) => !/^[\p{Lu}\d]/u.test(k)));
    lowerKeysCache.set(gaz, set);
  }
  return set;
}

/**
 * Per ASCII first character, one bit per key length (bit 31: longer): a lower-case word is
 * ruled out of a small key set without hashing it, and most words are.
 */
interface KeyFilters {
  readonly lowerNames: Uint32Array;
  readonly bareSectors: Uint32Array;
  /** Every name key: about half the capitalised words are no name, and most of those fail here. */
  readonly names: WordFilter;
}

const filtersCache = new WeakMap<Gazetteer, KeyFilters>();

const lengthBit = (n: number): number => 1 << Math.min(n, 31);

function lengthMask(keys: Iterable<string>): Uint32Array {
  const mask = new Uint32Array(128);
  for (const k of keys) {
    const c = k.charCodeAt(0);
    if (c < 128) mask[c] = (mask[c] as number) | lengthBit(k.length);
  }
  return mask;
}

function filtersOf(gaz: Gazetteer): KeyFilters {
  let f = filtersCache.get(gaz);
  if (!f) {
    f = { lowerNames: lengthMask(lowerKeysOf(gaz)), bareSectors: lengthMask(gaz.bareSectors.keys()), names: new WordFilter(gaz.names.keys()) };
    filtersCache.set(gaz, f);
  }
  return f;
}

/** False when `word` is surely not a key of the set the mask was made from. */
function mayBeKey(mask: Uint32Array, word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 128 || ((mask[c] as number) & lengthBit(word.length)) !== 0;
}

/** Gazetteer mentions in the text, in order, non-overlapping. */
export function findMentions(text: string, tokens: readonly Token[], gaz: Gazetteer): Mention[] {
  return scanMentions(text, tokens, gaz).mentions;
}

/** Mentions plus state-less sector cues (marked needsContext) for coreference. */
export function scanMentions(_text: string, tokens: readonly Token[], gaz: Gazetteer): MentionScan {
  const mentions: Mention[] = [];
  const cues: SectorCue[] = [];
  const n = tokens.length;
  const names = gaz.names;
  const lowerStarts = lowerKeysOf(gaz);
  const filters = filtersOf(gaz);
  let i = 0;
  while (i < n) {
    const t = tokens[i] as Token;
    if (t.shape === 'punct') {
      i++;
      continue;
    }
    let best: PhraseEntry | undefined;
    let end = i + 1;
    // names start with a capital or a digit, but for a handful of keys: most tokens need no lookup
    const list = (t.cap || t.shape === 'number' || (mayBeKey(filters.lowerNames, t.text) && lowerStarts.has(t.text))) && filters.names.mayHave(t.text) ? names.get(t.text) : undefined;
    if (list !== undefined) {
      for (const e of list) {
        const len = matchExact(tokens, i + 1, e.rest, t.sentence);
        if (len >= 0) {
          best = e;
          end = i + 1 + len;
          break;
        }
      }
    } else if (t.text.length > 2 && t.text.charCodeAt(t.text.length - 1) === 115 /* s */) {
      // A tokenizer that keeps "Syria's" whole: try the stem.
      const ap = t.text.charAt(t.text.length - 2);
      if (ap === "'" || ap === '’') {
        const stem = names.get(t.text.slice(0, -2));
        if (stem) for (const e of stem) if (e.rest.length === 0) { best = e; break; }
      }
    }

    if (best !== undefined && !(best.target.ambiguousAcronym && nextToAllCaps(tokens, i, end))) {
      const target = best.target;
      if (target.kind === 'block') {
        i = end;
        continue;
      }
      const kind = mentionKind(target, gaz);
      // Sector extension: "Syrian government", "Syria's opposition", "the Kabul government".
      if ((kind === 'state' || kind === 'state_adj' || kind === 'capital') && target.country !== undefined) {
        const prev = i > 0 ? (tokens[i - 1] as Token) : undefined;
        const hyphenated = prev !== undefined && prev.text === '-' && prev.end === t.start;
        if (!hyphenated) {
          const ext = sectorAfter(tokens, end, t.sentence, gaz, kind === 'capital');
          if (ext !== undefined) {
            const last = tokens[ext.end - 1] as Token;
            mentions.push({
              kind: 'sector', id: `${target.country}.${ext.sector}`, start: t.start, end: last.end, sentence: t.sentence,
              tokenStart: i, tokenEnd: ext.end, country: target.country, rule: ext.rule,
            });
            i = ext.end;
            continue;
          }
        }
      }
      mentions.push(nameMention(kind, target, t, (tokens[end - 1] as Token).end, i, end));
      i = end;
      continue;
    }

    // No name here: a state-less sector phrase?
    const bare = mayBeKey(filters.bareSectors, t.lower) ? gaz.bareSectors.get(t.lower) : undefined;
    if (bare !== undefined) {
      const m = longestLower(tokens, i + 1, bare, t.sentence, false);
      if (m !== undefined) {
        const e = i + 1 + m.rest.length;
        cues.push({
          sector: m.sector, start: t.start, end: (tokens[e - 1] as Token).end, sentence: t.sentence,
          tokenStart: i, tokenEnd: e, rule: m.rule, needsContext: true,
        });
        i = e;
        continue;
      }
    }
    i++;
  }
  return { mentions, cues };
}

// Two literals rather than a spread: the same keys in the same order, without a temporary object.
function nameMention(kind: Mention['kind'], target: PhraseTarget, t: Token, end: number, tokenStart: number, tokenEnd: number): Mention {
  const { id, country, rule } = target;
  return country !== undefined
    ? { kind, id, start: t.start, end, sentence: t.sentence, tokenStart, tokenEnd, country, rule }
    : { kind, id, start: t.start, end, sentence: t.sentence, tokenStart, tokenEnd, rule };
}

function mentionKind(target: PhraseTarget, gaz: Gazetteer): Mention['kind'] {
  switch (target.kind) {
    case 'state': return 'state';
    case 'state_adj': return 'state_adj';
    case 'org': return 'org';
    case 'group': return 'group';
    case 'fixed': return 'sector';
    default: return gaz.capitalOf.has(target.id) ? 'capital' : 'place';
  }
}

/** Number of tokens matched from `from` (rest.length), or -1. */
function matchExact(tokens: readonly Token[], from: number, rest: readonly string[], sentence: number): number {
  const k = rest.length;
  if (from + k > tokens.length) return -1;
  for (let j = 0; j < k; j++) {
    const tok = tokens[from + j] as Token;
    if (tok.text !== rest[j] || tok.sentence !== sentence) return -1;
  }
  return k;
}

function longestLower(tokens: readonly Token[], from: number, list: readonly SectorEntry[], sentence: number, capitalOnly: boolean): SectorEntry | undefined {
  outer: for (const e of list) {
    if (capitalOnly && !e.afterCapital) continue;
    const k = e.rest.length;
    if (from + k > tokens.length) continue;
    for (let j = 0; j < k; j++) {
      const tok = tokens[from + j] as Token;
      if (tok.lower !== e.rest[j] || tok.sentence !== sentence) continue outer;
    }
    return e;
  }
  return undefined;
}

/** A sector phrase starting at `at`, optionally after a possessive ('s, ’s). */
function sectorAfter(tokens: readonly Token[], at: number, sentence: number, gaz: Gazetteer, capital: boolean): { sector: SectorCode; rule: string; end: number } | undefined {
  let j = at;
  const a = tokens[j];
  if (a === undefined || a.sentence !== sentence) return undefined;
  if ((a.text === "'" || a.text === '’') && tokens[j + 1]?.lower === 's') j += 2;
  else if (a.lower === "'s" || a.lower === '’s') j += 1;
  const w = tokens[j];
  if (w === undefined || w.sentence !== sentence || w.shape !== 'word') return undefined;
  const list = gaz.sectorAfter.get(w.lower);
  if (list === undefined) return undefined;
  const e = longestLower(tokens, j + 1, list, sentence, capital);
  if (e === undefined) return undefined;
  return { sector: e.sector, rule: e.rule, end: j + 1 + e.rest.length };
}

/** An ambiguous acronym ("US", "IS") inside an all-caps headline: prev or next word is all caps too. */
function nextToAllCaps(tokens: readonly Token[], start: number, end: number): boolean {
  const isCaps = (t: Token | undefined): boolean =>
    t !== undefined && t.shape === 'word' && t.text.length >= 2 && t.text === t.text.toUpperCase() && t.text !== t.lower;
  return isCaps(tokens[start - 1]) || isCaps(tokens[end]);
}
