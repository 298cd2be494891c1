// A synthetic, news-like corpus for the speed benchmark: thousands of ~3–4 KB articles about
// invented sittings of peace processes, with datelines, people and titles, ordinals in every
// form, relative and absolute dates, and plenty of filler prose. All text is generated from
// the word lists and templates below (never copied from a real article); the same seed always
// gives the same corpus, byte for byte.
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The knowledge base's seedable PRNG (mulberry32), so both generated corpora draw alike. */
import { rng as prng } from '../kb/synthetic.js';

export { prng };

export class Dice {
  constructor(private readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.next() * xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** k distinct items, in list order. */
  some<T>(xs: readonly T[], k: number): T[] {
    const idx = xs.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = idx[i] ?? 0;
      idx[i] = idx[j] ?? 0;
      idx[j] = a;
    }
    return idx.slice(0, Math.min(k, xs.length)).sort((a, b) => a - b).map((i) => xs[i] as T);
  }
}

interface State {
  readonly name: string;
  readonly adj: string;
  readonly capital: string;
}

const STATES: readonly State[] = [
  { name: 'Russia', adj: 'Russian', capital: 'Moscow' },
  { name: 'Iran', adj: 'Iranian', capital: 'Tehran' },
  { name: 'Turkey', adj: 'Turkish', capital: 'Ankara' },
  { name: 'Syria', adj: 'Syrian', capital: 'Damascus' },
  { name: 'Ukraine', adj: 'Ukrainian', capital: 'Kyiv' },
  { name: 'France', adj: 'French', capital: 'Paris' },
  { name: 'Germany', adj: 'German', capital: 'Berlin' },
  { name: 'the United States', adj: 'U.S.', capital: 'Washington' },
  { name: 'Qatar', adj: 'Qatari', capital: 'Doha' },
  { name: 'Afghanistan', adj: 'Afghan', capital: 'Kabul' },
  { name: 'Colombia', adj: 'Colombian', capital: 'Bogota' },
  { name: 'Cuba', adj: 'Cuban', capital: 'Havana' },
  { name: 'Norway', adj: 'Norwegian', capital: 'Oslo' },
  { name: 'Yemen', adj: 'Yemeni', capital: 'Sanaa' },
  { name: 'Saudi Arabia', adj: 'Saudi', capital: 'Riyadh' },
  { name: 'Sudan', adj: 'Sudanese', capital: 'Khartoum' },
  { name: 'Ethiopia', adj: 'Ethiopian', capital: 'Addis Ababa' },
  { name: 'Egypt', adj: 'Egyptian', capital: 'Cairo' },
  { name: 'Kazakhstan', adj: 'Kazakh', capital: 'Astana' },
  { name: 'Sweden', adj: 'Swedish', capital: 'Stockholm' },
  { name: 'Armenia', adj: 'Armenian', capital: 'Yerevan' },
  { name: 'Azerbaijan', adj: 'Azerbaijani', capital: 'Baku' },
  { name: 'Libya', adj: 'Libyan', capital: 'Tripoli' },
  { name: 'Kenya', adj: 'Kenyan', capital: 'Nairobi' },
];

interface ProcessSpec {
  /** Name the process is known by ("Astana", "Minsk"). */
  readonly name: string;
  readonly venue: string;
  readonly hostCountry: string;
  readonly conflict: string;
  readonly sponsors: readonly string[];
  readonly sides: readonly [string, string];
  readonly mediator: string;
}

