// extract(article) → record: a pure function of the article, so that any worker can run it.
import type { Article } from '../ingest/index.js';
import { isProbablyEnglishTokens } from '../nlp/index.js';
import { emptyRecord, type DocMeta, type ParleyRecord } from '../record.js';
import { brokersNamed, decideConflict, listAt } from './actors.js';
import { readAgreements } from './agreements.js';
import { buildContext } from './context.js';
import { addParticipant, decideStatus, finish, newDrafts, type Drafts, type RoundDraft } from './draft.js';
import { readPeople } from './people.js';
import { readRelations } from './relations.js';
import { readTalks } from './talks.js';

export interface ExtractOptions {
  /** Keep evidence on items (default true); scoring ignores it. */
  readonly evidence?: boolean;
}

export function docMeta(article: Article): DocMeta {
  return {
    id: article.id,
    ...(article.source ? { source: article.source } : {}),
    ...(article.published ? { published: article.published } : {}),
  };
}

export function extract(article: Article, options: ExtractOptions = {}): ParleyRecord {
  const doc = docMeta(article);
  const ctx = buildContext(article);
  if (!isProbablyEnglishTokens(ctx.tokens)) {
    return { ...emptyRecord(doc), warnings: ['the text does not look like English; Parley reads English only'] };
  }
  // the conflict is decided before the rules so that "the opposition" can resolve to a state
  ctx.conflict = decideConflict(ctx, brokersNamed(ctx));
  const drafts = newDrafts();
  const memory = readTalks(ctx, drafts);
  readAgreements(ctx, drafts, memory);
  readRelations(ctx, drafts);
  readPeople(ctx, drafts);
  mergeUnnumberedRounds(drafts);
  // the steps after the rules are small functions: each stays under the optimising compiler's
  // size limit (see ../tune.ts), where one long extract() would run unoptimised
  addSittingsOfNamedTracks(ctx, drafts);
  seatBrokers(ctx, drafts, brokerRoles(ctx, drafts));
  seatMediatorsAtTheirSitting(drafts);
  resolveUnnamedDeal(drafts);
  settleProcesses(ctx, drafts);
  placeMeetings(ctx, drafts);
  agreedToMeet(drafts, article.published);
  const record = finish(drafts, doc, article.published);
  return options.evidence === false ? stripEvidence(record) : record;
}

type Ctx = ReturnType<typeof buildContext>;
type BrokerRole = 'guarantor' | 'mediator';

/** A track the article names sat at least once: where and when the text says it met. */
function addSittingsOfNamedTracks(ctx: Ctx, drafts: Drafts): void {
  for (const p of drafts.processes.values()) {
    if (drafts.rounds.some((r) => r.process === p.id) || (!p.venue && !p.start)) continue;
    const r: RoundDraft = {
      process: p.id, votes: [...p.votes], participants: new Map(), agenda: new Set(), outcomes: new Map(p.outcomes), evidence: [...p.evidence], lastSentence: -1,
      ...(p.venue ? { venue: p.venue } : {}), ...(p.start ? { start: p.start } : {}),
    };
    const host = p.venue ? ctx.placeCountry(p.venue) : undefined;
    if (host && p.evidence[0]) addParticipant(r, host, 'host', p.evidence[0]);
    drafts.rounds.push(r);
  }
}

