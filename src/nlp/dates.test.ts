import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDurations, findTimes, timesBySentence } from './dates.js';
import type { Sentence, TimeExpr } from './types.js';

// Golden values assume TZ=UTC in the runner, though the module does its arithmetic in UTC anyway.
const PUB = '2017-12-21'; // a Thursday, ISO week 2017-W51

/** A plain splitter for tests: ends a sentence at . ! ? followed by space or the end. */
function split(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?]+["”]?(?=\s|$)/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ index: out.length, start, end, tokenStart: 0, tokenEnd: 0 });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ index: out.length, start, end: text.length, tokenStart: 0, tokenEnd: 0 });
  return out;
}

/** `null` stands for "no publication date" (an explicit `undefined` would take the default). */
function times(text: string, published: string | null = PUB): TimeExpr[] {
  return findTimes(text, split(text), published ?? undefined);
}

/** The single expression whose text is `phrase`. */
function one(text: string, phrase: string, published: string | null = PUB): TimeExpr {
  const found = times(text, published).filter((t) => text.slice(t.start, t.end) === phrase);
  assert.equal(found.length, 1, `expected one expression "${phrase}" in: ${text}\ngot ${JSON.stringify(times(text, published))}`);
  return found[0] as TimeExpr;
}

// --- The chrono-node table in LIBRARIES.md, published Thursday 2017-12-21 ---------------------

test('"Thursday" in an article published on a Thursday is the publication day', () => {
  const t = one('The new round of talks kicked off on Thursday in the capital.', 'Thursday');
  assert.equal(t.value, '2017-12-21');
  assert.equal(t.relation, 'present');
});

test('"on Friday" in a Thursday article is the next day', () => {
  assert.equal(one('The envoy will attend the second day of the talks on Friday.', 'Friday').value, '2017-12-22');
});

test('"December 2016" resolves to the month 2016-12', () => {
  const t = one('The truce, which took hold in December 2016, has largely held.', 'December 2016');
  assert.equal(t.value, '2016-12');
  assert.equal(t.rule, 'month-year');
});

test('"Last week" resolves to the ISO week before publication', () => {
  const t = one('Last week, a parallel round was held in Geneva.', 'Last week');
  assert.equal(t.value, '2017-W50');
  assert.equal(t.relation, 'past');
});

test('"late October" resolves to the month, with the qualifier kept in the rule id', () => {
  const t = one('The previous round was held late October, with the sponsors agreeing on a congress.', 'late October');
  assert.equal(t.value, '2017-10');
  assert.equal(t.rule, 'month-qualified:late');
});

test('"in May" in a past-tense sentence resolves to the most recent May', () => {
  assert.equal(one('The fourth round of the talks in May also resulted in an agreement.', 'May').value, '2017-05');
});

test('"in January" in a past-tense sentence resolves to the most recent January', () => {
  assert.equal(one('The process, which began in January, has reduced the fighting.', 'January').value, '2017-01');
});

test('"over the past five years" is a range from five years back to the publication year', () => {
  const found = times('Earlier negotiations over the past five years have failed to achieve results.');
  assert.equal(found.length, 1);
  const t = found[0] as TimeExpr;
  assert.equal(t.rule, 'past-n-years');
  assert.equal(t.value, '2012');
  assert.equal(t.endValue, '2017');
});

// --- Relative periods ----------------------------------------------------------------------

test('"this week" and "next week" resolve to the current and the following ISO week', () => {
  const text = 'Officials meet this week and the delegations return next week.';
  assert.equal(one(text, 'this week').value, '2017-W51');
  assert.equal(one(text, 'next week').value, '2017-W52');
});

test('"last month", "earlier this month" and "next month" resolve to months', () => {
  const text = 'The plan was drafted last month and revised earlier this month. Talks resume next month.';
  assert.equal(one(text, 'last month').value, '2017-11');
  const earlier = one(text, 'earlier this month');
  assert.equal(earlier.value, '2017-12');
  assert.equal(earlier.rule, 'earlier-this-month');
  assert.equal(one(text, 'next month').value, '2018-01');
});

test('"last year", "this year" and "next year" resolve to years', () => {
  const text = 'Fighting eased last year. Aid grew this year and elections are planned next year.';
  assert.equal(one(text, 'last year').value, '2016');
  assert.equal(one(text, 'this year').value, '2017');
  assert.equal(one(text, 'next year').value, '2018');
});

