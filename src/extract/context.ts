// Everything the rules read about one article, computed once: sentences, tokens, mentions
// (gazetteer, people, collective nouns), times, ordinals and cue matches per sentence.
import type { Article } from '../ingest/index.js';
import {
  findDurations, scanMentions, findOrdinals, findPeople, placesInNames, timesBySentence, loadGazetteer, loadLexicon, splitSentences,
  slug, tokenize, withTokenRanges,
  type CueClass, type CuePayload, type Duration, type Gazetteer, type Lexicon, type Mention, type PersonMention,
  type PhraseMatch, type RoundOrdinal, type Sentence, type TimeExpr, type Token,
} from '../nlp/index.js';
import type { Evidence, Topic } from '../record.js';

/** An actor as a rule sees it: an id per RECORD.md and where it was written. */
export interface ActorRef {
  readonly id: string;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly sentence: number;
  readonly kind: 'state' | 'adj' | 'capital' | 'sector' | 'org' | 'group' | 'person' | 'collective' | 'sides';
  readonly rule: string;
  /** For persons: their affiliation, so a person can stand for the actor they speak for. */
  readonly affiliation?: string;
  /** For a sector noun with no state ("the opposition"): resolved against the conflict. */
  readonly sector?: string;
  readonly size?: number;
  /** For persons named after their title ("President Isaias Afwerki"): where the title begins, so lists read across it. */
  readonly titleStart?: number;
}

export interface PlaceRef {
  readonly id: string;
  readonly country?: string;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly sentence: number;
  readonly rule: string;
  readonly capital: boolean;
}

export type Cue = PhraseMatch<CuePayload>;

export interface Context {
  readonly docId: string;
  readonly text: string;
  readonly published?: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly people: readonly PersonMention[];
  readonly actors: readonly ActorRef[];
  readonly places: readonly PlaceRef[];
  readonly durations: readonly Duration[];
  readonly ordinals: readonly RoundOrdinal[];
  readonly lexicon: Lexicon;
  readonly gazetteer: Gazetteer;
  /** Cue matches per sentence and class, computed lazily: most sentences need few classes. */
  cues(sentence: number, cls: CueClass): readonly Cue[];
  /** Topic phrases of a sentence, scanned once. */
  topicsIn(sentence: number): readonly PhraseMatch<{ readonly topic: Topic }>[];
  /** Actors per sentence, in text order. */
  actorsIn(sentence: number): readonly ActorRef[];
  placesIn(sentence: number): readonly PlaceRef[];
  /** Read on first asking (see timesBySentence). */
  timesIn(sentence: number): readonly TimeExpr[];
  /** Token index of the token starting at or after a character offset. */
  tokenAt(offset: number): number;
  evidence(sentence: number, tokenStart: number, tokenEnd: number, rule: string, slot?: string): Evidence;
  /** The place of the dateline ("GENEVA —", "DOHA, March 3 (Reuters) -"), when there is one. */
  readonly dateline?: PlaceRef;
  /** ISO3 of the state a place lies in. */
  placeCountry(id: string): string | undefined;
  /** The document's conflict state (ISO3), once decided. */
  conflict?: string;
}

const NO_CUES: readonly Cue[] = [];

// Every actor and every place is made by one of these two, with every key set (undefined when
// absent) in one order: the rules read them in their hottest loops, and one hidden class keeps
// those reads monomorphic where a shape per kind of mention made them megamorphic.
function actorRef(
  id: string, tokenStart: number, tokenEnd: number, sentence: number, kind: ActorRef['kind'], rule: string,
  affiliation: string | undefined, sector: string | undefined, size: number | undefined, titleStart?: number,
): ActorRef {
  return { id, tokenStart, tokenEnd, sentence, kind, rule, affiliation, sector, size, titleStart };
}

function placeRef(id: string, country: string | undefined, tokenStart: number, tokenEnd: number, sentence: number, rule: string, capital: boolean): PlaceRef {
  return { id, country, tokenStart, tokenEnd, sentence, rule, capital };
}

function groupBy<T extends { readonly sentence: number }>(items: readonly T[], n: number): T[][] {
  // a plain loop: Array.from over an array-like with a map function is a slow generic path
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push([]);
  for (const it of items) out[it.sentence]?.push(it);
  return out;
}

