// Time expressions in news text, resolved against the publication date at the precision the
// text gives (RECORD.md: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www).
//
// Own rules do the work (tense-aware year choice, ISO weeks, qualifiers, ranges, datelines);
// chrono-node is a fallback, run only on sentences holding a date form the rules do not cover
// (slashed dates, "in two weeks", "a fortnight ago"). All arithmetic is in UTC day numbers, so
// the result does not depend on the process time zone.

// the English locale alone: the package root also loads a dozen other locales (~0.1 s of every start-up)
import * as chrono from 'chrono-node/en';
import type { Sentence, TimeExpr } from './types.js';
import { CARDINAL_WORD_SRC, parseCardinal } from './ordinals.js';

// ---------------------------------------------------------------------------
// Calendar arithmetic on UTC day numbers (days since 1970-01-01)

interface Ymd { readonly y: number; readonly m: number; readonly d: number }

const DAY_MS = 86_400_000;
const dayNum = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
/** Whole day numbers well inside Date's range take the arithmetic paths below; anything else goes to Date. */
const plainDay = (n: number): boolean => Number.isInteger(n) && n > -100_000_000 && n < 100_000_000;
function fromDayNum(n: number): Ymd {
  if (!plainDay(n)) {
    const dt = new Date(n * DAY_MS);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
  }
  // proleptic Gregorian civil date from a day count (H. Hinnant's civil_from_days): no Date object
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}
/** ISO weekday, Monday = 1 … Sunday = 7 (day 0, 1970-01-01, was a Thursday). */
const isoWeekday = (n: number): number =>
  plainDay(n) ? (((n % 7) + 10) % 7) + 1 : ((new Date(n * DAY_MS).getUTCDay() + 6) % 7) + 1;
const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Date.UTC reads years 0–99 as 1900–1999: leave those (and odd months) to Date, so the answer stays the same. */
function daysInMonth(y: number, m: number): number {
  if (y < 100 || y > 9999 || !Number.isInteger(y) || !Number.isInteger(m)) return new Date(Date.UTC(y, m, 0)).getUTCDate();
  const n = MONTH_DAYS[m - 1];
  if (n === undefined) return new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : n;
}
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const fmtYear = (y: number): string => String(y);
const fmtMonth = (y: number, m: number): string => `${y}-${pad2(m)}`;
function fmtDay(n: number): string {
  const { y, m, d } = fromDayNum(n);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
function fmtWeek(n: number): string {
  const thursday = n - isoWeekday(n) + 4;
  const y = fromDayNum(thursday).y;
  const week = Math.floor((thursday - dayNum(y, 1, 1)) / 7) + 1;
  return `${y}-W${pad2(week)}`;
}
function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const t = y * 12 + (m - 1) + k;
  return { y: Math.floor(t / 12), m: (t % 12) + 1 };
}

