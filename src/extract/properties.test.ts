// Property tests (fast-check) for extract(): over random strings, word soups and mutated
// news-like sentences, it never throws, and every piece of evidence points at real text:
// a span inside the text, a valid sentence index, and for people and places the name itself.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Article } from '../ingest/index.js';
import { loadGazetteer, slug, splitSentences } from '../nlp/index.js';
import { RECORD_LISTS, type Evidence, type ParleyRecord } from '../record.js';
import { extract } from './index.js';

const RUNS = Number(process.env.PARLEY_PROPERTY_RUNS ?? 200);

// News-like sentences written for these tests: people with titles, later surnames, venues,
// ordinals in words, digits and roman numerals, dates, meetings, events, alignments.
const SENTENCES = [
  'ASTANA, May 4 (Wire Desk) - The sixth round of the Astana talks on Syria opened on Thursday in Kazakhstan\'s capital.',
  'Russian Foreign Minister Ivan Petrov met UN envoy for Syria Maria Santos in Geneva on Wednesday.',
  'Petrov told reporters the talks would focus on a ceasefire, humanitarian aid and the release of detainees.',
  'Turkish Defense Minister Mehmet Demir said Ankara supports the armed opposition.',
  'Iran and Russia are allies of the Syrian government, while Turkey backs several rebel groups.',
  'Geneva IV ended on Friday without a breakthrough, the UN said.',
  'The 13th round of talks in Doha between the Afghan government and the Taliban was postponed until next week.',
  'Government forces captured the town of Aleppo in December 2016, the army said.',
  '"We will not accept preconditions," Santos said on Monday.',
  'The next round is scheduled for late October in Minsk, the OSCE said.',
  'Delegations from Russia, Iran and Turkey, as well as a 20-member opposition team, arrived in Astana two days before the talks.',
  'Colombian President Carlos Moreno met FARC commander Rafael Duarte in Havana on March 3, 2016.',
  'The opposition demanded that President Omar Haddad step down.',
  'Saudi Arabia and the United States brokered a ceasefire between the Sudanese army and the Rapid Support Forces in Jeddah.',
  'Aid convoys reached the besieged town of Madaya on Tuesday, the Red Cross said.',
  'Houthi rebels and the Yemeni government agreed to a prisoner exchange in Stockholm last week.',
  'Mr. Petrov, who arrived from Moscow, met Dr. Santos at the U.N. headquarters.',
  'Astana-8 is expected to focus on four de-escalation zones, Demir said.',
];

const SPECIALS = [
  '"', '“', '”', '‘', '’', "'", '«', '»', '\n', '\r\n', '\n\n', '\t', '\u200b', '\u00a0', '\u0301', '\u2028', '\u202e',
  '😀', '\ud800', '\udc00', 'İ', 'ß', 'ﬁ', 'ǅ', '…', '...', 'U.S.', 'Mr.', '—', '-', '(', ')', '[', '.', '?', '!', ',',
  ' ', '  ', '0', '8th', 'XIV', 'Geneva', 'Astana', 'Petrov', 'Minister', 'envoy', 'met', 'in', 'round',
];

type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly s: string }
  | { readonly kind: 'delete'; readonly at: number; readonly len: number }
  | { readonly kind: 'swap'; readonly at: number }
  | { readonly kind: 'long'; readonly at: number; readonly ch: string; readonly len: number }
  | { readonly kind: 'case'; readonly upper: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'binary', maxLength: 6 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('long' as const), at: fc.nat(), ch: fc.constantFrom('a', 'X', '9', '-', '.', 'é', '😀', 'Petrov'), len: fc.integer({ min: 200, max: 8_000 }) }),
  fc.record({ kind: fc.constant('case' as const), upper: fc.boolean() }),
);

function mutate(text: string, m: Mutation): string {
  const at = 'at' in m ? m.at % (text.length + 1) : 0;
  switch (m.kind) {
    case 'insert': return text.slice(0, at) + m.s + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.len);
    case 'swap': return at + 1 < text.length ? text.slice(0, at) + (text[at + 1] ?? '') + (text[at] ?? '') + text.slice(at + 2) : text;
    case 'long': return text.slice(0, at) + m.ch.repeat(Math.ceil(m.len / m.ch.length)) + text.slice(at);
    case 'case': return m.upper ? text.toUpperCase() : text.toLowerCase();
  }
}