/** Gazetteer mentions as actors and places; their tokens are marked covered. */
function refsFromMentions(text: string, mentions: readonly Mention[], gazetteer: Gazetteer, covered: Uint8Array, actors: ActorRef[], places: PlaceRef[]): void {
  // literals, not spreads of a shared base: this runs for every mention of every article
  const actor = (m: Mention, id: string, kind: ActorRef['kind'], sector?: string): ActorRef =>
    actorRef(id, m.tokenStart, m.tokenEnd, m.sentence, kind, m.rule, undefined, sector, undefined);
  const place = (m: Mention, id: string, country: string | undefined, capital: boolean): PlaceRef =>
    placeRef(id, country, m.tokenStart, m.tokenEnd, m.sentence, m.rule, capital);
  for (const m of mentions) {
    for (let k = m.tokenStart; k < m.tokenEnd; k++) covered[k] = 1;
    switch (m.kind) {
      case 'state': {
        actors.push(actor(m, m.id, 'state'));
        // a city-state names its capital too: "the Singapore summit"
        const st = gazetteer.state(m.id);
        const capital = st?.capital ?? (st ? `${slug(text.slice(m.start, m.end))}@${st.iso2}` : undefined);
        const cap = capital ? gazetteer.place(capital) : undefined;
        if (cap && cap.name === text.slice(m.start, m.end)) places.push(place(m, cap.id, m.id, true));
        break;
      }
      case 'state_adj': if (m.country) actors.push(actor(m, m.country, 'adj')); break;
      case 'capital':
        if (m.country) actors.push(actor(m, m.country, 'capital'));
        places.push(place(m, m.id, m.country, true));
        break;
      case 'sector':
        if (m.id.startsWith('?.')) actors.push(actor(m, m.id, 'collective', m.id.slice(2)));
        else actors.push(actor(m, m.id, 'sector'));
        break;
      case 'org': actors.push(actor(m, m.id, 'org')); break;
      case 'group': actors.push(actor(m, m.id, 'group')); break;
      case 'place': places.push(place(m, m.id, m.country, false)); break;
      case 'person': break;
    }
  }
}

/** People as actors, each speaking for the side its full mention named. */
function refsFromPeople(people: readonly PersonMention[], covered: Uint8Array, actors: ActorRef[]): void {
  // a surname mention speaks for whoever the full mention said the person speaks for
  const affiliationOf = new Map<string, string>();
  for (const p of people) if (p.affiliation && !affiliationOf.has(p.id)) affiliationOf.set(p.id, p.affiliation);
  for (const p of people) {
    for (let k = p.tokenStart; k < p.tokenEnd; k++) covered[k] = 1;
    const known = p.affiliation ?? affiliationOf.get(p.id);
    // a side still to be resolved against the conflict stays off the actor (see readPeople)
    const affiliation = known?.startsWith('?.') ? undefined : known;
    const titleStart = p.titleSpan && p.titleSpan[1] === p.tokenStart ? p.titleSpan[0] : undefined;
    actors.push(actorRef(p.id, p.tokenStart, p.tokenEnd, p.sentence, 'person', p.rule, affiliation || undefined, undefined, undefined, titleStart));
  }
}

/** Collective nouns the gazetteer did not claim: "the opposition", "government forces", "warring sides". */
function collectiveRefs(sentences: readonly Sentence[], tokens: readonly Token[], cuesOf: (i: number) => Map<CueClass, Cue[]>, covered: Uint8Array, actors: ActorRef[]): void {
  for (const s of sentences) {
    for (const c of cuesOf(s.index).get('collective') ?? NO_CUES) {
      let clash = false;
      for (let k = c.start; k < c.end; k++) if (covered[k]) clash = true;
      if (clash) continue;
      const sector = c.entry.payload.sector;
      if (!sector) continue;
      // "a 20-member opposition team": the delegation's size
      let size: number | undefined;
      const t1 = tokens[c.start - 1];
      const t2 = tokens[c.start - 2];
      const t3 = tokens[c.start - 3];
      if (t1?.lower === 'member' && t2?.text === '-' && t3?.shape === 'number') size = Number(t3.text);
      const kind = sector === 'SIDES' ? 'sides' : 'collective';
      actors.push(actorRef(`?.${sector}`, c.start, c.end, s.index, kind, c.entry.id, undefined, sector, size || undefined));
      for (let k = c.start; k < c.end; k++) covered[k] = 1;
    }
  }
}