test('"last week" across a year boundary gives the last ISO week of the previous year', () => {
  assert.equal(one('The envoy visited the region last week.', 'last week', '2021-01-05').value, '2020-W53');
});

test('"two weeks ago" is an ISO week and "three years ago" a year', () => {
  const text = 'The truce collapsed two weeks ago, three years ago it was signed.';
  assert.equal(one(text, 'two weeks ago').value, '2017-W49');
  assert.equal(one(text, 'three years ago').value, '2014');
});

// --- Weekdays --------------------------------------------------------------------------------

test('a weekday in a future sentence is the next such day', () => {
  assert.equal(one('The delegations will meet again on Monday.', 'Monday').value, '2017-12-25');
});

test('a weekday in a past sentence is the most recent such day', () => {
  const t = one('The rebels met the mediators on Monday.', 'Monday');
  assert.equal(t.value, '2017-12-18');
  assert.equal(t.relation, 'past');
});

test('the verb nearest the weekday decides its tense', () => {
  assert.equal(one('The minister said on Friday that talks will resume.', 'Friday').value, '2017-12-15');
  assert.equal(one('Talks will resume on Friday, the minister said.', 'Friday').value, '2017-12-22');
});

test('"last Thursday" in a Thursday article is a week before', () => {
  assert.equal(one('The convoy arrived last Thursday.', 'last Thursday').value, '2017-12-14');
});

test('"on Tuesday and Wednesday" is a range', () => {
  const t = one('The two sides held talks on Tuesday and Wednesday.', 'Tuesday and Wednesday');
  assert.equal(t.value, '2017-12-19');
  assert.equal(t.endValue, '2017-12-20');
});

test('"Good Friday" is not a weekday', () => {
  assert.equal(times('The Good Friday Agreement ended decades of conflict.').filter((t) => t.rule.startsWith('weekday')).length, 0);
});

// --- Months and years ---------------------------------------------------------------------------

test('a month in a future sentence resolves to the next such month', () => {
  assert.equal(one('A new round will be held in May.', 'May').value, '2018-05');
  const t = one('A congress is scheduled for early March.', 'early March');
  assert.equal(t.value, '2018-03');
  assert.equal(t.rule, 'month-qualified:early');
  assert.equal(t.relation, 'future');
});

test('"since May" and "mid-March" default to the past', () => {
  assert.equal(one('Aid convoys have been blocked since May.', 'May').value, '2017-05');
  assert.equal(one('Fighting around the city eased in mid-March.', 'mid-March').value, '2017-03');
});

test('the month of publication counts as past, not a year back', () => {
  assert.equal(one('The ceasefire was announced in December.', 'December').value, '2017-12');
});

test('"May" as a verb or a name is not a month', () => {
  assert.deepEqual(times('The talks may fail. May I add that Theresa May disagreed?'), []);
});

test('four-digit years in date context resolve to the year', () => {
  const text = 'The 2015 deal was signed in Vienna, and sanctions have been in force since 2016.';
  assert.equal(one(text, '2015').value, '2015');
  assert.equal(one(text, '2016').value, '2016');
});

test('counts, resolutions and clock times are not years', () => {
  assert.deepEqual(times('Some 2000 people fled; Resolution 2254 was cited; fighting resumed at 1600 GMT.'), []);
});

test('year ranges and qualified years', () => {
  const text = 'The war of 2014-15 ended, and the economy recovered by mid-2016.';
  const r = one(text, '2014-15');
  assert.equal(r.value, '2014');
  assert.equal(r.endValue, '2015');
  const q = one(text, 'mid-2016');
  assert.equal(q.value, '2016');
  assert.equal(q.rule, 'year:mid');
});

// --- Days ----------------------------------------------------------------------------------

test('full dates in both orders resolve to days', () => {
  assert.equal(one('The memorandum was signed on May 3, 2017 in the capital.', 'May 3, 2017').value, '2017-05-03');
  assert.equal(one('The memorandum was signed on 4 May 2017 in the capital.', '4 May 2017').value, '2017-05-04');
  assert.equal(one('On Monday, December 18, 2017, the envoy arrived.', 'Monday, December 18, 2017').value, '2017-12-18');
});

test('a day without a year follows the tense of its sentence', () => {
  assert.equal(one('The agreement was reached on 3 May.', '3 May').value, '2017-05-03');
  assert.equal(one('The sides signed a deal on Dec. 7 after long talks.', 'Dec. 7').value, '2017-12-07');
  assert.equal(one('The next session is due to open on January 9.', 'January 9').value, '2018-01-09');
});

