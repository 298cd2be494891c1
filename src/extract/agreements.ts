// Agreements the text says were reached, signed or in force: kind from the topic named with the
// deal, date from the sentence, scope from the conflict or the agreed venue, parties from the
// subjects of the agreeing verb or "between X and Y".
import type { Topic } from '../record.js';
import { listAt, numberedGroup, resolveActor } from './actors.js';
import type { Sentence } from '../nlp/index.js';
import type { Context, Cue } from './context.js';
import { addEvidence, addParticipant, processDraft, type Drafts } from './draft.js';
import { processIdOfPlace, venueAfter, type TalksMemory } from './talks.js';
import { topicsAfter } from './topics.js';

const CEASEFIRE_NOUNS = /^(ceasefire|ceasefires|cease-fire|truce|armistice|cessation)$/;
const AGREE_VERBS = /^(agreed|agreeing|signed|reached|struck|sealed|clinched|concluded|brokered|endorsed|approved|accepted)$/;
const HYPOTHETICAL = /^(if|would|could|might|may|possible|potential|proposed|proposal|hopes|hope|want|wants|wanting|seek|seeking|aim|aims|push|pushes|pushing|rather|whether|any|future|new|draft|offer|offered|urge|urged|urging|called|calls|demand|demanded|demanding|reject|rejected|rejects|refused|refuses|not|no|never|without)$/;

export function readAgreements(ctx: Context, d: Drafts, memory: TalksMemory): void {
  for (const s of ctx.sentences) readSentence(ctx, d, memory, s);
  // a deal whose subject the text does not say is the named deal of the same article, and
  // several such mentions are one deal talked about again — unless the text dates it apart from
  // every named deal: "signed a peace accord on Tuesday … the ceasefire of 2016"
  const namedDates: (string | undefined)[] = [];
  for (const a of d.agreements) if (a.kind !== 'agreement') namedDates.push(a.date);
  let seen = false;
  for (let i = 0; i < d.agreements.length; i++) {
    const a = d.agreements[i];
    if (a?.kind !== 'agreement') continue;
    const date = a.date;
    // apart: its own date, which no named deal shares at the precision both give
    const apart = date !== undefined && ownDated.has(a) && !namedDates.some((n) => n === undefined || sameTime(n, date));
    if (seen || (namedDates.length > 0 && !apart)) d.agreements.splice(i--, 1);
    seen = true;
  }
}