/** Whoever brokers anywhere in the article, and whether the text calls them mediators. */
function brokerRoles(ctx: Ctx, drafts: Drafts): Map<string, BrokerRole> {
  const brokers = new Map<string, BrokerRole>();
  for (const p of drafts.processes.values()) for (const s of p.sponsors) if (!brokers.has(s)) brokers.set(s, p.mediators.has(s) ? 'mediator' : 'guarantor');
  // "as President Donald Trump pushes to broker a swift end to the war"
  for (const s of ctx.sentences) {
    for (const c of ctx.cues(s.index, 'lead')) {
      if (c.entry.id !== 'lead:broker-verb') continue;
      const subj = listAt(ctx, s.index, c.start, 'backward');
      const who = subj.length > 0 ? subj : ctx.actorsIn(s.index).filter((a) => a.tokenEnd <= c.start && a.tokenEnd >= c.start - 3);
      for (const r of who) {
        const id = (r.kind === 'person' ? r.affiliation : r.id)?.replace(/\.GOV$/, '');
        if (id && !id.startsWith('@') && id !== ctx.conflict && !brokers.has(id)) brokers.set(id, /mediat/.test(ctx.tokens[c.end - 1]?.lower ?? '') ? 'mediator' : 'guarantor');
      }
    }
  }
  return brokers;
}

/** Whoever brokers anywhere in the article sits at its talks as a guarantor, not a party. */
function seatBrokers(ctx: Ctx, drafts: Drafts, brokers: ReadonlyMap<string, BrokerRole>): void {
  if (brokers.size === 0) return;
  for (const r of drafts.rounds) {
    for (const [k, part] of r.participants) {
      const base = part.actor.replace(/\.GOV$/, '');
      const role = brokers.get(base);
      if (part.role === 'party' && role && base !== ctx.conflict) {
        r.participants.set(k, { ...part, role });
        const p = drafts.processes.get(r.process);
        if (p && !p.sponsors.includes(base)) p.sponsors.push(base);
      }
    }
  }
}

/** "after three months of talks mediated by Qatar": a mediator named in a sentence about a sitting sat at it. */
function seatMediatorsAtTheirSitting(drafts: Drafts): void {
  for (const r of drafts.rounds) {
    const p = drafts.processes.get(r.process);
    if (!p || p.sponsors.length === 0) continue;
    for (const ev of p.evidence) {
      const id = ev.slot?.startsWith('sponsors.') ? ev.slot.slice('sponsors.'.length) : undefined;
      // only who the text says mediated: a sponsor ("UN-sponsored talks") need not sit at the table
      if (!id || !p.mediators.has(id) || [...r.participants.values()].some((x) => x.role !== 'host' && x.actor.replace(/\.GOV$/, '') === id)) continue;
      if (!r.evidence.some((e) => e.sentence === ev.sentence && e.slot === undefined)) continue;
      addParticipant(r, id, 'mediator', ev);
    }
  }
}

/**
 * A sitting still to come was agreed on: "talks Tuesday with Ukrainian officials in Jeddah",
 * "China will convene a meeting in Beijing with Iran and Russia". RECORD.md's `conference` is
 * that agreement, its scope the venue and its parties whoever is to sit there (the host aside).
 */
function agreedToMeet(drafts: Drafts, published: string | undefined): void {
  for (const r of drafts.rounds) {
    if (!r.venue || decideStatus(r, published) !== 'scheduled') continue;
    if (drafts.agreements.some((a) => a.kind === 'conference' && a.scope === r.venue)) continue;
    const parties: string[] = [];
    for (const p of r.participants.values()) if (p.role !== 'host' && !parties.includes(p.actor.replace(/\.GOV$/, ''))) parties.push(p.actor.replace(/\.GOV$/, ''));
    const ev = r.evidence[0];
    if (parties.length < 2 || !ev) continue;
    drafts.agreements.push({ kind: 'conference', scope: r.venue, parties, evidence: [{ ...ev, rule: 'agreement:conference:scheduled-sitting' }] });
  }
}

/** "to reach the agreement": a deal the text does not name is the article's one named deal. */
function resolveUnnamedDeal(drafts: Drafts): void {
  const kinds = new Set(drafts.agreements.map((a) => a.kind).filter((k) => k !== 'agreement'));
  const only = kinds.size === 1 ? [...kinds][0] : undefined;
  if (!only) return;
  for (const r of drafts.rounds) {
    const o = r.outcomes.get('agreement');
    if (o) { r.outcomes.delete('agreement'); if (!r.outcomes.has(only)) r.outcomes.set(only, { kind: only }); }
    if (r.agenda.delete('agreement')) r.agenda.add(only);
  }
  for (const p of drafts.processes.values()) if (p.outcomes.delete('agreement') && !p.outcomes.has(only)) p.outcomes.set(only, { kind: only });
}