export function buildContext(article: Article): Context {
  const text = article.text;
  const lexicon = loadLexicon();
  const gazetteer = loadGazetteer();
  const rawSentences = splitSentences(text);
  const tokens = tokenize(text, rawSentences);
  const sentences = withTokenRanges(rawSentences, tokens);
  const scan = scanMentions(text, tokens, gazetteer);
  const mentions = scan.mentions;
  const institutions = new Map<number, string>();
  for (const m of mentions) if (m.kind === 'sector' && !m.id.startsWith('?')) institutions.set(m.tokenStart, m.id);
  const year = article.published ? Number(article.published.slice(0, 4)) : undefined;
  // state-less sector phrases ("the government's chief negotiator") give people a side that the
  // conflict resolves later: they enter as "?.GOV"-style mentions for the people pass only
  const bare: Mention[] = scan.cues.map((c) => ({ kind: 'sector', id: `?.${c.sector}`, start: c.start, end: c.end, sentence: c.sentence, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, rule: c.rule }));
  const people = findPeople({ text, tokens, sentences, mentions: bare.length ? [...mentions, ...bare].sort((a, b) => a.tokenStart - b.tokenStart) : mentions, lexicon, institutions, ...(year ? { year } : {}) });
  const published = article.published;
  const timesIn = timesBySentence(text, sentences, published);
  const durations = findDurations(text, sentences);
  const ordinals = findOrdinals(text, sentences);

  // every cue class of a sentence in one trie walk, on first need
  const cueCache: (Map<CueClass, Cue[]> | undefined)[] = new Array(sentences.length);
  const cuesOf = (i: number): Map<CueClass, Cue[]> => {
    let all = cueCache[i];
    if (!all) {
      const s = sentences[i];
      all = s ? lexicon.allCues.scanAll(tokens, s.tokenStart, s.tokenEnd) : new Map();
      cueCache[i] = all;
    }
    return all;
  };
  // one flag per token (mentions and cues lie within the tokens): cheaper than a set of indices
  const covered = new Uint8Array(tokens.length);
  const actors: ActorRef[] = [];
  const places: PlaceRef[] = [];
  refsFromMentions(text, placesInNames(tokens, mentions, people), gazetteer, covered, actors, places);
  refsFromPeople(people, covered, actors);
  for (const c of scan.cues) {
    actors.push(actorRef(`?.${c.sector}`, c.tokenStart, c.tokenEnd, c.sentence, 'collective', c.rule, undefined, c.sector, undefined));
    for (let k = c.tokenStart; k < c.tokenEnd; k++) covered[k] = 1;
  }
  collectiveRefs(sentences, tokens, cuesOf, covered, actors);
  actors.sort((a, b) => a.tokenStart - b.tokenStart);
  places.sort((a, b) => a.tokenStart - b.tokenStart);

  const dateline = findDateline(tokens, sentences, gazetteer);
  const n = sentences.length;
  const actorsBy = groupBy(actors, n);
  const placesBy = groupBy(places, n);
  const topicCache: (PhraseMatch<{ readonly topic: Topic }>[] | undefined)[] = new Array(sentences.length);
  const docId = article.id;

  // every key is set, even when undefined, and in one order: all contexts then share one hidden
  // class, and the rules' property reads stay monomorphic
  return {
    docId, text, published: published || undefined, dateline, sentences, tokens, mentions, people, actors, places,
    durations, ordinals, lexicon, gazetteer, conflict: undefined,
    cues: (sentence, cls) => cuesOf(sentence).get(cls) ?? NO_CUES,
    topicsIn(sentence) {
      let hit = topicCache[sentence];
      if (!hit) {
        const s = sentences[sentence];
        hit = s ? lexicon.topics.scan(tokens, s.tokenStart, s.tokenEnd) : [];
        topicCache[sentence] = hit;
      }
      return hit;
    },
    placeCountry: (id) => gazetteer.place(id)?.iso3,
    actorsIn: (i) => actorsBy[i] ?? [],
    placesIn: (i) => placesBy[i] ?? [],
    timesIn,
    tokenAt(offset) {
      let lo = 0;
      let hi = tokens.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    evidence(sentenceHint, tokenStart, tokenEnd, rule, slot) {
      // the sentence is the one holding the span's first token, whatever the caller was reading
      const sentence = tokens[tokenStart]?.sentence ?? sentenceHint;
      const s = sentences[sentence];
      const a = tokens[tokenStart]?.start ?? s?.start ?? 0;
      const b = tokens[Math.max(tokenStart, tokenEnd - 1)]?.end ?? s?.end ?? a;
      const end = Math.max(a, b);
      return slot ? { doc: docId, sentence, start: a, end, rule, slot } : { doc: docId, sentence, start: a, end, rule };
    },
  };
}

/** A dateline opens one of the first paragraphs: an upper-case place, then a dash, comma or bracket. */
function findDateline(tokens: readonly Token[], sentences: readonly Sentence[], gaz: Gazetteer): PlaceRef | undefined {
  for (const s of sentences.slice(0, 4)) {
    let k = s.tokenStart;
    const words: string[] = [];
    while (k < s.tokenEnd && k < s.tokenStart + 4) {
      const t = tokens[k];
      if (!t || t.shape !== 'word' || t.text !== t.text.toUpperCase() || t.text.length < 2) break;
      words.push(t.text.charAt(0) + t.text.slice(1).toLowerCase());
      k++;
    }
    const nextToken = tokens[k];
    const next = nextToken?.text ?? '';
    if (words.length === 0 || !/^[—–\-,(]$/.test(next)) continue;
    // "ASTANA-8" is a name, not a dateline: a dateline's dash stands apart
    if (next !== ',' && next !== '(' && nextToken && tokens[k - 1]?.end === nextToken.start) continue;
    const name = words.join(' ');
    const first = words[0] ?? '';
    for (const e of gaz.names.get(first) ?? []) {
      const full = [first, ...e.rest].join(' ');
      if (full !== name) continue;
      if (e.target.kind !== 'place') continue;
      const id = e.target.id;
      const iso3 = gaz.place(id)?.iso3;
      return placeRef(id, iso3 || undefined, s.tokenStart, k, s.index, 'dateline', gaz.capitalOf.has(id));
    }
  }
  return undefined;
}