const PROCESSES: readonly ProcessSpec[] = [
  { name: 'Astana', venue: 'Astana', hostCountry: 'Kazakhstan', conflict: 'Syria', sponsors: ['Russia', 'Iran', 'Turkey'], sides: ['the Syrian government', 'the armed opposition'], mediator: 'UN envoy for Syria' },
  { name: 'Geneva', venue: 'Geneva', hostCountry: 'Switzerland', conflict: 'Syria', sponsors: ['the United Nations'], sides: ['the Damascus delegation', 'the High Negotiations Committee'], mediator: 'UN special envoy' },
  { name: 'Minsk', venue: 'Minsk', hostCountry: 'Belarus', conflict: 'Ukraine', sponsors: ['Germany', 'France'], sides: ['Kyiv', 'the separatists'], mediator: 'OSCE special representative' },
  { name: 'Normandy', venue: 'Paris', hostCountry: 'France', conflict: 'Ukraine', sponsors: ['Germany', 'France'], sides: ['Ukraine', 'Russia'], mediator: 'French presidential adviser' },
  { name: 'Doha', venue: 'Doha', hostCountry: 'Qatar', conflict: 'Afghanistan', sponsors: ['Qatar', 'the United States'], sides: ['the Afghan government', 'the Taliban'], mediator: 'U.S. special envoy' },
  { name: 'Havana', venue: 'Havana', hostCountry: 'Cuba', conflict: 'Colombia', sponsors: ['Cuba', 'Norway'], sides: ['the Colombian government', 'the FARC rebels'], mediator: 'Norwegian facilitator' },
  { name: 'Stockholm', venue: 'Stockholm', hostCountry: 'Sweden', conflict: 'Yemen', sponsors: ['the United Nations'], sides: ['the Yemeni government', 'the Houthi rebels'], mediator: 'UN envoy for Yemen' },
  { name: 'Jeddah', venue: 'Jeddah', hostCountry: 'Saudi Arabia', conflict: 'Sudan', sponsors: ['Saudi Arabia', 'the United States'], sides: ['the Sudanese army', 'the Rapid Support Forces'], mediator: 'Saudi mediator' },
  { name: 'Pretoria', venue: 'Pretoria', hostCountry: 'South Africa', conflict: 'Ethiopia', sponsors: ['the African Union'], sides: ['the Ethiopian government', 'the Tigrayan forces'], mediator: 'AU high representative' },
  { name: 'Kuwait', venue: 'Kuwait City', hostCountry: 'Kuwait', conflict: 'Yemen', sponsors: ['the United Nations'], sides: ['the Saudi-backed government', 'the Houthis'], mediator: 'UN envoy for Yemen' },
  { name: 'Sochi', venue: 'Sochi', hostCountry: 'Russia', conflict: 'Syria', sponsors: ['Russia', 'Iran', 'Turkey'], sides: ['the Syrian government', 'the opposition'], mediator: 'Russian special envoy' },
  { name: 'Berlin', venue: 'Berlin', hostCountry: 'Germany', conflict: 'Libya', sponsors: ['Germany', 'the United Nations'], sides: ['the Tripoli government', 'the eastern-based forces'], mediator: 'UN envoy for Libya' },
];

const FIRST = ['Ivan', 'Mehmet', 'Ali', 'Maria', 'John', 'Anna', 'Ahmed', 'Elena', 'Pedro', 'Olga', 'Hassan', 'Karim', 'Lucia', 'Tomas', 'Nadia', 'Samir', 'Yusuf', 'Carlos', 'Ingrid', 'Dmitri', 'Fatima', 'Jean', 'Klaus', 'Mariam', 'Omar', 'Sofia', 'Viktor', 'Abdul', 'Helga', 'Rafael'];
const LAST = ['Petrov', 'Yilmaz', 'Rahimi', 'Santos', 'Keller', 'Haddad', 'Novak', 'Okafor', 'Lindqvist', 'Moreno', 'Farouk', 'Bakr', 'Volkov', 'Demir', 'Karimi', 'Duarte', 'Brandt', 'Mansour', 'Sokolov', 'Arslan', 'Hosseini', 'Vargas', 'Richter', 'Nasser', 'Orlov', 'de la Vega', 'al-Amin', 'van Dijk', 'Haugen', 'Mwangi'];
const TITLES = ['Foreign Minister', 'Defense Minister', 'President', 'Prime Minister', 'Deputy Foreign Minister', 'spokesman', 'chief negotiator', 'envoy', 'commander', 'Interior Minister'];