const newsText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 6 }),
    fc.array(fc.constantFrom(' ', '\n', '\n\n', '  '), { minLength: 6, maxLength: 6 }),
    fc.array(mutation, { minLength: 0, maxLength: 8 }),
  )
  .map(([sentences, seps, muts]) => {
    let text = sentences.map((s, i) => (i === 0 ? s : (seps[i] ?? ' ') + s)).join('');
    for (const m of muts) text = mutate(text, m);
    return text;
  });

const WORDS = [
  'Russia', 'Iran', 'Turkey', 'Syria', 'Syrian', 'Russian', 'the', 'government', 'opposition', 'talks', 'round', 'Astana',
  'Geneva', 'Minsk', 'Doha', 'Taliban', 'UN', 'envoy', 'Foreign', 'Minister', 'President', 'Ivan', 'Petrov', 'Maria', 'Santos',
  'met', 'in', 'on', 'Thursday', 'May', '2017', 'eighth', '8th', 'IV', 'next', 'latest', 'ceasefire', 'captured', 'agreed',
  'ally', 'of', 'supports', 'demanded', 'step', 'down', 'said', 'and', ',', '.', '"', '\n', '-', "'s", 'de', 'al-', 'Mr.',
];

const wordSoup: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...WORDS), { maxLength: 80 })
  .chain((ws) => fc.array(fc.constantFrom(' ', '', '  ', '\n'), { minLength: ws.length, maxLength: ws.length }).map((sp) => ws.map((w, i) => w + (sp[i] ?? ' ')).join('')));

const published = fc.option(fc.constantFrom('2017-12-21', '2016-02-29', '2020-01-01', '2023-12-31'), { nil: undefined });

function article(text: string, pub: string | undefined): Article {
  return { id: 'prop', text, ...(pub ? { published: pub } : {}) };
}

function allEvidence(r: ParleyRecord): { list: string; item: Record<string, unknown>; ev: Evidence }[] {
  const out: { list: string; item: Record<string, unknown>; ev: Evidence }[] = [];
  for (const list of RECORD_LISTS) {
    for (const item of r[list] as unknown as readonly (Record<string, unknown> & { evidence?: readonly Evidence[] })[]) {
      for (const ev of item.evidence ?? []) out.push({ list, item, ev });
    }
  }
  return out;
}

/** Throws (an assertion) when a piece of evidence does not point inside the text at a real sentence. */
function checkSpans(a: Article, r: ParleyRecord): void {
  const sentences = splitSentences(a.text);
  const n = sentences.length;
  for (const { list, ev } of allEvidence(r)) {
    const where = `${list} ${ev.rule} ${ev.start}-${ev.end} sentence ${ev.sentence}/${n}`;
    assert.equal(ev.doc, a.id, where);
    assert.ok(Number.isInteger(ev.start) && Number.isInteger(ev.end), where);
    assert.ok(ev.start >= 0 && ev.start <= ev.end && ev.end <= a.text.length, `span outside the text: ${where} (length ${a.text.length})`);
    assert.ok(Number.isInteger(ev.sentence) && ev.sentence >= 0 && ev.sentence < n, `bad sentence index: ${where}`);
    const s = sentences[ev.sentence];
    assert.ok(s && ev.start >= s.start && ev.end <= s.end, `span not inside its sentence [${s?.start}-${s?.end}]: ${where}`);
  }
}

/** Forms the surname may take in a later mention: the last word, without an Arabic article. */
function surnames(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => w !== '');
  const last = words[words.length - 1] ?? name;
  return [last, last.replace(/^(?:al|el|as|ad|an|ar|ash|at|az)[-‐]/i, '')];
}

function checkPeople(a: Article, r: ParleyRecord): void {
  for (const p of r.people) {
    for (const ev of p.evidence ?? []) {
      const span = a.text.slice(ev.start, ev.end);
      const ok = span.includes(p.name) || surnames(p.name).some((s) => s !== '' && span.includes(s));
      assert.ok(ok, `person ${p.id} "${p.name}": span ${ev.start}-${ev.end} «${span}» (${ev.rule}) holds neither name nor surname`);
    }
  }
}

const gazetteer = loadGazetteer();

/** The place's names as slugs: its name, aliases and the id's own slug. */
function placeForms(id: string): string[] {
  const info = gazetteer.place(id);
  const forms = [id.split('@')[0] ?? id, ...(info ? [info.name, ...info.aliases] : [])].map(slug).filter((s) => s !== '');
  return [...new Set(forms)];
}

