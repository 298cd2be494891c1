// Alignments ("Iran and Russia are allies of the Syrian government"), demands ("the
// opposition's insistence that Assad should cede power"), meetings and conflict events.
import type { Sentence, TimeExpr } from '../nlp/index.js';
import type { ConflictEvent, DemandKind, Evidence } from '../record.js';
import { brokersNamed, listAt, mainGroup, resolveActor, stateOf } from './actors.js';
import type { ActorRef, Context, Cue, PlaceRef } from './context.js';
import { addEvidence, type Drafts } from './draft.js';
import { placesAfterVerb } from './event-places.js';
import { topicsAfter } from './topics.js';

function idsOf(ctx: Context, refs: readonly ActorRef[], persons: 'keep' | 'affiliation'): string[] {
  const out: string[] = [];
  for (const r of refs) {
    const ids = r.kind === 'person' ? (persons === 'keep' ? [r.id] : r.affiliation ? [r.affiliation] : []) : resolveActor(ctx, r);
    for (const id of ids) if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The nearest actor(s) before a cue in the same sentence: the subject, possibly a list. */
function subjectBefore(ctx: Context, sentence: number, at: number): ActorRef[] {
  // "U.S. officials have blamed the Taliban … and called on": a second verb shares the first's subject
  if (ctx.tokens[at - 1]?.lower === 'and' && !ctx.actorsIn(sentence).some((a) => a.tokenEnd === at - 1)) {
    const s = ctx.sentences[sentence];
    const head = ctx.actorsIn(sentence).find((a) => a.kind !== 'adj');
    if (s && head && head.tokenStart <= s.tokenStart + 2) return listAt(ctx, sentence, head.tokenStart, 'forward', at).filter((a) => a.kind !== 'adj');
  }
  const list = listAt(ctx, sentence, at, 'backward');
  if (list.length > 0) return list;
  // "Russia and China, who also are JCPOA signatories, are allies of Tehran"
  const t0 = ctx.tokens;
  let j = at - 1;
  while (j > at - 14 && j > 0 && t0[j]?.text !== ',') j--;
  if (t0[j]?.text === ',') {
    let i = j - 1;
    while (i > j - 14 && i > 0 && t0[i]?.text !== ',') i--;
    if (t0[i]?.text === ',' && /^(who|which|whose|both|all)$/.test(t0[i + 1]?.lower ?? '')) {
      const inner = listAt(ctx, sentence, i, 'backward');
      if (inner.length > 0) return inner;
    }
  }
  // "the opposition’s insistence": a possessor right before the cue
  const t = ctx.tokens;
  let k = at;
  while (k > 0 && /^(’|'|s|the|its|their|his|her|repeated|renewed|main|key|firm|strong)$/.test(t[k - 1]?.lower ?? '')) k--;
  const poss = ctx.actorsIn(sentence).filter((a) => a.tokenEnd === k);
  if (poss.length > 0) return poss;
  // "Mohammed bin Salman, commonly known as MBS, met with Rubio": skip a parenthetical
  if (t[at - 1]?.text === ',') {
    let i = at - 2;
    while (i > at - 14 && i > 0 && t[i]?.text !== ',') i--;
    if (t[i]?.text === ',') {
      const head = ctx.actorsIn(sentence).filter((a) => a.tokenEnd === i && (a.kind === 'person' || a.kind === 'state' || a.kind === 'org'));
      if (head.length > 0) return head;
    }
  }
  // otherwise the last actor before the cue within a few tokens, not across a clause
  const before = ctx.actorsIn(sentence).filter((a) => a.tokenEnd <= at && a.tokenEnd >= at - 10);
  for (let q = before.length - 1; q >= 0; q--) {
    const a = before[q];
    if (!a) continue;
    let clause = false;
    for (let j = a.tokenEnd; j < at; j++) if (/^(,|;|that|which|who|while|but)$/.test(t[j]?.lower ?? '')) clause = true;
    if (!clause) return [a];
  }
  return [];
}

function firstActorAfter(ctx: Context, sentence: number, from: number, to?: number): ActorRef | undefined {
  const s = ctx.sentences[sentence];
  const limit = Math.min(to ?? s?.tokenEnd ?? from, s?.tokenEnd ?? from);
  // an actor that resolves to nothing ("anti-Damascus" before "armed groups") is passed over
  return ctx.actorsIn(sentence).find((a) => a.tokenStart >= from && a.tokenStart < limit && a.kind !== 'adj' && resolveActor(ctx, a).length > 0);
}

export function readRelations(ctx: Context, d: Drafts): void {
  // one small function per relation kind: each stays under the optimising compiler's size limit
  // (see ../tune.ts), where one long pass over all of them would run unoptimised
  for (const s of ctx.sentences) {
    if (ctx.actorsIn(s.index).length === 0) continue;
    readAlignments(ctx, d, s.index);
    readDemands(ctx, d, s);
    readMeetings(ctx, d, s.index);
    readForumMeeting(ctx, d, s);
    readEvents(ctx, d, s);
  }
}

const NOT_A_TARGET = /^(proposal|proposals|plan|ceasefire|deal|initiative|idea|efforts|position|call|offer|bid|decision|resolution|draft|statement|demand|demands|push|approach|terms)$/;

function readAlignments(ctx: Context, d: Drafts, si: number): void {
  const t = ctx.tokens;
  for (const c of ctx.cues(si, 'alignment')) {
    const relation = c.entry.payload.relation;
    if (!relation) continue;
    // a cue word inside a name ("the armed opposition") is part of the name
    if (ctx.actorsIn(si).some((a) => a.tokenStart <= c.start && c.start < a.tokenEnd)) continue;
    let actors: ActorRef[];
    let target: ActorRef | undefined;
    const word = t[c.end - 1]?.lower ?? '';
    if (t[c.start]?.text === '-') {
      // "Russia-backed forces", "Iran-backed Houthis"
      actors = ctx.actorsIn(si).filter((a) => a.tokenEnd === c.start);
      target = firstActorAfter(ctx, si, c.end, c.end + 3);
      // "the Iran-aligned Houthis": the Houthis are Iran's allies
      if (word === 'aligned' && target && actors[0]) [actors, target] = [[target], actors[0]];
    } else {
      actors = subjectBefore(ctx, si, c.start);
      if (actors.length === 0) actors = whichClauseHead(ctx, si, c.start);
      // "back"/"support" bare are verbs only with their object right after: "Egypt back Haftar", not "back to the table"
      const bare = /^(back|support)$/.test(word);
      if (bare) {
        const at = c.end + (t[c.end]?.lower === 'the' ? 1 : 0);
        target = ctx.actorsIn(si).find((a) => (a.titleStart ?? a.tokenStart) === at && a.kind !== 'capital' && a.kind !== 'adj');
      } else {
        target = firstActorAfter(ctx, si, c.end, c.end + 6);
      }
      // "Iran and Russia remain Damascus's principal allies"
      if (!target && /^(ally|allies)$/.test(word)) [actors, target] = possessedAllies(ctx, si, c.start);
    }
    if (!target || actors.length === 0) continue;
    // "Khalifa Haftar's Libyan National Army": the force named after the possessive
    if (target.kind === 'person' && /^(’|')$/.test(t[target.tokenEnd]?.text ?? '') && t[target.tokenEnd + 1]?.lower === 's') {
      const after = target.tokenEnd + 2;
      const owned = ctx.actorsIn(si).find((a) => a.tokenStart === after && a.kind !== 'person');
      if (owned) target = owned;
    }
    if (NOT_A_TARGET.test(t[target.tokenEnd]?.lower ?? '')) continue;
    // "the army and allied armed groups": an adjective on a noun it describes, not a relation to it
    if (target.kind === 'collective' && target.tokenStart === c.end && t[c.start]?.text !== '-' && /^(allied|backed|supported)$/.test(t[c.end - 1]?.lower ?? '')) continue;
    const targets = idsOf(ctx, [target], 'keep');
    for (const a of idsOf(ctx, actors, 'keep')) {
      for (const tg of targets) {
        if (a === tg || a.replace(/\.GOV$/, '') === tg.replace(/\.GOV$/, '')) continue;
        const key = `${a}|${relation}|${tg}`;
        if (!d.alignments.has(key)) d.alignments.set(key, { actor: a, relation, target: tg, evidence: [ctx.evidence(si, actors[0]?.tokenStart ?? c.start, target.tokenEnd, c.entry.id)] });
      }
    }
  }
}

/** "The Saudi-led coalition, which backs …": the phrase the relative clause hangs on. */
function whichClauseHead(ctx: Context, si: number, at: number): ActorRef[] {
  const t = ctx.tokens;
  if (!/^(which|who|that)$/.test(t[at - 1]?.lower ?? '') || t[at - 2]?.text !== ',') return [];
  const comma = at - 2;
  const head = ctx.actorsIn(si).filter((a) => a.kind !== 'person' && a.tokenEnd <= comma && a.tokenEnd >= comma - 3);
  return head.slice(-1);
}

/** "Iran and Russia remain Damascus's principal allies": the possessor is the ally, the subject before the copula the allies. */
function possessedAllies(ctx: Context, si: number, at: number): [ActorRef[], ActorRef | undefined] {
  const t = ctx.tokens;
  let k = at;
  while (k > 0 && /^(principal|main|key|closest|close|staunch|strongest|chief|only|last|remaining|regional|traditional|most|important)$/.test(t[k - 1]?.lower ?? '')) k--;
  if (t[k - 1]?.lower !== 's' || !/^(’|')$/.test(t[k - 2]?.text ?? '')) return [[], undefined];
  const owner = ctx.actorsIn(si).find((a) => a.tokenEnd === k - 2);
  if (!owner) return [[], undefined];
  const cop = owner.tokenStart - 1;
  if (!/^(remain|remains|are|is|were|was|became|become)$/.test(t[cop]?.lower ?? '')) return [[], undefined];
  return [listAt(ctx, si, cop, 'backward'), owner];
}

interface Ask {
  readonly kind: DemandKind;
  readonly target: ActorRef | undefined;
  readonly end: number;
}

/** Demands: one per topic asked for ("to reduce hostilities and resume stalled peace talks"). */
function readDemands(ctx: Context, d: Drafts, s: Sentence): void {
  const si = s.index;
  for (const c of ctx.cues(si, 'demand')) {
    const actors = subjectBefore(ctx, si, c.start);
    if (actors.length === 0) continue;
    const lc = ctx.cues(si, 'leadership_change').find((x) => x.start > c.end && x.start < c.end + 16);
    const asks: Ask[] = [];
    if (lc) {
      const target = ctx.actorsIn(si).filter((a) => a.tokenStart >= c.end && a.tokenEnd <= lc.start).pop();
      asks.push({ kind: 'leadership_change', target, end: lc.end });
    } else {
      const topics = topicsAfter(ctx, si, c.end, Math.min(s.tokenEnd, c.end + 16)).filter((x) => x.topic !== 'no_progress' && x.topic !== 'agreement').slice(0, 3);
      const first = topics[0];
      const target = first ? firstActorAfter(ctx, si, c.end, first.start) : undefined;
      for (const tp of topics) asks.push({ kind: tp.topic, target, end: tp.end });
    }
    const actorIds = idsOf(ctx, actors, 'keep');
    for (const ask of asks) {
      // "Washington’s call for full denuclearization": the demand is on the other side
      const targetIds = ask.target ? idsOf(ctx, [ask.target], 'keep') : counterpart(ctx, actorIds[0]);
      for (const a of actorIds) {
        for (const tg of targetIds) {
          if (a === tg) continue;
          const key = `${a}|${ask.kind}|${tg}`;
          if (!d.demands.has(key)) d.demands.set(key, { actor: a, kind: ask.kind, target: tg, evidence: [ctx.evidence(si, actors[0]?.tokenStart ?? c.start, ask.end, c.entry.id)] });
        }
      }
    }
  }
}

const TALKS_NOUNS = /^(talks|negotiations|discussions|consultations)$/;
const SITTING_NOUNS = /^(summit|round|session|congress|conference)$/;
const MEETING_MAYBE = /^(possible|could|would|might|may|if|proposed|propose|hopes|hoped|hoping|wants|wanted|ready|willing|invited|invitation|offered)$/;
const MEETING_CLAUSE = /^(;|that|which|who|while|but|said|says|as)$/;

/** Meetings between named people (or actors) outside a round. */
function readMeetings(ctx: Context, d: Drafts, si: number): void {
  const t = ctx.tokens;
  // a sentence about a round's talks is read by the round rules, not as a side meeting
  const meetings = ctx.cues(si, 'meeting');
  if (meetings.length === 0) return;
  // ("held talks with" is itself the meeting verb, and so is "for talks with" after a visit)
  const inVerb = (c: { readonly start: number }): boolean => meetings.some((m) => (m.start < c.start || (m.start === c.start && /^(for|held|hold|holds|had|have)$/.test(t[m.start - 1]?.lower ?? ''))) && c.start < m.end);
  // "Putin and Zelensky held a separate meeting" says it is a side meeting, whatever else the sentence holds
  const explicit = meetings.some((m) => m.entry.id === 'meeting:held-meeting');
  if (!explicit && (ctx.cues(si, 'track').some((c) => TALKS_NOUNS.test(t[c.end - 1]?.lower ?? '') && !inVerb(c))
    || ctx.cues(si, 'sitting').some((c) => SITTING_NOUNS.test(t[c.end - 1]?.lower ?? '') && !inVerb(c)))) return;
  for (const c of meetings) readMeeting(ctx, d, si, c);
}


/** One meeting verb: who met whom (and, where each one met is dated, one meeting per person met). */
function readMeeting(ctx: Context, d: Drafts, si: number, c: Cue): void {
  const t = ctx.tokens;
  // "a meeting between Putin and Zelensky was possible": a meeting that may come is not one that was
  for (let k = Math.max(0, c.start - 4); k < c.end + 12 && k < t.length; k++) {
    if (k >= c.end && (t[k]?.text === ',' || MEETING_CLAUSE.test(t[k]?.lower ?? ''))) break;
    if (MEETING_MAYBE.test(t[k]?.lower ?? '')) return;
  }
  // "Delegations from the three guarantor states sat down with a government team": the sitting itself, read as a round
  if (ctx.cues(si, 'delegation').some((x) => /^(delegation|delegations|team|teams)$/.test(t[x.end - 1]?.lower ?? ''))) return;
  let subj = subjectBefore(ctx, si, c.start).filter((a) => a.kind === 'person' || a.kind === 'state' || a.kind === 'org');
  if (subj.length === 0) subj = participleSubject(ctx, si, c);
  // "Zelensky, who met Putin for the first time"
  if (subj.length === 0 && t[c.start - 1]?.lower === 'who' && t[c.start - 2]?.text === ',') subj = ctx.actorsIn(si).filter((a) => a.kind === 'person' && a.tokenEnd === c.start - 2);
  // the people met: every person after the verb up to the end of the clause
  const objs: ActorRef[] = [];
  for (const a of ctx.actorsIn(si)) {
    if (a.tokenStart < c.end) continue;
    let clause = false;
    for (let j = c.end; j < a.tokenStart; j++) if (MEETING_CLAUSE.test(t[j]?.lower ?? '')) clause = true;
    if (clause) break;
    if (a.kind === 'person' || (a.kind === 'state' && objs.length === 0 && a.tokenStart === c.end)) objs.push(a);
  }
  const ev: Evidence = ctx.evidence(si, subj[0]?.tokenStart ?? c.start, Math.max(c.end, objs[objs.length - 1]?.tokenEnd ?? c.end), c.entry.id);
  // "holding talks with Putin on Monday and Zelensky on Tuesday": two meetings, one a day, and
  // where the sentence went first to one city and then another, one city each
  const days = objs.length >= 2 && subj.length > 0 ? objs.map((o) => timeRightAfter(ctx, si, o)) : [];
  if (days.length > 0 && days.every((x) => x !== undefined)) {
    const visited = ctx.placesIn(si).filter((p) => p.tokenEnd <= c.start && !p.id.endsWith('@XZ'));
    objs.forEach((o, i) => addMeeting(d, idsOf(ctx, [...subj, o], 'keep'), visited.length === objs.length ? visited[i] : undefined, days[i], ev));
    return;
  }
  const place = ctx.placesIn(si).find((p) => p.tokenStart > c.start && /^(in|at|of)$/.test(t[p.tokenStart - 1]?.lower ?? '') && !p.id.endsWith('@XZ'));
  const time = ctx.timesIn(si).find((x) => !x.rule.startsWith('past-n'));
  addMeeting(d, idsOf(ctx, [...subj, ...objs], 'keep'), place, time, ev);
}

function addMeeting(d: Drafts, participants: string[], place: PlaceRef | undefined, time: TimeExpr | undefined, ev: Evidence): void {
  if (participants.length < 2 || !participants.some((p) => p.startsWith('@'))) return;
  const same = d.meetings.find((m) => participants.filter((p) => m.participants.includes(p)).length >= 2);
  if (same) {
    addEvidence(same.evidence, ev);
    return;
  }
  d.meetings.push(newMeeting(participants, place, time, [ev]));
}

/** "Macron travelled to Moscow and Kyiv, holding talks with …": the participle's subject is the sentence's. */
function participleSubject(ctx: Context, si: number, c: Cue): ActorRef[] {
  const t = ctx.tokens;
  // "Khalilzad arrived in Kabul on Friday for talks with Ghani": the visitor
  const visit = t[c.start - 1]?.lower === 'for';
  if (!visit && (t[c.start - 1]?.text !== ',' || !/ing$/.test(t[c.start]?.lower ?? ''))) return [];
  const head = ctx.actorsIn(si).find((a) => a.kind !== 'adj' && a.tokenEnd <= c.start);
  return head?.kind === 'person' ? [head] : [];
}

/** A time said right after a person: "Putin on Monday". */
function timeRightAfter(ctx: Context, si: number, a: ActorRef): TimeExpr | undefined {
  return ctx.timesIn(si).find((x) => {
    const k = ctx.tokenAt(x.start);
    return k >= a.tokenEnd && k <= a.tokenEnd + 1 && !x.rule.startsWith('past-n');
  });
}

/** A meeting record: its keys in the record's order, only the ones known. */
function newMeeting(participants: string[], place: PlaceRef | undefined, time: TimeExpr | undefined, evidence: Evidence[]): Drafts['meetings'][number] {
  if (place) return time ? { participants, place: place.id, date: time.value, evidence } : { participants, place: place.id, evidence };
  return time ? { participants, date: time.value, evidence } : { participants, evidence };
}

const GATHERED = /\b(gathered|gather|convened|met)\b/;

/** A forum's gathering ("the G7 talks in Quebec", "NATO leaders met in Vilnius"): one meeting per forum. */
function readForumMeeting(ctx: Context, d: Drafts, s: Sentence): void {
  const si = s.index;
  const t = ctx.tokens;
  for (const org of ctx.actorsIn(si)) {
    if (org.kind !== 'org' || !ctx.lexicon.forums.has(org.id)) continue;
    const noun = [...ctx.cues(si, 'track'), ...ctx.cues(si, 'sitting')].some((c) => c.start >= org.tokenEnd && c.start <= org.tokenEnd + 3);
    const verb = ctx.cues(si, 'meeting').length > 0 || GATHERED.test(ctx.text.slice(s.start, s.end));
    if (!noun && !verb) continue;
    let m = d.meetings.find((x) => x.participants[0] === org.id);
    const ev = ctx.evidence(si, org.tokenStart, org.tokenEnd, 'meeting:forum');
    if (!m) {
      const place = ctx.placesIn(si).find((p) => /^(in|at)$/.test(t[p.tokenStart - 1]?.lower ?? '') && !p.id.endsWith('@XZ'));
      const time = ctx.timesIn(si).find((x) => !x.rule.startsWith('past-n'));
      m = newMeeting([org.id], place, time, []);
      d.meetings.push(m);
    }
    addEvidence(m.evidence, ev);
    // its members, when the sentence lists them
    const states = ctx.actorsIn(si).filter((a) => a.kind === 'state');
    if (states.length >= 3) {
      const list = listAt(ctx, si, states[0]?.tokenStart ?? 0, 'forward').filter((a) => a.kind === 'state');
      const members = m.participants as string[];
      for (const a of list.length >= 3 ? list : []) if (!members.includes(a.id)) members.push(a.id);
    }
    return;
  }
}

const DENIED = /\b(denied|denies|deny|rejected the claim|unconfirmed|could not be verified)\b/;
const TROOPS = /^(troops|forces|soldiers|fighters|units|contingent|military|army|militias)$/;

/** Events of the vocabulary's kinds; a claim the sentence says was denied is not an event. */
function readEvents(ctx: Context, d: Drafts, s: Sentence): void {
  const si = s.index;
  const t = ctx.tokens;
  const events = ctx.cues(si, 'event');
  if (events.length === 0 || DENIED.test(ctx.text.slice(s.start, s.end))) return;
  for (const c of events) {
    const kind = c.entry.payload.kind;
    if (!kind) continue;
    if (kind === 'withdrawal') {
      readWithdrawal(ctx, d, s, c, kind);
      continue;
    }
    let actor: ActorRef | undefined;
    // passive: "Aleppo was recaptured by government forces"
    if (t[c.end]?.lower === 'by') actor = firstActorAfter(ctx, si, c.end + 1, c.end + 5);
    actor ??= subjectBefore(ctx, si, c.start)[0];
    // "blasts … in Baghdad’s Sadr City district had killed": a city after "in" is where, not who
    if (actor && (actor.kind === 'capital' || actor.kind === 'state') && /^(in|at|near|outside|inside)$/.test(t[actor.tokenStart - 1]?.lower ?? '')) actor = undefined;
    const actorId = actor ? idsOf(ctx, [actor], 'affiliation')[0] : undefined;
    const sentenceTime = ctx.timesIn(si).find((x) => !x.rule.startsWith('past-n'));
    const after = placesAfterVerb(ctx, si, c.end);
    // "captured Bunagana in June, and Rutshuru and Kiwanja in late October": one event a place
    if (after.length >= 2) {
      for (const x of after) addEvent(ctx, d, c, kind, actorId, x.place, x.time ?? sentenceTime);
      continue;
    }
    // an event is somewhere: without a place it is a claim about the conflict, not an event
    const place = nearestPlace(ctx, si, c.start, c.end) ?? after[0]?.place ?? cityBefore(ctx, s, c.end);
    if (place) addEvent(ctx, d, c, kind, actorId, place, sentenceTime);
  }
}

/** "bombed positions in the eastern districts of the city": the city the story last named, a few sentences back at most. */
function cityBefore(ctx: Context, s: Sentence, from: number): PlaceRef | undefined {
  const t = ctx.tokens;
  let says = false;
  for (let k = from; k < Math.min(s.tokenEnd, from + 12); k++) if (/^(city|town)$/.test(t[k]?.lower ?? '') && t[k - 1]?.lower === 'the') says = true;
  if (!says) return undefined;
  let best: PlaceRef | undefined;
  for (const p of ctx.places) {
    if (p.sentence < s.index - 3 || p.tokenStart >= from || p.id.endsWith('@XZ')) continue;
    // a region or a sea is not "the city"
    const kind = ctx.gazetteer.place(p.id)?.kind;
    if (kind !== undefined && kind !== 'city') continue;
    best = p;
  }
  return best;
}

function addEvent(ctx: Context, d: Drafts, c: Cue, kind: ConflictEvent['kind'], actorId: string | undefined, place: PlaceRef, time: TimeExpr | undefined): void {
  const placeId = !place.id.endsWith('@XZ') ? place.id : undefined;
  if (!placeId && !actorId) return;
  if (d.events.some((e) => e.kind === kind && e.place === placeId && e.actor === actorId)) return;
  // "blasts … had killed 31": two words for one attack in one sentence
  const at = d.events.findIndex((e) => e.kind === kind && e.place === placeId && placeId !== undefined && e.evidence.some((v) => v.sentence === place.sentence));
  const same = d.events[at];
  if (same) {
    if (!same.actor && actorId) d.events[at] = { kind, actor: actorId, ...(same.place ? { place: same.place } : {}), ...(same.date ? { date: same.date } : {}), evidence: same.evidence };
    return;
  }
  d.events.push({
    kind,
    ...(actorId ? { actor: actorId } : {}),
    ...(placeId ? { place: placeId } : {}),
    ...(time ? { date: time.value } : {}),
    evidence: [ctx.evidence(place.sentence, Math.min(c.start, place.tokenStart), Math.max(c.end, place.tokenEnd), c.entry.id)],
  });
}

/** A withdrawal is of troops: "the withdrawal of U.S. and NATO troops", "Russian forces withdrew". */
function readWithdrawal(ctx: Context, d: Drafts, s: Sentence, c: Cue, kind: ConflictEvent['kind']): void {
  const si = s.index;
  const t = ctx.tokens;
  let troops = -1;
  for (let k = Math.max(s.tokenStart, c.start - 4); k < Math.min(s.tokenEnd, c.end + 6); k++) if (TROOPS.test(t[k]?.lower ?? '')) troops = k;
  if (troops < 0) return;
  const owners = ctx.actorsIn(si).filter((a) => a.tokenEnd <= troops && a.tokenEnd >= troops - 4 && a.kind !== 'person');
  const owner = owners[0];
  if (!owner) return;
  for (const o of owners.length > 1 ? owners : [owner]) {
    const id = idsOf(ctx, [o], 'affiliation')[0];
    if (id && !d.events.some((e) => e.kind === kind && e.actor === id)) {
      d.events.push({ kind, actor: id.replace(/\.MIL$/, ''), evidence: [ctx.evidence(si, o.tokenStart, troops + 1, c.entry.id)] });
    }
  }
}

/** The other side of a two-sided story: the conflict state, or for it the most named other state. */
function counterpart(ctx: Context, actor: string | undefined): string[] {
  if (!actor) return [];
  const st = stateOf(actor.startsWith('@') ? '' : actor);
  if (!ctx.conflict || !st) return [];
  if (st !== ctx.conflict) return [ctx.conflict];
  // a side of the war asks the other side, not whoever else the story names most (often a mediator)
  if (/\.(OPP|REB|CIV|PPL)$/.test(actor)) return [`${st}.GOV`];
  const group = mainGroup(ctx, st);
  if (group) return [group];
  // a war between states: the other state the story names most, not one it names as a broker
  const brokers = brokersNamed(ctx);
  const counts = new Map<string, number>();
  for (const a of ctx.actors) {
    const s2 = a.kind === 'state' || a.kind === 'capital' || a.kind === 'sector' ? stateOf(a.id) : undefined;
    if (s2 && s2 !== st && !brokers.has(s2)) counts.set(s2, (counts.get(s2) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
  return best ? [best[0]] : [];
}

function nearestPlace(ctx: Context, si: number, a: number, b: number): PlaceRef | undefined {
  const t = ctx.tokens;
  let best: PlaceRef | undefined;
  let dist = 1e9;
  for (const p of ctx.placesIn(si)) {
    if (p.capital && !/^(in|of|at|near|on|to)$/.test(t[p.tokenStart - 1]?.lower ?? '')) continue;
    const dd = p.tokenStart >= b ? p.tokenStart - b : a - p.tokenEnd;
    if (dd < dist && dd <= 8) { dist = dd; best = p; }
  }
  return best;
}

export { stateOf };
