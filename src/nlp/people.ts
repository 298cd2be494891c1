// People: capitalised name runs confirmed by a title, an appositive or a speech verb, with the
// title and affiliation the text gives them; later mentions by surname resolve to the full name.
import type { Title } from '../record.js';
import type { Lexicon } from './lexicon.js';
import type { PhraseMatch } from './phrases.js';
import type { Mention, Sentence, Token } from './types.js';
import { loadKnownPeople } from './known-people.js';
import { readDataJson } from './data-path.js';
import { slug } from './slug.js';

export interface PersonMention {
  readonly id: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly title?: Title;
  /** Token range of the title phrase, for evidence. */
  readonly titleSpan?: readonly [number, number];
  readonly affiliation?: string;
  readonly rule: string;
}

const NAME_WORDS = readDataJson<Record<'not_name' | 'org_tail' | 'particles' | 'inner' | 'honorifics', string[]>>('lexicon/names.json');

// Capitalised words that never belong to a person's name.
const NOT_NAME: ReadonlySet<string> = new Set(NAME_WORDS.not_name);

// A capitalised run followed by one of these names an institution: "U.S. Indo-Pacific Command".
const ORG_TAIL: ReadonlySet<string> = new Set(NAME_WORDS.org_tail);
// Appositive titles of these classes are posts in their own right; others ("director", "vice
// president") need the employer written before them to count ("a State Department official").
const MONARCH = /^(emperor|empress|king|queen|emir|sultan)$/;
const RANK_ONLY = /^(deputy|vice|assistant|acting)$/;
const SELF_STANDING = new Set(['head_of_state', 'head_of_government', 'foreign_minister', 'defense_minister', 'envoy', 'negotiator', 'spokesperson', 'commander']);
const PARTICLES: ReadonlySet<string> = new Set(NAME_WORDS.particles);
const INNER: ReadonlySet<string> = new Set(NAME_WORDS.inner);
const HONORIFICS: ReadonlySet<string> = new Set(NAME_WORDS.honorifics);
const DELEGATION_WORD = /^(delegation|delegations|team|teams|negotiators|side|negotiating|panel|committee|commission|platform|coalition)$/;
const ADJOINED = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;

/** Tokens covered by gazetteer mentions, by token index (1 = covered): read for every token. */
type Blocked = Uint8Array;

/**
 * Mentions by the token index they start or end at. An array indexed by token, not a Map: it is
 * filled for every mention of every document and read around every name, and a number-keyed
 * Map hashes on each of those.
 */
type ByToken<T> = readonly (T | undefined)[];

const ALL_CAPS = /^\p{Lu}{2,}$/u;

/** Two or more capitals and nothing else ("MBS", "NATO"); most words fail on their second letter. */
function isAllCaps(text: string): boolean {
  const c1 = text.charCodeAt(1);
  if (c1 >= 97 && c1 <= 122) return false;
  return ALL_CAPS.test(text);
}

// cheap tests first: most tokens are not capitalised, and hash lookups cost more than field reads
function isNameWord(t: Token | undefined, blocked: Blocked, i: number): boolean {
  return t !== undefined && t.shape === 'word' && t.cap && blocked[i] !== 1 && t.text.length > 1 && !NOT_NAME.has(t.lower) && !isAllCaps(t.text);
}

interface NameRun {
  readonly start: number; // token index
  readonly end: number; // exclusive
}