function checkPlaces(a: Article, r: ParleyRecord): void {
  for (const list of ['meetings', 'events'] as const) {
    for (const item of r[list]) {
      if (!item.place) continue;
      for (const ev of item.evidence ?? []) {
        const span = a.text.slice(ev.start, ev.end);
        assert.ok(span.trim() !== '', `${list} at ${item.place}: empty span ${ev.start}-${ev.end} (${ev.rule})`);
      }
    }
  }
  // venue evidence points at the venue's name
  for (const round of r.rounds) {
    if (!round.venue) continue;
    for (const ev of round.evidence ?? []) {
      if (ev.slot !== 'venue') continue;
      const span = slug(a.text.slice(ev.start, ev.end));
      const forms = placeForms(round.venue);
      assert.ok(forms.some((f) => span.includes(f)), `venue ${round.venue}: span «${a.text.slice(ev.start, ev.end)}» (${ev.rule}) names none of ${forms.join(', ')}`);
    }
  }
}

function checkAll(a: Article): void {
  const r = extract(a);
  checkSpans(a, r);
  checkPeople(a, r);
  checkPlaces(a, r);
  // and without evidence, the same items
  const bare = extract(a, { evidence: false });
  for (const list of RECORD_LISTS) assert.equal(bare[list].length, r[list].length, list);
}

describe('extract over arbitrary input', () => {
  test('never throws and keeps every span inside the text, over random unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), published, (text, pub) => {
      checkAll(article(text, pub));
    }), { numRuns: RUNS });
  });

  test('never throws and keeps every span inside the text, over random ASCII with many sentence breaks', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'abcXYZ .,!?\n"\'-()0123456789'.split('')), maxLength: 1500 });
    fc.assert(fc.property(ascii, published, (text, pub) => {
      checkAll(article(text, pub));
    }), { numRuns: RUNS });
  });

  test('never throws and keeps every span inside the text, over random strings set inside English prose', () => {
    // the prose gets past the English check, so the random parts reach every rule
    const prose = fc.constantFrom(
      ' The talks in Geneva were held on Monday and the envoy said that ',
      '\nRussian Foreign Minister Ivan Petrov met the UN envoy in Astana, and it was agreed that ',
      ' Iran is an ally of the Syrian government, the minister said in ',
    );
    const mixed = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), prose), { minLength: 1, maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(fc.property(mixed, published, (text, pub) => {
      checkAll(article(text, pub));
    }), { numRuns: RUNS });
  });

  test('never throws, and its spans, people and places hold, over word soups of gazetteer and cue words', () => {
    fc.assert(fc.property(wordSoup, published, (text, pub) => {
      checkAll(article(text, pub));
    }), { numRuns: RUNS });
  });
});

describe('extract over mutated news', () => {
  test('finds people and places in the unmutated sentences (so the properties below are not vacuous)', () => {
    const text = SENTENCES.join('\n');
    const r = extract(article(text, '2017-12-21'));
    assert.ok(r.people.length >= 3, `people: ${r.people.map((p) => p.name).join(', ')}`);
    assert.ok(r.meetings.some((m) => m.place), 'a meeting with a place');
    assert.ok(r.rounds.some((x) => x.venue), 'a round with a venue');
    assert.ok(r.events.length > 0, 'an event');
    checkSpans(article(text, '2017-12-21'), r);
    checkPeople(article(text, '2017-12-21'), r);
    checkPlaces(article(text, '2017-12-21'), r);
  });

  test('never throws and keeps every span inside the text and on a real sentence', () => {
    fc.assert(fc.property(newsText, published, (text, pub) => {
      const a = article(text, pub);
      checkSpans(a, extract(a));
    }), { numRuns: RUNS });
  });

  test('puts a person\'s name or surname at each of their evidence spans', () => {
    fc.assert(fc.property(newsText, published, (text, pub) => {
      const a = article(text, pub);
      checkPeople(a, extract(a));
    }), { numRuns: RUNS });
  });

  test('gives meetings and events with a place a non-empty span, and venues a span naming the place', () => {
    fc.assert(fc.property(newsText, published, (text, pub) => {
      const a = article(text, pub);
      checkPlaces(a, extract(a));
    }), { numRuns: RUNS });
  });

  test('gives the same record for the same article twice', () => {
    fc.assert(fc.property(newsText, published, (text, pub) => {
      const a = article(text, pub);
      assert.deepEqual(extract(a), extract(a));
    }), { numRuns: Math.max(50, Math.floor(RUNS / 3)) });
  });
});