function settleProcesses(ctx: Ctx, drafts: Drafts): void {
  for (const p of drafts.processes.values()) {
    p.conflict ??= ctx.conflict;
    // a one-off sitting dates its process; a numbered round does not
    const rounds = drafts.rounds.filter((r) => r.process === p.id);
    const only = rounds.length === 1 ? rounds[0] : undefined;
    if (only && !p.start && only.start && (only.ordinal === undefined || only.ordinal === 1)) p.start = only.start;
    // what a process's only round produced, the process produced
    if (only) for (const [k, o] of only.outcomes) if (!p.outcomes.has(k)) p.outcomes.set(k, { kind: o.kind });
  }
}

/** A side meeting the text does not place or date happened where and when the story is. */
function placeMeetings(ctx: Ctx, drafts: Drafts): void {
  for (let i = drafts.meetings.length - 1; i >= 0; i--) {
    const m = drafts.meetings[i];
    if (!m) continue;
    if (m.participants.length < 2) { drafts.meetings.splice(i, 1); continue; }
    const si = m.evidence[0]?.sentence ?? 0;
    let date = m.date;
    for (let b = si - 1; b >= Math.max(0, si - 3) && !date; b--) {
      const prev = ctx.timesIn(b).filter((x) => !x.rule.startsWith('past-n') && !x.rule.startsWith('chrono'));
      date = prev[prev.length - 1]?.value;
    }
    const place = m.place ?? ctx.dateline?.id;
    drafts.meetings[i] = { ...m, ...(place ? { place } : {}), ...(date ? { date } : {}) };
  }
}


/** Unnumbered reports of one process with compatible dates are one round. */
function mergeUnnumberedRounds(d: ReturnType<typeof newDrafts>): void {
  for (let i = 0; i < d.rounds.length; i++) {
    const a = d.rounds[i];
    if (!a) continue;
    for (let j = d.rounds.length - 1; j > i; j--) {
      const b = d.rounds[j];
      if (!b || b.process !== a.process) continue;
      if (a.ordinal !== undefined && b.ordinal !== undefined) continue;
      if (a.ordinal !== undefined || b.ordinal !== undefined) {
        // a numbered round absorbs an unnumbered report only when the dates agree
        if (!a.start || !b.start || a.start.slice(0, 7) !== b.start.slice(0, 7)) continue;
      } else if (a.start && b.start && a.start.slice(0, 7) !== b.start.slice(0, 7)) continue;
      if (a.venue && b.venue && a.venue !== b.venue) continue;
      a.ordinal ??= b.ordinal;
      a.venue ??= b.venue;
      a.start ??= b.start;
      a.end ??= b.end;
      a.votes.push(...b.votes);
      for (const [k, v] of b.participants) if (!a.participants.has(k)) a.participants.set(k, v);
      for (const x of b.agenda) a.agenda.add(x);
      for (const [k, v] of b.outcomes) if (!a.outcomes.has(k)) a.outcomes.set(k, v);
      a.evidence.push(...b.evidence);
      d.rounds.splice(j, 1);
    }
  }
}

function stripEvidence(r: ParleyRecord): ParleyRecord {
  const strip = <T extends { evidence?: unknown }>(xs: readonly T[]): T[] => xs.map(({ evidence: _e, ...rest }) => rest as T);
  return {
    ...r,
    processes: strip(r.processes), rounds: strip(r.rounds), agreements: strip(r.agreements), meetings: strip(r.meetings),
    people: strip(r.people), alignments: strip(r.alignments), demands: strip(r.demands), events: strip(r.events),
  };
}

export type { ParleyRecord } from '../record.js';