test('day ranges give a value and an end value', () => {
  const a = one('The next round is scheduled for March 11-12 in the capital.', 'March 11-12');
  assert.equal(a.value, '2018-03-11');
  assert.equal(a.endValue, '2018-03-12');
  assert.equal(a.rule, 'month-day-range');
  const b = one('The last round was held on 11-12 March in the capital.', '11-12 March');
  assert.equal(b.value, '2017-03-11');
  assert.equal(b.endValue, '2017-03-12');
});

test('"on the 21st" is a day of the publication month', () => {
  assert.equal(one('The talks opened on the 21st, officials said.', 'the 21st').value, '2017-12-21');
});

test('"today", "yesterday" and "tomorrow" resolve around publication', () => {
  const text = 'Delegates arrived yesterday, talks open today and close tomorrow.';
  assert.equal(one(text, 'yesterday').value, '2017-12-20');
  assert.equal(one(text, 'today').value, '2017-12-21');
  assert.equal(one(text, 'tomorrow').value, '2017-12-22');
});

test('slashed dates are left to chrono-node and come back as days', () => {
  const t = one('The protocol dated 12/11/2017 was published.', '12/11/2017');
  assert.equal(t.value, '2017-12-11');
  assert.equal(t.rule, 'chrono');
});

test('ISO dates resolve without a publication date', () => {
  assert.equal(one('The text of 2017-12-03 was released.', '2017-12-03', null).value, '2017-12-03');
});

// --- Datelines -------------------------------------------------------------------------------

test('a TASS-style dateline gives the day', () => {
  const text = 'ASTANA, May 4. /TASS/. The guarantor states signed a memorandum on safe zones.';
  const t = one(text, 'May 4', '2017-05-04');
  assert.equal(t.value, '2017-05-04');
  assert.equal(t.rule, 'dateline');
});

test('a Reuters-style dateline gives the day', () => {
  const t = one('DOHA, March 3 (Reuters) - Negotiators resumed talks on a prisoner exchange.', 'March 3', '2019-03-03');
  assert.equal(t.value, '2019-03-03');
  assert.equal(t.rule, 'dateline');
});

// --- What must not be a date ------------------------------------------------------------------

test('"now", "at this time" and "the latest round" are never dates', () => {
  assert.deepEqual(times('The latest round is now over. At this time nobody talks.'), []);
  assert.deepEqual(times('Right now the sides talk in two weeks or so, he says now.').filter((t) => t.value === PUB), []);
});

test('"in the last year" and "the last week of" are not read as periods', () => {
  assert.deepEqual(times('Fighting has eased in the last year, said the envoy.').filter((t) => t.rule === 'last-year'), []);
});

// --- Without a publication date -------------------------------------------------------------------

test('without a publication date absolute dates resolve and relative ones are dropped', () => {
  const text = 'The truce of December 2016 held. Last week the envoy met them on Friday in May.';
  const found = times(text, null);
  assert.deepEqual(found.map((t) => t.value), ['2016-12']);
  assert.equal(found[0]?.relation, undefined);
});

// --- Offsets and sentences ----------------------------------------------------------------------

test('offsets point into the text and carry the sentence index', () => {
  const text = 'Nothing here. Talks open on Friday. Aid arrived in May.';
  const found = times(text);
  assert.deepEqual(found.map((t) => [text.slice(t.start, t.end), t.sentence]), [['Friday', 1], ['May', 2]]);
});

test('a splitter break after "Dec." does not lose the day', () => {
  const text = 'The sides signed on Dec. 7 a deal.';
  const sentences: Sentence[] = [
    { index: 0, start: 0, end: 24, tokenStart: 0, tokenEnd: 0 },
    { index: 1, start: 24, end: text.length, tokenStart: 0, tokenEnd: 0 },
  ];
  const found = findTimes(text, sentences, PUB);
  assert.deepEqual(found.map((t) => [text.slice(t.start, t.end), t.value, t.sentence]), [['Dec. 7', '2017-12-07', 0]]);
});

// --- Durations ----------------------------------------------------------------------------------

test('durations attached to talks are found with their length in days', () => {
  const text = 'They started two days of negotiations. A three-day talks format and a two-day meeting followed, then a week-long summit.';
  const found = findDurations(text, split(text));
  assert.deepEqual(found.map((d) => [d.days, d.noun]), [[2, 'negotiations'], [3, 'talks'], [2, 'meeting'], [7, 'summit']]);
  const first = found[0];
  assert.ok(first);
  assert.equal(text.slice(first.start, first.end), 'two days of negotiations');
  assert.equal(first.sentence, 0);
});

