// Round ordinals: "the eighth round", "Round 3", "Astana-13", "Geneva IV", "the latest round".
//
// Numbers are parsed here too (cardinal words, ordinal words, roman numerals) so that
// dates.ts can share them ("two days of talks", "over the past five years").

import { readDataJson } from './data-path.js';
import type { Sentence, Token } from './types.js';

// ---------------------------------------------------------------------------
// Number words

const UNIT_WORDS: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ORD_UNIT_WORDS: readonly string[] = [
  'zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth',
  'nineteenth',
];
const ORD_TENS_WORDS: Readonly<Record<string, number>> = {
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80,
  ninetieth: 90,
};

const CARDINAL = new Map<string, number>();
const ORDINAL = new Map<string, number>();
UNIT_WORDS.forEach((w, i) => CARDINAL.set(w, i));
ORD_UNIT_WORDS.forEach((w, i) => ORDINAL.set(w, i));
for (const [t, v] of Object.entries(TENS_WORDS)) {
  CARDINAL.set(t, v);
  for (let u = 1; u <= 9; u++) {
    CARDINAL.set(`${t}-${UNIT_WORDS[u]}`, v + u);
    ORDINAL.set(`${t}-${ORD_UNIT_WORDS[u]}`, v + u);
  }
}
for (const [t, v] of Object.entries(ORD_TENS_WORDS)) ORDINAL.set(t, v);
ORDINAL.set('hundredth', 100);
CARDINAL.set('hundred', 100);

/** Normalise "Twenty  First" / "twenty–first" to "twenty-first". */
function normWords(s: string): string {
  return s.trim().toLowerCase().replace(/[\s\u2010-\u2015-]+/g, '-');
}

/** Regex source matching the cardinal words above ("twenty-one", "twenty one", "eight"). */
const TENS_ALT = Object.keys(TENS_WORDS).join('|');
const UNITS_ALT = UNIT_WORDS.slice(1).slice().reverse().join('|'); // longest-first enough: "seventeen" before "seven"
const ORD_TENS_ALT = Object.keys(ORD_TENS_WORDS).join('|');
const ORD_UNITS_ALT = ORD_UNIT_WORDS.slice(1).slice().reverse().join('|');
export const CARDINAL_WORD_SRC = `(?:(?:${TENS_ALT})(?:[- ](?:${UNIT_WORDS.slice(1, 10).join('|')}))?|${UNITS_ALT})`;
export const ORDINAL_WORD_SRC = `(?:(?:${TENS_ALT})[- ](?:${ORD_UNIT_WORDS.slice(1, 10).join('|')})|${ORD_TENS_ALT}|${ORD_UNITS_ALT})`;

/**
 * An ordinal as a number: "eighth" → 8, "8th" → 8, "twenty-first" / "twenty first" / "21st" → 21.
 * Cardinals ("eight", "8") and roman numerals are not ordinals: see parseCardinal / parseRoman.
 */
export function parseOrdinal(words: string): number | undefined {
  const s = normWords(words);
  const m = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    return n > 0 ? n : undefined;
  }
  return ORDINAL.get(s);
}

/** A cardinal as a number: "eight" → 8, "twenty-one" → 21, "13" → 13, "a"/"an" → 1. */
export function parseCardinal(words: string): number | undefined {
  const s = normWords(words);
  if (/^\d{1,4}$/.test(s)) return Number(s);
  if (s === 'a' || s === 'an' || s === 'a-single') return 1;
  return CARDINAL.get(s);
}

const ROMAN_RE = /^(X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VAL: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };

