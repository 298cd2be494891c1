// A generated corpus for tests and benchmarks: articles about invented sittings of real-shaped
// processes, plus a stand-in extractor that reads exactly that text back (so store and fusion
// tests do not depend on the real extractor's accuracy). Deterministic for a given seed.
import type { Evidence, ParleyRecord, Participant, Round, Topic } from '../extract/record.js';
import { emptyRecord } from '../extract/record.js';
import type { Article } from '../ingest/article.js';
import { splitSentences } from '../nlp/sentences.js';
import { dayToIso, periodOf } from './dates.js';

interface ProcessSpec {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly venue: string;
  readonly conflict: string;
  readonly parties: readonly string[];
  readonly guarantors: readonly string[];
}

const PROCESSES: readonly ProcessSpec[] = [
  { id: 'astana', name: 'Astana', city: 'Astana', venue: 'astana@KZ', conflict: 'SYR', parties: ['SYR.GOV', 'SYR.OPP'], guarantors: ['RUS', 'IRN', 'TUR'] },
  { id: 'geneva', name: 'Geneva', city: 'Geneva', venue: 'geneva@CH', conflict: 'SYR', parties: ['SYR.GOV', 'SYR.OPP'], guarantors: ['UN'] },
  { id: 'sochi', name: 'Sochi', city: 'Sochi', venue: 'sochi@RU', conflict: 'SYR', parties: ['SYR.GOV', 'SYR.CIV'], guarantors: ['RUS'] },
  { id: 'minsk', name: 'Minsk', city: 'Minsk', venue: 'minsk@BY', conflict: 'UKR', parties: ['UKR.GOV', 'RUS'], guarantors: ['OSCE'] },
  { id: 'doha', name: 'Doha', city: 'Doha', venue: 'doha@QA', conflict: 'AFG', parties: ['AFG.GOV', 'GRP:taliban'], guarantors: ['QAT', 'USA'] },
  { id: 'havana', name: 'Havana', city: 'Havana', venue: 'havana@CU', conflict: 'COL', parties: ['COL.GOV', 'GRP:farc'], guarantors: ['CUB', 'NOR'] },
  { id: 'jeddah', name: 'Jeddah', city: 'Jeddah', venue: 'jeddah@SA', conflict: 'SDN', parties: ['SDN.MIL', 'GRP:rapid-support-forces'], guarantors: ['SAU', 'USA'] },
  { id: 'stockholm', name: 'Stockholm', city: 'Stockholm', venue: 'stockholm@SE', conflict: 'YEM', parties: ['YEM.GOV', 'GRP:houthis'], guarantors: ['UN'] },
];

const ACTOR_NAMES: Readonly<Record<string, string>> = {
  'SYR.GOV': 'the Syrian government', 'SYR.OPP': 'the Syrian opposition', 'SYR.CIV': 'Syrian civil society',
  RUS: 'Russia', IRN: 'Iran', TUR: 'Turkey', UN: 'the United Nations', OSCE: 'the OSCE', 'UKR.GOV': 'the Ukrainian government',
  'AFG.GOV': 'the Afghan government', 'GRP:taliban': 'the Taliban', QAT: 'Qatar', USA: 'the United States',
  'COL.GOV': 'the Colombian government', 'GRP:farc': 'the FARC', CUB: 'Cuba', NOR: 'Norway', 'SDN.MIL': 'the Sudanese army',
  'GRP:rapid-support-forces': 'the Rapid Support Forces', SAU: 'Saudi Arabia', 'YEM.GOV': 'the Yemeni government', 'GRP:houthis': 'the Houthis',
};
const NAME_ACTOR = new Map(Object.entries(ACTOR_NAMES).map(([k, v]) => [v, k]));