const ORD_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth'];
const CARD_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SOURCES = ['Wire Desk', 'Global Dispatch', 'The Evening Ledger', 'Capital Report', 'Regional News Agency', 'Daily Bulletin'];
const TOPICS = ['a nationwide ceasefire', 'de-escalation zones', 'humanitarian aid deliveries', 'the release of detainees', 'a new constitution', 'early elections', 'the withdrawal of foreign forces', 'the return of refugees', 'reconstruction funding', 'the lifting of sanctions', 'a buffer zone along the front line', 'power sharing', 'disarmament of militias', 'a monitoring mission', 'a prisoner exchange'];
const FAIL = ['ended without a breakthrough', 'collapsed after the opposition walked out', 'were suspended indefinitely', 'made little progress', 'produced no joint statement'];
const GOOD = ['agreed to extend the truce', 'signed a memorandum on four de-escalation zones', 'agreed to hold a further congress', 'approved a prisoner swap', 'agreed on a mechanism to monitor the ceasefire'];
const FILLER_SUBJ = ['Local markets', 'The central bank', 'Farmers in the region', 'The national football team', 'Officials at the port', 'Residents of the capital', 'A group of engineers', 'Teachers\' unions', 'The state railway', 'Hospital staff', 'Analysts', 'The tourism board'];
const FILLER_VERB = ['reported', 'said they expected', 'warned of', 'welcomed', 'complained about', 'pointed to', 'prepared for', 'called for'];
const FILLER_OBJ = ['a rise in bread prices', 'heavy rain over the weekend', 'delays on the northern line', 'a shortage of spare parts', 'record wheat harvests', 'longer queues at fuel stations', 'a new water treatment plant', 'higher electricity tariffs', 'a drop in exports', 'the reopening of schools', 'a festival of traditional music', 'power cuts in several districts'];
const QUOTES = ['"We came here to listen, not to make promises,"', '"The door to dialogue remains open,"', '"Nobody should expect miracles from one meeting,"', '"This is a first step, and a fragile one,"', '"We will not accept preconditions,"'];

export interface BenchArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly published: string;
  readonly source: string;
}

interface Person {
  readonly name: string;
  readonly surname: string;
  readonly title: string;
  readonly state: State;
}

function person(d: Dice): Person {
  const surname = d.pick(LAST);
  return { name: `${d.pick(FIRST)} ${surname}`, surname, title: d.pick(TITLES), state: d.pick(STATES) };
}

function ordinalPhrase(d: Dice, p: ProcessSpec, n: number): string {
  const i = n - 1;
  switch (d.int(0, 6)) {
    case 0: return `the ${ORD_WORDS[i] ?? `${n}th`} round of the ${p.name} talks`;
    case 1: return `the ${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'} round of talks in ${p.venue}`;
    case 2: return `${p.name} ${CARD_WORDS[i] ?? String(n)}`;
    case 3: return `${p.name}-${n}`;
    case 4: return `${p.name} ${ROMAN[i] ?? String(n)}`;
    case 5: return 'the latest round of talks';
    default: return `the new round of ${p.name} negotiations`;
  }
}

function timePhrase(d: Dice, month: number, year: number): string {
  switch (d.int(0, 8)) {
    case 0: return `on ${d.pick(WEEKDAYS)}`;
    case 1: return `on ${d.pick(MON_ABBR)} ${d.int(1, 28)}`;
    case 2: return `in ${MONTHS[month] ?? 'May'}`;
    case 3: return `in ${d.pick(MONTHS)} ${year - d.int(0, 2)}`;
    case 4: return 'last week';
    case 5: return `late ${d.pick(MONTHS)}`;
    case 6: return 'earlier this month';
    case 7: return `on ${d.int(1, 28)} ${d.pick(MONTHS)}`;
    default: return 'next week';
  }
}

function list(xs: readonly string[]): string {
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] ?? ''}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function topical(d: Dice, p: ProcessSpec, people: readonly Person[], n: number, month: number, year: number): string {
  const who = d.pick(people);
  const other = d.pick(people);
  const when = timePhrase(d, month, year);
  switch (d.int(0, 13)) {
    case 0: return `${cap(ordinalPhrase(d, p, n))} opened ${when} in ${p.venue}, with delegations from ${list(d.some(STATES, d.int(2, 4)).map((s) => s.name))} in attendance.`;
    case 1: return `${who.state.adj} ${who.title} ${who.name} said ${p.sponsors.length > 1 ? 'the guarantor states' : 'the organisers'} would press for ${d.pick(TOPICS)}.`;
    case 2: return `${who.surname} is due to meet ${other.state.adj} ${other.title} ${other.name} in ${d.pick(STATES).capital} ${when}.`;
    case 3: return `Talks between ${p.sides[0]} and ${p.sides[1]} ${d.pick(FAIL)}, according to a statement released ${when}.`;
    case 4: return `The parties ${d.pick(GOOD)} at the end of ${ordinalPhrase(d, p, n)}, ${who.surname} told reporters.`;
    case 5: return `${cap(list(p.sponsors))}, which sponsor the ${p.name} process, said the agenda would cover ${d.pick(TOPICS)} and ${d.pick(TOPICS)}.`;
    case 6: return `A ${d.int(10, 40)}-member delegation representing ${p.sides[1]} arrived in ${p.venue} ${when}.`;
    case 7: return `${d.pick(QUOTES)} ${who.surname} said.`;
    case 8: return `The next round is scheduled for ${d.pick(MONTHS)} in ${p.hostCountry}'s capital, the ${who.state.adj} Foreign Ministry said.`;
    case 9: return `${cap(p.sides[0])} accused ${p.sides[1]} of violating the ceasefire near the border ${when}.`;
    case 10: return `${d.pick(STATES).name} is an ally of ${p.sides[0]}, while ${d.pick(STATES).name} supports ${p.sides[1]}.`;
    case 11: return `The ${p.mediator} held separate meetings with both delegations, urging them to focus on ${d.pick(TOPICS)}.`;
    case 12: return `Government forces captured the town of ${d.pick(['Marwa', 'Tal Hadid', 'Kerem', 'San Lucio', 'Dar Salim'])} ${when}, the ${p.conflict === 'Ukraine' ? 'army' : 'military'} said.`;
    default: return `The ${p.name} talks, which began in ${d.pick(MONTHS)} ${year - d.int(1, 4)}, have so far produced ${CARD_WORDS[d.int(1, 5)] ?? 'two'} joint statements.`;
  }
}

