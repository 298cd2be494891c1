// ISO 8601 dates at mixed precision read as periods of days, so "2017-05" and "2017-05-03" can
// be compared: they agree when their periods overlap, and the narrower one is more precise.

/** An inclusive range of days since 1970-01-01 (UTC). */
export interface Period {
  readonly lo: number;
  readonly hi: number;
  /** 0 year, 1 month, 2 week, 3 day. */
  readonly precision: number;
}

const DAY_MS = 86_400_000;

function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Monday of ISO week 1 of `year`. */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumber(year, 1, 4);
  const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - weekday;
}

/** The period an ISO date denotes; undefined for anything else. */
export function periodOf(date: string | undefined): Period | undefined {
  if (date === undefined) return undefined;
  let m = /^(\d{4})$/.exec(date);
  if (m) {
    const y = Number(m[1]);
    return { lo: dayNumber(y, 1, 1), hi: dayNumber(y, 12, 31), precision: 0 };
  }
  m = /^(\d{4})-(\d{2})$/.exec(date);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    return { lo: dayNumber(y, mo, 1), hi: dayNumber(y, mo + 1, 1) - 1, precision: 1 };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(date);
  if (m) {
    const lo = isoWeekOneMonday(Number(m[1])) + (Number(m[2]) - 1) * 7;
    return { lo, hi: lo + 6, precision: 2 };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (m) {
    const d = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
    if (Number.isNaN(d)) return undefined;
    return { lo: d, hi: d, precision: 3 };
  }
  return undefined;
}

export function overlaps(a: Period, b: Period): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

/** True when both dates are readable and their periods overlap; unreadable dates never agree. */
export function datesAgree(a: string | undefined, b: string | undefined): boolean {
  const pa = periodOf(a);
  const pb = periodOf(b);
  return pa !== undefined && pb !== undefined && overlaps(pa, pb);
}

/** The day number a date starts on, for ordering; undated sorts last. */
export function sortDay(date: string | undefined): number {
  return periodOf(date)?.lo ?? Number.MAX_SAFE_INTEGER;
}

/** The span from a round's start to its end (or its start alone). */
export function spanOf(start: string | undefined, end: string | undefined): Period | undefined {
  const s = periodOf(start);
  const e = periodOf(end);
  if (s && e && e.hi >= s.lo) return { lo: s.lo, hi: e.hi, precision: Math.min(s.precision, e.precision) };
  return s ?? e;
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