test('"two days ago" and "the past two days" are not durations', () => {
  const text = 'Two days ago the truce broke. Over the past two days the shelling continued.';
  assert.deepEqual(findDurations(text, split(text)), []);
});

test('durations in digits are read too', () => {
  const text = 'A 12-day ceasefire began.';
  assert.deepEqual(findDurations(text, split(text)).map((d) => [d.days, d.noun]), [[12, 'ceasefire']]);
});

// --- Properties ------------------------------------------------------------------------------

test('findTimes never throws on random strings and all spans lie within the text', () => {
  const piece = fc.constantFrom(
    'May', 'March', 'on', 'Friday', 'last week', '2017', '3', '11-12', 'Dec.', ' ', ', ', '. ', 'in', 'will',
    'was held', 'the 21st', 'ago', 'two', 'days', 'of', 'talks', '12/11/2017', 'mid-', 'late', 'ASTANA', 'past',
  );
  const textArb = fc.oneof(fc.string({ maxLength: 200 }), fc.array(piece, { maxLength: 40 }).map((a) => a.join(' ')));
  const pubArb = fc.option(fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)), { nil: undefined });
  fc.assert(fc.property(textArb, pubArb, (text, pub) => {
    const sentences = split(text);
    const found = findTimes(text, sentences, pub);
    for (const t of found) {
      assert.ok(t.start >= 0 && t.start < t.end && t.end <= text.length, `bad span ${t.start}-${t.end}`);
      assert.match(t.value, /^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$/);
      const s = sentences.find((x) => x.index === t.sentence);
      assert.ok(s && t.start >= s.start && t.end <= (sentences.find((x) => x.index === t.sentence + 1)?.end ?? text.length));
    }
    for (const d of findDurations(text, sentences)) assert.ok(d.start >= 0 && d.end <= text.length && d.days > 0);
  }), { numRuns: 500 });
});

test('read one sentence at a time, in any order, each sentence gets exactly the times findTimes gives it', () => {
  const piece = fc.constantFrom(
    'May', 'on', 'Friday', 'last week', '2017', '7', 'Dec.', 'Dec. 7', 'Sept.', ' ', '. ', 'talks', 'ended', 'ago', 'two', 'days', 'Nov.', '12',
  );
  const textArb = fc.array(piece, { maxLength: 40 }).map((a) => a.join(' '));
  fc.assert(fc.property(textArb, fc.boolean(), (text, backwards) => {
    const sentences = split(text);
    const all = findTimes(text, sentences, PUB);
    const timesIn = timesBySentence(text, sentences, PUB);
    const order = sentences.map((x) => x.index);
    if (backwards) order.reverse();
    const got = new Map(order.map((i) => [i, timesIn(i)]));
    for (const s of sentences) assert.deepEqual(got.get(s.index), all.filter((t) => t.sentence === s.index));
    assert.deepEqual(timesIn(sentences.length), []);
  }), { numRuns: 1000 });
});

test('a "Dec." break read lazily: the day lands in the sentence findTimes puts it in', () => {
  const text = 'The sides signed on Dec. 7 a deal. Then they left.';
  const sentences = split(text);
  const timesIn = timesBySentence(text, sentences, PUB);
  assert.deepEqual(sentences.map((s) => timesIn(s.index).map((t) => [text.slice(t.start, t.end), t.sentence])), [[['Dec. 7', 0]], [], []]);
});

test('a weekday with no tense nearby takes its sentence\'s: far after a past verb it is the last one, far after "is due to" the next', () => {
  // PUB is a Thursday
  const past = 'Medical charity Medecins Sans Frontieres evacuated patients and staff from the South Hospital in El Fasher on Saturday after fighters stormed the compound.';
  assert.equal(one(past, 'Saturday').value, '2017-12-16');
  const future = 'The mediator is due to meet the Deputy Foreign Minister of the transitional government in Havana on Tuesday.';
  assert.equal(one(future, 'Tuesday').value, '2017-12-26');
});

test('the reporting verb at the end of a sentence does not date the weekday its clause is about', () => {
  const s = 'China will convene a meeting in Beijing with Iran and Russia on Friday to discuss the nuclear file, the foreign ministry said.';
  // published on a Saturday: the Friday just gone is nearer, but "will convene" is the clause's tense
  assert.equal(one(s, 'Friday', '2017-12-23').value, '2017-12-29');
});