function filler(d: Dice): string {
  switch (d.int(0, 3)) {
    case 0: return `${d.pick(FILLER_SUBJ)} ${d.pick(FILLER_VERB)} ${d.pick(FILLER_OBJ)}.`;
    case 1: return `In other news, ${d.pick(FILLER_SUBJ).toLowerCase()} ${d.pick(FILLER_VERB)} ${d.pick(FILLER_OBJ)} and ${d.pick(FILLER_OBJ)}.`;
    case 2: return `Figures published on ${d.pick(WEEKDAYS)} showed inflation at ${d.int(2, 30)}.${d.int(0, 9)} percent, up from ${d.int(2, 30)} percent a year earlier.`;
    default: return `${d.pick(FILLER_SUBJ)} said about ${d.int(2, 900)} people had been affected, a figure that could not be independently verified.`;
  }
}

export function generateArticle(d: Dice, i: number): BenchArticle {
  const p = d.pick(PROCESSES);
  const year = d.int(2014, 2023);
  const month = d.int(0, 11);
  const day = d.int(1, 28);
  const published = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const n = d.int(1, 15);
  const people = Array.from({ length: d.int(2, 4) }, () => person(d));
  const source = d.pick(SOURCES);
  const title = `${cap(ordinalPhrase(d, p, n))} ${d.pick(['opens', 'ends', 'stalls', 'resumes'])} in ${p.venue}`;
  const target = d.int(3000, 4000);
  const paras: string[] = [];
  const dateline = d.chance(0.5) ? `${p.venue.toUpperCase()}, ${MONTHS[month] ?? 'May'} ${day} (${source}) - ` : '';
  let para = dateline + topical(d, p, people, n, month, year);
  let len = para.length;
  while (len < target) {
    const s = d.chance(0.6) ? topical(d, p, people, n, month, year) : filler(d);
    if (d.chance(0.3)) {
      paras.push(para);
      para = s;
    } else {
      para += ' ' + s;
    }
    len += s.length + 1;
  }
  paras.push(para);
  return { id: `bench-${String(i).padStart(6, '0')}`, title, text: paras.join('\n'), published, source };
}

export function* generateArticles(n: number, seed = 20171221): Generator<BenchArticle> {
  const d = new Dice(prng(seed));
  for (let i = 0; i < n; i++) yield generateArticle(d, i);
}

export interface CorpusFile {
  readonly dir: string;
  readonly path: string;
  readonly articles: number;
  readonly bytes: number;
}

/** Writes n articles as JSONL to a fresh temp dir (or `dir`). */
export async function writeCorpus(n: number, seed = 20171221, dir?: string): Promise<CorpusFile> {
  const where = dir ?? mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const path = join(where, 'corpus.jsonl');
  const out = createWriteStream(path);
  let bytes = 0;
  let batch: string[] = [];
  const flush = async (): Promise<void> => {
    const chunk = batch.join('');
    batch = [];
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  for (const a of generateArticles(n, seed)) {
    batch.push(JSON.stringify(a) + '\n');
    if (batch.length >= 500) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { dir: where, path, articles: n, bytes };
}