function sameTime(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** Deals whose date the text said in their own sentence, not one taken from around it. */
const ownDated = new WeakSet<object>();

/** "the 2015 nuclear deal", "the February 2020 landmark pact": a deal dated in passing exists. */
function datedAt(ctx: Context, si: number, c: { readonly start: number }): string | undefined {
  const t = ctx.tokens;
  for (const x of ctx.timesIn(si)) {
    const e = ctx.tokenAt(x.end);
    if (e <= c.start && e >= c.start - 6 && !x.rule.startsWith('past-n') && !x.rule.startsWith('chrono')) {
      let plain = true;
      for (let k = e; k < c.start; k++) if (!(t[k]?.shape === 'word' && !t[k]?.cap) && t[k]?.text !== '-') plain = false;
      if (plain) return x.value;
    }
  }
  return undefined;
}

function anyDated(ctx: Context, si: number, nouns: readonly Cue[]): boolean {
  for (const c of nouns) if (datedAt(ctx, si, c)) return true;
  return false;
}

interface Trigger {
  readonly c: Cue;
  readonly noun: boolean;
}

// the reading is split into small functions: each stays under the optimising compiler's size
// limit (see ../tune.ts), where one long function would run unoptimised
function readSentence(ctx: Context, d: Drafts, memory: TalksMemory, s: Sentence): void {
  const t = ctx.tokens;
  const si = s.index;
  const nouns = ctx.cues(si, 'agreement_noun');
  const verbs = ctx.cues(si, 'agreement_verb');
  // most sentences hold no deal: they are passed over without allocating
  let outcomes: Cue[] | undefined;
  for (const c of ctx.cues(si, 'outcome')) if (AGREE_VERBS.test(t[c.start]?.lower ?? '')) (outcomes ??= []).push(c);
  if (verbs.length === 0 && !outcomes && !anyDated(ctx, si, nouns)) return;
  outcomes ??= [];
  const triggers: Trigger[] = [...nouns.map((c) => ({ c, noun: true })), ...outcomes.map((c) => ({ c, noun: false }))].sort((a, b) => a.c.start - b.c.start);
  const done = new Set<number>();
  for (const { c, noun } of triggers) {
    if (done.has(c.start)) continue;
    if (readTrigger(ctx, d, memory, s, c, noun, verbs)) done.add(c.start);
  }
}

function isHypothetical(ctx: Context, s: Sentence, c: Cue): boolean {
  const t = ctx.tokens;
  let hypothetical = false;
  for (let k = Math.max(s.tokenStart, c.start - 4); k < c.start; k++) if (HYPOTHETICAL.test(t[k]?.lower ?? '')) hypothetical = true;
  return hypothetical;
}

/** The deal's kind: a ceasefire noun, the topic named with it, or a deal of no named subject. */
function kindOf(ctx: Context, s: Sentence, c: Cue, noun: boolean): Topic | undefined {
  const t = ctx.tokens;
  const si = s.index;
  const word = t[c.start]?.lower ?? '';
  const after = topicsAfter(ctx, si, c.end, Math.min(s.tokenEnd, c.end + 14)).filter((x) => x.topic !== 'no_progress' && x.topic !== 'agreement');
  // "the nuclear deal", "the peace-building pact to pull all troops": the topic may name the deal itself
  const own = topicsAfter(ctx, si, Math.max(s.tokenStart, c.start - 3), c.end).filter((x) => x.topic !== 'no_progress' && x.topic !== 'agreement' && x.topic !== 'conference' && x.end >= c.end);
  if (own[0]) after.unshift(own[0]);
  if (noun && CEASEFIRE_NOUNS.test(word)) return 'ceasefire';
  if (after[0] && (!noun || /^(on|to|for|over|,)$/.test(t[c.end]?.lower ?? '') || after[0].start - c.end <= 12)) return after[0].topic;
  // "the pact the United States negotiated with the insurgents in Doha, to pull all troops":
  // a purpose clause after a relative clause says what the deal is for
  if (noun) return purposeOf(ctx, s, c) ?? 'agreement';
  return undefined;
}

function purposeOf(ctx: Context, s: Sentence, c: Cue): Topic | undefined {
  const t = ctx.tokens;
  const hi = Math.min(s.tokenEnd, c.end + 24);
  for (const x of topicsAfter(ctx, s.index, c.end, hi)) {
    if (x.topic === 'no_progress' || x.topic === 'agreement' || x.topic === 'conference') continue;
    // an infinitive ("to pull"), with no other clause between it and the deal
    const to = t[x.start]?.lower === 'to' ? x.start : t[x.start - 1]?.lower === 'to' ? x.start - 1 : -1;
    if (to < 0) continue;
    let sameClause = true;
    for (let k = c.end; k < to; k++) if (/^(;|:|but|while|and|which|who)$/.test(t[k]?.lower ?? '')) sameClause = false;
    if (sameClause) return x.topic;
  }
  return undefined;
}

/** One trigger read as an agreement; true when it was one (a new deal or a deal named again). */
function readTrigger(ctx: Context, d: Drafts, memory: TalksMemory, s: Sentence, c: Cue, noun: boolean, verbs: readonly Cue[]): boolean {
  const si = s.index;
  // hypothetical or refused deals are not agreements
  if (isHypothetical(ctx, s, c)) return false;
  const kind = kindOf(ctx, s, c, noun);
  if (!kind) return false;
  // a verb of agreement must hold the noun: "a ceasefire, which took in December 2016"
  const dated = noun ? datedAt(ctx, si, c) : undefined;
  const verb = noun ? (verbs.find((v) => Math.abs(v.start - c.end) <= 8 || Math.abs(c.start - v.end) <= 6) ?? (dated ? c : undefined)) : c;
  if (!verb) return false;
  let scopePlace: string | undefined;
  if (kind === 'conference') {
    const p = ctx.placesIn(si).find((x) => x.tokenStart > c.end && !x.id.endsWith('@XZ'));
    if (p) scopePlace = p.id;
  }
  const scope = scopePlace ?? ctx.conflict;
  const parties = partiesOf(ctx, memory, s, c, Math.min(c.start, verb.start));
  if (parties.length === 0 && noun && verb.start >= c.end && verb.start - c.end <= 6) relativeParties(ctx, s, c, verb, parties);
  const date = dateOf(ctx, d, si, c, verb, dated);
  const ev = ctx.evidence(si, Math.min(c.start, verb.start), Math.max(c.end, verb.end), `agreement:${c.entry.id}:${verb.entry.id}`);
  const same = d.agreements.find((a) => a.kind === kind && (a.date === undefined || date === undefined || a.date.slice(0, 7) === date.slice(0, 7)));
  if (same) {
    addEvidence(same.evidence, ev);
    return true;
  }
  // parties unsaid: the two sides the story named last
  if (parties.length === 0) {
    const last = [...memory.lists].reverse().find((l) => l.kind === 'parties');
    if (last) for (const id of last.ids) if (!parties.includes(id)) parties.push(id);
  }
  if (noun && verb.start >= c.end) talksOfDeal(ctx, d, s, verb, kind, parties, date);
  const deal = {
    kind,
    ...(scope ? { scope } : {}),
    ...(date ? { date } : {}),
    ...(parties.length ? { parties } : {}),
    evidence: [ev],
  };
  if (date !== undefined && (dated !== undefined || ctx.timesIn(si).some((x) => x.value === date))) ownDated.add(deal);
  d.agreements.push(deal);
  return true;
}

/**
 * "the pact the United States negotiated with the insurgents in Doha": a deal made somewhere
 * was made at talks there. Where the article has no talks of that name, they are added: held,
 * between the deal's parties, producing the deal.
 */
function talksOfDeal(ctx: Context, d: Drafts, s: Sentence, verb: Cue, kind: Topic, parties: readonly string[], date: string | undefined): void {
  if (parties.length < 2 || !/^(negotiated|signed|reached|struck|sealed|clinched|concluded|agreed)$/.test(ctx.tokens[verb.start]?.lower ?? '')) return;
  let clauseEnd = s.tokenEnd;
  for (let k = verb.end; k < s.tokenEnd; k++) if (/^(;|which|who|but|while)$/.test(ctx.tokens[k]?.lower ?? '')) { clauseEnd = k; break; }
  const place = venueAfter(ctx, s.index, verb.end, clauseEnd)?.place;
  if (!place || place.id.endsWith('@XZ')) return;
  const id = processIdOfPlace(place);
  if (d.processes.has(id) || d.rounds.some((r) => r.process === id)) return;
  const ev = ctx.evidence(s.index, verb.start, place.tokenEnd, 'round:deal-venue');
  processDraft(d, id, ev);
  // the talks ended in the deal: they sat when it was made (a month at most, since they may have run longer)
  const round = { process: id, venue: place.id, ...(date ? { start: date.slice(0, 7) } : {}), votes: [{ status: 'held' as const, distance: 0, sentence: s.index }], participants: new Map(), agenda: new Set<Topic>(), outcomes: new Map([[kind, { kind }]]), evidence: [ev], lastSentence: s.index };
  if (date) round.evidence.push({ ...ev, rule: 'round:start:deal-date', slot: 'start' });
  for (const p of parties) addParticipant(round, p, 'party', ev);
  const host = ctx.placeCountry(place.id);
  if (host) addParticipant(round, host, 'host', ctx.evidence(s.index, place.tokenStart, place.tokenEnd, 'round:host:venue-country'));
  d.rounds.push(round);
}

/** Parties: "the three states agreeing", "X and Y signed", "between X and Y". */
function partiesOf(ctx: Context, memory: TalksMemory, s: Sentence, c: Cue, vStart: number): string[] {
  const t = ctx.tokens;
  const si = s.index;
  const parties: string[] = [];
  for (let k = Math.max(s.tokenStart, vStart - 6); k < vStart; k++) {
    const g = numberedGroup(ctx, k, memory.lists);
    if (g) for (const id of g.ids) if (!parties.includes(id)) parties.push(id);
  }
  if (parties.length === 0) {
    // a person signs for the side they speak for
    for (const r of subjectsOf(ctx, si, s.tokenStart, vStart)) {
      for (const id of r.kind === 'person' && r.affiliation ? [r.affiliation] : resolveActor(ctx, r)) if (!parties.includes(id) && !id.startsWith('@')) parties.push(id);
    }
  }
  const between = betweenAfter(t, c.end, Math.min(s.tokenEnd, c.end + 4));
  if (between > 0) for (const r of listAt(ctx, si, between + 1, 'forward')) for (const id of resolveActor(ctx, r)) if (!parties.includes(id) && !id.startsWith('@')) parties.push(id);
  return parties;
}

/**
 * "the pact the United States negotiated with the insurgents": a relative clause on the deal
 * names who made it — its subject, and whoever the verb was "with".
 */
function relativeParties(ctx: Context, s: Sentence, c: Cue, verb: Cue, parties: string[]): void {
  const t = ctx.tokens;
  const si = s.index;
  const subject = listAt(ctx, si, verb.start, 'backward', c.end);
  if (subject.length === 0) return;
  const add = (r: Parameters<typeof resolveActor>[1]): void => {
    for (const id of resolveActor(ctx, r)) if (!parties.includes(id) && !id.startsWith('@')) parties.push(id);
  };
  for (const r of subject) add(r);
  if (t[verb.end]?.lower === 'with') for (const r of listAt(ctx, si, verb.end + 1, 'forward')) add(r);
}

/**
 * The list right before a verb; past an appositive closed by a comma, the list before it:
 * "Nyusi and Ossufo Momade, the leader of the former rebel movement Renamo, signed".
 */
function subjectsOf(ctx: Context, si: number, lo: number, verb: number): ReturnType<typeof listAt> {
  const t = ctx.tokens;
  const near = listAt(ctx, si, verb, 'backward');
  if (t[verb - 1]?.text !== ',') return near;
  let open = verb - 2;
  while (open > Math.max(lo, verb - 16) && t[open]?.text !== ',') open--;
  if (t[open]?.text !== ',') return near;
  const before = listAt(ctx, si, open, 'backward');
  return before.length > 0 ? before : near;
}

/** The first "between" after a token and before a bound; -1 when there is none. */
function betweenAfter(t: Context['tokens'], after: number, before: number): number {
  for (let k = Math.max(after + 1, 0); k < before && k < t.length; k++) if (t[k]?.lower === 'between') return k;
  return -1;
}

/**
 * Undated in its sentence: the time the story last gave (two sentences back at most), or the
 * sitting the sentence belongs to, or the day of publication for a deal just reported.
 */
function dateOf(ctx: Context, d: Drafts, si: number, c: Cue, verb: Cue, dated: string | undefined): string | undefined {
  const t = ctx.tokens;
  const time = ctx.timesIn(si).filter((x) => !x.rule.startsWith('past-n')).sort((a, b) => Math.abs(ctx.tokenAt(a.start) - c.start) - Math.abs(ctx.tokenAt(b.start) - c.start))[0];
  let date = dated ?? time?.value;
  if (!date) {
    for (let b = si - 1; b >= Math.max(0, si - 2) && !date; b--) {
      const prev = ctx.timesIn(b).filter((x) => !x.rule.startsWith('past-n') && !x.rule.startsWith('chrono'));
      date = prev[prev.length - 1]?.value;
    }
  }
  if (!date) {
    const r = d.rounds.find((x) => x.evidence.some((e) => e.sentence === si) && x.start) ?? [...d.rounds].reverse().find((x) => x.start && x.lastSentence >= si - 3);
    date = r?.start;
  }
  if (!date && ctx.published && /^(signed|reached|agreed|struck|sealed|clinched|concluded)$/.test(t[verb.start]?.lower ?? '')) date = ctx.published;
  return date;
}
