// extract(article) → record: a pure function of the article, so that any worker can run it.
import type { Article } from '../ingest/index.js';
import { isProbablyEnglish } from '../nlp/index.js';
import { emptyRecord, type DocMeta, type ParleyRecord } from '../record.js';
import { decideConflict } from './actors.js';
import { readAgreements } from './agreements.js';
import { buildContext } from './context.js';
import { finish, newDrafts } from './draft.js';
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
  if (!isProbablyEnglish(article.text)) {
    return { ...emptyRecord(doc), warnings: ['the text does not look like English; Parley reads English only'] };
  }
  const ctx = buildContext(article);
  // the conflict is decided before the rules so that "the opposition" can resolve to a state
  const brokers = new Set<string>();
  ctx.conflict = decideConflict(ctx, brokers);
  const drafts = newDrafts();
  const memory = readTalks(ctx, drafts);
  readAgreements(ctx, drafts, memory);
  readRelations(ctx, drafts);
  readPeople(ctx, drafts);
  for (const p of drafts.processes.values()) {
    p.conflict ??= ctx.conflict;
    // a one-off sitting dates its process; a numbered round does not
    const rounds = drafts.rounds.filter((r) => r.process === p.id);
    const only = rounds.length === 1 ? rounds[0] : undefined;
    if (only && !p.start && only.start && (only.ordinal === undefined || only.ordinal === 1)) p.start = only.start;
    // what a process's only round produced, the process produced
    if (only) for (const [k, o] of only.outcomes) if (!p.outcomes.has(k)) p.outcomes.set(k, { kind: o.kind });
  }
  const record = finish(drafts, doc, article.published);
  return options.evidence === false ? stripEvidence(record) : record;
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