/** Maximal runs of name words (with particles, hyphen joins and middle initials) inside [from, to). */
function nameRuns(tokens: readonly Token[], from: number, to: number, blocked: Blocked): NameRun[] {
  const runs: NameRun[] = [];
  let i = from;
  while (i < to) {
    if (!isNameWord(tokens[i], blocked, i) && !(tokens[i]?.cap && PARTICLES.has(tokens[i]?.lower ?? '') && isNameWord(tokens[i + 1], blocked, i + 1))) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const t = tokens[j];
      if (j >= to || !t) break;
      if (isNameWord(t, blocked, j)) { j++; continue; }
      // a particle inside a name: "de Mistura", "bin Salman", "al - Assad"
      if (PARTICLES.has(t.lower)) {
        const n1 = tokens[j + 1];
        if (isNameWord(n1, blocked, j + 1)) { j += 2; continue; }
        if (n1 && PARTICLES.has(n1.lower) && isNameWord(tokens[j + 2], blocked, j + 2)) { j += 3; continue; }
        if (n1?.text === '-' && ADJOINED(t, n1) && isNameWord(tokens[j + 2], blocked, j + 2)) { j += 3; continue; }
        break;
      }
      // "Hassan Sheikh Mohamud": a word that is no name alone, between two name words
      if (t.cap && INNER.has(t.lower) && isNameWord(tokens[j + 1], blocked, j + 1)) { j += 2; continue; }
      // hyphenated given names: "Ji - ha", "Jean - Yves"
      if (t.text === '-' && ADJOINED(tokens[j - 1], t) && ADJOINED(t, tokens[j + 1]) && tokens[j + 1]?.shape === 'word' && blocked[j + 1] !== 1) { j += 2; continue; }
      // a middle initial: "George W . Bush"
      if (t.cap && /^\p{Lu}$/u.test(t.text) && tokens[j + 1]?.text === '.' && isNameWord(tokens[j + 2], blocked, j + 2)) { j += 3; continue; }
      break;
    }
    runs.push({ start: i, end: j });
    i = j;
  }
  return runs;
}

function wordCount(tokens: readonly Token[], run: NameRun): number {
  let n = 0;
  for (let k = run.start; k < run.end; k++) if (tokens[k]?.shape === 'word' && tokens[k]?.cap) n++;
  return n;
}

/** Mentions usable as an affiliation: states, adjectives, capitals, sectors, organisations, groups. */
function affiliationOf(m: Mention): string | undefined {
  switch (m.kind) {
    case 'state': case 'sector': case 'org': case 'group': return m.id;
    case 'state_adj': case 'capital': return m.country;
    default: return undefined;
  }
}

export interface PeopleInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly Mention[];
  readonly lexicon: Lexicon;
  /** Actor ids of institutions by token index ("Kremlin spokesman"). */
  readonly institutions?: ReadonlyMap<number, string>;
  /** Publication year, for posts the actor dictionary knows by date. */
  readonly year?: number;
}

type TitleMatch = PhraseMatch<{ readonly title: Title; readonly affiliation?: string }>;
interface TitleHit { title?: Title; affiliation?: string; rule: string; span: [number, number]; start: number }

/** What the title rules of one sentence read: the sentence, its titles and the people so far. */
interface SentenceScope {
  readonly input: PeopleInput;
  readonly tokens: readonly Token[];
  readonly lexicon: Lexicon;
  readonly s: Sentence;
  readonly mentions: readonly Mention[];
  readonly mentionEndingAt: ByToken<Mention>;
  readonly mentionStartingAt: ByToken<Mention>;
  readonly titleEndingAt: ReadonlyMap<number, TitleMatch>;
  readonly personEndingAt: ReadonlyMap<number, PersonMention>;
  readonly runs: readonly NameRun[];
  readonly surnameSoFar: ReadonlyMap<string, PersonMention>;
}

/**
 * "The text was signed by Sumbu Sita Mambu for the Congolese government and by Benjamin Mbonimpa
 * for the rebels", "co-chaired by Ahmad Kuzbari for the government side": whoever signs or chairs
 * for a side negotiates for it.
 */
function signedFor(sc: SentenceScope, run: NameRun): { title: Title; affiliation?: string; rule: string; span: [number, number] } | undefined {
  const { tokens, mentionStartingAt, s } = sc;
  if (tokens[run.end]?.lower !== 'for') return undefined;
  // "by X for Y", and the next of the list: "… and by X for Y", "… and X for Y"
  const lo = Math.max(s.tokenStart, run.start - 24);
  let b = run.start - 1;
  if (tokens[b]?.lower === 'and') b--;
  else if (tokens[b]?.lower !== 'by') return undefined;
  // back over the list to its first "by"
  for (let guard = 0; guard < 4 && b > lo && (tokens[b]?.lower !== 'by' || /^(and|,)$/.test(tokens[b - 1]?.lower ?? '')); guard++) {
    b = tokens[b]?.lower === 'by' ? b - 2 : b;
    while (b > lo && tokens[b]?.lower !== 'by') b--;
  }
  if (tokens[b]?.lower !== 'by' || !/^(signed|chaired|co-chaired|cochaired|represented|initialled|initialed)$/.test(tokens[b - 1]?.lower ?? '')) return undefined;
  const k = run.end + 1;
  // "for the rebels": the side may be read with or without its article
  const m = mentionStartingAt[k] ?? (tokens[k]?.lower === 'the' ? mentionStartingAt[k + 1] : undefined);
  const affiliation = m ? affiliationOf(m) : undefined;
  return { title: 'negotiator', ...(affiliation ? { affiliation } : {}), rule: 'title:signed-for', span: [run.end, Math.max(run.end + 1, m?.tokenEnd ?? k)] };
}