const TOPIC_WORDS: Readonly<Record<string, Topic>> = {
  'a ceasefire': 'ceasefire', 'de-escalation zones': 'security_zones', 'humanitarian aid': 'humanitarian_aid',
  'prisoner exchanges': 'prisoners', 'a new constitution': 'constitution', 'elections': 'elections', 'refugee returns': 'refugees',
};
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FIRST = ['Anna', 'Omar', 'Lena', 'Pavel', 'Sara', 'Karim', 'Ines', 'Yusuf', 'Maria', 'Tomas', 'Leila', 'Ivan'];
const LAST = ['Haddad', 'Petrov', 'Nordin', 'Kaya', 'Rahimi', 'Silva', 'Okafor', 'Lind', 'Barzani', 'Moreau', 'Tanaka', 'Volkov'];
const FILLER = [
  'Observers said the atmosphere was businesslike.', 'Diplomats described the exchanges as frank.',
  'Local media followed the talks closely.', 'Several delegations arrived a day early.',
  'Security around the venue was tight.', 'Analysts cautioned against expecting a breakthrough.',
  'The host country provided logistical support.', 'Aid groups urged the parties to protect civilians.',
  'A joint statement was expected at the close.', 'Previous sessions had ended without a communique.',
];

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ordinalSuffix(n: number): string {
  const m = n % 100;
  if (m >= 11 && m <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
const ordinalText = (n: number): string => ORDINAL_WORDS[n - 1] ?? ordinalSuffix(n);

function dayText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}
function monthText(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${y}`;
}
function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface SyntheticOptions {
  readonly seed?: number;
  /** Articles per round (default 6). */
  readonly perRound?: number;
  /** Days between rounds of a process (default 40). */
  readonly spacing?: number;
}

const BASE_DAY = periodOf('2015-01-05')?.lo ?? 0;

/** The i-th article of the corpus (same i, same options → same article). */
export function syntheticArticle(i: number, o: SyntheticOptions = {}): Article {
  const r = rng((o.seed ?? 1) * 1_000_003 + i);
  const perRound = o.perRound ?? 6;
  const spacing = o.spacing ?? 40;
  const p = PROCESSES[i % PROCESSES.length] as ProcessSpec;
  const pi = i % PROCESSES.length;
  const ordinal = 1 + Math.floor(i / (PROCESSES.length * perRound));
  const startDay = BASE_DAY + pi * 3 + (ordinal - 1) * spacing;
  const start = dayToIso(startDay);
  const end = dayToIso(startDay + 1);
  const variant = Math.floor(r() * 4);
  const published = dayToIso(variant === 2 ? startDay - 10 : variant === 3 ? startDay + 2 : startDay);
  const s: string[] = [];
  const dateline = `${p.city.toUpperCase()} (Synthetic Wire, item ${i})`;
  switch (variant) {
    case 0: s.push(`The ${ordinalText(ordinal)} round of the ${p.name} talks opened in ${p.city} on ${dayText(start)}.`); break;
    case 1: s.push(`Talks under the ${p.name} format opened in ${p.city} on ${dayText(start)}.`); break;
    case 2: s.push(`The ${ordinalText(ordinal)} round of the ${p.name} talks is scheduled for ${monthText(start)}.`); break;
    default: s.push(`The ${ordinalText(ordinal)} round of the ${p.name} talks ended in ${p.city} on ${dayText(end)}.`); break;
  }
  const guarantors = p.guarantors.filter(() => r() < 0.8);
  if (guarantors.length > 0) s.push(`Delegations of ${list(guarantors.map((a) => ACTOR_NAMES[a] ?? a))} attended as guarantors.`);
  const parties = p.parties.filter(() => r() < 0.7);
  if (parties.length > 0) s.push(`Representatives of ${list(parties.map((a) => ACTOR_NAMES[a] ?? a))} took part as parties.`);
  const topics = Object.keys(TOPIC_WORDS).filter(() => r() < 0.3);
  if (topics.length > 0) s.push(`The agenda covered ${list(topics)}.`);
  if (r() < 0.2) s.push(`The envoy ${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]} said progress had been made.`);
  if (r() < 0.1) s.push(`A ceasefire agreement was signed on ${dayText(end)}.`);
  const filler = 15 + Math.floor(r() * 20);
  for (let k = 0; k < filler; k++) s.push(FILLER[Math.floor(r() * FILLER.length)] as string);
  return {
    id: `synthetic-${i}`, text: `${dateline}\n${s.join(' ')}`, published, source: 'Synthetic Wire', title: `${p.name} talks, item ${i}`,
  };
}

export function* syntheticCorpus(n: number, o: SyntheticOptions = {}): Generator<Article> {
  for (let i = 0; i < n; i++) yield syntheticArticle(i, o);
}

const MONTH_RE = MONTHS.join('|');
const DAY_RE = new RegExp(`(${MONTH_RE}) (\\d{1,2}), (\\d{4})`);
const MONTH_ONLY_RE = new RegExp(`(${MONTH_RE}) (\\d{4})`);
const pad = (n: number): string => String(n).padStart(2, '0');

function isoDay(m: RegExpExecArray): string {
  return `${m[3]}-${pad(MONTHS.indexOf(m[1] ?? '') + 1)}-${pad(Number(m[2]))}`;
}

/** Reads a synthetic article back into its record: a stand-in for `extract` on this corpus only. */
export function syntheticExtract(article: Article): ParleyRecord {
  const text = article.text;
  const doc = article.id;
  const sentences = splitSentences(text);
  const ev = (si: number, start: number, end: number, rule: string, slot?: string): Evidence =>
    ({ doc, sentence: si, start, end, rule, ...(slot ? { slot } : {}) });
  let round: { -readonly [K in keyof Round]: Round[K] } | undefined;
  const evidence: Evidence[] = [];
  const participants: Participant[] = [];
  const agenda: Topic[] = [];
  const people: ParleyRecord['people'][number][] = [];
  const agreements: ParleyRecord['agreements'][number][] = [];
  for (const sent of sentences) {
    const t = text.slice(sent.start, sent.end);
    const at = (sub: string): [number, number] => {
      const k = t.indexOf(sub);
      return [sent.start + Math.max(0, k), sent.start + Math.max(0, k) + sub.length];
    };
    const head = /(?:The (\S+) round of the (\w+) talks|Talks under the (\w+) format) (opened|ended|is scheduled)/.exec(t);
    if (head) {
      const name = head[2] ?? head[3] ?? '';
      const spec = PROCESSES.find((p) => p.name === name);
      if (!spec) continue;
      const ordWord = head[1];
      const ordinal = ordWord === undefined ? undefined : ORDINAL_WORDS.indexOf(ordWord) >= 0 ? ORDINAL_WORDS.indexOf(ordWord) + 1 : Number.parseInt(ordWord, 10);
      const dm = DAY_RE.exec(t);
      const mm = dm ? undefined : MONTH_ONLY_RE.exec(t);
      const date = dm ? isoDay(dm) : mm ? `${mm[2]}-${pad(MONTHS.indexOf(mm[1] ?? '') + 1)}` : undefined;
      const verb = head[4];
      round = {
        process: spec.id,
        ...(ordinal !== undefined && !Number.isNaN(ordinal) ? { ordinal } : {}),
        ...(verb !== 'is scheduled' ? { venue: spec.venue } : {}),
        ...(date && verb !== 'ended' ? { start: date } : {}),
        ...(date && verb === 'ended' ? { end: date } : {}),
        status: verb === 'opened' ? 'ongoing' : verb === 'ended' ? 'held' : 'scheduled',
      };
      evidence.push(ev(sent.index, sent.start, sent.end, 'synthetic.round'));
      if (date) {
        const [s, e] = at(dm?.[0] ?? mm?.[0] ?? '');
        evidence.push(ev(sent.index, s, e, 'synthetic.date', verb === 'ended' ? 'end' : 'start'));
      }
      continue;
    }
    const role = /attended as guarantors/.test(t) ? 'guarantor' : /took part as parties/.test(t) ? 'party' : undefined;
    if (role) {
      for (const [name, id] of NAME_ACTOR) {
        if (!t.includes(name)) continue;
        participants.push({ actor: id, role });
        const [s, e] = at(name);
        evidence.push(ev(sent.index, s, e, 'synthetic.participant', `participants.${id}`));
      }
      continue;
    }
    if (t.startsWith('The agenda covered')) {
      for (const [words, topic] of Object.entries(TOPIC_WORDS)) {
        if (!t.includes(words)) continue;
        agenda.push(topic);
        const [s, e] = at(words);
        evidence.push(ev(sent.index, s, e, 'synthetic.agenda', `agenda.${topic}`));
      }
      continue;
    }
    const envoy = /^The envoy (\w+) (\w+) said/.exec(t);
    if (envoy) {
      const name = `${envoy[1]} ${envoy[2]}`;
      const [s, e] = at(name);
      people.push({ id: `@${name.toLowerCase().replace(/ /g, '-')}`, name, title: 'envoy', evidence: [ev(sent.index, s, e, 'synthetic.person')] });
      continue;
    }
    const deal = DAY_RE.exec(t);
    if (t.startsWith('A ceasefire agreement was signed') && deal && round) {
      const spec = PROCESSES.find((p) => p.id === round?.process);
      agreements.push({ kind: 'ceasefire', date: isoDay(deal), ...(spec ? { scope: spec.conflict } : {}), parties: [], evidence: [ev(sent.index, sent.start, sent.end, 'synthetic.agreement')] });
    }
  }
  const rec = emptyRecord({ id: doc, ...(article.published ? { published: article.published } : {}) });
  if (!round) return { ...rec, people };
  const outcomes = agreements.length > 0 ? [{ kind: 'ceasefire' as const }] : [];
  return {
    ...rec,
    rounds: [{ ...round, participants, agenda, ...(outcomes.length > 0 ? { outcomes } : {}), evidence }],
    agreements,
    people,
  };
}