/** First and last day of the period a value denotes. */
function periodOf(v: string): [number, number] | undefined {
  // each form has its own length: try only the pattern that can match
  switch (v.length) {
    case 10: return dayPeriod(v);
    case 8: return weekPeriod(v);
    case 7: return monthPeriod(v);
    case 4: return yearPeriod(v);
    default: return undefined;
  }
}
// Values are read back by hand: a regex exec with captures per output record cost more than the rest of relationOf.
/** The number the n ASCII digits at v[i, i + n) write, or -1 when one is not a digit. */
function digitsAt(v: string, i: number, n: number): number {
  let x = 0;
  for (let k = i; k < i + n; k++) {
    const c = v.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    x = x * 10 + c;
  }
  return x;
}
/** YYYY-MM-DD */
function dayPeriod(v: string): [number, number] | undefined {
  const y = digitsAt(v, 0, 4);
  const m = digitsAt(v, 5, 2);
  const d = digitsAt(v, 8, 2);
  if (y < 0 || m < 0 || d < 0 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return undefined;
  const n = dayNum(y, m, d);
  return [n, n];
}
/** YYYY-Www */
function weekPeriod(v: string): [number, number] | undefined {
  const y = digitsAt(v, 0, 4);
  const w = digitsAt(v, 6, 2);
  if (y < 0 || w < 0 || v.charCodeAt(4) !== 45 || v.charCodeAt(5) !== 87) return undefined;
  const jan4 = dayNum(y, 1, 4);
  const mon = jan4 - isoWeekday(jan4) + 1 + (w - 1) * 7;
  return [mon, mon + 6];
}
/** YYYY-MM */
function monthPeriod(v: string): [number, number] | undefined {
  const y = digitsAt(v, 0, 4);
  const mo = digitsAt(v, 5, 2);
  if (y < 0 || mo < 0 || v.charCodeAt(4) !== 45) return undefined;
  return [dayNum(y, mo, 1), dayNum(y, mo, daysInMonth(y, mo))];
}
/** YYYY */
function yearPeriod(v: string): [number, number] | undefined {
  const y = digitsAt(v, 0, 4);
  if (y < 0) return undefined;
  return [dayNum(y, 1, 1), dayNum(y, 12, 31)];
}

// ---------------------------------------------------------------------------
// Lexicon

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8,
  sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

const M = '((?:January|February|March|April|May|June|July|August|September|October|November|December)\\b|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b\\.?)';
const WD = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const D = '(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:%]|[.,]\\d)';
const SEP = '\\s*(?:-|–|—|to|and|through|until|till)\\s*';
const YR = '((?:19|20)\\d\\d)(?![\\d%])';
const N = `(\\d{1,3}|${CARDINAL_WORD_SRC}|a|an)`;
const QUAL = '(?:([Ee]arly|[Mm]id|[Ll]ate)[-\\s]+(?:in\\s+)?|(?:[Tt]he\\s+)?([Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd)\\s+of\\s+)';

const RE = {
  iso: /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g,
  md: new RegExp(`\\b(?:${WD},?\\s+)?${M}\\s+${D}(?:${SEP}${D})?(?:,?\\s+${YR})?`, 'g'),
  dm: new RegExp(`\\b(?:${WD},?\\s+(?:the\\s+)?)?${D}(?:${SEP}${D})?\\s+(?:of\\s+)?${M}(?:,?\\s+${YR})?`, 'g'),
  my: new RegExp(`${QUAL}?\\b${M}(?:\\s+of)?,?\\s+${YR}`, 'g'),
  mq: new RegExp(`${QUAL}${M}(?!\\s+\\d)`, 'g'),
  mrel: new RegExp(`\\b([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\\s+${M}(?!\\s+\\d)`, 'g'),
  month: new RegExp(`\\b${M}(?!\\s+\\d)`, 'g'),
  year: new RegExp(`(?:\\b([Ee]arly|[Mm]id|[Ll]ate)[-\\s]+|(?<![\\w$€£#.,/-]))((?:19|20)\\d\\d)(?:\\s*(?:-|–|to|and|through)\\s*((?:19|20)\\d\\d|\\d\\d))?(?![\\w%]|[.,/]\\d|-\\d)`, 'g'),
  relUnit: /\b(?:([Ee]arlier|[Ll]ater)\s+)?([Ll]ast|[Tt]his|[Nn]ext|[Cc]oming)\s+(week|weekend|month|year)\b(?!-|\s+of\b)/g,
  endOf: /\b(?:[Tt]he\s+)?([Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)[-\s]+of[-\s]+(?:the|this)[-\s]+(year|month|week)\b/g,
  pastN: new RegExp(`\\b(?:[Tt]he\\s+)?(?:past|last|previous)\\s+${N}\\s+(years|months|weeks|days|decades)\\b`, 'g'),
  ago: new RegExp(`\\b${N}\\s+(days?|weeks?|months?|years?|decades?)\\s+ago\\b`, 'gi'),
  weekday: new RegExp(`\\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\\s+)?${WD}(?:\\s*,?\\s*(?:-|–|and|to|through|until|till)\\s*${WD})?\\b`, 'g'),
  casual: /\b(?:[Tt]he\s+day\s+(before|after)\s+)?([Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\b/g,
  nth: /\b(?:on|by|until|till|from|since|before|after|On|By|From|Until|Since)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b/g,
  holiday: /\b(Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve))\b/g,
} as const;

/** A sentence needs the date rules at all: it holds a digit or one of these words. (Testing the
 * digit apart lets the word scan skip ahead, which a `\d` alternative prevents.) */
const DIGIT = /\d/;
// Jan … Dec, day, week, month, year (either case), ago, fortnight, tonight, tomorrow: the commonest
// first, shared starts merged, which scans faster than the plain list.
const TRIGGER_WORDS = /[dD]ay|[yY]ear|[wW]eek|[mM]onth|ago|J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec|fortnight|[tT]o(?:night|morrow)/;
const ABBREV_END = /(?:^|[^A-Za-z])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;
/** A sentence that opens with a day number ("7, the talks…"), read from an 8-character slice. */
const NEXT_DAY = /^\s*\d{1,2}\b/;
/** NEXT_DAY's first character can only be a digit or a space: most sentences fail this test at once. */
function mayStartWithDay(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c >= 48 && c <= 57) || c === 32 || (c >= 9 && c <= 13) || c >= 128;
}
function endsWithMonthAbbrev(s: string): boolean {
  const t = s.trimEnd();
  return t.endsWith('.') && ABBREV_END.test(t.slice(-6));
}
/** Forms left to chrono-node. */
const RESIDUAL = new RegExp(
  `\\d{1,4}[/.]\\d{1,2}[/.]\\d{2,4}|\\bin\\s+(?:a|an|\\d+|${CARDINAL_WORD_SRC})\\s+(?:days?|weeks?|months?)\\b|\\bfortnight\\b|\\bweeks?\\s+(?:from\\s+now|hence)\\b`,
  'i',
);

/** Words before a bare month name that make it a date ("in May", not "May I"). */
const MONTH_PREP = new Set([
  'in', 'since', 'during', 'until', 'till', 'by', 'from', 'before', 'after', 'through', 'throughout', 'of',
  'between', 'and', 'or', 'to', 'on', 'for', 'around', 'early', 'late', 'mid', 'that', 'each', 'every',
  'as', 'last', 'next', 'this', 'late-', 'mid-', 'early-', 'end', 'beginning',
]);
const HOLIDAY_DATES: Readonly<Record<string, [number, number]>> = {
  'christmas day': [12, 25], 'christmas eve': [12, 24], "new year's day": [1, 1], "new year's eve": [12, 31],
};
const NOT_WEEKDAY_BEFORE = /\b(?:Good|Black|Bloody|Ash|Super|Holy|Easter|Cyber|Palm|Maundy|Shrove|Giving|Whit|Low|Mothering|Plough|Cyber)\s*$/;
const YEAR_COUNT_AFTER = /^\s*(?:%|percent|per\s*cent|people|persons|troops|soldiers|civilians|fighters|militants|members|refugees|families|children|men|women|km|kilometers|kilometres|miles|metres|meters|tons|tonnes|dollars|euros|cases|deaths|dead|killed|GMT|UTC|hours|hrs|h\b|local\s+time|delegates|prisoners|detainees|vehicles|trucks|units|homes|houses|buildings|votes|seats|signatures|rebels|residents|displaced|troop|[a-z]+s\s+(?:were|have|had|are)\b)/i;
const YEAR_BEFORE_BAD = /(?:\b(?:[Rr]esolutions?|No\.?|[Nn]umber|[Aa]rticle|[Rr]oute|[Ff]light|[Cc]ode|[Mm]odel|[Pp]age|[Rr]oom|[Ll]aw|[Dd]ecree|UNSCR|about|nearly|some|over|than|around|almost|approximately|least|of\s+the)\s*)$/;

// ---------------------------------------------------------------------------
// Tense around an expression

type Tense = 'past' | 'future';

const FUTURE_WORDS = new Set([
  'will', 'shall', 'would', "won't", 'wont', 'scheduled', 'slated', 'expected', 'upcoming', 'forthcoming',
  'next', 'tomorrow', 'planned', 'plans', 'intends', 'intend', 'later', 'soon', 'coming', 'planning',
  'could', 'can', 'may', 'might', 'should', 'must',
]);
/** Future only before "to": "hopes to meet", "set to resume", "due to open". */
const FUTURE_BEFORE_TO = new Set(['due', 'set', 'going', 'plan', 'aim', 'aims', 'hope', 'hopes', 'hoping', 'seek', 'seeks', 'want', 'wants', 'agreed']);
const PAST_WORDS = new Set([
  'was', 'were', 'had', 'did', 'ago', 'last', 'earlier', 'previously', 'already', 'recently', 'yesterday',
  'met', 'began', 'took', 'held', 'said', 'told', 'came', 'went', 'saw', 'made', 'gave', 'left', 'fell',
  'won', 'lost', 'broke', 'struck', 'sent', 'brought', 'fought', 'kept', 'led', 'rose', 'spoke', 'wrote',
  'ran', 'stood', 'thought', 'found', 'became', 'got', 'paid', 'sought', 'fled', 'shot', 'drew', 'knew',
  'felt', 'heard', 'built', 'spent', 'caught', 'withdrew', 'undertook', 'oversaw', 'arose', 'upheld', 'hit',
  'overran', 'flew', 'chose', 'forgot', 'wrote', 'spoke', 'sat', 'lay', 'laid', 'meant', 'won', 'tore',
  'signed', 'agreed', 'ended', 'failed', 'resulted', 'collapsed', 'stalled', 'started', 'opened',
  'kicked', 'concluded', 'announced', 'reached', 'launched', 'resumed', 'hosted', 'attended', 'killed',
  'captured', 'recaptured',
]);
const ED_NOT_PAST = new Set([
  'need', 'united', 'armed', 'based', 'red', 'bed', 'seed', 'speed', 'proceed', 'exceed', 'succeed', 'indeed',
  'hundred', 'creed', 'breed', 'feed', 'weed', 'bleed', 'concerned', 'interested', 'involved', 'related',
  'so-called', 'alleged', 'advanced', 'limited', 'detailed', 'supposed', 'used', 'embattled', 'besieged',
  'wounded', 'expected', 'scheduled', 'planned', 'slated', 'proposed', 'speed', 'shed', 'wed', 'fled',
  'committed', 'required', 'continued', 'organized', 'organised', 'prepared', 'designed', 'devoted',
  'dedicated', 'qualified', 'experienced', 'isolated', 'renewed', 'stranded', 'disputed', 'occupied',
  'divided', 'reported', 'revised', 'informed',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those']);

interface Word { readonly s: number; readonly e: number; readonly w: string }
// A word is /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*/, read by wordsOf.

// The word lists above as one lookup: a bit per list (most words are in none, and pay one miss).
const IN_FUTURE = 1;
const IN_FUTURE_BEFORE_TO = 2;
const IN_PAST = 4;
const IN_ED_NOT_PAST = 8;
const WORD_LISTS = new Map<string, number>();
for (const [set, bit] of [[FUTURE_WORDS, IN_FUTURE], [FUTURE_BEFORE_TO, IN_FUTURE_BEFORE_TO], [PAST_WORDS, IN_PAST], [ED_NOT_PAST, IN_ED_NOT_PAST]] as const) {
  for (const w of set) WORD_LISTS.set(w, (WORD_LISTS.get(w) ?? 0) | bit);
}

function markerOf(words: readonly Word[], i: number): Tense | undefined {
  const w = words[i]?.w;
  if (w === undefined) return undefined;
  const prev = words[i - 1]?.w;
  const next = words[i + 1]?.w;
  if (w.endsWith("'ll") || w.endsWith('’ll')) return 'future';
  const lists = WORD_LISTS.get(w) ?? 0;
  if ((lists & IN_FUTURE_BEFORE_TO) !== 0 && (next === 'to' || (next === 'for' && (w === 'due' || w === 'set')))) return 'future';
  if (w === 'due' || w === 'set' || w === 'going' || w === 'plan') return undefined;
  if ((lists & IN_FUTURE) !== 0) return 'future';
  if (w === 'has' || w === 'have') {
    return next !== undefined && (next === 'been' || next.endsWith('ed') || PAST_WORDS.has(next)) ? 'past' : undefined;
  }
  const isEd = w.length > 4 && w.endsWith('ed') && !w.includes('-') && (lists & IN_ED_NOT_PAST) === 0;
  if (isEd || (lists & IN_PAST) !== 0) {
    if (prev === 'be' || prev === 'being') {
      // "will be held" is future, "was supposed to be concluded" is not
      for (let k = i - 2; k >= 0 && k >= i - 4; k--) {
        const b = words[k]?.w;
        if (b === 'was' || b === 'were' || b === 'had' || b === 'supposed' || b === 'been') return 'past';
      }
      return 'future';
    }
    if (prev !== undefined && DETERMINERS.has(prev)) return undefined;
    if (prev === 'is' || prev === 'are') return undefined;
    return 'past';
  }
  return undefined;
}

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
/** Extra distance of the gap text[a, b) between two words: 3 for ";", ":" or "—", 1 for "," or `paren` (scanned in place: no slice). */
function gapWeight(text: string, a: number, b: number, paren: number): number {
  let w = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 58 || c === 0x2014) return 3;
    if (c === 44 || c === paren) w = 1;
  }
  return w;
}

/** Nearest tense marker within `back` words before and `ahead` after [start, end); clause punctuation weighs 2 words. */
function tenseNear(words: readonly Word[], text: string, start: number, end: number, back = 8, ahead = 8): Tense | undefined {
  let bi = -1;
  let ai = words.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    if (w.e <= start) bi = i;
    else if (w.s >= end) { ai = i; break; }
  }
  let best: Tense | undefined;
  let bestDist = Infinity;
  let dist = 0;
  let edge = start;
  for (let i = bi; i >= 0 && i > bi - back; i--) {
    const w = words[i];
    if (!w) break;
    dist += 1 + gapWeight(text, w.e, edge, OPEN_PAREN);
    edge = w.s;
    const t = markerOf(words, i);
    if (t) { best = t; bestDist = dist; break; }
  }
  dist = 0;
  edge = end;
  for (let i = ai; i < words.length && i < ai + ahead; i++) {
    const w = words[i];
    if (!w) break;
    dist += 1 + gapWeight(text, edge, w.s, CLOSE_PAREN);
    edge = w.e;
    if (dist >= bestDist) break;
    const t = markerOf(words, i);
    if (t) { best = t; break; }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Resolution

function monthYear(month: number, tense: Tense | undefined, pub: Ymd): number {
  if (tense === 'future') return month >= pub.m ? pub.y : pub.y + 1;
  return month <= pub.m ? pub.y : pub.y - 1;
}

/** Day number for month/day without a year: past → latest not after pub; future → earliest not before; else nearest. */
function monthDay(month: number, day: number, tense: Tense | 'dateline' | undefined, pub: Ymd): number | undefined {
  const p = dayNum(pub.y, pub.m, pub.d);
  const cands: number[] = [];
  for (const y of [pub.y - 1, pub.y, pub.y + 1]) if (day <= daysInMonth(y, month)) cands.push(dayNum(y, month, day));
  if (cands.length === 0) return undefined;
  if (tense === 'past' || tense === 'dateline') {
    const ok = cands.filter((c) => c <= p);
    if (tense === 'dateline' && ok.length === 0) return undefined;
    return ok.length ? Math.max(...ok) : Math.min(...cands);
  }
  if (tense === 'future') {
    const ok = cands.filter((c) => c >= p);
    return ok.length ? Math.min(...ok) : Math.max(...cands);
  }
  // nearest, with news' past bias: a future date must be less than half as far as the past one
  const past = cands.filter((c) => c <= p);
  const fut = cands.filter((c) => c > p);
  const bp = past.length ? Math.max(...past) : undefined;
  const bf = fut.length ? Math.min(...fut) : undefined;
  if (bp === undefined) return bf;
  if (bf === undefined) return bp;
  return (bf - p) * 2 < p - bp ? bf : bp;
}

function weekdayDate(target: number, mod: string | undefined, tense: Tense | undefined, p: number): number {
  const wd = isoWeekday(p);
  const back = (wd - target + 7) % 7; // days back to the most recent (0 = today)
  const fwd = (target - wd + 7) % 7; // days ahead to the next (0 = today)
  switch (mod) {
    case 'last': case 'past': return p - (back === 0 ? 7 : back);
    case 'next': case 'coming': return p + (fwd === 0 ? 7 : fwd);
    case 'this': return p - wd + target; // inside the publication's ISO week
    default: break;
  }
  if (back === 0) return p;
  if (tense === 'future') return p + fwd;
  if (tense === 'past') return p - back;
  return back <= fwd ? p - back : p + fwd;
}

interface Cand {
  start: number;
  end: number;
  value: string;
  endValue?: string;
  rule: string;
}

interface Ctx {
  readonly text: string;
  readonly lo: number;
  readonly hi: number;
  readonly s: string;
  readonly pub: Ymd | undefined;
  readonly p: number | undefined;
  readonly hasDigit: boolean;
  /** The sentence holds "day" (weekdays, "days", "today", "yesterday"). */
  readonly hasDay: boolean;
  readonly hasUnit: boolean;
  /** The whole text names a holiday: one search per text instead of one per sentence. */
  readonly holidayText: boolean;
  words?: Word[];
}

/** A word's first character. */
const isWordStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f);
/** A word's other characters: the first ones and ' ’ -. */
const isWordChar = (c: number): boolean => isWordStart(c) || c === 45 || c === 39 || c === 0x2019;

/** The words of the sentence, found by a character walk (a regex exec loop costs a match array per word). */
function wordsOf(ctx: Ctx): Word[] {
  if (!ctx.words) {
    const s = ctx.s;
    const n = s.length;
    const ws: Word[] = [];
    let i = 0;
    while (i < n) {
      if (!isWordStart(s.charCodeAt(i))) { i++; continue; }
      const st = i;
      for (i++; i < n && isWordChar(s.charCodeAt(i)); i++);
      ws.push({ s: st, e: i, w: s.slice(st, i).toLowerCase() });
    }
    ctx.words = ws;
  }
  return ctx.words;
}
/** Tense at local offsets [a, b) of the sentence. */
const tenseAt = (ctx: Ctx, a: number, b: number): Tense | undefined => tenseNear(wordsOf(ctx), ctx.s, a, b);

const PREV_WORD_RE = /([\p{L}]+)[\s-]*$/u;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** The word before `at` (over at most 30 characters), lower case. */
function prevWord(s: string, at: number): string | undefined {
  const from = Math.max(0, at - 30);
  // ASCII text is walked back by hand; anything else goes to the Unicode regex
  let e = at;
  for (; e > from; e--) {
    const c = s.charCodeAt(e - 1);
    if (c === 32 || c === 45 || (c >= 9 && c <= 13)) continue;
    if (c >= 128) return prevWordRe(s, from, at);
    break;
  }
  let b = e;
  for (; b > from; b--) {
    const c = s.charCodeAt(b - 1);
    if (c >= 128) return prevWordRe(s, from, at);
    if (!isAsciiLetter(c)) break;
  }
  return b < e ? s.slice(b, e).toLowerCase() : undefined;
}
function prevWordRe(s: string, from: number, at: number): string | undefined {
  return PREV_WORD_RE.exec(s.slice(from, at))?.[1]?.toLowerCase();
}

function monthOf(name: string): number | undefined {
  const l = name.toLowerCase();
  return MONTHS[l.endsWith('.') ? l.slice(0, -1) : l];
}
const dayOk = (d: number): boolean => d >= 1 && d <= 31;
function validDay(y: number, m: number, d: number): boolean {
  return dayOk(d) && d <= daysInMonth(y, m);
}

/** "May 3", "3 May", ranges, with or without year; datelines. */
function monthDayCand(
  ctx: Ctx, out: Cand[], idx: number, len: number,
  monthName: string, d1s: string, d2s: string | undefined, ys: string | undefined, order: 'md' | 'dm',
): void {
  const month = monthOf(monthName);
  const d1 = Number(d1s);
  let d2 = d2s === undefined ? undefined : Number(d2s);
  if (month === undefined || !dayOk(d1)) return;
  let end = idx + len;
  if (d2 !== undefined && (!dayOk(d2) || d2 <= d1)) {
    if (order === 'dm') return; // "3 and 1 May" is not a date we understand
    d2 = undefined;
  }
  if (d2 !== undefined && order === 'md' && ys === undefined) {
    // "on March 11 and 20 people…": a count follows, not a range
    const after = ctx.s.slice(end);
    if (/^\s+[a-z]+s\b/.test(after) && !/^\s+(?:talks|was|has|is|as)\b/.test(after)) {
      const m = new RegExp(`^.*?${d1s}(?:st|nd|rd|th)?`).exec(ctx.s.slice(idx, end));
      if (!m) return;
      end = idx + m[0].length;
      d2 = undefined;
    }
  }
  const before = ctx.s.slice(0, idx);
  const dateline = /^\s*[A-Z][A-Z.'’ -]{1,40},\s*$/.test(before) ||
    (ctx.lo < 200 && /^\s*[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3}\s*,\s*$/u.test(before) &&
      /^\s*(?:\(|\/|[-–—]|\.\s*\/|,?\s*\d{4}\s*(?:\(|\/|[-–—]))/.test(ctx.s.slice(idx + len)));
  if (ys !== undefined) {
    const y = Number(ys);
    if (!validDay(y, month, d1)) return;
    const v = dayNum(y, month, d1);
    out.push({
      start: idx, end, value: fmtDay(v),
      ...(d2 !== undefined && validDay(y, month, d2) ? { endValue: fmtDay(dayNum(y, month, d2)) } : {}),
      rule: dateline ? 'dateline' : d2 !== undefined ? 'month-day-year-range' : 'month-day-year',
    });
    return;
  }
  if (!ctx.pub) return;
  const tense = dateline ? 'dateline' : tenseAt(ctx, idx, end);
  const v = monthDay(month, d1, tense, ctx.pub);
  if (v === undefined) return;
  const y = fromDayNum(v).y;
  out.push({
    start: idx, end, value: fmtDay(v),
    ...(d2 !== undefined && validDay(y, month, d2) ? { endValue: fmtDay(dayNum(y, month, d2)) } : {}),
    rule: dateline ? 'dateline' : d2 !== undefined ? 'month-day-range' : 'month-day',
  });
}

function qualifierOf(q1: string | undefined, q2: string | undefined): string | undefined {
  const q = (q1 ?? q2)?.toLowerCase();
  if (q === undefined) return undefined;
  return q === 'beginning' || q === 'start' ? 'early' : q === 'middle' ? 'mid' : q === 'end' ? 'late' : q;
}

/** exec loop over a shared global regex (cheaper than matchAll, which clones it). */
function first(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(s);
}

const HAS_MONTH = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const HAS_WEEKDAY = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/;
const HAS_UNIT = /week|month|year/;
const HAS_UNITS = /years|months|weeks|days|decades/;
const HAS_AGO = /ago\b/;
const NTH_GATE = /the\s+\d/;
const HAS_CASUAL = /[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow/;
// the digit form apart, and only with a digit, for the reason given at TRIGGER_WORDS
const RESIDUAL_DIGIT_GATE = /\d[/.]\d/;
const RESIDUAL_GATE = /fortnight|hence|from now|days?\b|weeks?\b|months?\b/;
/** RESIDUAL_GATE, its scans run only when a substring each form needs is there. */
function residualGate(s: string, hasDigit: boolean, hasDay: boolean, hasUnit: boolean): boolean {
  if (hasDigit && RESIDUAL_DIGIT_GATE.test(s)) return true;
  if (!hasDay && !hasUnit && !s.includes('fortnight') && !s.includes('hence') && !s.includes('from now')) return false;
  return RESIDUAL_GATE.test(s);
}

function isoCands(ctx: Ctx, out: Cand[]): void {
  const s = ctx.s;
  for (let m = first(RE.iso, s); m !== null; m = RE.iso.exec(s)) {
    const y = Number(m[1]); const mo = Number(m[2]); const d = Number(m[3]);
    if (mo >= 1 && mo <= 12 && validDay(y, mo, d)) {
      out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, value: fmtDay(dayNum(y, mo, d)), rule: 'iso' });
    }
  }
}

function mdCands(ctx: Ctx, out: Cand[]): void {
  const s = ctx.s;
  for (let m = first(RE.md, s); m !== null; m = RE.md.exec(s)) {
    monthDayCand(ctx, out, m.index ?? 0, m[0].length, m[2] ?? '', m[3] ?? '', m[4], m[5], 'md');
  }
}

function dmCands(ctx: Ctx, out: Cand[]): void {
  const s = ctx.s;
  for (let m = first(RE.dm, s); m !== null; m = RE.dm.exec(s)) {
    monthDayCand(ctx, out, m.index ?? 0, m[0].length, m[4] ?? '', m[2] ?? '', m[3], m[5], 'dm');
  }
}

function myCands(ctx: Ctx, out: Cand[]): void {
  const s = ctx.s;
  for (let m = first(RE.my, s); m !== null; m = RE.my.exec(s)) {
    const month = monthOf(m[3] ?? '');
    if (month === undefined) continue;
    const q = qualifierOf(m[1], m[2]);
    out.push({
      start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, value: fmtMonth(Number(m[4]), month),
      rule: q ? `month-year:${q}` : 'month-year',
    });
  }
}

function yearCands(ctx: Ctx, out: Cand[]): void {
  const s = ctx.s;
  for (let m = first(RE.year, s); m !== null; m = RE.year.exec(s)) {
    const idx = m.index ?? 0;
    const yStart = idx + m[0].indexOf(m[2] ?? '');
    const y = Number(m[2]);
    if (y < 1945 || y > 2099) continue;
    const after = s.slice(idx + m[0].length);
    if (YEAR_COUNT_AFTER.test(after) && m[3] === undefined) continue;
    if (YEAR_BEFORE_BAD.test(s.slice(Math.max(0, yStart - 20), yStart))) continue;
    if (/:\s*$/.test(s.slice(0, yStart)) && /^\s*\d/.test(after)) continue;
    let endValue: string | undefined;
    if (m[3] !== undefined) {
      const e = m[3].length === 2 ? Math.floor(y / 100) * 100 + Number(m[3]) : Number(m[3]);
      if (e > y && e <= 2099 && (m[3].length === 4 || /[-–]/.test(m[0]))) endValue = fmtYear(e);
    }
    const q = m[1]?.toLowerCase();
    const end = endValue === undefined && m[3] !== undefined ? yStart + 4 : idx + m[0].length;
    out.push({
      start: q ? idx : yStart, end, value: fmtYear(y), ...(endValue ? { endValue } : {}),
      rule: q ? `year:${q}` : endValue ? 'year-range' : 'year',
    });
  }
}

function mqCands(ctx: Ctx, out: Cand[], pub: Ymd): void {
  const s = ctx.s;
  for (let m = first(RE.mq, s); m !== null; m = RE.mq.exec(s)) {
    const month = monthOf(m[3] ?? '');
    if (month === undefined) continue;
    const idx = m.index ?? 0;
    const q = qualifierOf(m[1], m[2]) ?? 'mid';
    const y = monthYear(month, tenseAt(ctx, idx, idx + m[0].length), pub);
    out.push({ start: idx, end: idx + m[0].length, value: fmtMonth(y, month), rule: `month-qualified:${q}` });
  }
}

function mrelCands(ctx: Ctx, out: Cand[], pub: Ymd): void {
  const s = ctx.s;
  for (let m = first(RE.mrel, s); m !== null; m = RE.mrel.exec(s)) {
    const month = monthOf(m[2] ?? '');
    if (month === undefined) continue;
    const idx = m.index ?? 0;
    const mod = (m[1] ?? '').toLowerCase();
    let y: number;
    if (mod === 'last') y = month < pub.m ? pub.y : pub.y - 1;
    else if (mod === 'next' || mod === 'coming') y = month > pub.m ? pub.y : pub.y + 1;
    else y = pub.y;
    out.push({ start: idx, end: idx + m[0].length, value: fmtMonth(y, month), rule: `month:${mod}` });
  }
}

function monthCands(ctx: Ctx, out: Cand[], pub: Ymd): void {
  const s = ctx.s;
  for (let m = first(RE.month, s); m !== null; m = RE.month.exec(s)) {
    const name = m[1] ?? '';
    const month = monthOf(name);
    if (month === undefined) continue;
    const idx = m.index ?? 0;
    const pw = prevWord(s, idx);
    const hasPrep = pw !== undefined && MONTH_PREP.has(pw);
    const abbrev = name.length <= 4 && name !== 'June' && name !== 'July';
    if ((name === 'May' || abbrev) && !hasPrep) continue;
    if (name === 'March' && !hasPrep && /^\s*["“']?$/.test(s.slice(0, idx))) continue;
    // "June Smith", "April Jones": a first name
    if (!hasPrep && /^\s+[A-Z][a-z]/.test(s.slice(idx + m[0].length))) continue;
    const y = monthYear(month, tenseAt(ctx, idx, idx + m[0].length), pub);
    out.push({ start: idx, end: idx + m[0].length, value: fmtMonth(y, month), rule: hasPrep ? `month:${pw}` : 'month' });
  }
}

function endOfCands(ctx: Ctx, out: Cand[], pub: Ymd, p: number): void {
  const s = ctx.s;
  for (let m = first(RE.endOf, s); m !== null; m = RE.endOf.exec(s)) {
    const idx = m.index ?? 0;
    const unit = (m[2] ?? '').toLowerCase();
    const q = qualifierOf(undefined, m[1]) ?? 'late';
    const value = unit === 'year' ? fmtYear(pub.y) : unit === 'month' ? fmtMonth(pub.y, pub.m) : fmtWeek(p);
    out.push({ start: idx, end: idx + m[0].length, value, rule: `${q}-this-${unit}` });
  }
}

function relUnitCands(ctx: Ctx, out: Cand[], pub: Ymd, p: number): void {
  const s = ctx.s;
  for (let m = first(RE.relUnit, s); m !== null; m = RE.relUnit.exec(s)) {
    const idx = m.index ?? 0;
    const qual = m[1]?.toLowerCase();
    let rel = (m[2] ?? '').toLowerCase();
    const unit = (m[3] ?? '').toLowerCase();
    if (rel === 'last' && prevWord(s, idx) === 'the') continue; // "in the last year": a span, not a period
    if (rel === 'coming') rel = 'next';
    const k = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
    let value: string;
    if (unit === 'week' || unit === 'weekend') value = fmtWeek(p + 7 * k);
    else if (unit === 'month') { const t = addMonths(pub.y, pub.m, k); value = fmtMonth(t.y, t.m); }
    else value = fmtYear(pub.y + k);
    out.push({ start: idx, end: idx + m[0].length, value, rule: `${qual ? `${qual}-` : ''}${rel}-${unit}` });
  }
}

function pastNCands(ctx: Ctx, out: Cand[], pub: Ymd, p: number): void {
  const s = ctx.s;
  for (let m = first(RE.pastN, s); m !== null; m = RE.pastN.exec(s)) {
    const idx = m.index ?? 0;
    const n = parseCardinal(m[1] ?? '');
    if (n === undefined || n < 1 || n > 200) continue;
    const unit = (m[2] ?? '').toLowerCase();
    let value: string;
    let endValue: string;
    if (unit === 'years' || unit === 'decades') { value = fmtYear(pub.y - n * (unit === 'decades' ? 10 : 1)); endValue = fmtYear(pub.y); }
    else if (unit === 'months') { const t = addMonths(pub.y, pub.m, -n); value = fmtMonth(t.y, t.m); endValue = fmtMonth(pub.y, pub.m); }
    else if (unit === 'weeks') { value = fmtWeek(p - 7 * n); endValue = fmtWeek(p); }
    else { value = fmtDay(p - n); endValue = fmtDay(p); }
    out.push({ start: idx, end: idx + m[0].length, value, endValue, rule: `past-n-${unit === 'decades' ? 'years' : unit}` });
  }
}

function agoCands(ctx: Ctx, out: Cand[], pub: Ymd, p: number): void {
  const s = ctx.s;
  for (let m = first(RE.ago, s); m !== null; m = RE.ago.exec(s)) {
    const idx = m.index ?? 0;
    const n = parseCardinal(m[1] ?? '');
    if (n === undefined || n < 1 || n > 200) continue;
    const unit = (m[2] ?? '').toLowerCase().replace(/s$/, '');
    let value: string;
    if (unit === 'day') value = fmtDay(p - n);
    else if (unit === 'week') value = fmtWeek(p - 7 * n);
    else if (unit === 'month') { const t = addMonths(pub.y, pub.m, -n); value = fmtMonth(t.y, t.m); }
    else value = fmtYear(pub.y - n * (unit === 'decade' ? 10 : 1));
    out.push({ start: idx, end: idx + m[0].length, value, rule: `ago-${unit}` });
  }
}

function weekdayCands(ctx: Ctx, out: Cand[], pub: Ymd, p: number): void {
  const s = ctx.s;
  for (let m = first(RE.weekday, s); m !== null; m = RE.weekday.exec(s)) {
    const idx = m.index ?? 0;
    if (NOT_WEEKDAY_BEFORE.test(s.slice(Math.max(0, idx - 12), idx))) continue;
    const mod = m[1]?.toLowerCase();
    const w1 = WEEKDAYS[(m[2] ?? '').toLowerCase()];
    if (w1 === undefined) continue;
    // a weekday with no tense near it takes its clause's verb, further back: "MSF evacuated patients
    // and staff from the South Hospital in El Fasher on Saturday" is last Saturday, not the next one
    // (not further ahead, where the reporting verb stands: "…, the ministry said")
    const tense = tenseAt(ctx, idx, idx + m[0].length) ?? tenseNear(wordsOf(ctx), ctx.s, idx, idx + m[0].length, 40, 0);
    const v1 = weekdayDate(w1, mod, tense, p);
    const w2 = m[3] ? WEEKDAYS[m[3].toLowerCase()] : undefined;
    const endValue = w2 !== undefined ? fmtDay(v1 + ((w2 - w1 + 7) % 7 || 7)) : undefined;
    out.push({
      start: idx, end: idx + m[0].length, value: fmtDay(v1), ...(endValue ? { endValue } : {}),
      rule: `weekday${mod ? `:${mod}` : ''}${endValue ? '-range' : ''}`,
    });
  }
}

function casualCands(ctx: Ctx, out: Cand[], pub: Ymd, p: number): void {
  const s = ctx.s;
  for (let m = first(RE.casual, s); m !== null; m = RE.casual.exec(s)) {
    const idx = m.index ?? 0;
    const w = (m[2] ?? '').toLowerCase();
    let v = w === 'yesterday' ? p - 1 : w === 'tomorrow' ? p + 1 : p;
    if (m[1]) v += m[1].toLowerCase() === 'before' ? -1 : 1;
    out.push({ start: idx, end: idx + m[0].length, value: fmtDay(v), rule: m[1] ? `day-${m[1].toLowerCase()}-${w}` : w });
  }
}

/** "on the 21st": a day of the publication's month (or the one before/after by tense). */
function nthCands(ctx: Ctx, out: Cand[], pub: Ymd): void {
  const s = ctx.s;
  for (let m = first(RE.nth, s); m !== null; m = RE.nth.exec(s)) {
    const idx = m.index ?? 0;
    const after = s.slice(idx + m[0].length);
    if (!/^\s*(?:[,.;:)!?]|$|(?:and|or|at|in|when|with|to|as|after|before|but|while|where|amid|of\s+(?:the|this)\s+month)\b)/.test(after)) continue;
    const d = Number(m[1]);
    if (!dayOk(d)) continue;
    const tense = tenseAt(ctx, idx, idx + m[0].length);
    let ym = { y: pub.y, m: pub.m };
    if (d > pub.d && tense === 'past') ym = addMonths(pub.y, pub.m, -1);
    else if (d < pub.d && tense === 'future') ym = addMonths(pub.y, pub.m, 1);
    if (!validDay(ym.y, ym.m, d)) continue;
    const off = m[0].toLowerCase().indexOf('the');
    out.push({ start: idx + off, end: idx + m[0].length, value: fmtDay(dayNum(ym.y, ym.m, d)), rule: 'nth-day' });
  }
}

function holidayCands(ctx: Ctx, out: Cand[], pub: Ymd): void {
  const s = ctx.s;
  for (let m = first(RE.holiday, s); m !== null; m = RE.holiday.exec(s)) {
    const idx = m.index ?? 0;
    const key = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
    const md = HOLIDAY_DATES[key];
    if (!md) continue;
    const v = monthDay(md[0], md[1], tenseAt(ctx, idx, idx + m[0].length), pub);
    if (v !== undefined) out.push({ start: idx, end: idx + m[0].length, value: fmtDay(v), rule: 'holiday' });
  }
}

function sentenceCands(ctx: Ctx): Cand[] {
  const { s, pub, p } = ctx;
  const out: Cand[] = [];
  const hasDigit = ctx.hasDigit;
  const hasMonth = HAS_MONTH.test(s);
  const hasYearDigits = hasDigit && /(?:19|20)\d\d/.test(s);
  const hasUnit = ctx.hasUnit;
  const hasDay = ctx.hasDay;

  if (hasDigit) isoCands(ctx, out);
  if (hasDigit && hasMonth) mdCands(ctx, out);
  if (hasDigit && hasMonth) dmCands(ctx, out);
  if (hasYearDigits && hasMonth) myCands(ctx, out);
  if (hasYearDigits) yearCands(ctx, out);
  if (hasDigit && pub && p !== undefined && NTH_GATE.test(s)) nthCands(ctx, out, pub);
  if (!pub || p === undefined) return out; // everything below is relative to publication

  if (hasMonth) mqCands(ctx, out, pub);
  if (hasMonth) mrelCands(ctx, out, pub);
  if (hasMonth) monthCands(ctx, out, pub);
  if (hasUnit) endOfCands(ctx, out, pub, p);
  if (hasUnit) relUnitCands(ctx, out, pub, p);
  // HAS_UNITS and HAS_WEEKDAY run only when a substring they need is there ("days" holds "day")
  if ((hasUnit || hasDay || s.includes('decades')) && HAS_UNITS.test(s)) pastNCands(ctx, out, pub, p);
  if (HAS_AGO.test(s)) agoCands(ctx, out, pub, p);
  if (hasDay && HAS_WEEKDAY.test(s)) weekdayCands(ctx, out, pub, p);
  if (HAS_CASUAL.test(s)) casualCands(ctx, out, pub, p);
  if (ctx.holidayText && (s.includes('Christmas') || s.includes('New Year'))) holidayCands(ctx, out, pub);
  return out;
}

/** Keep the longest of overlapping candidates (earlier rule on ties). */
function pickNonOverlapping(cands: Cand[]): Cand[] {
  if (cands.length < 2) return cands;
  // most sentences' candidates do not overlap at all: then all are kept, in text order
  if (!anyOverlap(cands)) return cands.slice().sort((a, b) => a.start - b.start);
  const order = cands.map((c, i) => ({ c, i }))
    .sort((a, b) => (b.c.end - b.c.start) - (a.c.end - a.c.start) || a.i - b.i);
  const kept: Cand[] = [];
  for (const { c } of order) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
/** Two candidates overlap, or one is empty (whose place among equal starts the full sort decides). */
function anyOverlap(cands: readonly Cand[]): boolean {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as Cand;
    if (c.start >= c.end) return true;
    for (let j = 0; j < i; j++) {
      const k = cands[j] as Cand;
      if (c.start < k.end && k.start < c.end) return true;
    }
  }
  return false;
}

function relationOf(value: string, endValue: string | undefined, p: number | undefined): TimeExpr['relation'] {
  if (p === undefined) return undefined;
  const a = periodOf(value);
  const b = endValue ? periodOf(endValue) : a;
  if (!a || !b) return undefined;
  if (b[1] < p) return 'past';
  if (a[0] > p) return 'future';
  return 'present';
}

// ---------------------------------------------------------------------------
// chrono-node fallback

const CHRONO_DROP = /^(?:now|right now|just now|at this time|this time|currently|the latest|latest|tonight|this morning|this evening|this afternoon)$/i;

function chronoCands(ctx: Ctx, taken: readonly Cand[]): Cand[] {
  const ref = ctx.p !== undefined
    ? { instant: new Date(ctx.p * DAY_MS + 12 * 3_600_000), timezone: 0 }
    : { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(ctx.s, ref, { forwardDate: false });
  } catch {
    return [];
  }
  const out: Cand[] = [];
  for (const r of results) {
    const start = r.index;
    const end = r.index + r.text.length;
    if (taken.some((k) => start < k.end && k.start < end)) continue;
    if (CHRONO_DROP.test(r.text.trim())) continue;
    const tags = r.start.tags();
    if (tags.has('casualReference/now')) continue;
    const c = r.start;
    const hasDay = c.isCertain('day') || tags.has('result/relativeDate');
    const hasMonth = c.isCertain('month');
    const hasYear = c.isCertain('year');
    if (!hasDay && !hasMonth && !hasYear) continue;
    if (ctx.p === undefined && !/\b(?:19|20)\d\d\b/.test(r.text)) continue;
    const d = r.start.date();
    const n = Math.floor(d.getTime() / DAY_MS);
    const ymd = fromDayNum(n);
    const value = hasDay ? fmtDay(n) : hasMonth ? fmtMonth(ymd.y, ymd.m) : fmtYear(ymd.y);
    let endValue: string | undefined;
    if (r.end && hasDay) {
      const en = Math.floor(r.end.date().getTime() / DAY_MS);
      if (en > n) endValue = fmtDay(en);
    }
    out.push({ start, end, value, ...(endValue ? { endValue } : {}), rule: 'chrono' });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Public API

function parsePublished(published: string | undefined): { pub: Ymd; p: number } | undefined {
  if (published === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return undefined;
  const y = Number(m[1]); const mo = Number(m[2]); const d = Number(m[3]);
  if (mo < 1 || mo > 12 || !validDay(y, mo, d)) return undefined;
  return { pub: { y, m: mo, d }, p: dayNum(y, mo, d) };
}

/** The output record, its keys in a fixed order; optional ones left out when absent (literals, not spreads: cheaper). */
function timeExpr(start: number, end: number, sentence: number, c: Cand, relation: TimeExpr['relation']): TimeExpr {
  const { value, endValue, rule } = c;
  if (endValue !== undefined) {
    return relation ? { start, end, sentence, value, endValue, relation, rule } : { start, end, sentence, value, endValue, rule };
  }
  return relation ? { start, end, sentence, value, relation, rule } : { start, end, sentence, value, rule };
}

/** What every sentence's reading shares: the text and its publication date. */
interface TimeDoc {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly pp: { readonly pub: Ymd; readonly p: number } | undefined;
  readonly holidayText: boolean;
}

function timeDoc(text: string, sentences: readonly Sentence[], published: string | undefined): TimeDoc {
  return { text, sentences, pp: parsePublished(published), holidayText: text.includes('Christmas') || text.includes('New Year') };
}

function spanOf(doc: TimeDoc, sent: Sentence): [number, number] {
  const lo = Math.max(0, Math.min(sent.start, doc.text.length));
  return [lo, Math.max(lo, Math.min(sent.end, doc.text.length))];
}

/** A splitter that broke "on Dec. 7" after "Dec.": sentence i and the next are read as one. */
function mergesWithNext(doc: TimeDoc, i: number): boolean {
  const sent = doc.sentences[i];
  const next = doc.sentences[i + 1];
  if (!sent || !next) return false;
  const [lo, hi] = spanOf(doc, sent);
  const text = doc.text;
  return next.start >= hi && mayStartWithDay(text, next.start) && NEXT_DAY.test(text.slice(next.start, next.start + 8)) && endsWithMonthAbbrev(text.slice(lo, hi));
}

/** The times of sentence i (and of the next one, when `merged`), in text order. */
function unitTimes(doc: TimeDoc, i: number, merged: boolean, out: TimeExpr[]): void {
  const sent = doc.sentences[i];
  if (!sent) return;
  const text = doc.text;
  const [lo, boundary] = spanOf(doc, sent);
  let hi = boundary;
  let nextIndex = sent.index;
  const next = merged ? doc.sentences[i + 1] : undefined;
  if (next) {
    hi = Math.max(hi, Math.min(next.end, text.length));
    nextIndex = next.index;
  }
  const s = text.slice(lo, hi);
  const hasDigit = DIGIT.test(s);
  if (!hasDigit && !TRIGGER_WORDS.test(s)) return;
  const hasDay = s.includes('day');
  const hasUnit = HAS_UNIT.test(s);
  const pp = doc.pp;
  const ctx: Ctx = { text, lo, hi, s, pub: pp?.pub, p: pp?.p, hasDigit, hasDay, hasUnit, holidayText: doc.holidayText };
  let cands = pickNonOverlapping(sentenceCands(ctx));
  if (residualGate(s, hasDigit, hasDay, hasUnit) && RESIDUAL.test(s)) cands = pickNonOverlapping([...cands, ...chronoCands(ctx, cands)]);
  for (const c of cands) {
    out.push(timeExpr(lo + c.start, lo + c.end, lo + c.start < boundary ? sent.index : nextIndex, c, relationOf(c.value, c.endValue, pp?.p)));
  }
}

/**
 * Every time expression in `text`, resolved against `published` (YYYY-MM-DD). Relative
 * expressions are dropped when `published` is missing or malformed. Offsets are into `text`.
 */
export function findTimes(text: string, sentences: readonly Sentence[], published: string | undefined): TimeExpr[] {
  const doc = timeDoc(text, sentences, published);
  const out: TimeExpr[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const merged = mergesWithNext(doc, i);
    unitTimes(doc, i, merged, out);
    if (merged) i++;
  }
  return out;
}

const NO_TIMES: readonly TimeExpr[] = [];

/**
 * The times of one sentence at a time, as findTimes would give them, each sentence read on
 * first asking: the rules look for dates only in sentences that speak of talks or deals, and
 * most of a story's other dates ("figures published on Sunday") are never asked for.
 */
export function timesBySentence(text: string, sentences: readonly Sentence[], published: string | undefined): (sentence: number) => readonly TimeExpr[] {
  const doc = timeDoc(text, sentences, published);
  const n = sentences.length;
  // a merged sentence's reading also holds the next sentence's times (which has none of its own)
  const merged = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (mergesWithNext(doc, i)) {
      merged[i] = 1;
      i++;
    }
  }
  const read: (TimeExpr[] | undefined)[] = new Array(n);
  return (j) => {
    if (!(j >= 0 && j < n)) return NO_TIMES;
    const u = j > 0 && merged[j - 1] === 1 ? j - 1 : j;
    let unit = read[u];
    if (!unit) {
      unit = [];
      unitTimes(doc, u, merged[u] === 1, unit);
      read[u] = unit;
    }
    if (merged[u] !== 1) return unit;
    const index = sentences[j]?.index;
    return unit.filter((t) => t.sentence === index);
  };
}

export interface Duration {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** Length in days ("two days of talks" → 2, "a week-long meeting" → 7). */
  readonly days: number;
  /** The meeting noun the duration is attached to, when one follows ("talks", "negotiations", "meeting"). */
  readonly noun?: string;
}

const DUR_RE = new RegExp(`\\b(\\d{1,2}|${CARDINAL_WORD_SRC}|[Aa]n?|[Oo]ne)(?:-|\\s+)(days?|weeks?)(?:-long)?\\b|\\b(week-?long)\\b`, 'gi');
const DUR_NOUN = /^(?:\s+of)?((?:\s+(?:intense|intensive|closed-door|direct|indirect|formal|informal|peace|high-level|technical|difficult|fresh|new|tough|marathon|face-to-face|UN-backed|UN-sponsored|[A-Z][\p{L}-]+))*)\s+(talks|negotiations|consultations|discussions|meetings?|summit|conference|session|round|visit|congress|forum|ceasefire|truce|dialogue|deliberations)\b/u;

/** Durations that may be attached to a start date: "two days of negotiations", "three-day talks", "a two-day meeting". */
export function findDurations(text: string, sentences: readonly Sentence[]): Duration[] {
  const out: Duration[] = [];
  for (const sent of sentences) {
    const lo = Math.max(0, Math.min(sent.start, text.length));
    const hi = Math.max(lo, Math.min(sent.end, text.length));
    const s = text.slice(lo, hi);
    if (!/days?\b|weeks?\b|week-?long/i.test(s)) continue;
    for (let m = first(DUR_RE, s); m !== null; m = DUR_RE.exec(s)) {
      const idx = m.index ?? 0;
      let days: number | undefined;
      if (m[3]) days = 7;
      else {
        const n = parseCardinal(m[1] ?? '');
        if (n === undefined || n < 1 || n > 60) continue;
        days = n * (/^week/i.test(m[2] ?? '') ? 7 : 1);
      }
      const after = s.slice(idx + m[0].length);
      const before = s.slice(Math.max(0, idx - 20), idx);
      if (/^\s+(?:ago|later|earlier|after|before|from|since|into|in\b|to\s+(?:go|come))/i.test(after)) continue;
      if (/\b(?:past|last|next|previous|coming|first|within|in|every|per)\s+$/i.test(before)) continue;
      const nm = DUR_NOUN.exec(after);
      const noun = nm?.[2]?.toLowerCase();
      out.push({
        start: lo + idx, end: lo + idx + m[0].length + (nm ? nm[0].length : 0), sentence: sent.index, days,
        ...(noun ? { noun: noun === 'meetings' ? 'meeting' : noun } : {}),
      });
    }
  }
  return out;
}