/** Upper-case roman numerals I–XXX only ("IV" → 4); anything else, lower case included, is undefined. */
export function parseRoman(s: string): number | undefined {
  if (s.length === 0 || !ROMAN_RE.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VAL[s[i] ?? ''] ?? 0;
    const next = ROMAN_VAL[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total >= 1 && total <= 30 ? total : undefined;
}

// ---------------------------------------------------------------------------
// Round ordinals

export type RelativeRound = 'latest' | 'previous' | 'next' | 'new' | 'current';

export interface RoundOrdinal {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** The round's number, when the text gives one. */
  readonly value?: number;
  /** A relative reference without number ("the latest round"), or alongside one ("the new, eighth round"). */
  readonly relative?: RelativeRound;
  /** The round noun, singular lower case: round, session, meeting, talks, summit, conference, congress, phase, … */
  readonly noun?: string;
  /** A process name written next to the number ("Astana" in "Astana-13", "the eighth Astana round"). */
  readonly process?: string;
  /** "previous rounds", "the latest meetings". */
  readonly plural?: boolean;
  /** ord-noun | noun-number | process-number | process-roman | relative-noun (+ ":" detail) */
  readonly rule: string;
}

export interface OrdinalOptions {
  /** Extra process names (as written, e.g. "Camp David", "Sharm el-Sheikh") accepted before a number. */
  readonly processNames?: Iterable<string>;
}

/** Venues/formats often numbered in news ("Astana 8", "Geneva II", "Minsk-2"): data/lexicon/numbered-venues.json. */
let defaultNames: ReadonlySet<string> | undefined;
function defaultProcessNames(): ReadonlySet<string> {
  defaultNames ??= new Set(readDataJson<{ names: string[] }>('lexicon/numbered-venues.json').names.map((n) => n.toLowerCase()));
  return defaultNames;
}

const NOUN_SRC = 'rounds?|sessions?|meetings?|talks|summits?|conferences?|congress(?:es)?|phases?|negotiations|consultations|sittings?';
const NOUN_NORMAL: Readonly<Record<string, string>> = {
  rounds: 'round', sessions: 'session', meetings: 'meeting', summits: 'summit', conferences: 'conference',
  congresses: 'congress', phases: 'phase', sittings: 'sitting',
};
function normNoun(n: string): { noun: string; plural: boolean } {
  const l = n.toLowerCase();
  const sg = NOUN_NORMAL[l];
  return sg ? { noun: sg, plural: true } : { noun: l, plural: false };
}

/** Lower-case words allowed between an ordinal (or relative word) and the round noun. */
const MODIFIERS = new Set([
  'new', 'latest', 'formal', 'informal', 'direct', 'indirect', 'peace', 'ministerial', 'high-level',
  'technical', 'expert', 'expert-level', 'trilateral', 'bilateral', 'multilateral', 'international',
  'plenary', 'preparatory', 'annual', 'regular', 'extraordinary', 'special', 'negotiation', 'negotiating',
  'official', 'face-to-face', 'proximity', 'ceasefire', 'political', 'round-table', 'full', 'final',
  'substantive', 'working', 'consultative', 'virtual', 'crucial', 'key', 'inconclusive', 'so-called',
  'two-day', 'three-day', 'one-day', 'four-day', 'five-day', 'security', 'military', 'humanitarian',
  'constitutional', 'committee', 'reconciliation', 'national', 'joint', 'quadrilateral', 'quartet',
]);
const MOD_SUFFIX = /^[a-z]+-(?:led|backed|sponsored|brokered|hosted|level|run|mediated|organised|organized|supported|facilitated)$/;

function isModifier(w: string): boolean {
  if (MODIFIERS.has(w) || MOD_SUFFIX.test(w)) return true;
  // A capitalised word (process, sponsor or venue): "Astana", "UN-sponsored", "Syria's", "Kazakh-hosted".
  return /^[A-Z][\p{L}'’.-]*$/u.test(w) && !/^(?:The|And|Of|In|On|At|For|With|To)$/.test(w);
}

const RELATIVE_WORDS: Readonly<Record<string, RelativeRound>> = {
  latest: 'latest', last: 'latest', recent: 'latest', 'most-recent': 'latest',
  previous: 'previous', prior: 'previous', preceding: 'previous', earlier: 'previous', past: 'previous',
  next: 'next', upcoming: 'next', coming: 'next', forthcoming: 'next', following: 'next', subsequent: 'next',
  new: 'new', fresh: 'new', another: 'new',
  current: 'current', ongoing: 'current', present: 'current', this: 'current',
};
const RELATIVE_SRC = 'most\\s+recent|latest|last|recent|previous|prior|preceding|earlier|past|next|upcoming|coming|forthcoming|following|subsequent|new|fresh|another|current|ongoing|present|this';

const ORD_NUM_SRC = `(?:\\d{1,3}(?:st|nd|rd|th)|${ORDINAL_WORD_SRC})`;
const CARD_SRC = `(?:\\d{1,2}|${CARDINAL_WORD_SRC})`;

/**
 * A case-blind rule regex built twice: with the u flag, as written, and without it, which irregexp
 * runs about twice as fast. Their sources use no \p{…}, so the two differ only where /iu folds a
 * non-ASCII character onto an ASCII letter, and only ſ (U+017F → s) and K (U+212A → k) do that
 * (for the letters and for \b): on text without them both builds match alike.
 */
interface CaselessRe {
  readonly unicode: RegExp;
  readonly plain: RegExp;
}

function caselessRe(src: string): CaselessRe {
  return { unicode: new RegExp(src, 'giu'), plain: new RegExp(src, 'gi') };
}

/** The faster build whenever it matches as the u build would. */
function buildFor(re: CaselessRe, s: string): RegExp {
  return s.indexOf('\u017f') < 0 && s.indexOf('\u212a') < 0 ? re.plain : re.unicode;
}

// Ordinal, up to three modifiers, noun: "the eighth round", "the 10th session", "the fourth Astana meeting".
const ORD_NOUN_RE = caselessRe(`\\b(${ORD_NUM_SRC})((?:\\s+[^\\s,.;:()"“”]+){0,3}?)\\s+(${NOUN_SRC})\\b`);
// Relative word + noun: "the latest round", "Previous rounds", "the next meeting".
const REL_NOUN_RE = caselessRe(`\\b(${RELATIVE_SRC})((?:\\s+[^\\s,.;:()"“”]+){0,3}?)\\s+(${NOUN_SRC})\\b`);
// Noun + number: "Round 3", "round three", "Round III", "phase two", "session 4".
const NOUN_NUM_RE = caselessRe(`\\b(rounds?|phases?|sessions?|stages?)\\s+(${CARD_SRC}|[IVX]{1,6})\\b(?![.,]?\\d)`);
// Capitalised name + number: "Astana eight", "Astana-13", "Geneva IV", "Minsk II".
const NAME_NUM_RE = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])((?:[A-Z][\\p{L}'’]+)(?:(?:\\s|-)(?:el-)?[A-Z][\\p{L}'’]+)?)(?:\\s+|-)(\\d{1,2}|${CARDINAL_WORD_SRC}|[IVX]{1,6})(?![\\p{L}\\p{N}'’]|[.,:/-]\\d|\\s*%)`,
  'gu',
);
/** The round noun right after a process number ("Astana 8 talks"). */
const NOUN_AFTER_RE = new RegExp(`^\\s+(${NOUN_SRC})\\b`, 'i');
// Round|round|Session|…: the same words as ever, grouped by first letter, which scans faster.
const NOUN_GATE = /[Rr]ound|[Ss](?:ession|ummit|itting|tage)|[Mm]eeting|[Tt]alks|[Cc]on(?:feren|gress|sultations)|[Pp]hase|[Nn]egotiations|ROUND|TALKS/;
const ORD_GATE = /\d(?:st|nd|rd|th)\b|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth/i;
const REL_GATE = /recent|latest|last|previous|prior|preceding|earlier|past|next|upcoming|coming|forthcoming|following|subsequent|new|fresh|another|current|ongoing|present|this/i;
const NAME_NUM_GATE = new RegExp(`[A-Z][a-z]+(?:\\s+|-)(?:\\d|[IVX]|${CARDINAL_WORD_SRC}\\b)`);

/** exec loop over a shared global regex (matchAll clones, which costs a recompile for these). */
function first(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(s);
}

/** Capitalised words that take numbers but are not processes. */
const NAME_STOP = new Set([
  'article', 'articles', 'chapter', 'resolution', 'resolutions', 'section', 'paragraph', 'clause', 'point',
  'points', 'page', 'vol', 'volume', 'room', 'flight', 'route', 'highway', 'channel', 'level', 'grade',
  'class', 'category', 'part', 'item', 'table', 'figure', 'protocol', 'covid', 'sars', 'windows', 'boeing',
  'airbus', 'su', 'mig', 'tu', 'il', 'mi', 'ka', 'f', 'g', 'unit', 'brigade', 'division', 'battalion',
  'corps', 'army', 'squad', 'team', 'group', 'district', 'zone', 'area', 'sector', 'block', 'gate',
  'terminal', 'number', 'no', 'world', 'war', 'day', 'week', 'year', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'the', 'a', 'an', 'and', 'of', 'in', 'on', 'at', 'for', 'to',
  'with', 'by', 'from', 'as', 'but', 'or', 'than', 'about', 'after', 'before', 'since', 'until', 'over',
  'under', 'round', 'phase', 'session', 'stage', 'some', 'all', 'about', 'nearly', 'only', 'top', 'at',
  'those', 'these', 'its', 'their', 'his', 'her', 'our', 'we', 'they', 'he', 'she', 'it', 'i', 'you',
  'apollo', 'vision', 'agenda', 'goal', 'goals', 'iphone', 'model', 'type', 'code', 'line', 'lines',
  'pillar', 'stage', 'track', 'tier', 'plan', 'option', 'scenario', 'step', 'steps', 'formula', 'p',
  'un', 'us', 'uk', 'eu', 'nato', 'who', 'oic', 'osce',
]);

/** After a number following a process name: plural lower-case nouns mean a count ("Geneva two years ago"). */
const COUNT_FOLLOW_OK = new Set([
  'talks', 'negotiations', 'consultations', 'discussions', 'meetings', 'rounds', 'sessions', 'was', 'has',
  'is', 'its', 'this', 'as', 'process', 'ends', 'opens', 'begins', 'kicks', 'starts', 'resumes', 'closes',
  'concludes', 'wraps',
]);

function processSet(opts: OrdinalOptions | undefined): ReadonlySet<string> {
  const names = defaultProcessNames();
  if (!opts?.processNames) return names;
  const s = new Set(names);
  for (const n of opts.processNames) s.add(n.toLowerCase());
  return s;
}

function wordsOf(mods: string): string[] {
  const t = mods.trim();
  return t.length === 0 ? [] : t.split(/\s+/);
}

/** Relative word just before an ordinal: "the new, eighth round" / "the latest eighth round". */
function relativeBefore(text: string, from: number, lo: number): RelativeRound | undefined {
  const left = text.slice(Math.max(lo, from - 20), from);
  const m = /\b(most\s+recent|latest|last|recent|previous|new|next|upcoming|current|ongoing)\s*,?\s*$/i.exec(left);
  if (!m || !m[1]) return undefined;
  return RELATIVE_WORDS[m[1].toLowerCase().replace(/\s+/, '-')];
}

/** Numbers like the "3" in "Round 3": digits, cardinal words, or roman numerals (upper case only). */
function numberValue(s: string): { value: number; kind: 'digit' | 'word' | 'roman' } | undefined {
  if (/^\d+$/.test(s)) return { value: Number(s), kind: 'digit' };
  if (/^[IVX]+$/.test(s)) {
    const r = parseRoman(s);
    return r === undefined ? undefined : { value: r, kind: 'roman' };
  }
  const c = parseCardinal(s);
  return c === undefined ? undefined : { value: c, kind: 'word' };
}

// The four rules of findOrdinalsInSpan, one function each (one signature for all): in one body they
// passed the bytecode size TurboFan optimises (--max-optimized-bytecode-size), so it ran interpreted.

/** 1. ordinal + noun: "the eighth round". */
function ordNounRule(text: string, s: string, lo: number, sentence: number, names: ReadonlySet<string>, out: RoundOrdinal[]): void {
  const re = buildFor(ORD_NOUN_RE, s);
  for (let m = first(re, s); m !== null; m = re.exec(s)) {
    const ord = m[1] ?? '';
    const mods = wordsOf(m[2] ?? '');
    if (!mods.every(isModifier)) continue;
    const value = parseOrdinal(ord);
    if (value === undefined || value < 1 || value > 200) continue;
    const start = lo + (m.index ?? 0);
    const { noun, plural } = normNoun(m[3] ?? '');
    const proc = mods.find((w) => names.has(w.toLowerCase()));
    const rel = relativeBefore(text, start, lo);
    out.push({
      start, end: start + m[0].length, sentence, value, noun,
      ...(plural ? { plural } : {}), ...(proc ? { process: proc } : {}), ...(rel ? { relative: rel } : {}),
      rule: /^\d/.test(ord) ? 'ord-noun:digit' : 'ord-noun:word',
    });
  }
}

/** 2. relative word + noun: "the latest round". */
function relNounRule(text: string, s: string, lo: number, sentence: number, names: ReadonlySet<string>, out: RoundOrdinal[]): void {
  const re = buildFor(REL_NOUN_RE, s);
  for (let m = first(re, s); m !== null; m = re.exec(s)) {
    const word = (m[1] ?? '').toLowerCase().replace(/\s+/, '-');
    const mods = wordsOf(m[2] ?? '');
    if (!mods.every(isModifier)) continue;
    const relative = RELATIVE_WORDS[word];
    if (!relative) continue;
    const start = lo + (m.index ?? 0);
    // "at last" / "last talks" is fine, but "this" only with a singular noun.
    const { noun, plural } = normNoun(m[3] ?? '');
    if (word === 'this' && (plural || noun === 'talks' || noun === 'negotiations' || noun === 'consultations')) continue;
    if (word === 'past' && !plural) continue; // "the past round" is rare; "past rounds" is common
    const proc = mods.find((w) => names.has(w.toLowerCase()));
    out.push({
      start, end: start + m[0].length, sentence, relative, noun,
      ...(plural ? { plural } : {}), ...(proc ? { process: proc } : {}),
      rule: `relative-noun:${word}`,
    });
  }
}

/** 3. noun + number: "Round 3", "round three", "Round III". */
function nounNumberRule(text: string, s: string, lo: number, sentence: number, names: ReadonlySet<string>, out: RoundOrdinal[]): void {
  const re = buildFor(NOUN_NUM_RE, s);
  for (let m = first(re, s); m !== null; m = re.exec(s)) {
    const num = numberValue(m[2] ?? '');
    if (!num || num.value < 1 || num.value > 99) continue;
    if (num.kind === 'word' && !/^[a-z]/i.test(m[2] ?? '')) continue;
    const start = lo + (m.index ?? 0);
    const { noun } = normNoun(m[1] ?? '');
    // "round one of talks" fine; "a round two days" is a count → skip plural followers
    const after = s.slice((m.index ?? 0) + m[0].length);
    if (num.kind !== 'roman' && /^\s+(?:days?|weeks?|months?|years?|hours?|times|people|sides)\b/i.test(after)) continue;
    out.push({ start, end: start + m[0].length, sentence, value: num.value, noun, rule: `noun-number:${num.kind}` });
  }
}

/** 4. process name + number: "Astana eight", "Astana-13", "Geneva IV". */
function processNumberRule(text: string, s: string, lo: number, sentence: number, names: ReadonlySet<string>, out: RoundOrdinal[]): void {
  for (let m = first(NAME_NUM_RE, s); m !== null; m = NAME_NUM_RE.exec(s)) {
    const name = m[1] ?? '';
    const numText = m[2] ?? '';
    const lname = name.toLowerCase();
    // the first word of a two-word name may be a stopword ("In Geneva 2"): retry with the last word.
    let useName = name;
    let offset = 0;
    if (!names.has(lname) && name.includes(' ')) {
      const last = name.slice(name.lastIndexOf(' ') + 1);
      if (names.has(last.toLowerCase()) || NAME_STOP.has(name.slice(0, name.indexOf(' ')).toLowerCase())) {
        offset = name.lastIndexOf(' ') + 1;
        useName = last;
      }
    }
    const known = names.has(useName.toLowerCase());
    if (NAME_STOP.has(useName.toLowerCase()) || NAME_STOP.has(useName.split(/[\s-]/)[0]?.toLowerCase() ?? '')) {
      if (!known) continue;
    }
    const num = numberValue(numText);
    if (!num || num.value < 1 || num.value > 40) continue;
    if (num.kind === 'word' && /^[A-Z]/.test(numText) && !/^[A-Z][a-z]/.test(numText)) continue;
    const after = s.slice((m.index ?? 0) + m[0].length);
    if (num.kind === 'roman') {
      if (!known && num.value === 1) continue; // "Geneva I" only for known names; "X I said" otherwise
      if (!known && useName.length < 3) continue;
    } else {
      if (!known) continue;
      // "in Geneva two years ago", "Astana 3 delegations": a count, not an ordinal
      const nx = /^\s+([a-z][a-z'’-]*)/.exec(after);
      if (nx && nx[1] && /s$/.test(nx[1]) && nx[1].length > 3 && !COUNT_FOLLOW_OK.has(nx[1])) continue;
      if (num.kind === 'word' && nx && nx[1] && /^(?:of|or|and|to)$/.test(nx[1])) continue;
      if (/^[.,]?\d/.test(after)) continue;
    }
    const start = lo + (m.index ?? 0) + offset;
    const nounM = NOUN_AFTER_RE.exec(after);
    const nn = nounM?.[1] ? normNoun(nounM[1]) : undefined;
    out.push({
      start, end: lo + (m.index ?? 0) + m[0].length, sentence, value: num.value, process: useName,
      ...(nn ? { noun: nn.noun } : {}),
      rule: num.kind === 'roman' ? (known ? 'process-roman' : 'process-roman:heuristic') : `process-number:${num.kind}`,
    });
  }
}

/**
 * Round ordinals inside text[lo, hi) of one sentence.
 * Offsets returned are into `text`.
 */
export function findOrdinalsInSpan(
  text: string,
  lo: number,
  hi: number,
  sentence: number,
  opts?: OrdinalOptions,
  names: ReadonlySet<string> = processSet(opts),
): RoundOrdinal[] {
  const s = text.slice(lo, hi);
  const hasNoun = NOUN_GATE.test(s);
  const hasNameNum = NAME_NUM_GATE.test(s);
  if (!hasNoun && !hasNameNum) return [];
  const out: RoundOrdinal[] = [];

  if (hasNoun && ORD_GATE.test(s)) ordNounRule(text, s, lo, sentence, names, out);
  if (hasNoun && REL_GATE.test(s)) relNounRule(text, s, lo, sentence, names, out);
  if (hasNoun && /(?:round|phase|session|stage)s?\s+(?:\d|[IVX]|[a-z]+\b)/i.test(s)) nounNumberRule(text, s, lo, sentence, names, out);
  if (hasNameNum) processNumberRule(text, s, lo, sentence, names, out);

  return dedupe(out);
}

function dedupe(items: RoundOrdinal[]): RoundOrdinal[] {
  if (items.length < 2) return items;
  const sorted = items.slice().sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: RoundOrdinal[] = [];
  for (const it of sorted) {
    const clash = kept.find((k) => it.start < k.end && k.start < it.end);
    if (!clash) kept.push(it);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Round ordinals in every sentence of the text. */
export function findOrdinals(text: string, sentences: readonly Sentence[], opts?: OrdinalOptions): RoundOrdinal[] {
  const names = processSet(opts);
  const out: RoundOrdinal[] = [];
  for (const s of sentences) for (const o of findOrdinalsInSpan(text, s.start, s.end, s.index, opts, names)) out.push(o);
  return out;
}

/** Round ordinals inside a token range [tokenStart, tokenEnd) (tokens of one sentence). */
export function findOrdinalsInTokens(
  text: string,
  tokens: readonly Token[],
  tokenStart: number,
  tokenEnd: number,
  opts?: OrdinalOptions,
): RoundOrdinal[] {
  const first = tokens[tokenStart];
  const last = tokens[tokenEnd - 1];
  if (!first || !last || tokenEnd <= tokenStart) return [];
  return findOrdinalsInSpan(text, first.start, last.end, first.sentence, opts);
}
