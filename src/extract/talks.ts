// Processes and their rounds, read sentence by sentence with a small discourse memory: the
// process in focus, the round last referred to, and the "current" round of each process.
import type { Evidence, Role, Topic } from '../record.js';
import type { PhraseMatch, RoundOrdinal, Sentence, TimeExpr, Token } from '../nlp/index.js';
import { slug } from '../nlp/index.js';
import { brokerRefs, listAt, numberedGroup, resolveActor, stateOf } from './actors.js';
import type { ActorRef, Context, Cue, PlaceRef } from './context.js';
import { addEvidence, addParticipant, processDraft, type Drafts, type ProcessDraft, type RoundDraft } from './draft.js';
import { topicsAfter } from './topics.js';

interface ProcessMention {
  readonly id: string;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly rule: string;
  readonly ordinal?: number;
  /** The process was named after a place ("Astana talks", "talks in Jeddah"). */
  readonly place?: PlaceRef;
  /** Named by a single sitting ("the Hanoi Summit"): the place is also the venue. */
  readonly sitting?: boolean;
  readonly name: string;
}

interface RoundNp {
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly kind: 'sitting' | 'track';
  readonly value?: number;
  readonly relative?: RoundOrdinal['relative'];
  readonly plural: boolean;
  readonly definite: boolean;
  readonly another: boolean;
  readonly rule: string;
  process?: ProcessMention;
}