// A title right before the name, possibly with a "for Syria" / "to the UN" phrase between,
// and the affiliation right before the title.
function titleBefore(sc: SentenceScope, at: number, runEnd = at): TitleHit | undefined {
  const { tokens, s, titleEndingAt, mentionEndingAt, mentions } = sc;
  let e = at;
  if (tokens[e - 1]?.text === '.' && tokens[e - 2] && /^(gen|lt|col|maj|adm|sen|rep|dr)$/.test(tokens[e - 2]?.lower ?? '')) {
    // "Gen. Charles Brown": the abbreviation's period belongs to the title
    const tm = titleEndingAt.get(e - 1);
    if (tm) return titleFinish(sc, tm);
  }
  let tm = titleEndingAt.get(e);
  if (!tm && tokens[e - 1]?.text === ',' && /^[,.;]$/.test(tokens[runEnd]?.text ?? '')) {
    // "Trump’s special envoy, Steve Witkoff," and "the EU's special envoy for the
    // Belgrade-Pristina dialogue, Miroslav Lajcak": the title may carry a short complement
    const commaTitle = titleEndingAt.get(e - 1);
    if (commaTitle) return titleFinish(sc, commaTitle);
    for (let q = e - 2; q >= Math.max(s.tokenStart, e - 12); q--) {
      const w = tokens[q]?.lower ?? '';
      if (w === ',' || w === '.' || w === 'said') break;
      if (/^(for|of|to|at)$/.test(w)) {
        const tq = titleEndingAt.get(q);
        if (tq) return titleFinish(sc, tq);
      }
    }
  }
  // "a Syrian government team headed by Bashar al-Jaafari", "Russia's delegation, headed by
  // Boris Gryzlov", "the government panel was headed by law professor Marvic Leonen": whoever
  // heads a delegation negotiates for it
  if (!tm) {
    let b = e - 1;
    while (b > e - 4 && tokens[b]?.lower !== 'by' && tokens[b]?.shape === 'word' && !tokens[b]?.cap) b--;
    if (tokens[b]?.lower === 'by' && /^(headed|led)$/.test(tokens[b - 1]?.lower ?? '')) {
      let q = b - 1;
      if (/^(was|were|is|are|being|been)$/.test(tokens[q - 1]?.lower ?? '')) q--;
      if (tokens[q - 1]?.text === ',') q--;
      while (q > s.tokenStart && DELEGATION_WORD.test(tokens[q - 1]?.lower ?? '')) q--;
      const head = mentionEndingAt[q] ?? mentions.find((m) => m.tokenStart < q && m.tokenEnd >= q - 1 && m.tokenEnd <= b - 1 && (m.kind === 'sector' || m.kind === 'state' || m.kind === 'state_adj' || m.kind === 'group'));
      const byNoun = q < b - 1 && DELEGATION_WORD.test(tokens[q]?.lower ?? '');
      const byBody = head !== undefined && (DELEGATION_WORD.test(tokens[head.tokenEnd - 1]?.lower ?? '') || head.kind === 'sector' || head.kind === 'group');
      if (byNoun || byBody) {
        const affiliation = head ? affiliationOf(head) : undefined;
        return { title: 'negotiator', ...(affiliation ? { affiliation } : {}), rule: 'title:heads-delegation', span: [q, e] as [number, number], start: q };
      }
    }
  }
  if (!tm) {
    // "envoy for Syria Staffan de Mistura", "ambassador to the UN James Kariuki"
    const m = mentionEndingAt[e];
    if (m) {
      let k = m.tokenStart;
      if (tokens[k - 1]?.lower === 'the') k--;
      if (/^(for|to|of|in)$/.test(tokens[k - 1]?.lower ?? '')) {
        e = k - 1;
        tm = titleEndingAt.get(e);
      }
    }
  }
  if (!tm) return undefined;
  return titleFinish(sc, tm);

}


