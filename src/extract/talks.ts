// Processes and their rounds, read sentence by sentence with a small discourse memory: the
// process in focus, the round last referred to, and the "current" round of each process.
import type { Evidence, Role, Topic } from '../record.js';
import type { RoundOrdinal, TimeExpr } from '../nlp/index.js';
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
const BEGIN_CUE = /^(began|begun|started|launched|kicked|initiated|inaugurated|established|created|formed)$/;
// agenda cues that follow what they put on the table: "X and Y are on the table"
const AFTER_TOPICS = /^(on the table|on the agenda|central item|priority|priorities)$/i;
const PLURAL_SITTINGS = /^(rounds|sessions|summits|meetings|conferences|congresses|phases|sittings|legs|editions)$/;
const PROCESS_NOUN = /(process|format|track|initiative|mediation|contact group)$/;
const DEFINITE = /^(the|those|these|this|that|its|their)$/;
const ATTEND = /^(attend|attends|attended|attending|join|joins|joined|joining|participate|participates|participated|participating|take|takes|took|taking)$/;

function processIdOfPlace(p: PlaceRef): string {
  const head = p.id.split('@')[0] ?? p.id;
  return head;
}

/** The place after "in/at" within a few tokens: "in Kazakhstan’s capital of Astana" → Astana. */
function venueAfter(ctx: Context, sentence: number, from: number, to: number): { place?: PlaceRef; state?: string; at: number } | undefined {
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
      if (!VENUE_SKIP.test(t[q]?.lower ?? '') && t[q]?.cap !== true) break;
      if (t[q]?.cap && !VENUE_SKIP.test(t[q]?.lower ?? '')) {
        // a capitalised word that is not a place we know ends the search
        if (q > k + 1) break;
      }
    }
    if (state) return { state, at: k };
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
  const memory: TalksMemory = { lists: [] };
  const t = ctx.tokens;
  let focus: ProcessDraft | undefined;
  let lastRound: RoundDraft | undefined;
  let focusSentence = -1;
  const current = new Map<string, RoundDraft>();
  // processes the article knows by name, and places it names tracks after ("the Astana talks")
  const processNames = ctx.sentences.map((s) => ctx.lexicon.processes.scan(t, s.tokenStart, s.tokenEnd));
  const namedFormats = new Set<string>();
  for (const ms of processNames) for (const m of ms) namedFormats.add(m.entry.payload.id);
  const venueNamedTracks = new Set<string>();
  for (const p of ctx.places) {
    const next = ctx.cues(p.sentence, 'track').find((c) => c.start === p.tokenEnd || (c.start === p.tokenEnd + 1 && t[p.tokenEnd]?.lower === 'peace'));
    if (next) venueNamedTracks.add(processIdOfPlace(p));
  }
  const ordinalsBy: RoundOrdinal[][] = ctx.sentences.map(() => []);
  for (const o of ctx.ordinals) ordinalsBy[o.sentence]?.push(o);

  for (const s of ctx.sentences) {
    const si = s.index;
    const sitting = ctx.cues(si, 'sitting');
    const track = ctx.cues(si, 'track');
    const ords = ordinalsBy[si] ?? [];
    if (sitting.length === 0 && track.length === 0 && ords.length === 0) {
      // "Mexico, Venezuela, Cuba and Norway act as guarantors": the talks in focus
      if (focus) addBrokers(focus, si, (b) => b.entry.id !== 'broker:proposal');
      if (focus && lastRound && lastRound.process === focus.id && lastRound.lastSentence >= si - 2) attendance(focus, lastRound, si);
      rememberLists(si);
      continue;
    }

    // 1. processes named in this sentence
    const named: ProcessMention[] = [];
    for (const o of ords) {
      if (o.value === undefined || !o.process) continue;
      const k = ctx.tokenAt(o.start);
      const place = ctx.placesIn(si).find((p) => p.tokenStart === k);
      // "Benigno Aquino III" is a name, not the third round of an Aquino process
      if (!place && o.rule.includes('heuristic')) continue;
      named.push({ id: place ? processIdOfPlace(place) : slug(o.process), tokenStart: k, tokenEnd: ctx.tokenAt(o.end), rule: `process:numbered:${o.rule}`, ordinal: o.value, ...(place ? { place } : {}), name: o.process });
    }
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

    for (const m of processNames[si] ?? []) {
      named.push({
        id: m.entry.payload.id, tokenStart: m.start, tokenEnd: m.end, rule: m.entry.id, sitting: false,
        name: ctx.text.slice(t[m.start]?.start ?? 0, t[m.end - 1]?.end ?? 0),
      });
    }

    for (let i = named.length - 1; i >= 0; i--) {
      const n = named[i];
      if (n && !n.rule.startsWith('process:named') && named.some((m) => m !== n && m.rule.startsWith('process:named') && m.tokenStart < n.tokenEnd && n.tokenStart < m.tokenEnd)) named.splice(i, 1);
    }

    // 2. the round noun phrases
    const nps: RoundNp[] = [];
    const covered = new Set<number>();
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
    const nounCues: { cue: Cue; kind: 'sitting' | 'track' }[] = [
      ...sitting.map((cue) => ({ cue, kind: 'sitting' as const })),
      ...track.map((cue) => ({ cue, kind: 'track' as const })),
    ].sort((x, y) => x.cue.start - y.cue.start);
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
    nps.sort((a, b) => a.tokenStart - b.tokenStart);
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
      const bare = ctx.text.slice(t[np.tokenStart]?.start ?? 0, t[np.tokenEnd - 1]?.end ?? 0).toLowerCase();
      if (prevHead && np.kind === 'track' && PROCESS_NOUN.test(bare) && !named.some((n) => n.tokenStart <= np.tokenStart && np.tokenStart <= n.tokenEnd)) continue;
      heads.push(np);
    }

    // 3. each head gets its process, its round (or the process itself), and the slots of its segment
    for (let h = 0; h < heads.length; h++) {
      const np = heads[h];
      if (!np) continue;
      const segStart = h === 0 ? s.tokenStart : np.tokenStart;
      const segEnd = heads[h + 1]?.tokenStart ?? s.tokenEnd;
      const inSeg = (k: number): boolean => k >= segStart && k < segEnd;

      let pm = np.process ?? named.find((n) => (n.tokenStart <= np.tokenStart && np.tokenStart < n.tokenEnd + 1) || (n.tokenStart >= np.tokenEnd && n.tokenStart <= np.tokenEnd + 3));
      if (!pm) pm = named.find((n) => inSeg(n.tokenStart) && n.tokenStart > np.tokenEnd);
      const venue = venueAfter(ctx, si, np.tokenEnd, segEnd);
      // a numbered round of the talks in focus keeps its process wherever it sits: "opened a second
      // round of peace talks in Mexico City … The first round, held in Caracas"
      const numberedInFocus = focus !== undefined && !np.another && (np.value !== undefined || (np.relative !== undefined && np.relative !== 'new')) && np.kind === 'sitting' && /^(round|session|rounds)$/.test(t[np.tokenEnd - 1]?.lower ?? '');
      // "the peace process … started in Doha": a definite reference to the talks just named
      // ("the talks in Astana" still names Astana's talks: the venue right after the noun names the track)
      const definiteInFocus = np.definite && !np.another && focus !== undefined && focusSentence >= si - 2 && np.kind === 'track' && (venue?.at ?? 0) > np.tokenEnd + 1;
      // a format known by name ("the Normandy format", "the Constitutional Committee") keeps its
      // sittings wherever they meet, unless the text names a track after that place
      const namedFocus = focus !== undefined && !np.another && namedFormats.has(focus.id) && !!venue?.place && !venueNamedTracks.has(processIdOfPlace(venue.place));
      if (!pm && venue?.place && !numberedInFocus && !definiteInFocus && !namedFocus) {
        pm = {
          id: processIdOfPlace(venue.place), tokenStart: venue.place.tokenStart, tokenEnd: venue.place.tokenEnd, rule: 'process:noun-in-venue', place: venue.place,
          sitting: np.kind === 'sitting' && !/^(round|rounds|session|sessions|phase|leg|sitting)$/.test(t[np.tokenStart]?.lower ?? '') && !/^(round|session)$/.test(t[np.tokenEnd - 1]?.lower ?? ''), name: ctx.text.slice(t[venue.place.tokenStart]?.start ?? 0, t[venue.place.tokenEnd - 1]?.end ?? 0),
        };
      }
      if (!pm && namedFocus && focus) {
        pm = { id: focus.id, tokenStart: np.tokenStart, tokenEnd: np.tokenEnd, rule: 'process:named-focus', sitting: false, name: focus.name ?? focus.id };
      }
      if (!pm && !focus && ctx.dateline && !np.another) {
        const dl = ctx.dateline;
        pm = { id: processIdOfPlace(dl), tokenStart: dl.tokenStart, tokenEnd: dl.tokenEnd, rule: 'process:dateline', place: dl, sitting: false, name: ctx.gazetteer.place(dl.id)?.name ?? processIdOfPlace(dl) };
      }
      if (!pm && np.another) continue;
      // "held a separate meeting with President X": a meeting between people, read elsewhere
      if (/^meetings?$/.test(t[np.tokenStart]?.lower ?? '') && (t[np.tokenEnd]?.lower === 'with' || t[np.tokenEnd]?.lower === 'between')) continue;
      // "the G7 talks", "a NATO summit": a gathering of the forum's members, read as a meeting
      if (ctx.actorsIn(si).some((a) => a.kind === 'org' && ctx.lexicon.forums.has(a.id) && a.tokenEnd <= np.tokenStart && a.tokenEnd >= np.tokenStart - 3)) continue;
      let proc: ProcessDraft | undefined;
      const npEv = ctx.evidence(si, np.tokenStart, np.tokenEnd, np.rule);
      if (pm) {
        proc = processDraft(d, pm.id, ctx.evidence(si, pm.tokenStart, pm.tokenEnd, pm.rule));
        proc.name ??= pm.name;
        if (pm.place) proc.venue ??= pm.place.id;
      } else if (np.relative === 'next' && np.kind === 'sitting' && lastRound && focus && lastRound.process !== focus.id && !current.has(focus.id)) {
        // "the next round" while the focus is a track no sitting of which the story tells of
        // ("a political process in Geneva"): the next sitting of the talks it does follow
        proc = processDraft(d, lastRound.process, npEv);
      } else if (focus && (np.definite || np.relative || np.kind === 'track')) {
        proc = focus;
      }
      if (!proc) continue;
      focus = proc;
      focusSentence = si;

      // the time written nearest the head, within its segment
      let time = ctx.timesIn(si)
        .filter((x) => inSeg(ctx.tokenAt(x.start)) && !x.rule.startsWith('past-n') && !saidWhen(ctx.tokenAt(x.start)) && !boundTime(ctx.tokenAt(x.start)))
        // chrono's readings ("in ten months") are the least sure: any rule of ours wins over them
        .map((x) => ({ x, dist: Math.abs(ctx.tokenAt(x.start) - np.tokenStart) + (x.rule.startsWith('chrono') ? 50 : 0) }))
        .sort((a, b) => a.dist - b.dist)[0]?.x;
      // "expired at the end of March … while talks continue": a time far from an unnamed mention of
      // the talks dates another clause
      if (time && np.kind === 'track' && !pm && /^(while|as|whilst|until|when)$/.test(t[np.tokenStart - 1]?.lower ?? '') && Math.abs(ctx.tokenAt(time.start) - np.tokenStart) > 4) time = undefined;
      const beginCue = hasBeginCue(segStart, segEnd) || (time?.rule.includes('since') ?? false);

      // which round, if any
      let round: RoundDraft | undefined;
      const cur = current.get(proc.id);
      if (np.plural) round = undefined;
      else if (np.value === 1 && firstSince(np.tokenEnd)) round = roundOf(proc.id, undefined, time);
      else if (np.value !== undefined && pm?.sitting && !np.process) round = roundOf(proc.id, undefined, time, undefined, true);
      else if (np.value !== undefined) round = roundOf(proc.id, np.value, time);
      else if (np.relative === 'next') round = roundOf(proc.id, cur?.ordinal !== undefined ? cur.ordinal + 1 : undefined, time, 'next');
      else if (np.relative === 'previous') round = roundOf(proc.id, cur?.ordinal !== undefined ? cur.ordinal - 1 : undefined, time, 'previous');
      else if (np.relative) {
        if (cur && time && cur.start && time.value.slice(0, 7) < cur.start.slice(0, 7)) {
          round = roundOf(proc.id, cur.ordinal !== undefined ? cur.ordinal - 1 : undefined, time, 'previous');
        } else {
          round = cur ?? roundOf(proc.id, undefined, time, 'current');
        }
      } else if (PROCESS_NOUN.test(ctx.text.slice(t[np.tokenStart]?.start ?? 0, t[np.tokenEnd - 1]?.end ?? 0).toLowerCase())) {
        round = undefined; // "the Astana process" is the track, not one of its sittings
      } else if (np.kind === 'sitting' && np.definite && !pm && !time && (cur ?? lastRound)) {
        // "the closing session", "the meeting": a part of the sitting in focus
        round = cur ?? lastRound;
      } else if (np.kind === 'sitting') {
        round = roundOf(proc.id, undefined, time, undefined, pm?.sitting === true);
      } else if (beginCue && time && time.value.length <= 7) {
        round = undefined; // "the talks, which began in January": the process's start
      } else if (np.definite && lastRound && lastRound.lastSentence >= si - 2 && (!pm || lastRound.process === proc.id)) {
        round = lastRound;
      } else if (!pm && lastRound && lastRound.process === proc.id && lastRound.lastSentence >= si - 1 && !time) {
        round = lastRound;
      } else if (np.definite && !pm && cur && !beginCue) {
        // "until the last hours of the talks": the sitting the story is about
        round = cur;
      } else if (pm?.rule.startsWith('process:venue-noun') && np.kind === 'track' && ctx.cues(si, 'status').some((c) => inSeg(c.start))) {
        // "had suspended the Jeddah talks": the talks' current sitting
        round = cur ?? roundOf(proc.id, undefined, time);
      } else if (time || (venue?.place && pm?.place)) {
        // "talks in Stockholm in October", "talks Tuesday with Ukrainian officials in Jeddah"
        round = roundOf(proc.id, undefined, time, undefined, !time);
      }
      // "attended the talks" just after a sentence about another track's round: the round the
      // phrase refers to decides whose talks these are
      if (round && round.process !== proc.id) {
        proc = processDraft(d, round.process, npEv);
        focus = proc;
      }

      // sponsors: "Iran, Russia, Turkey-brokered talks", "under the auspices of the UN", "a Russian initiative"
      addBrokers(proc, si, (b, before) => inSeg(b.start) || (b.end <= np.tokenStart && b.end >= np.tokenStart - 3) || (before && b.end === (pm?.tokenStart ?? -1)));

      const leaders: { ref: ActorRef; id: string; at: number }[] = [];
      // "Rubio led more than eight hours of peace talks", "Qatar hosted the talks"
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

      if (!round) {
        // statements about the whole process
        for (const c of ctx.cues(si, 'status')) {
          if (c.entry.payload.status && inSeg(c.start)) proc.votes.push({ status: c.entry.payload.status, distance: Math.abs(c.start - np.tokenEnd), sentence: si });
        }
        if (venue?.place && !proc.venue) proc.venue = venue.place.id;
        if (beginCue && time && !proc.start && time.value.length <= 7) {
          proc.start = time.value;
          addEvidence(proc.evidence, ctx.evidence(si, ctx.tokenAt(time.start), ctx.tokenAt(time.end), `process:start:${time.rule}`, 'start'));
        }
        for (const o of outcomesIn(segStart, s.tokenEnd)) {
          if (!proc.outcomes.has(o.topic)) {
            proc.outcomes.set(o.topic, { kind: o.topic });
            addEvidence(proc.evidence, ctx.evidence(si, o.start, o.end, o.rule, `outcomes.${o.topic}`));
          }
        }
        continue;
      }

      round.lastSentence = si;
      lastRound = round;
      addEvidence(round.evidence, npEv);
      if (np.value !== undefined || np.relative === 'current' || np.relative === 'new' || np.relative === 'latest') {
        if (!current.has(proc.id) && round.relative !== 'previous') current.set(proc.id, round);
      }
      // otherwise the first sitting the story tells of a process is the one it is about
      if (!current.has(proc.id) && round.relative !== 'previous') current.set(proc.id, round);

      // dates
      if (time && !round.start) {
        round.start = time.value;
        addEvidence(round.evidence, ctx.evidence(si, ctx.tokenAt(time.start), ctx.tokenAt(time.end), `round:start:${time.rule}`, 'start'));
      }
      if (time?.endValue && !round.end) {
        round.end = time.endValue;
        addEvidence(round.evidence, ctx.evidence(si, ctx.tokenAt(time.start), ctx.tokenAt(time.end), `round:end:${time.rule}`, 'end'));
      }
      for (const du of ctx.durations) {
        if (du.sentence !== si || !round.start || round.end || !/^\d{4}-\d{2}-\d{2}$/.test(round.start) || du.days < 2) continue;
        const e = new Date(`${round.start}T00:00:00Z`);
        e.setUTCDate(e.getUTCDate() + du.days - 1);
        round.end = e.toISOString().slice(0, 10);
        addEvidence(round.evidence, ctx.evidence(si, ctx.tokenAt(du.start), ctx.tokenAt(du.end), 'round:end:duration', 'end'));
      }

      // venue and host
      if (venue?.place && (!round.venue || round.venue === venue.place.id)) {
        round.venue = venue.place.id;
        addEvidence(round.evidence, ctx.evidence(si, venue.place.tokenStart, venue.place.tokenEnd, 'round:venue:in-place', 'venue'));
      } else if (!round.venue && ctx.dateline && (pm?.rule === 'process:dateline' || hasWord(segStart, segEnd, 'here')) && (!proc.venue || proc.venue === ctx.dateline.id)) {
        round.venue = ctx.dateline.id;
        addEvidence(round.evidence, ctx.evidence(ctx.dateline.sentence, ctx.dateline.tokenStart, ctx.dateline.tokenEnd, 'round:venue:dateline', 'venue'));
      } else if (!round.venue && ctx.dateline && proc.venue === ctx.dateline.id && current.get(proc.id) === round && round.relative === undefined) {
        // "ASTANA — … the sixth round of the Astana talks": the sitting the story reports, filed
        // from the place its talks are named after
        round.venue = ctx.dateline.id;
        addEvidence(round.evidence, ctx.evidence(ctx.dateline.sentence, ctx.dateline.tokenStart, ctx.dateline.tokenEnd, 'round:venue:dateline-namesake', 'venue'));
      } else if (!round.venue && pm?.sitting && pm.place) {
        round.venue = pm.place.id;
        addEvidence(round.evidence, ctx.evidence(si, pm.place.tokenStart, pm.place.tokenEnd, 'round:venue:named-sitting', 'venue'));
      }
      const hostState = round.venue ? ctx.placeCountry(round.venue) : venue?.state;
      if (hostState) addParticipant(round, hostState, 'host', ctx.evidence(si, venue?.at ?? np.tokenStart, (venue?.place?.tokenEnd ?? np.tokenEnd), 'round:host:venue-country'));

      // status: every cue in the sentence votes, weighted by distance to the head
      for (const c of ctx.cues(si, 'status')) {
        const st = c.entry.payload.status;
        if (!st) continue;
        const dist = c.start >= np.tokenEnd ? c.start - np.tokenEnd : np.tokenStart - c.end + 0.5;
        round.votes.push({ status: st, distance: dist + (inSeg(c.start) ? 0 : 4), sentence: si });
      }

      // participants
      const rd = round;
      const pd = proc;
      const role = (ref: ActorRef, id: string): Role => roleOf(pd, ref, id);
      const addRefs = (refs: readonly ActorRef[], rule: string): void => {
        for (const r of refs) {
          if (r.kind === 'person' && !r.affiliation) continue;
          const ids = r.kind === 'person' ? [r.affiliation ?? ''] : resolveActor(ctx, r);
          for (const id of ids) {
            if (!id) continue;
            addParticipant(rd, id, role(r, id), ctx.evidence(si, r.tokenStart, r.tokenEnd, rule), r.size);
          }
        }
        const states: string[] = [];
        for (const r of refs) {
          if (r.kind !== 'state') break;
          if (!states.includes(r.id)) states.push(r.id);
        }
        if (states.length >= 2) memory.lists.push({ ids: states, kind: 'states' });
      };
      for (const c of ctx.cues(si, 'delegation')) {
        if (!inSeg(c.start)) continue;
        const cover = ctx.actorsIn(si).find((a) => a.tokenStart <= c.start && c.start < a.tokenEnd);
        addRefs(listAt(ctx, si, cover ? cover.tokenStart : c.start, 'forward', segEnd), `participants:${c.entry.id}`);
        addRefs(listAt(ctx, si, c.start, 'backward'), `participants:${c.entry.id}`);
      }
      for (let k = segStart; k < segEnd; k++) {
        const w = t[k]?.lower;
        if (w === 'between' || w === 'with' && k >= np.tokenEnd && k <= np.tokenEnd + 2 || (w === 'of' && t[k - 1]?.lower === 'participation')) {
          const sides = listAt(ctx, si, k + 1, 'forward', segEnd);
          addRefs(sides, `participants:${w}`);
          // "talks between Sudan's army and the RSF": what "the two sides" means later
          const all = sides.flatMap((r) => (r.kind === 'person' ? [] : resolveActor(ctx, r)));
          // "Syria’s warring sides": the possessor is not a side of its own
          const ids = all.filter((x) => !all.some((y) => y !== x && y.startsWith(`${x}.`)));
          if (w === 'between' && ids.length >= 2) memory.lists.push({ ids, kind: 'parties' });
        }
        if (w === 'the') {
          const g = numberedGroup(ctx, k, memory.lists);
          if (g) for (const id of g.ids) addParticipant(round, id, roleOf(proc, undefined, id), ctx.evidence(si, k, g.end, 'participants:numbered-group'));
        }
        if (ATTEND.test(w ?? '')) {
          const subj = listAt(ctx, si, k, 'backward').concat(ctx.actorsIn(si).filter((a) => a.kind === 'person' && a.tokenEnd <= k && a.tokenEnd >= k - 4));
          const asRole = roleAfterAttend(k);
          for (const r of subj) {
            const id = r.kind === 'person' ? r.affiliation : resolveActor(ctx, r)[0];
            if (!id) continue;
            if (asRole === 'guarantor' || asRole === 'mediator') {
              const sp = id.replace(/\.GOV$/, '');
              if (!proc.sponsors.includes(sp)) proc.sponsors.push(sp);
              if (asRole === 'mediator') proc.mediators.add(sp);
            }
            addParticipant(round, id, asRole ?? roleOf(proc, r, id), ctx.evidence(si, r.tokenStart, k + 1, 'participants:attend'));
          }
        }
      }
      for (const l of leaders) addParticipant(round, l.id, roleOf(proc, l.ref, l.id), ctx.evidence(si, l.ref.tokenStart, l.ref.tokenEnd, 'participants:lead'));
      // "Syria's government and opposition returned to the negotiating table": the sentence's subjects
      {
        const first = ctx.actorsIn(si).find((a) => a.tokenStart >= segStart);
        if (first && first.tokenStart <= segStart + 2 && first.kind !== 'person' && first.tokenStart < np.tokenStart) {
          const subj = listAt(ctx, si, first.tokenStart, 'forward', np.tokenStart);
          const after = t[(subj[subj.length - 1]?.tokenEnd ?? first.tokenEnd)];
          // a subject is followed by its verb, not by a preposition or a noun
          if (after && after.shape === 'word' && !after.cap && !/^(of|in|on|at|for|to|with|from|and|as|by|’|'|s)$/.test(after.lower)) addRefs(subj, 'participants:subject');
        }
      }
      // "U.S.-Ukraine talks", "Israel-Hamas negotiations"
      {
        let k = np.tokenStart;
        while (k > segStart && /^(peace|direct|indirect|new|latest|fresh|the)$/.test(t[k - 1]?.lower ?? '')) k--;
        const pair: ActorRef[] = [];
        for (;;) {
          const a = ctx.actorsIn(si).find((x) => x.tokenEnd === k && x.kind !== 'person');
          if (!a) break;
          pair.unshift(a);
          if (t[a.tokenStart - 1]?.text !== '-') break;
          k = a.tokenStart - 1;
        }
        if (pair.length >= 2) addRefs(pair, 'participants:compound');
      }
      // "Trump met with Kim … at the Singapore summit"
      for (const c of ctx.cues(si, 'meeting')) {
        if (!inSeg(c.start) && !(c.start < np.tokenStart && c.start >= segStart - 12)) continue;
        const who = [
          ...listAt(ctx, si, c.start, 'backward'),
          ...ctx.actorsIn(si).filter((a) => a.tokenStart >= c.end && a.tokenStart <= c.end + 2 && (a.kind === 'person' || a.kind === 'state')),
        ];
        addRefs(who, `participants:${c.entry.id}`);
        const sides = who.map((r) => (r.kind === 'person' ? r.affiliation : resolveActor(ctx, r)[0])).filter((x): x is string => Boolean(x));
        if (new Set(sides).size >= 2) memory.lists.push({ ids: [...new Set(sides)], kind: 'parties' });
      }
      // "Their second summit": the two sides named last
      if (/^(their)$/.test(t[np.tokenStart - 1]?.lower ?? '')) {
        const last = [...memory.lists].reverse().find((l) => l.kind === 'parties');
        for (const id of last?.ids ?? []) addParticipant(round, id, roleOf(proc, undefined, id), ctx.evidence(si, np.tokenStart - 1, np.tokenEnd, 'participants:their'));
      }
      // subjects of the round's own verbs: "the U.S. and Ukraine held talks", "the three states agreeing"
      for (const c of ctx.cues(si, 'outcome')) {
        if (!inSeg(c.start)) continue;
        addRefs(listAt(ctx, si, c.start, 'backward', segStart), 'participants:agreeing');
      }

      // agenda and outcomes
      for (const c of ctx.cues(si, 'agenda')) {
        if (c.start < segStart) continue;
        for (const tp of topicsAfter(ctx, si, AFTER_TOPICS.test(ctx.text.slice(t[c.start]?.start ?? 0, t[c.end - 1]?.end ?? 0)) ? segStart : c.end, s.tokenEnd)) {
          if (tp.topic === 'no_progress' || tp.topic === 'agreement' || tp.topic === 'conference') continue;
          if (!round.agenda.has(tp.topic)) {
            round.agenda.add(tp.topic);
            addEvidence(round.evidence, ctx.evidence(si, tp.start, tp.end, `agenda:${c.entry.id}:${tp.rule}`, `agenda.${tp.topic}`));
          }
        }
      }
      for (const o of outcomesIn(segStart, s.tokenEnd)) {
        if (!round.outcomes.has(o.topic) || (o.count && !round.outcomes.get(o.topic)?.count)) {
          round.outcomes.set(o.topic, { kind: o.topic, ...(o.count ? { count: o.count } : {}) });
          addEvidence(round.evidence, ctx.evidence(si, o.start, o.end, o.rule, `outcomes.${o.topic}`));
        }
      }
    }
    rememberLists(si);
  }

  // the number of a round is known from its neighbours: "the next round" after round 6
  for (const r of d.rounds) {
    if (r.ordinal === undefined && r.relative && r.relative !== 'current') {
      const cur = current.get(r.process);
      if (cur?.ordinal !== undefined) r.ordinal = r.relative === 'next' ? cur.ordinal + 1 : r.relative === 'previous' ? cur.ordinal - 1 : r.ordinal;
    }
  }
  return memory;

  function rememberLists(si: number): void {
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
      const last = memory.lists[memory.lists.length - 1];
      if (!last || last.ids.join() !== states.join()) memory.lists.push({ ids: states, kind: 'states' });
    }
  }

  function addBrokers(target: ProcessDraft, si: number, near: (b: Cue, before: boolean) => boolean): void {
    for (const b of ctx.cues(si, 'broker')) {
      if (b.entry.payload.role === 'host') continue;
      const found = brokerRefs(ctx, si, b);
      if (!near(b, found.before)) continue;
      let refs = found.refs;
      // "the two mediators had brokered": the two named last
      if (refs.length === 0 && t[b.start]?.lower === 'the') {
        const g = numberedGroup(ctx, b.start, memory.lists);
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
      if (ids.length >= 2) memory.lists.push({ ids, kind: 'brokers' });
    }
  }

  /** "their first meeting … since 2016", "the first summit in three years": a count of a gap, not a number. */
  function firstSince(from: number): boolean {
    for (let q = from; q < from + 10; q++) {
      const w = t[q]?.lower ?? '';
      if (w === 'since') return true;
      if (w === 'in' && /^(years?|months?|decades?)$/.test(t[q + 2]?.lower ?? '')) return true;
      if (w === '.' || w === ';') break;
    }
    return false;
  }

  /** "since 2016", "by the end of the year", "until March": a bound, not the sitting's date. */
  function boundTime(k: number): boolean {
    let q = k - 1;
    while (q > k - 5 && /^(the|end|start|beginning|middle|of|late|early|mid|-)$/.test(t[q]?.lower ?? '')) q--;
    return /^(since|by|until|till|before|after|within)$/.test(t[q]?.lower ?? '');
  }

  /** "said on Thursday", "announced Monday": the date of the telling. */
  function saidWhen(k: number): boolean {
    let q = k - 1;
    if (/^(on|late|early|last|this)$/.test(t[q]?.lower ?? '')) q--;
    return /^(said|says|announced|told|stated|added|reported|confirmed|declared|tweeted|wrote)$/.test(t[q]?.lower ?? '');
  }

  /** "attending as an observer", "taking part as guarantors": the role a verb of attending names. */
  function roleAfterAttend(k: number): Role | undefined {
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
  function attendance(proc: ProcessDraft, round: RoundDraft, si: number): void {
    const s = ctx.sentences[si];
    if (!s) return;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const w = t[k]?.lower ?? '';
      if (!ATTEND.test(w)) continue;
      const asRole = roleAfterAttend(k);
      for (const r of listAt(ctx, si, k, 'backward')) {
        const id = r.kind === 'person' ? r.affiliation : resolveActor(ctx, r)[0];
        if (id) addParticipant(round, id, asRole ?? roleOf(proc, r, id), ctx.evidence(si, r.tokenStart, k + 1, 'participants:attend'));
      }
    }
    for (const c of ctx.cues(si, 'delegation')) {
      const cover = ctx.actorsIn(si).find((a) => a.tokenStart <= c.start && c.start < a.tokenEnd);
      const refs = listAt(ctx, si, cover ? cover.tokenStart : c.start, 'forward');
      for (const r of refs) {
        if (r.kind === 'person') continue;
        for (const id of resolveActor(ctx, r)) addParticipant(round, id, roleOf(proc, r, id), ctx.evidence(si, r.tokenStart, r.tokenEnd, `participants:${c.entry.id}`));
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

  function hasWord(from: number, to: number, word: string): boolean {
    for (let k = from; k < to; k++) if (t[k]?.lower === word) return true;
    return false;
  }

  function hasBeginCue(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (BEGIN_CUE.test(t[k]?.lower ?? '')) return true;
    return false;
  }

  function outcomesIn(from: number, to: number): { topic: Topic; count?: number; start: number; end: number; rule: string }[] {
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

  function roundOf(process: string, ordinal: number | undefined, time: TimeExpr | undefined, relative?: string, sittingOnly = false): RoundDraft {
    const month = time?.value.slice(0, 7);
    let r = ordinal !== undefined ? d.rounds.find((x) => x.process === process && x.ordinal === ordinal) : undefined;
    if (!r && ordinal !== undefined && month) r = d.rounds.find((x) => x.process === process && x.ordinal === undefined && x.start?.slice(0, 7) === month);
    if (!r && ordinal === undefined && month) r = d.rounds.find((x) => x.process === process && x.start?.slice(0, 7) === month);
    if (!r && ordinal === undefined && (sittingOnly || !month)) r = d.rounds.find((x) => x.process === process && (x.sitting || !x.start) && x.ordinal === undefined && x.relative !== 'previous');
    if (!r) {
      r = { process, votes: [], participants: new Map(), agenda: new Set(), outcomes: new Map(), evidence: [], lastSentence: -1, ...(relative ? { relative } : {}), ...(sittingOnly ? { sitting: true } : {}) };
      d.rounds.push(r);
    }
    if (ordinal !== undefined && r.ordinal === undefined) r.ordinal = ordinal;
    return r;
  }

  function roleOf(proc: ProcessDraft, ref: ActorRef | undefined, id: string): Role {
    const base = id.replace(/\.GOV$/, '');
    if (proc.mediators.has(base)) return 'mediator';
    if (proc.sponsors.includes(base) || proc.sponsors.includes(id)) return 'guarantor';
    if (ref?.kind === 'org' || (!stateOf(id) && !id.startsWith('GRP:') && !id.startsWith('@'))) return 'mediator';
    return 'party';
  }
}

export type { Evidence };