const IN_AT = /^(in|at|to)$/;
const VENUE_SKIP = /^(the|capital|city|resort|town|port|of|’|'|s|coastal|seaside|southern|northern|eastern|western|central|border|lakeside|,)$/;
// "at a castle north of Stockholm", "at a hotel outside Doha": a building by the city it is near
const VENUE_BUILDING = /^(a|an|castle|hotel|palace|villa|estate|compound|retreat|manor|lodge|mansion|residence|complex|base|airbase|centre|center|conference|luxury|government|presidential|state|guest|house|guesthouse|north|south|east|west|northeast|northwest|southeast|southwest|outside|near|just|miles|kilometres|kilometers|km)$/;
// a truce's length ("a 30-day humanitarian truce starting on Saturday") is not the sitting's
const NOT_SITTING_SPANS = /^(ceasefire|truce)$/;
const BEGIN_CUE = /^(began|begun|started|launched|kicked|initiated|inaugurated|established|created|formed)$/;
// agenda cues that follow what they put on the table: "X and Y are on the table"
const AFTER_TOPICS = /^(on the table|on the agenda|central item|priority|priorities)$/i;
const PLURAL_SITTINGS = /^(rounds|sessions|summits|meetings|conferences|congresses|phases|sittings|legs|editions)$/;
const PROCESS_NOUN = /(process|format|track|initiative|mediation|contact group)$/;
const DEFINITE = /^(the|those|these|this|that|its|their)$/;
// sentence openings that refer back to the sitting just named
const CONTINUES = /^(it|there|they|both)$/;
const ATTEND = /^(attend|attends|attended|attending|join|joins|joined|joining|participate|participates|participated|participating|take|takes|took|taking)$/;

export function processIdOfPlace(p: PlaceRef): string {
  const head = p.id.split('@')[0] ?? p.id;
  return head;
}

/** Where a head's sitting meets: a place we know, or only the state it is in; `at` is the "in"/"at". */
export type Venue = { place?: PlaceRef; state?: string; at: number };

/** The place after "in/at" within a few tokens: "in Kazakhstan’s capital of Astana" → Astana. */
export function venueAfter(ctx: Context, sentence: number, from: number, to: number): Venue | undefined {
  const t = ctx.tokens;
  const places = ctx.placesIn(sentence);
  for (let k = from; k < to; k++) {
    // "since the leaders last met in Berlin": a venue of another time
    if (/^(since|until|before|after|when|while|whereas|unlike)$/.test(t[k]?.lower ?? '')) break;
    if (!IN_AT.test(t[k]?.lower ?? '')) continue;
    if (t[k - 1]?.lower === 'not') continue; // "not in the Kazakh capital … but in Sochi"
    let state: string | undefined;
    for (let q = k + 1; q < Math.min(to, k + 9); q++) {
      const p = places.find((x) => x.tokenStart === q);
      if (p && p.id.endsWith('@XZ')) { q = p.tokenEnd - 1; continue; }
      if (p) return { place: p, ...(state ? { state } : {}), at: k };
      // "in Kazakhstan’s capital of Astana", "in the Qatari capital, Doha"
      const a = ctx.actorsIn(sentence).find((x) => x.tokenStart === q && (x.kind === 'state' || x.kind === 'adj'));
      if (a) { state = a.id; q = a.tokenEnd - 1; continue; }
      if (!VENUE_SKIP.test(t[q]?.lower ?? '') && !VENUE_BUILDING.test(t[q]?.lower ?? '') && t[q]?.cap !== true && t[q]?.shape !== 'number') break;
      if (t[q]?.cap && !VENUE_SKIP.test(t[q]?.lower ?? '')) {
        // a capitalised word that is not a place we know ends the search
        if (q > k + 1) break;
      }
    }
    // "a memorandum on four de-escalation zones in Syria": the war's own country, named well
    // after the head, is where the talks are about, not where they sit
    if (state && !(state === ctx.conflict && k - from > 6)) return { state, at: k };
  }
  return undefined;
}

export interface ActorList {
  readonly ids: string[];
  /** Who the list names: brokers ("the two mediators"), sides of the talks, or just states. */
  readonly kind: 'brokers' | 'parties' | 'states';
}

export interface TalksMemory {
  /** Coordinated lists of states, for "the three states". */
  readonly lists: ActorList[];
}

export function readTalks(ctx: Context, d: Drafts): TalksMemory {
  // The reading is split into small methods of one reader: V8 leaves functions of more than ~2,000
  // bytes of bytecode unoptimised (src/tune.ts), and one long loop here would always run slowly.
  const reader = new TalksReader(ctx, d);
  for (const s of ctx.sentences) reader.readSentence(s);
  reader.numberRelativeRounds();
  return reader.memory;
}

/** A round phrase that heads a stretch of its sentence, whose slots it takes. */
interface Segment {
  readonly si: number;
  readonly sentence: Sentence;
  readonly np: RoundNp;
  readonly segStart: number;
  readonly segEnd: number;
}

/** A head read as a sitting: its process, its round, and what the segment says of them. */
interface SittingHead extends Segment {
  readonly pm: ProcessMention | undefined;
  readonly venue: Venue | undefined;
  readonly proc: ProcessDraft;
  readonly round: RoundDraft;
  readonly time: TimeExpr | undefined;
  readonly npEv: Evidence;
  /** The segment says the sitting began ("opened on December 6"). */
  readonly beginCue: boolean;
}

interface Leader {
  readonly ref: ActorRef;
  readonly id: string;
  readonly at: number;
}

function inSeg(seg: Segment, k: number): boolean {
  return k >= seg.segStart && k < seg.segEnd;
}

// The article-wide lookups are built by functions of their own: a deopt in one of them (an array
// seen with a new elements kind) then recompiles only that small function.
function namedFormatsOf(processNames: readonly PhraseMatch<{ readonly id: string }>[][]): Set<string> {
  const namedFormats = new Set<string>();
  for (const ms of processNames) for (const m of ms) namedFormats.add(m.entry.payload.id);
  return namedFormats;
}

function venueNamedTracksOf(ctx: Context): Set<string> {
  const t = ctx.tokens;
  const venueNamedTracks = new Set<string>();
  for (const p of ctx.places) {
    const next = ctx.cues(p.sentence, 'track').find((c) => c.start === p.tokenEnd || (c.start === p.tokenEnd + 1 && t[p.tokenEnd]?.lower === 'peace'));
    if (next) venueNamedTracks.add(processIdOfPlace(p));
  }
  return venueNamedTracks;
}

function ordinalsBySentence(ctx: Context): RoundOrdinal[][] {
  const ordinalsBy: RoundOrdinal[][] = ctx.sentences.map(() => []);
  for (const o of ctx.ordinals) ordinalsBy[o.sentence]?.push(o);
  return ordinalsBy;
}

/**
 * The discourse state of one article — the process in focus, the round last referred to, the
 * "current" round of each process, the lists of actors named so far — and the rules that read it.
 */
class TalksReader {
  readonly memory: TalksMemory;
  private readonly ctx: Context;
  private readonly d: Drafts;
  private readonly t: readonly Token[];
  private focus: ProcessDraft | undefined;
  private lastRound: RoundDraft | undefined;
  private focusSentence: number;
  /** The last sentence read as going on about the sitting before it (see continuesRound). */
  private continued = -1;
  private readonly current: Map<string, RoundDraft>;
  private readonly processNames: PhraseMatch<{ readonly id: string; readonly conflict?: string }>[][];
  private readonly namedFormats: Set<string>;
  private readonly venueNamedTracks: Set<string>;
  private readonly ordinalsBy: RoundOrdinal[][];

  constructor(ctx: Context, d: Drafts) {
    this.ctx = ctx;
    this.d = d;
    this.memory = { lists: [] };
    const t = ctx.tokens;
    this.t = t;
    this.focus = undefined;
    this.lastRound = undefined;
    this.focusSentence = -1;
    this.current = new Map<string, RoundDraft>();
    // processes the article knows by name, and places it names tracks after ("the Astana talks")
    this.processNames = ctx.sentences.map((s) => ctx.lexicon.processes.scan(t, s.tokenStart, s.tokenEnd));
    this.namedFormats = namedFormatsOf(this.processNames);
    this.venueNamedTracks = venueNamedTracksOf(ctx);
    this.ordinalsBy = ordinalsBySentence(ctx);
  }

  readSentence(s: Sentence): void {
    const ctx = this.ctx;
    const si = s.index;
    const sitting = ctx.cues(si, 'sitting');
    const track = ctx.cues(si, 'track');
    const ords = this.ordinalsBy[si] ?? [];
    if (sitting.length === 0 && track.length === 0 && ords.length === 0) {
      this.readSentenceWithoutRound(si);
      return;
    }

    // 1. processes named in this sentence
    const named: ProcessMention[] = [];
    this.numberedProcesses(si, ords, named);
    this.venueNamedProcesses(si, sitting, track, named);
    this.lexiconProcesses(si, named);
    this.dropInsideNamed(named);

    // 2. the round noun phrases
    const covered = new Set<number>();
    const nps = this.numberedPhrases(ords, covered);
    this.nounPhrases(s, named, sitting, track, covered, nps);
    nps.sort((a, b) => a.tokenStart - b.tokenStart);
    this.mergeNumberedNames(nps, named);
    const heads = this.headsOf(nps, named);

    // 3. each head gets its process, its round (or the process itself), and the slots of its segment
    for (let h = 0; h < heads.length; h++) {
      const np = heads[h];
      if (!np) continue;
      const segStart = h === 0 ? s.tokenStart : np.tokenStart;
      const segEnd = heads[h + 1]?.tokenStart ?? s.tokenEnd;
      this.readHead({ si, sentence: s, np, segStart, segEnd }, named);
    }
    this.rememberLists(si);
  }

  private readSentenceWithoutRound(si: number): void {
    // "Mexico, Venezuela, Cuba and Norway act as guarantors": the talks in focus
    if (this.focus) this.addBrokers(this.focus, si, (b) => b.entry.id !== 'broker:proposal');
    const focus = this.focus;
    const lastRound = this.lastRound;
    if (focus && lastRound && lastRound.process === focus.id && lastRound.lastSentence >= si - 2) this.attendance(focus, lastRound, si);
    if (lastRound && this.continuesRound(lastRound, si)) this.demandsOnTable(lastRound, si);
    this.rememberLists(si);
  }

  /**
   * "Their second summit was in Hanoi. It ended quickly because …", "There, Kim asked Trump for
   * sanctions relief": a sentence opening on a pronoun for the sitting just named goes on about it.
   * The chain holds while each sentence so opens.
   */
  private continuesRound(round: RoundDraft, si: number): boolean {
    const s = this.ctx.sentences[si];
    if (!s || !CONTINUES.test(this.t[s.tokenStart]?.lower ?? '')) return false;
    if (round.lastSentence === si - 1 || this.continued === si - 1) {
      this.continued = si;
      return true;
    }
    return false;
  }

  /** What each side asked for at a sitting was on its table: "Washington’s call for full denuclearization". */
  private demandsOnTable(round: RoundDraft, si: number): void {
    const ctx = this.ctx;
    const s = ctx.sentences[si];
    if (!s) return;
    for (const c of ctx.cues(si, 'demand')) {
      for (const tp of topicsAfter(ctx, si, c.end, Math.min(s.tokenEnd, c.end + 8))) {
        if (tp.topic === 'no_progress' || tp.topic === 'agreement' || tp.topic === 'conference' || round.agenda.has(tp.topic)) continue;
        round.agenda.add(tp.topic);
        addEvidence(round.evidence, ctx.evidence(si, c.start, tp.end, `agenda:demand-at-sitting:${tp.rule}`, `agenda.${tp.topic}`));
      }
    }
  }

  // ---- 1. processes named in the sentence

  private numberedProcesses(si: number, ords: readonly RoundOrdinal[], named: ProcessMention[]): void {
    const ctx = this.ctx;
    for (const o of ords) {
      if (o.value === undefined || !o.process) continue;
      const k = ctx.tokenAt(o.start);
      const place = ctx.placesIn(si).find((p) => p.tokenStart === k);
      // "Benigno Aquino III" is a name, not the third round of an Aquino process
      if (!place && o.rule.includes('heuristic')) continue;
      named.push({ id: place ? processIdOfPlace(place) : slug(o.process), tokenStart: k, tokenEnd: ctx.tokenAt(o.end), rule: `process:numbered:${o.rule}`, ordinal: o.value, ...(place ? { place } : {}), name: o.process });
    }
  }

  private venueNamedProcesses(si: number, sitting: readonly Cue[], track: readonly Cue[], named: ProcessMention[]): void {
    const ctx = this.ctx;
    const t = this.t;
    for (const p of ctx.placesIn(si)) {
      let k = p.tokenEnd;
      if (t[k]?.lower === 'peace') k++;
      const cue = [...sitting, ...track].find((c) => c.start === k);
      if (!cue) continue;
      if (named.some((n) => n.tokenStart === p.tokenStart)) continue;
      named.push({
        id: processIdOfPlace(p), tokenStart: p.tokenStart, tokenEnd: cue.end, rule: `process:venue-noun:${cue.entry.id}`, place: p,
        sitting: cue.entry.id === 'sitting:round' && !/^(round|rounds|session|sessions)$/.test(t[cue.start]?.lower ?? ''),
        name: ctx.text.slice(t[p.tokenStart]?.start ?? 0, t[cue.end - 1]?.end ?? 0),
      });
    }
  }

  private lexiconProcesses(si: number, named: ProcessMention[]): void {
    const t = this.t;
    for (const m of this.processNames[si] ?? []) {
      named.push({
        id: m.entry.payload.id, tokenStart: m.start, tokenEnd: m.end, rule: m.entry.id, sitting: false,
        name: this.ctx.text.slice(t[m.start]?.start ?? 0, t[m.end - 1]?.end ?? 0),
      });
    }
  }

  private dropInsideNamed(named: ProcessMention[]): void {
    for (let i = named.length - 1; i >= 0; i--) {
      const n = named[i];
      if (n && !n.rule.startsWith('process:named') && named.some((m) => m !== n && m.rule.startsWith('process:named') && m.tokenStart < n.tokenEnd && n.tokenStart < m.tokenEnd)) named.splice(i, 1);
    }
  }

  // ---- 2. the round noun phrases

  private numberedPhrases(ords: readonly RoundOrdinal[], covered: Set<number>): RoundNp[] {
    const ctx = this.ctx;
    const t = this.t;
    const nps: RoundNp[] = [];
    for (const o of ords) {
      if (o.value === undefined && !o.relative) continue;
      const a = ctx.tokenAt(o.start);
      const b = ctx.tokenAt(o.end);
      if (o.process && !o.noun) continue; // "Astana eight" is a process mention, merged below
      if (/^(every|each|any|all|no|many|several|most)$/.test(t[a - 1]?.lower ?? '')) continue; // "every previous round"
      for (let k = a; k < b; k++) covered.add(k);
      const prev = t[a - 1]?.lower ?? '';
      nps.push({
        tokenStart: a, tokenEnd: b, kind: 'sitting', plural: Boolean(o.plural), definite: DEFINITE.test(prev) || o.relative !== undefined,
        another: prev === 'another' || o.rule.endsWith(':another') || (t[b]?.lower === 'of' && t[b + 1]?.lower === 'another'), rule: `round:${o.rule}`,
        ...(o.value !== undefined ? { value: o.value } : {}), ...(o.relative ? { relative: o.relative } : {}),
      });
    }
    return nps;
  }

  private nounPhrases(s: Sentence, named: readonly ProcessMention[], sitting: readonly Cue[], track: readonly Cue[], covered: Set<number>, nps: RoundNp[]): void {
    const ctx = this.ctx;
    const t = this.t;
    const si = s.index;
    // built by push, not by spreading two maps: an empty map's array has another elements kind,
    // and each kind seen late costs the optimised code a deopt and a recompile
    const nounCues: { cue: Cue; kind: 'sitting' | 'track' }[] = [];
    for (const cue of sitting) nounCues.push({ cue, kind: 'sitting' });
    for (const cue of track) nounCues.push({ cue, kind: 'track' });
    nounCues.sort((x, y) => x.cue.start - y.cue.start);
    for (const { cue, kind } of nounCues) {
      if (covered.has(cue.start)) continue;
      // a noun inside a process name ("Astana talks") still heads a phrase of its own
      const w = t[cue.end - 1]?.lower ?? '';
      const plural = kind === 'sitting' && PLURAL_SITTINGS.test(w);
      let p = cue.start - 1;
      while (p >= s.tokenStart && (named.some((n) => n.tokenStart <= p && p < n.tokenEnd) || /^(peace|new|parallel|latest|direct|indirect|-|brokered|sponsored|backed|led|mediated|,|’|s)$/.test(t[p]?.lower ?? '') || ctx.actorsIn(si).some((a) => a.tokenStart <= p && p < a.tokenEnd))) p--;
      const prev = t[p]?.lower ?? '';
      nps.push({
        tokenStart: cue.start, tokenEnd: cue.end, kind, plural, definite: DEFINITE.test(prev), another: prev === 'another' || t[cue.start - 2]?.lower === 'another',
        rule: `round:noun:${cue.entry.id}`,
      });
      for (let k = cue.start; k < cue.end; k++) covered.add(k);
    }
  }

  private mergeNumberedNames(nps: RoundNp[], named: readonly ProcessMention[]): void {
    // "Latest round of …-brokered talks on Syria peace, Astana eight": the numbered name is the same round
    for (const n of named) {
      if (n.ordinal === undefined) continue;
      // also "The round, dubbed Geneva IV"
      const np = nps.find((x) => x.value === undefined && x.tokenStart < n.tokenStart && (x.relative || (x.kind === 'sitting' && n.tokenStart - x.tokenEnd <= 6)));
      if (np) {
        const i = nps.indexOf(np);
        nps[i] = { ...np, value: n.ordinal, process: n };
      } else {
        nps.push({ tokenStart: n.tokenStart, tokenEnd: n.tokenEnd, kind: 'sitting', value: n.ordinal, plural: false, definite: true, another: false, rule: n.rule, process: n });
        nps.sort((a, b) => a.tokenStart - b.tokenStart);
      }
    }
  }

  private headsOf(nps: readonly RoundNp[], named: readonly ProcessMention[]): RoundNp[] {
    const t = this.t;
    // drop track nouns that only continue a phrase already held ("round of the Astana talks")
    const heads: RoundNp[] = [];
    for (const np of nps) {
      const prevHead = heads[heads.length - 1];
      if (prevHead && np.kind === 'track' && np.tokenStart - prevHead.tokenEnd <= 8 && t[prevHead.tokenEnd]?.lower === 'of') {
        if (!prevHead.process) {
          const inner = named.find((n) => n.tokenStart >= prevHead.tokenEnd && n.tokenEnd <= np.tokenEnd + 1);
          if (inner) prevHead.process = inner;
        }
        continue;
      }
      // "… not in the capital that gave the process its name but in Sochi": a bare mention of the
      // track inside a sentence about a sitting does not start a new phrase
      const bare = this.ctx.text.slice(t[np.tokenStart]?.start ?? 0, t[np.tokenEnd - 1]?.end ?? 0).toLowerCase();
      if (prevHead && np.kind === 'track' && PROCESS_NOUN.test(bare) && !named.some((n) => n.tokenStart <= np.tokenStart && np.tokenStart <= n.tokenEnd)) continue;
      heads.push(np);
    }
    return heads;
  }

  // ---- 3. each head: its process, its time, its round, and the slots of its segment

  private readHead(seg: Segment, named: readonly ProcessMention[]): void {
    const { si, np, segStart, segEnd } = seg;
    let pm = this.mentionNear(seg, named);
    const venue = venueAfter(this.ctx, si, np.tokenEnd, segEnd);
    if (!pm) pm = this.mentionImplied(seg, venue);
    if (this.skipsHead(seg, pm)) return;
    const npEv = this.ctx.evidence(si, np.tokenStart, np.tokenEnd, np.rule);
    let proc = this.processOf(seg, pm, npEv);
    if (!proc) return;
    this.focus = proc;
    this.focusSentence = si;

    const time = this.timeOf(seg, pm);
    const beginCue = this.hasBeginCue(segStart, segEnd) || (time?.rule.includes('since') ?? false);
    const round = this.roundOfHead(seg, proc, pm, venue, time, beginCue);
    // "attended the talks" just after a sentence about another track's round: the round the
    // phrase refers to decides whose talks these are
    if (round && round.process !== proc.id) {
      proc = processDraft(this.d, round.process, npEv);
      this.focus = proc;
    }

    // sponsors: "Iran, Russia, Turkey-brokered talks", "under the auspices of the UN", "a Russian initiative"
    this.addBrokers(proc, si, (b, before) => inSeg(seg, b.start) || (b.end <= np.tokenStart && b.end >= np.tokenStart - 3) || (before && b.end === (pm?.tokenStart ?? -1)));
    const leaders = this.leadersOf(seg, proc);

    if (!round) {
      this.readProcessStatements(seg, proc, venue, time, beginCue);
      return;
    }
    const h: SittingHead = { si, sentence: seg.sentence, np, segStart, segEnd, pm, venue, proc, round, time, npEv, beginCue };
    this.enterRound(h);
    this.readDates(h);
    this.readVenue(h);
    this.readHost(h);
    this.readStatusVotes(h);
    this.readParticipants(h, leaders);
    this.readAgenda(h);
    this.readOutcomes(h);
  }

  /** The process the head names, or a named process right next to it or later in its segment. */
  private mentionNear(seg: Segment, named: readonly ProcessMention[]): ProcessMention | undefined {
    const np = seg.np;
    let pm = np.process ?? named.find((n) => (n.tokenStart <= np.tokenStart && np.tokenStart < n.tokenEnd + 1) || (n.tokenStart >= np.tokenEnd && n.tokenStart <= np.tokenEnd + 3));
    if (!pm) pm = named.find((n) => inSeg(seg, n.tokenStart) && n.tokenStart > np.tokenEnd);
    return pm;
  }

  /** No process named near the head: the venue's, the named format in focus, or the dateline's. */
  private mentionImplied(seg: Segment, venue: Venue | undefined): ProcessMention | undefined {
    const np = seg.np;
    const focus = this.focus;
    const t = this.t;
    // a numbered round of the talks in focus keeps its process wherever it sits: "opened a second
    // round of peace talks in Mexico City … The first round, held in Caracas"
    const numberedInFocus = focus !== undefined && !np.another && (np.value !== undefined || (np.relative !== undefined && np.relative !== 'new')) && np.kind === 'sitting' && /^(round|session|rounds)$/.test(t[np.tokenEnd - 1]?.lower ?? '');
    // "the peace process … started in Doha": a definite reference to the talks just named
    // ("the talks in Astana" still names Astana's talks: the venue right after the noun names the track)
    const definiteInFocus = np.definite && !np.another && focus !== undefined && this.focusSentence >= seg.si - 2 && np.kind === 'track' && (venue?.at ?? 0) > np.tokenEnd + 1;
    // a format known by name ("the Normandy format", "the Constitutional Committee") keeps its
    // sittings wherever they meet, unless the text names a track after that place
    const namedFocus = focus !== undefined && !np.another && this.namedFormats.has(focus.id) && !!venue?.place && !this.venueNamedTracks.has(processIdOfPlace(venue.place));
    if (venue?.place && !numberedInFocus && !definiteInFocus && !namedFocus) return this.venueMention(np, venue.place);
    // "since talks in Kuwait collapsed": talks in another country than the ones in focus are that country's
    const stateVenue = !venue?.place && venue ? this.bareState(seg.si, venue) : undefined;
    if (stateVenue && stateVenue !== this.ctx.conflict && this.namesTheWar(seg.si) && !numberedInFocus && !definiteInFocus && !namedFocus && (!focus?.venue || this.ctx.placeCountry(focus.venue) !== stateVenue)) {
      const name = this.ctx.gazetteer.states.get(stateVenue)?.name;
      if (name) return { id: slug(name), tokenStart: np.tokenStart, tokenEnd: np.tokenEnd, rule: 'process:noun-in-state', sitting: false, name };
    }
    if (namedFocus && focus) {
      return { id: focus.id, tokenStart: np.tokenStart, tokenEnd: np.tokenEnd, rule: 'process:named-focus', sitting: false, name: focus.name ?? focus.id };
    }
    const dl = this.ctx.dateline;
    if (!focus && dl && !np.another) {
      return { id: processIdOfPlace(dl), tokenStart: dl.tokenStart, tokenEnd: dl.tokenEnd, rule: 'process:dateline', place: dl, sitting: false, name: this.ctx.gazetteer.place(dl.id)?.name ?? processIdOfPlace(dl) };
    }
    return undefined;
  }

  /** The sentence names a side of the article's war: "the two sides", the state at war or a group. */
  private namesTheWar(si: number): boolean {
    const c = this.ctx.conflict;
    if (this.ctx.actorsIn(si).some((a) => a.kind === 'sides' || a.kind === 'group' || (c !== undefined && a.kind !== 'capital' && stateOf(a.id) === c))) return true;
    const s = this.ctx.sentences[si];
    if (!s) return false;
    for (let k = s.tokenStart + 1; k < s.tokenEnd; k++) if (/^(sides|parties)$/.test(this.t[k]?.lower ?? '') && /^(two|both|warring|rival)$/.test(this.t[k - 1]?.lower ?? '')) return true;
    return false;
  }

  /** "in Kuwait", the state's own name, not "in the South African capital" (a city the text leaves unnamed). */
  private bareState(si: number, venue: Venue): string | undefined {
    const t = this.t;
    const first = t[venue.at + 1]?.lower === 'the' ? venue.at + 2 : venue.at + 1;
    const a = this.ctx.actorsIn(si).find((x) => x.tokenStart === first && x.kind === 'state' && x.id === venue.state);
    if (!a || /^(capital|city|’|'|-)$/.test(t[a.tokenEnd]?.lower ?? '')) return undefined;
    return a.id;
  }

  /** "talks in Doha": the process named after the venue. */
  private venueMention(np: RoundNp, place: PlaceRef): ProcessMention {
    const t = this.t;
    return {
      id: processIdOfPlace(place), tokenStart: place.tokenStart, tokenEnd: place.tokenEnd, rule: 'process:noun-in-venue', place,
      sitting: np.kind === 'sitting' && !/^(round|rounds|session|sessions|phase|leg|sitting)$/.test(t[np.tokenStart]?.lower ?? '') && !/^(round|session)$/.test(t[np.tokenEnd - 1]?.lower ?? ''), name: this.ctx.text.slice(t[place.tokenStart]?.start ?? 0, t[place.tokenEnd - 1]?.end ?? 0),
    };
  }

  /** Heads that are not about the talks: another round of no process we know, meetings of people or of a forum. */
  private skipsHead(seg: Segment, pm: ProcessMention | undefined): boolean {
    const np = seg.np;
    const t = this.t;
    if (!pm && np.another) return true;
    // "held a separate meeting with President X": a meeting between people, read elsewhere
    if (/^meetings?$/.test(t[np.tokenStart]?.lower ?? '') && (t[np.tokenEnd]?.lower === 'with' || t[np.tokenEnd]?.lower === 'between')) return true;
    // "the G7 talks", "a NATO summit": a gathering of the forum's members, read as a meeting
    const ctx = this.ctx;
    if (ctx.actorsIn(seg.si).some((a) => a.kind === 'org' && ctx.lexicon.forums.has(a.id) && a.tokenEnd <= np.tokenStart && a.tokenEnd >= np.tokenStart - 3)) return true;
    return false;
  }

  private processOf(seg: Segment, pm: ProcessMention | undefined, npEv: Evidence): ProcessDraft | undefined {
    const np = seg.np;
    const focus = this.focus;
    const lastRound = this.lastRound;
    if (pm) {
      const proc = processDraft(this.d, pm.id, this.ctx.evidence(seg.si, pm.tokenStart, pm.tokenEnd, pm.rule));
      proc.name ??= pm.name;
      if (pm.place) proc.venue ??= pm.place.id;
      return proc;
    } else if (np.relative === 'next' && np.kind === 'sitting' && lastRound && focus && lastRound.process !== focus.id && !this.current.has(focus.id)) {
      // "the next round" while the focus is a track no sitting of which the story tells of
      // ("a political process in Geneva"): the next sitting of the talks it does follow
      return processDraft(this.d, lastRound.process, npEv);
    } else if (focus && (np.definite || np.relative || np.kind === 'track')) {
      return focus;
    }
    return undefined;
  }

  /** The time written nearest the head, within its segment. */
  private timeOf(seg: Segment, pm: ProcessMention | undefined): TimeExpr | undefined {
    const ctx = this.ctx;
    const np = seg.np;
    let time = ctx.timesIn(seg.si)
      .filter((x) => inSeg(seg, ctx.tokenAt(x.start)) && !x.rule.startsWith('past-n') && !this.saidWhen(ctx.tokenAt(x.start)) && !this.boundTime(ctx.tokenAt(x.start)))
      // chrono's readings ("in ten months") are the least sure: any rule of ours wins over them
      .map((x) => ({ x, dist: Math.abs(ctx.tokenAt(x.start) - np.tokenStart) + (x.rule.startsWith('chrono') ? 50 : 0) }))
      .sort((a, b) => a.dist - b.dist)[0]?.x;
    // "expired at the end of March … while talks continue": a time far from an unnamed mention of
    // the talks dates another clause
    if (time && np.kind === 'track' && !pm && /^(while|as|whilst|until|when)$/.test(this.t[np.tokenStart - 1]?.lower ?? '') && Math.abs(ctx.tokenAt(time.start) - np.tokenStart) > 4) time = undefined;
    return time;
  }

  /** Which round, if any. */
  private roundOfHead(seg: Segment, proc: ProcessDraft, pm: ProcessMention | undefined, venue: Venue | undefined, time: TimeExpr | undefined, beginCue: boolean): RoundDraft | undefined {
    const np = seg.np;
    const cur = this.current.get(proc.id);
    if (np.plural) return undefined;
    if (np.value !== undefined || np.relative) return this.numberedRound(np, proc, pm, time, cur);
    return this.unnumberedRound(seg, proc, pm, venue, time, beginCue, cur);
  }

  /** A round with a number or a relative place: "the sixth round", "the next round". */
  private numberedRound(np: RoundNp, proc: ProcessDraft, pm: ProcessMention | undefined, time: TimeExpr | undefined, cur: RoundDraft | undefined): RoundDraft {
    if (np.value === 1 && this.firstSince(np.tokenEnd)) return this.roundOf(proc.id, undefined, time);
    if (np.value !== undefined && pm?.sitting && !np.process) return this.roundOf(proc.id, undefined, time, undefined, true);
    if (np.value !== undefined) return this.roundOf(proc.id, np.value, time);
    if (np.relative === 'next') return this.roundOf(proc.id, cur?.ordinal !== undefined ? cur.ordinal + 1 : undefined, time, 'next');
    if (np.relative === 'previous') return this.roundOf(proc.id, cur?.ordinal !== undefined ? cur.ordinal - 1 : undefined, time, 'previous');
    if (cur && time && cur.start && time.value.slice(0, 7) < cur.start.slice(0, 7)) {
      return this.roundOf(proc.id, cur.ordinal !== undefined ? cur.ordinal - 1 : undefined, time, 'previous');
    }
    return cur ?? this.roundOf(proc.id, undefined, time, 'current');
  }

  /** A round named by a bare noun ("the talks", "a summit"), or the process itself. */
  private unnumberedRound(seg: Segment, proc: ProcessDraft, pm: ProcessMention | undefined, venue: Venue | undefined, time: TimeExpr | undefined, beginCue: boolean, cur: RoundDraft | undefined): RoundDraft | undefined {
    const { np, si } = seg;
    const t = this.t;
    const lastRound = this.lastRound;
    if (PROCESS_NOUN.test(this.ctx.text.slice(t[np.tokenStart]?.start ?? 0, t[np.tokenEnd - 1]?.end ?? 0).toLowerCase())) {
      return undefined; // "the Astana process" is the track, not one of its sittings
    } else if (np.kind === 'sitting' && np.definite && !pm && !time && (cur ?? lastRound)) {
      // "the closing session", "the meeting": a part of the sitting in focus
      return cur ?? lastRound;
    } else if (np.kind === 'sitting') {
      return this.roundOf(proc.id, undefined, time, undefined, pm?.sitting === true);
    } else if (beginCue && time && time.value.length <= 7) {
      return undefined; // "the talks, which began in January": the process's start
    } else if (np.definite && lastRound && lastRound.lastSentence >= si - 2 && (!pm || lastRound.process === proc.id)) {
      return lastRound;
    } else if (!pm && lastRound && lastRound.process === proc.id && lastRound.lastSentence >= si - 1 && !time) {
      return lastRound;
    } else if (np.definite && !pm && cur && !beginCue) {
      // "until the last hours of the talks": the sitting the story is about
      return cur;
    } else if (pm?.rule.startsWith('process:venue-noun') && np.kind === 'track' && this.ctx.cues(si, 'status').some((c) => inSeg(seg, c.start))) {
      // "had suspended the Jeddah talks": the talks' current sitting
      return cur ?? this.roundOf(proc.id, undefined, time);
    } else if (time || (venue?.place && pm?.place)) {
      // "talks in Stockholm in October", "talks Tuesday with Ukrainian officials in Jeddah"
      return this.roundOf(proc.id, undefined, time, undefined, !time);
    }
    return undefined;
  }

  /** "Rubio led more than eight hours of peace talks", "Qatar hosted the talks": sponsors, and who sat at the round. */
  private leadersOf(seg: Segment, proc: ProcessDraft): Leader[] {
    const ctx = this.ctx;
    const t = this.t;
    const { si, np } = seg;
    const leaders: Leader[] = [];
    for (const c of ctx.cues(si, 'lead')) {
      if (c.end > np.tokenStart || c.end < np.tokenStart - 8) continue;
      const subj = listAt(ctx, si, c.start, 'backward');
      const who = subj.length > 0 ? subj : ctx.actorsIn(si).filter((a) => a.tokenEnd <= c.start && a.tokenEnd >= c.start - 2);
      for (const r of who) {
        const id = r.kind === 'person' ? r.affiliation : resolveActor(ctx, r)[0];
        if (!id) continue;
        const sponsor = id.replace(/\.GOV$/, '');
        if (!proc.sponsors.includes(sponsor)) {
          proc.sponsors.push(sponsor);
          addEvidence(proc.evidence, ctx.evidence(si, r.tokenStart, c.end, c.entry.id, `sponsors.${sponsor}`));
        }
        // "UN-sponsored talks" describes the track; "the UN convened the round" seats the UN at it
        if (t[c.start - 1]?.text !== '-' && t[c.start]?.text !== '-') leaders.push({ ref: r, id, at: c.start });
      }
    }
    return leaders;
  }

  /** No round: statements about the whole process. */
  private readProcessStatements(seg: Segment, proc: ProcessDraft, venue: Venue | undefined, time: TimeExpr | undefined, beginCue: boolean): void {
    const ctx = this.ctx;
    const { si, np } = seg;
    for (const c of ctx.cues(si, 'status')) {
      if (c.entry.payload.status && inSeg(seg, c.start)) proc.votes.push({ status: c.entry.payload.status, distance: Math.abs(c.start - np.tokenEnd), sentence: si });
    }
    if (venue?.place && !proc.venue) proc.venue = venue.place.id;
    if (beginCue && time && !proc.start && time.value.length <= 7) {
      proc.start = time.value;
      addEvidence(proc.evidence, ctx.evidence(si, ctx.tokenAt(time.start), ctx.tokenAt(time.end), `process:start:${time.rule}`, 'start'));
    }
    for (const o of this.outcomesIn(seg.segStart, seg.sentence.tokenEnd)) {
      if (!proc.outcomes.has(o.topic)) {
        proc.outcomes.set(o.topic, { kind: o.topic });
        addEvidence(proc.evidence, ctx.evidence(si, o.start, o.end, o.rule, `outcomes.${o.topic}`));
      }
    }
  }

  /** The round becomes the one last referred to, and maybe its process's current one. */
  private enterRound(h: SittingHead): void {
    const { round, proc, np } = h;
    round.lastSentence = h.si;
    this.lastRound = round;
    addEvidence(round.evidence, h.npEv);
    if (np.value !== undefined || np.relative === 'current' || np.relative === 'new' || np.relative === 'latest') {
      if (!this.current.has(proc.id) && round.relative !== 'previous') this.current.set(proc.id, round);
    }
    // otherwise the first sitting the story tells of a process is the one it is about
    if (!this.current.has(proc.id) && round.relative !== 'previous') this.current.set(proc.id, round);
  }

  // dates
  private readDates(h: SittingHead): void {
    const ctx = this.ctx;
    const { round, time, si } = h;
    // a start counted back from the close ("at the close of a week of talks") gives way to the day the text says they opened
    if (time && (!round.start || (round.startCounted && this.saysOpened(h, time) && time.value.length === 10 && time.value < round.start))) {
      round.start = time.value;
      round.startCounted = false;
      addEvidence(round.evidence, ctx.evidence(si, ctx.tokenAt(time.start), ctx.tokenAt(time.end), `round:start:${time.rule}`, 'start'));
    }
    if (time?.endValue && !round.end) {
      round.end = time.endValue;
      addEvidence(round.evidence, ctx.evidence(si, ctx.tokenAt(time.start), ctx.tokenAt(time.end), `round:end:${time.rule}`, 'end'));
    }
    if (time && round.start === time.value && !round.end) this.readCloseDate(h);
    for (const du of ctx.durations) {
      if (du.sentence !== si || !round.start || round.end || !/^\d{4}-\d{2}-\d{2}$/.test(round.start) || du.days < 2) continue;
      if (this.spansTruce(du.noun, ctx.tokenAt(du.end))) continue;
      const e = new Date(`${round.start}T00:00:00Z`);
      if (this.closesSpan(ctx.tokenAt(du.start))) {
        // "at the close of a week of consultations", "after three days of talks": the day said is the last
        round.end = round.start;
        e.setUTCDate(e.getUTCDate() - du.days + 1);
        round.start = e.toISOString().slice(0, 10);
        round.startCounted = true;
        addEvidence(round.evidence, ctx.evidence(si, ctx.tokenAt(du.start), ctx.tokenAt(du.end), 'round:start:duration-back', 'start'));
        addEvidence(round.evidence, ctx.evidence(si, ctx.tokenAt(du.start), ctx.tokenAt(du.end), 'round:end:duration-close', 'end'));
        continue;
      }
      e.setUTCDate(e.getUTCDate() + du.days - 1);
      round.end = e.toISOString().slice(0, 10);
      addEvidence(round.evidence, ctx.evidence(si, ctx.tokenAt(du.start), ctx.tokenAt(du.end), 'round:end:duration', 'end'));
    }
  }

  /** "which opened on December 6": the time is the sitting's first day. */
  private saysOpened(h: SittingHead, time: TimeExpr): boolean {
    if (h.beginCue) return true;
    const k = this.ctx.tokenAt(time.start);
    for (let q = Math.max(h.segStart, k - 3); q < k; q++) if (/^(opened|began|begun|started|convened|kicked)$/.test(this.t[q]?.lower ?? '')) return true;
    return false;
  }

  /** A length told as ended: "at the close of", "at the end of", "after", "ending", "concluding". */
  private closesSpan(k: number): boolean {
    const t = this.t;
    for (let q = Math.max(0, k - 4); q < k; q++) if (/^(close|end|conclusion|after|ending|ended|concluding|concluded|wrapping|capping)$/.test(t[q]?.lower ?? '')) return true;
    return false;
  }

  /** "a 30-day truce", "a 30-day humanitarian truce": a length that belongs to a truce. */
  private spansTruce(noun: string | undefined, after: number): boolean {
    if (noun !== undefined) return NOT_SITTING_SPANS.test(noun);
    const t = this.ctx.tokens;
    for (let k = after; k < after + 3; k++) if (NOT_SITTING_SPANS.test(t[k]?.lower ?? '')) return true;
    return false;
  }

  /** "The second round, which opened on April 22 and ended on May 2": a later day after a closing verb. */
  private readCloseDate(h: SittingHead): void {
    const ctx = this.ctx;
    const t = ctx.tokens;
    const { round, time, si } = h;
    const start = round.start;
    if (!time || !start || start.length !== 10) return;
    for (const x of ctx.timesIn(si)) {
      if (x === time || x.value.length !== 10 || x.value <= start || x.endValue !== undefined) continue;
      const k = ctx.tokenAt(x.start);
      if (k < h.segStart || k >= h.segEnd) continue;
      // "… and ended on May 2": a verb of the close class (data/lexicon/cues.json) right before the day
      const verbEnd = t[k - 1]?.lower === 'on' ? k - 1 : k;
      if (!ctx.cues(si, 'close').some((c) => c.end === verbEnd)) continue;
      round.end = x.value;
      addEvidence(round.evidence, ctx.evidence(si, k, ctx.tokenAt(x.end), `round:end:closed:${x.rule}`, 'end'));
      return;
    }
  }

  // venue and host
  private readVenue(h: SittingHead): void {
    const ctx = this.ctx;
    const { round, proc, pm, venue, si } = h;
    const dl = ctx.dateline;
    if (venue?.place && (!round.venue || round.venue === venue.place.id)) {
      round.venue = venue.place.id;
      addEvidence(round.evidence, ctx.evidence(si, venue.place.tokenStart, venue.place.tokenEnd, 'round:venue:in-place', 'venue'));
    } else if (!round.venue && dl && (pm?.rule === 'process:dateline' || this.hasWord(h.segStart, h.segEnd, 'here')) && (!proc.venue || proc.venue === dl.id)) {
      round.venue = dl.id;
      addEvidence(round.evidence, ctx.evidence(dl.sentence, dl.tokenStart, dl.tokenEnd, 'round:venue:dateline', 'venue'));
    } else if (!round.venue && dl && proc.venue === dl.id && this.current.get(proc.id) === round && round.relative === undefined) {
      // "ASTANA — … the sixth round of the Astana talks": the sitting the story reports, filed
      // from the place its talks are named after
      round.venue = dl.id;
      addEvidence(round.evidence, ctx.evidence(dl.sentence, dl.tokenStart, dl.tokenEnd, 'round:venue:dateline-namesake', 'venue'));
    } else if (!round.venue && pm?.sitting && pm.place) {
      round.venue = pm.place.id;
      addEvidence(round.evidence, ctx.evidence(si, pm.place.tokenStart, pm.place.tokenEnd, 'round:venue:named-sitting', 'venue'));
    }
  }

  private readHost(h: SittingHead): void {
    const { round, venue, np } = h;
    const hostState = round.venue ? this.ctx.placeCountry(round.venue) : venue?.state;
    if (hostState) addParticipant(round, hostState, 'host', this.ctx.evidence(h.si, venue?.at ?? np.tokenStart, (venue?.place?.tokenEnd ?? np.tokenEnd), 'round:host:venue-country'));
  }

  // status: every cue in the sentence votes, weighted by distance to the head
  private readStatusVotes(h: SittingHead): void {
    const { round, np, si } = h;
    for (const c of this.ctx.cues(si, 'status')) {
      const st = c.entry.payload.status;
      if (!st) continue;
      const dist = c.start >= np.tokenEnd ? c.start - np.tokenEnd : np.tokenStart - c.end + 0.5;
      round.votes.push({ status: st, distance: dist + (inSeg(h, c.start) ? 0 : 4), sentence: si });
    }
  }

  // ---- participants

  private readParticipants(h: SittingHead, leaders: readonly Leader[]): void {
    this.readDelegations(h);
    for (let k = h.segStart; k < h.segEnd; k++) this.readParticipantWord(h, k);
    for (const l of leaders) addParticipant(h.round, l.id, this.roleOf(h.proc, l.ref, l.id), this.ctx.evidence(h.si, l.ref.tokenStart, l.ref.tokenEnd, 'participants:lead'));
    this.readSubjects(h);
    this.readCompound(h);
    this.readMeetings(h);
    this.readTheir(h);
    this.readAgreeing(h);
  }

  private addRefs(h: SittingHead, refs: readonly ActorRef[], rule: string): void {
    for (const r of refs) {
      if (r.kind === 'person' && !r.affiliation) continue;
      const ids = r.kind === 'person' ? [r.affiliation ?? ''] : resolveActor(this.ctx, r);
      for (const id of ids) {
        if (!id) continue;
        addParticipant(h.round, id, this.roleOf(h.proc, r, id), this.ctx.evidence(h.si, r.tokenStart, r.tokenEnd, rule), r.size);
      }
    }
    const states: string[] = [];
    for (const r of refs) {
      if (r.kind !== 'state') break;
      if (!states.includes(r.id)) states.push(r.id);
    }
    if (states.length >= 2) this.memory.lists.push({ ids: states, kind: 'states' });
  }

  private readDelegations(h: SittingHead): void {
    const ctx = this.ctx;
    const si = h.si;
    for (const c of ctx.cues(si, 'delegation')) {
      if (!inSeg(h, c.start)) continue;
      const cover = ctx.actorsIn(si).find((a) => a.tokenStart <= c.start && c.start < a.tokenEnd);
      this.addRefs(h, listAt(ctx, si, cover ? cover.tokenStart : c.start, 'forward', h.segEnd), `participants:${c.entry.id}`);
      this.addRefs(h, listAt(ctx, si, c.start, 'backward'), `participants:${c.entry.id}`);
    }
  }

  /** "talks between …", "the three states", "attended as observers": the word at k and what follows or precedes it. */
  private readParticipantWord(h: SittingHead, k: number): void {
    const t = this.t;
    const np = h.np;
    const w = t[k]?.lower;
    if (w === 'between' || w === 'with' && k >= np.tokenEnd && k <= np.tokenEnd + 2 || (w === 'of' && t[k - 1]?.lower === 'participation')) this.readSides(h, k, w);
    if (w === 'the') {
      const g = numberedGroup(this.ctx, k, this.memory.lists);
      if (g) for (const id of g.ids) addParticipant(h.round, id, this.roleOf(h.proc, undefined, id), this.ctx.evidence(h.si, k, g.end, 'participants:numbered-group'));
    }
    if (ATTEND.test(w ?? '')) this.readAttending(h, k);
  }

  private readSides(h: SittingHead, k: number, w: string | undefined): void {
    const ctx = this.ctx;
    const sides = listAt(ctx, h.si, k + 1, 'forward', h.segEnd);
    this.addRefs(h, sides, `participants:${w}`);
    // "talks between Sudan's army and the RSF": what "the two sides" means later
    const all = sides.flatMap((r) => (r.kind === 'person' ? [] : resolveActor(ctx, r)));
    // "Syria’s warring sides": the possessor is not a side of its own
    const ids = all.filter((x) => !all.some((y) => y !== x && y.startsWith(`${x}.`)));
    if (w === 'between' && ids.length >= 2) this.memory.lists.push({ ids, kind: 'parties' });
  }

  private readAttending(h: SittingHead, k: number): void {
    const ctx = this.ctx;
    const { si, proc } = h;
    const subj = listAt(ctx, si, k, 'backward').concat(ctx.actorsIn(si).filter((a) => a.kind === 'person' && a.tokenEnd <= k && a.tokenEnd >= k - 4));
    const asRole = this.roleAfterAttend(k);
    for (const r of subj) {
      const id = r.kind === 'person' ? r.affiliation : resolveActor(ctx, r)[0];
      if (!id) continue;
      if (asRole === 'guarantor' || asRole === 'mediator') {
        const sp = id.replace(/\.GOV$/, '');
        if (!proc.sponsors.includes(sp)) proc.sponsors.push(sp);
        if (asRole === 'mediator') proc.mediators.add(sp);
      }
      addParticipant(h.round, id, asRole ?? this.roleOf(proc, r, id), ctx.evidence(si, r.tokenStart, k + 1, 'participants:attend'));
    }
  }

  // "Syria's government and opposition returned to the negotiating table": the sentence's subjects
  private readSubjects(h: SittingHead): void {
    const ctx = this.ctx;
    const { si, np, segStart } = h;
    const first = ctx.actorsIn(si).find((a) => a.tokenStart >= segStart);
    if (first && first.tokenStart <= segStart + 2 && first.kind !== 'person' && first.tokenStart < np.tokenStart) {
      const subj = listAt(ctx, si, first.tokenStart, 'forward', np.tokenStart);
      const after = this.t[(subj[subj.length - 1]?.tokenEnd ?? first.tokenEnd)];
      // a subject is followed by its verb, not by a preposition or a noun
      if (after && after.shape === 'word' && !after.cap && !/^(of|in|on|at|for|to|with|from|and|as|by|’|'|s)$/.test(after.lower)) this.addRefs(h, subj, 'participants:subject');
    }
  }

  // "U.S.-Ukraine talks", "Israel-Hamas negotiations"
  private readCompound(h: SittingHead): void {
    const t = this.t;
    let k = h.np.tokenStart;
    while (k > h.segStart && /^(peace|direct|indirect|new|latest|fresh|the)$/.test(t[k - 1]?.lower ?? '')) k--;
    const pair: ActorRef[] = [];
    for (;;) {
      const a = this.ctx.actorsIn(h.si).find((x) => x.tokenEnd === k && x.kind !== 'person');
      if (!a) break;
      pair.unshift(a);
      if (t[a.tokenStart - 1]?.text !== '-') break;
      k = a.tokenStart - 1;
    }
    if (pair.length >= 2) this.addRefs(h, pair, 'participants:compound');
  }

  // "Trump met with Kim … at the Singapore summit"
  private readMeetings(h: SittingHead): void {
    const ctx = this.ctx;
    const { si, np, segStart } = h;
    for (const c of ctx.cues(si, 'meeting')) {
      if (!inSeg(h, c.start) && !(c.start < np.tokenStart && c.start >= segStart - 12)) continue;
      const who = [
        ...listAt(ctx, si, c.start, 'backward'),
        ...ctx.actorsIn(si).filter((a) => a.tokenStart >= c.end && a.tokenStart <= c.end + 2 && (a.kind === 'person' || a.kind === 'state')),
      ];
      this.addRefs(h, who, `participants:${c.entry.id}`);
      const sides = who.map((r) => (r.kind === 'person' ? r.affiliation : resolveActor(ctx, r)[0])).filter((x): x is string => Boolean(x));
      if (new Set(sides).size >= 2) this.memory.lists.push({ ids: [...new Set(sides)], kind: 'parties' });
    }
  }

  // "Their second summit": the two sides named last
  private readTheir(h: SittingHead): void {
    const np = h.np;
    if (/^(their)$/.test(this.t[np.tokenStart - 1]?.lower ?? '')) {
      const last = [...this.memory.lists].reverse().find((l) => l.kind === 'parties');
      for (const id of last?.ids ?? []) addParticipant(h.round, id, this.roleOf(h.proc, undefined, id), this.ctx.evidence(h.si, np.tokenStart - 1, np.tokenEnd, 'participants:their'));
    }
  }

  // subjects of the round's own verbs: "the U.S. and Ukraine held talks", "the three states agreeing"
  private readAgreeing(h: SittingHead): void {
    for (const c of this.ctx.cues(h.si, 'outcome')) {
      if (!inSeg(h, c.start)) continue;
      this.addRefs(h, listAt(this.ctx, h.si, c.start, 'backward', h.segStart), 'participants:agreeing');
    }
  }

  // ---- agenda and outcomes

  private readAgenda(h: SittingHead): void {
    const ctx = this.ctx;
    const t = this.t;
    const { si, round } = h;
    for (const c of ctx.cues(si, 'agenda')) {
      if (c.start < h.segStart) continue;
      for (const tp of topicsAfter(ctx, si, AFTER_TOPICS.test(ctx.text.slice(t[c.start]?.start ?? 0, t[c.end - 1]?.end ?? 0)) ? h.segStart : c.end, h.sentence.tokenEnd)) {
        if (tp.topic === 'no_progress' || tp.topic === 'agreement' || tp.topic === 'conference') continue;
        if (!round.agenda.has(tp.topic)) {
          round.agenda.add(tp.topic);
          addEvidence(round.evidence, ctx.evidence(si, tp.start, tp.end, `agenda:${c.entry.id}:${tp.rule}`, `agenda.${tp.topic}`));
        }
      }
    }
  }

  private readOutcomes(h: SittingHead): void {
    const round = h.round;
    for (const o of this.outcomesIn(h.segStart, h.sentence.tokenEnd)) {
      if (!round.outcomes.has(o.topic) || (o.count && !round.outcomes.get(o.topic)?.count)) {
        round.outcomes.set(o.topic, { kind: o.topic, ...(o.count ? { count: o.count } : {}) });
        addEvidence(round.evidence, this.ctx.evidence(h.si, o.start, o.end, o.rule, `outcomes.${o.topic}`));
      }
    }
  }

  // the number of a round is known from its neighbours: "the next round" after round 6
  numberRelativeRounds(): void {
    for (const r of this.d.rounds) {
      if (r.ordinal === undefined && r.relative && r.relative !== 'current') {
        const cur = this.current.get(r.process);
        if (cur?.ordinal !== undefined) r.ordinal = r.relative === 'next' ? cur.ordinal + 1 : r.relative === 'previous' ? cur.ordinal - 1 : r.ordinal;
      }
    }
  }

  // ---- helpers

  private rememberLists(si: number): void {
    const ctx = this.ctx;
    // any maximal list of two or more states can be what "the two countries" means later
    let coveredTo = -1;
    for (const r of ctx.actorsIn(si)) {
      if (r.kind !== 'state' || r.tokenStart < coveredTo) continue;
      const l = listAt(ctx, si, r.tokenStart, 'forward');
      coveredTo = l[l.length - 1]?.tokenEnd ?? r.tokenEnd;
      const states: string[] = [];
      for (const a of l) {
        if (a.kind !== 'state') break;
        if (!states.includes(a.id)) states.push(a.id);
      }
      if (states.length < 2) continue;
      const last = this.memory.lists[this.memory.lists.length - 1];
      if (!last || last.ids.join() !== states.join()) this.memory.lists.push({ ids: states, kind: 'states' });
    }
  }

  private addBrokers(target: ProcessDraft, si: number, near: (b: Cue, before: boolean) => boolean): void {
    const ctx = this.ctx;
    const t = this.t;
    for (const b of ctx.cues(si, 'broker')) {
      if (b.entry.payload.role === 'host') continue;
      const found = brokerRefs(ctx, si, b);
      if (!near(b, found.before)) continue;
      let refs = found.refs;
      // "the two mediators had brokered": the two named last
      if (refs.length === 0 && t[b.start]?.lower === 'the') {
        const g = numberedGroup(ctx, b.start, this.memory.lists);
        if (g) refs = [];
        for (const id of g?.ids ?? []) {
          if (target.sponsors.includes(id)) continue;
          target.sponsors.push(id);
          if (b.entry.payload.role === 'mediator') target.mediators.add(id);
          addEvidence(target.evidence, ctx.evidence(si, b.start, b.end, b.entry.id, `sponsors.${id}`));
        }
      }
      for (const r of refs) {
        for (const id of resolveActor(ctx, r)) {
          const a = r.kind === 'person' ? (r.affiliation ?? id) : id;
          const sponsor = a.replace(/\.GOV$/, '');
          if (sponsor.startsWith('@') || target.sponsors.includes(sponsor)) continue;
          target.sponsors.push(sponsor);
          if (b.entry.payload.role === 'mediator') target.mediators.add(sponsor);
          addEvidence(target.evidence, ctx.evidence(si, b.start, b.end, b.entry.id, `sponsors.${sponsor}`));
        }
      }
      const ids = refs.filter((r) => r.kind === 'state').map((r) => r.id);
      if (ids.length >= 2) this.memory.lists.push({ ids, kind: 'brokers' });
    }
  }

  /** "their first meeting … since 2016", "the first summit in three years": a count of a gap, not a number. */
  private firstSince(from: number): boolean {
    const t = this.t;
    for (let q = from; q < from + 10; q++) {
      const w = t[q]?.lower ?? '';
      if (w === 'since') return true;
      if (w === 'in' && /^(years?|months?|decades?)$/.test(t[q + 2]?.lower ?? '')) return true;
      if (w === '.' || w === ';') break;
    }
    return false;
  }

  /** "since 2016", "by the end of the year", "until March": a bound, not the sitting's date. */
  private boundTime(k: number): boolean {
    const t = this.t;
    let q = k - 1;
    while (q > k - 5 && /^(the|end|start|beginning|middle|of|late|early|mid|-)$/.test(t[q]?.lower ?? '')) q--;
    return /^(since|by|until|till|before|after|within)$/.test(t[q]?.lower ?? '');
  }

  /** "said on Thursday", "announced Monday": the date of the telling. */
  private saidWhen(k: number): boolean {
    const t = this.t;
    let q = k - 1;
    if (/^(on|late|early|last|this)$/.test(t[q]?.lower ?? '')) q--;
    return /^(said|says|announced|told|stated|added|reported|confirmed|declared|tweeted|wrote)$/.test(t[q]?.lower ?? '');
  }

  /** "attending as an observer", "taking part as guarantors": the role a verb of attending names. */
  private roleAfterAttend(k: number): Role | undefined {
    const t = this.t;
    let q = k + 1;
    while (q < k + 4 && t[q]?.lower !== 'as') q++;
    if (t[q]?.lower !== 'as') return undefined;
    const w = (/^(an?|the)$/.test(t[q + 1]?.lower ?? '') ? t[q + 2]?.lower : t[q + 1]?.lower) ?? '';
    if (/^observers?$/.test(w)) return 'observer';
    if (/^(guarantors?|sponsors?)$/.test(w)) return 'guarantor';
    if (/^(mediators?|facilitators?)$/.test(w)) return 'mediator';
    return undefined;
  }

  /** "The United States, the UN and IGAD attended as observers."; "The government delegation was led by …". */
  private attendance(proc: ProcessDraft, round: RoundDraft, si: number): void {
    const ctx = this.ctx;
    const t = this.t;
    const s = ctx.sentences[si];
    if (!s) return;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const w = t[k]?.lower ?? '';
      if (!ATTEND.test(w)) continue;
      const asRole = this.roleAfterAttend(k);
      for (const r of listAt(ctx, si, k, 'backward')) {
        const id = r.kind === 'person' ? r.affiliation : resolveActor(ctx, r)[0];
        if (id) addParticipant(round, id, asRole ?? this.roleOf(proc, r, id), ctx.evidence(si, r.tokenStart, k + 1, 'participants:attend'));
      }
    }
    for (const c of ctx.cues(si, 'delegation')) {
      const cover = ctx.actorsIn(si).find((a) => a.tokenStart <= c.start && c.start < a.tokenEnd);
      const refs = listAt(ctx, si, cover ? cover.tokenStart : c.start, 'forward');
      for (const r of refs) {
        if (r.kind === 'person') continue;
        for (const id of resolveActor(ctx, r)) addParticipant(round, id, this.roleOf(proc, r, id), ctx.evidence(si, r.tokenStart, r.tokenEnd, `participants:${c.entry.id}`));
      }
    }
    for (const c of ctx.cues(si, 'agenda')) {
      const from = AFTER_TOPICS.test(ctx.text.slice(t[c.start]?.start ?? 0, t[c.end - 1]?.end ?? 0)) ? s.tokenStart : c.end;
      for (const tp of topicsAfter(ctx, si, from, s.tokenEnd)) {
        if (tp.topic === 'no_progress' || tp.topic === 'agreement' || tp.topic === 'conference' || round.agenda.has(tp.topic)) continue;
        round.agenda.add(tp.topic);
        addEvidence(round.evidence, ctx.evidence(si, tp.start, tp.end, `agenda:${c.entry.id}:${tp.rule}`, `agenda.${tp.topic}`));
      }
    }
  }

  private hasWord(from: number, to: number, word: string): boolean {
    const t = this.t;
    for (let k = from; k < to; k++) if (t[k]?.lower === word) return true;
    return false;
  }

  private hasBeginCue(from: number, to: number): boolean {
    const t = this.t;
    for (let k = from; k < to; k++) if (BEGIN_CUE.test(t[k]?.lower ?? '')) return true;
    return false;
  }

  private outcomesIn(from: number, to: number): { topic: Topic; count?: number; start: number; end: number; rule: string }[] {
    const ctx = this.ctx;
    const t = this.t;
    const si = t[from]?.sentence ?? 0;
    const out: { topic: Topic; count?: number; start: number; end: number; rule: string }[] = [];
    const cues = ctx.cues(si, 'outcome').filter((c) => c.start >= from && c.start < to);
    if (cues.length > 0) {
      const first = cues[0];
      if (first) {
        const found = topicsAfter(ctx, si, first.start, to);
        const specific = found.filter((x) => x.topic !== 'agreement' && x.topic !== 'no_progress');
        for (const tp of specific.length > 0 ? specific : found) out.push({ ...tp, rule: `outcome:${first.entry.id}:${tp.rule}` });
      }
    }
    for (const tp of topicsAfter(ctx, si, from, to)) {
      if (tp.topic === 'no_progress' && !out.some((o) => o.topic === 'no_progress')) out.push({ ...tp, rule: `outcome:failure:${tp.rule}` });
    }
    return out;
  }

  private roundOf(process: string, ordinal: number | undefined, time: TimeExpr | undefined, relative?: string, sittingOnly = false): RoundDraft {
    const month = time?.value.slice(0, 7);
    let r = ordinal !== undefined ? this.d.rounds.find((x) => x.process === process && x.ordinal === ordinal) : undefined;
    if (!r && ordinal !== undefined && month) r = this.d.rounds.find((x) => x.process === process && x.ordinal === undefined && x.start?.slice(0, 7) === month);
    if (!r && ordinal === undefined && month) r = this.d.rounds.find((x) => x.process === process && x.start?.slice(0, 7) === month);
    if (!r && ordinal === undefined && (sittingOnly || !month)) r = this.d.rounds.find((x) => x.process === process && (x.sitting || !x.start) && x.ordinal === undefined && x.relative !== 'previous');
    if (!r) {
      r = { process, votes: [], participants: new Map(), agenda: new Set(), outcomes: new Map(), evidence: [], lastSentence: -1, ...(relative ? { relative } : {}), ...(sittingOnly ? { sitting: true } : {}) };
      this.d.rounds.push(r);
    }
    if (ordinal !== undefined && r.ordinal === undefined) r.ordinal = ordinal;
    return r;
  }

  private roleOf(proc: ProcessDraft, ref: ActorRef | undefined, id: string): Role {
    const base = id.replace(/\.GOV$/, '');
    if (proc.mediators.has(base)) return 'mediator';
    if (proc.sponsors.includes(base) || proc.sponsors.includes(id)) return 'guarantor';
    if (ref?.kind === 'org' || (!stateOf(id) && !id.startsWith('GRP:') && !id.startsWith('@'))) return 'mediator';
    return 'party';
  }
}

export type { Evidence };