/** The title found before a name, with the affiliation written around it. */
function titleFinish(sc: SentenceScope, match: TitleMatch): TitleHit | undefined {
  const { tokens, s, lexicon, mentionEndingAt, mentionStartingAt, personEndingAt, runs, surnameSoFar, input } = sc;
  const start = match.start;
  for (let k = Math.max(s.tokenStart, start - 2); k < start; k++) {
    if (lexicon.titleBlockers.has(tokens[k]?.lower ?? '')) return undefined;
  }
  let affiliation: string | undefined;
  // affiliation right before the title, skipping "the", possessive "’ s" and a rank word
  let k = start;
  while (k > s.tokenStart && /^(the|top|senior|chief|deputy|acting|new|s|'|’|then|current)$/.test(tokens[k - 1]?.lower ?? '')) k--;
  const before = mentionEndingAt[k];
  if (before) affiliation = affiliationOf(before);
  if (before?.kind === 'org') {
    let q = before.tokenStart;
    while (q > s.tokenStart && /^(deputy|acting|senior|top|the|chief|permanent)$/.test(tokens[q - 1]?.lower ?? '')) q--;
    const outer = mentionEndingAt[q];
    if (outer && (outer.kind === 'state' || outer.kind === 'state_adj')) affiliation = affiliationOf(outer);
  }
  // "Zelenskyy’s chief of staff", "Trump’s special envoy": the possessor's side
  if (!affiliation) {
    let q = start;
    while (q > s.tokenStart && /^(’|'|s|the|top|senior|chief|deputy)$/.test(tokens[q - 1]?.lower ?? '')) q--;
    let owner = personEndingAt.get(q);
    if (!owner) {
      // a surname already introduced: "Zelenskyy’s chief of staff"
      const r = runs.find((x) => x.end === q);
      const last = r ? tokens[r.end - 1]?.lower : undefined;
      if (last) owner = surnameSoFar.get(last);
    }
    if (owner?.affiliation && q < start) affiliation = owner.affiliation;
  }
  if (!affiliation && match.entry.payload.affiliation) affiliation = match.entry.payload.affiliation;
  if (!affiliation) {
    const inst = input.institutions?.get(k - 1);
    if (inst) affiliation = inst;
  }
  if (!affiliation) {
    // "President of Ukraine Volodymyr Zelenskyy"
    const after = mentionStartingAt[match.end + 1];
    if (after && tokens[match.end]?.lower === 'of') affiliation = affiliationOf(after);
  }
  return {
    title: match.entry.payload.title,
    ...(affiliation ? { affiliation } : {}),
    rule: match.entry.id,
    span: [start, match.end] as [number, number],
    start,
  };
}

// ", a/the [affiliation] title [of X]" right after the name, up to the next comma or period
function appositive(sc: SentenceScope, at: number, limit: number): { title?: Title; affiliation?: string; rule: string; span: [number, number] } | undefined {
  const { tokens, lexicon, mentionStartingAt, input } = sc;
  if (tokens[at]?.text !== ',') return undefined;
  const open = tokens[at + 1];
  // ", spoke with Russian President …" is a new clause, not a description of the name
  if (!open || !(/^(a|an|the|his|her|its|their|who|currently|now|also|then|acting|deputy|senior|chief|top|former)$/.test(open.lower) || open.cap || mentionStartingAt[at + 1] !== undefined || lexicon.titles.matchAt(tokens, at + 1, limit))) return undefined;
  let affiliation: string | undefined;
  // "Vladimir Putin, Volodymyr Zelensky and German Chancellor Angela Merkel": a name before any
  // title makes this a list of people, not a description of the first
  let capsRun = 0;
  for (let k = at + 1; k < Math.min(limit, at + 14); k++) {
    const t = tokens[k];
    if (!t || t.text === ',' || t.text === '.' || t.text === ';' || t.lower === 'said') break;
    if (lexicon.nonTitles.has(t.lower) || lexicon.titleBlockers.has(t.lower)) return undefined;
    const m = mentionStartingAt[k];
    capsRun = t.cap && t.shape === 'word' && !m && !lexicon.titles.matchAt(tokens, k, limit) ? capsRun + 1 : 0;
    if (capsRun >= 2) return undefined;
    if (m && !affiliation) affiliation = affiliationOf(m);
    const inst = input.institutions?.get(k);
    if (inst && !affiliation) affiliation = inst;
    // "the deputy chief negotiator": a bare rank word before a title is part of that title
    let tm = lexicon.titles.matchAt(tokens, k, limit);
    if (tm && tm.end === k + 1 && RANK_ONLY.test(tokens[k]?.lower ?? '')) tm = lexicon.titles.matchAt(tokens, k + 1, limit) ?? tm;
    // "the head of the Russian delegation": heading a delegation stands on its own
    const heads = tm !== undefined && tokens.slice(tm.end, Math.min(limit, tm.end + 5)).some((x) => DELEGATION_WORD.test(x.lower));
    if (tm && !affiliation && !heads && !SELF_STANDING.has(tm.entry.payload.title)) return undefined;
    if (tm) {
      // the affiliation may also follow: "commander of Pacific Air Forces and ... for U.S. Command"
      if (!affiliation) {
        for (let q = tm.end; q < Math.min(limit, tm.end + 10); q++) {
          const tq = tokens[q];
          if (!tq || tq.text === ',' || tq.text === '.') break;
          // "envoy for North Korea": the country the post deals with, not the employer; but
          // "commander for U.S. Indo-Pacific Command" names the employer
          if (/^(for|to|on|with)$/.test(tokens[q - 1]?.lower ?? '') && q === tm.end + 1 && !(tokens[(mentionStartingAt[q]?.tokenEnd ?? q)]?.cap)) continue;
          const mq = mentionStartingAt[q];
          if (mq) { affiliation = affiliationOf(mq); if (affiliation) break; }
        }
      }
      // "the head of the Russian delegation": heading a delegation is negotiating
      let title = tm.entry.payload.title;
      if ((title === 'leader' || title === 'official') && tokens.slice(tm.end, Math.min(limit, tm.end + 5)).some((x) => DELEGATION_WORD.test(x.lower))) title = 'negotiator';
      return { title, ...(affiliation ? { affiliation } : {}), rule: tm.entry.id, span: [tm.start, tm.end] };
    }
  }
  return undefined;
}

function isSpeaker(sc: SentenceScope, run: NameRun, sent: Sentence): boolean {
  const { tokens, lexicon } = sc;
  const before = tokens[run.start - 1]?.lower;
  const after = tokens[run.end]?.lower;
  const speech = lexicon.cues.speech;
  if (after && speech.matchAt(tokens, run.end, sent.tokenEnd)) return true;
  if (before && run.start - 1 >= sent.tokenStart && /^(said|says|told|added|wrote|asked)$/.test(before)) return true;
  return false;
}

/** What the name pass keeps across sentences. */
interface NameState {
  readonly input: PeopleInput;
  readonly known: ReturnType<typeof loadKnownPeople>;
  readonly blocked: Blocked;
  readonly mentionEndingAt: ByToken<Mention>;
  readonly mentionStartingAt: ByToken<Mention>;
  readonly full: PersonMention[];
  readonly personEndingAt: Map<number, PersonMention>;
  readonly knownAffiliation: Map<string, string>;
  readonly surnameSoFar: Map<string, PersonMention>;
  readonly pending: { run: NameRun; sentence: Sentence }[];
}

/** Names introduced in full in one sentence; lone surnames wait in `pending`. */
function namesInSentence(st: NameState, s: Sentence): void {
  const { input, known, blocked, mentionEndingAt, mentionStartingAt, full, personEndingAt, knownAffiliation, surnameSoFar, pending } = st;
  const { text, tokens, mentions, lexicon } = input;
  const runs = nameRuns(tokens, s.tokenStart, s.tokenEnd, blocked);
  // titles are read only around names: a sentence without a name needs no title scan
  if (runs.length === 0) return;
  const titleMatches = lexicon.titles.scan(tokens, s.tokenStart, s.tokenEnd);
  const titleEndingAt = new Map<number, (typeof titleMatches)[number]>();
  for (const tm of titleMatches) titleEndingAt.set(tm.end, tm);
  const sc: SentenceScope = { input, tokens, lexicon, s, mentions, mentionEndingAt, mentionStartingAt, titleEndingAt, personEndingAt, runs, surnameSoFar };
  let previous: PersonMention | undefined;
  for (const run of runs) {
    const pre = titleBefore(sc, run.start, run.end);
    let app = pre ? undefined : appositive(sc, run.end, s.tokenEnd) ?? signedFor(sc, run);
    // "Gen. Charles Brown, commander … for U.S. Indo-Pacific Command": the affiliation may follow
    if (pre && !pre.affiliation) app = appositive(sc, run.end, s.tokenEnd);
    const words = wordCount(tokens, run);
    const spoken = isSpeaker(sc, run, s);
    const honorific = HONORIFICS.has(tokens[run.start - 1]?.lower ?? '') || (tokens[run.start - 1]?.text === '.' && HONORIFICS.has(tokens[run.start - 2]?.lower ?? ''));
    if (ORG_TAIL.has(tokens[run.end]?.lower ?? '')) continue;
    // "Emperor Naruhito", "King Salman": a monarch goes by one name; anyone else's lone word
    // waits to be read as the surname of someone named in full
    const monarch = pre !== undefined && MONARCH.test(tokens[pre.span[1] - 1]?.lower ?? '') && !surnameSoFar.has(tokens[run.start]?.lower ?? '');
    if (words < 2 && !monarch) {
      pending.push({ run, sentence: s });
      continue;
    }
    const first = tokens[run.start];
    const last = tokens[run.end - 1];
    if (!first || !last) continue;
    const name = text.slice(first.start, last.end);
    const kp = known.byName.get(name);
    // "De Mistura" after "Staffan de Mistura" is the same person, named again
    const again = kp !== undefined && full.some((p) => p.id === kp.id || known.byName.get(p.name)?.id === kp.id) && !pre && !app;
    if ((!pre && !app && !spoken && !honorific && !kp) || again) {
      pending.push({ run, sentence: s });
      continue;
    }
    // the slug is the person's id too: made once per name (ids are a function of the name)
    const id = full.find((q) => q.name === name)?.id ?? `@${slug(name)}`;
    let affiliation = pre?.affiliation ?? app?.affiliation ?? knownAffiliation.get(id) ?? kp?.affiliation;
    // "Russian Foreign Minister Sergei Lavrov and Defense Minister Sergei Shoigu": the adjective
    // before the first title distributes over the coordination (not a side known of the first
    // person only: "Francois Hollande and Chancellor Angela Merkel")
    if (!affiliation && pre && previous?.affiliation && previous.rule.startsWith('person:title') && tokens[pre.start - 1]?.lower === 'and') affiliation = previous.affiliation;
    const title = pre?.title ?? app?.title ?? (kp ? known.titleIn(kp, input.year) : undefined);
    const span = pre?.span ?? app?.span;
    const p: PersonMention = {
      id,
      name,
      start: first.start,
      end: last.end,
      sentence: s.index,
      tokenStart: run.start,
      tokenEnd: run.end,
      ...(title ? { title } : {}),
      ...(span ? { titleSpan: span } : {}),
      ...(affiliation ? { affiliation } : {}),
      rule: pre ? `person:${pre.rule}` : app ? `person:appositive:${app.rule}` : spoken ? 'person:speaker' : 'person:honorific',
    };
    full.push(p);
    personEndingAt.set(run.end, p);
    surnameSoFar.set(last.lower, p);
    if (p.affiliation && !knownAffiliation.has(p.id)) knownAffiliation.set(p.id, p.affiliation);
    previous = p;
  }

}

// "The Ukrainian delegation includes … Defense Minister Rustem Umerov; and military commander
// Pavlo Palisa": members of a listed delegation speak for its state
function delegationMembers(input: PeopleInput, full: PersonMention[]): void {
  const { tokens, sentences, mentions } = input;
  // the sentence-independent tests once per mention, in mention order; few mentions pass
  const heads = mentions.filter((m) => m.kind === 'sector' && /\.(GOV|MIL)$/.test(m.id)
    && /^(includes|included|including|comprises|comprised|consists|is|was|led)$/.test(tokens[m.tokenEnd]?.lower ?? ''));
  if (heads.length === 0) return;
for (const s of sentences) {
  for (const m of heads) {
    if (m.sentence !== s.index) continue;
    const state = m.id.split('.')[0];
    if (!state) continue;
    for (let i = 0; i < full.length; i++) {
      const p = full[i];
      if (p && p.sentence === s.index && p.tokenStart > m.tokenEnd && !p.affiliation) full[i] = { ...p, affiliation: state };
    }
  }
}
}

/** Surname (and "particle surname") keys of people already named in full. */
function surnameIndex(full: readonly PersonMention[]): Map<string, PersonMention> {
const bySurname = new Map<string, PersonMention>();
for (const p of full) {
  const parts = p.name.split(/\s+/);
  const lastWord = parts[parts.length - 1];
  if (lastWord) bySurname.set(lastWord.toLowerCase(), p);
  const lastHyphen = lastWord?.split('-').pop();
  if (lastHyphen && lastHyphen !== lastWord) bySurname.set(lastHyphen.toLowerCase(), p);
  // "De Mistura" after "Staffan de Mistura"; "Kim" for Korean names written family name first
  for (let k = 1; k < parts.length - 1; k++) {
    const part = parts[k];
    if (part && PARTICLES.has(part.toLowerCase())) bySurname.set(parts.slice(k).join(' ').toLowerCase(), p);
  }
}
  return bySurname;
}

/** A well-known person written by initials ("MBS"): capital runs never hold them, the dictionary does. */
function knownInitials(st: NameState, out: PersonMention[]): void {
  const { input, known, blocked, full } = st;
  const { tokens } = input;
for (let i = 0; i < tokens.length; i++) {
  const tk = tokens[i];
  if (!tk?.cap || tk.text.length < 2 || blocked[i] === 1 || !isAllCaps(tk.text)) continue;
  const kp = known.byName.get(tk.text);
  if (!kp) continue;
  const firstFull = full.find((p) => p.id === kp.id || known.byName.get(p.name)?.id === kp.id);
  const title = known.titleIn(kp, input.year);
  out.push({
    id: firstFull?.id ?? kp.id, name: firstFull?.name ?? tk.text, start: tk.start, end: tk.end, sentence: tk.sentence, tokenStart: i, tokenEnd: i + 1,
    ...(firstFull ? {} : { ...(title ? { title } : {}), ...(kp.affiliation ? { affiliation: kp.affiliation } : {}) }), rule: 'person:known-initials',
  });
}
}

/** Lone surnames: someone named in full before, or someone the dictionary knows. */
function resolvePending(st: NameState, bySurname: Map<string, PersonMention>, out: PersonMention[]): void {
  const { input, known, full, pending } = st;
  const { text, tokens } = input;
for (const { run, sentence } of pending) {
  const first = tokens[run.start];
  const last = tokens[run.end - 1];
  if (!first || !last) continue;
  const surface = text.slice(first.start, last.end);
  // most lone names are one word, whose lower case the token already holds
  const key = first === last && first.shape === 'word' && first.text === surface ? first.lower : surface.toLowerCase();
  const lastWord = afterLastSeparator(key);
  let hit = bySurname.get(key) ?? bySurname.get(lastWord) ?? byFullName(full, surface);
  if (!hit) {
    // a well-known surname standing alone: "Putin said", "talks with Erdogan"
    const kp = known.byName.get(surface);
    if (!kp) continue;
    const title = known.titleIn(kp, input.year);
    hit = {
      id: kp.id, name: kp.name, start: first.start, end: last.end, sentence: sentence.index, tokenStart: run.start, tokenEnd: run.end,
      ...(title ? { title } : {}), ...(kp.affiliation ? { affiliation: kp.affiliation } : {}), rule: 'person:known',
    };
    full.push(hit);
    bySurname.set(lastWord, hit);
    out.push(hit);
    continue;
  }
  out.push({
    id: hit.id, name: hit.name, start: first.start, end: last.end, sentence: sentence.index,
    tokenStart: run.start, tokenEnd: run.end, rule: 'person:surname',
  });
}
}


// One buffer for every call, cleared per document: a fresh typed array per document costs
// more than clearing one (findPeople is not re-entered while it runs).
let blockedBuffer: Blocked = new Uint8Array(4096);

function blockedFor(n: number): Blocked {
  if (blockedBuffer.length < n) blockedBuffer = new Uint8Array(Math.max(n, 2 * blockedBuffer.length));
  blockedBuffer.fill(0, 0, n);
  return blockedBuffer;
}

const WHERE = /^(in|at|from|near|to|into|outside|inside|toward|towards|around|across|via|between|of)$/;

/** "Ramon Acosta Vera", "Victoria Nuland": a one-word town in the gazetteer, not after a word of place, right before a name word, is a first name. */
function firstNameNotPlace(tokens: readonly Token[], m: Mention, blocked: Blocked): boolean {
  if (m.kind !== 'place' || m.tokenEnd !== m.tokenStart + 1) return false;
  if (WHERE.test(tokens[m.tokenStart - 1]?.lower ?? '')) return false;
  const next = tokens[m.tokenEnd];
  return isNameWord(next, blocked, m.tokenEnd) && !PARTICLES.has(next?.lower ?? '');
}

/** Places the person finder read as first names (see firstNameNotPlace): they are no place. */
export function placesInNames(tokens: readonly Token[], mentions: readonly Mention[], people: readonly PersonMention[]): Mention[] {
  const inName = (m: Mention): boolean => m.kind === 'place' && people.some((p) => p.tokenStart <= m.tokenStart && m.tokenStart < p.tokenEnd);
  return mentions.some(inName) ? mentions.filter((m) => !inName(m)) : [...mentions];
}

export function findPeople(input: PeopleInput): PersonMention[] {
  const { sentences, mentions } = input;
  const known = loadKnownPeople();
  // tokens covered by gazetteer mentions never start or continue a name
  const blocked = blockedFor(input.tokens.length);
  // one slot past the last token: a mention may end there
  const mentionEndingAt = new Array<Mention | undefined>(input.tokens.length + 1);
  const mentionStartingAt = new Array<Mention | undefined>(input.tokens.length + 1);
  const starts = new Set<number>();
  for (const m of mentions) if (m.kind !== 'person') starts.add(m.tokenStart);
  for (const m of mentions) {
    if (m.kind === 'person') continue;
    if (!starts.has(m.tokenEnd) && firstNameNotPlace(input.tokens, m, blocked)) continue;
    for (let k = m.tokenStart; k < m.tokenEnd; k++) blocked[k] = 1;
    mentionEndingAt[m.tokenEnd] = m;
    mentionStartingAt[m.tokenStart] = m;
  }

  const full: PersonMention[] = [];
  const personEndingAt = new Map<number, PersonMention>();
  const knownAffiliation = new Map<string, string>();
  const surnameSoFar = new Map<string, PersonMention>();
  const pending: { run: NameRun; sentence: Sentence }[] = [];

  const st: NameState = { input, known, blocked, mentionEndingAt, mentionStartingAt, full, personEndingAt, knownAffiliation, surnameSoFar, pending };
  for (const s of sentences) namesInSentence(st, s);
  delegationMembers(input, full);
  const bySurname = surnameIndex(full);
  const out: PersonMention[] = [...full];
  knownInitials(st, out);
  resolvePending(st, bySurname, out);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** What `s.split(/[\s-]+/).pop()` gives, without the array: the text after the last space or hyphen. */
function afterLastSeparator(s: string): string {
  for (let p = s.length - 1; p >= 0; p--) {
    const c = s.charCodeAt(p);
    if (c === 45 || c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(s.charAt(p)))) return s.slice(p + 1);
  }
  return s;
}

function byFullName(full: readonly PersonMention[], surface: string): PersonMention | undefined {
  return full.find((p) => p.name === surface);
}
