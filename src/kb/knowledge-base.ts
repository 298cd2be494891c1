// The KnowledgeBase over a Store: ingest writes per-document facts; every read fuses just the
// partitions it needs (fusion is pure and order-independent, so reads are deterministic).
import { createHash } from 'node:crypto';
import { ParleyError, StoreError } from '../errors.js';
import { isRecordList, RECORD_LISTS, type Evidence, type ParleyRecord, type RecordList } from '../extract/record.js';
import type { Article } from '../ingest/article.js';
import { splitSentences } from '../nlp/sentences.js';
import { actorKind, actorRefs } from './actors.js';
import { parseFactId } from './fact-id.js';
import { factsOf } from './facts.js';
import { emptyFused, fusePartition, fusedToRecord, sortFused } from './fuse.js';
import { compareAgreements } from './fusion/lists.js';
import type { ListItem } from './fusion/partition.js';
import { compareRounds } from './fusion/rounds.js';
import type { Sourced } from './fusion/sourced.js';
import type { DocumentMeta, DocumentWrite, MentionKind, Store, WriteResult } from './store.js';
import type {
  ActorDetail, ActorRound, DocumentSummary, DocumentView, EvidenceSpan, EvidenceView, Extractor, FactId,
  FusedAgreement, FusedKnowledge, FusedPerson, FusedProcess, FusedRound, IngestItem, InvolvingList, IngestManyOptions, IngestResult,
  IngestSummary, KbStats, KnowledgeBase, OpenOptions, Page, PageOptions, ProcessDetail, ProcessSummary, SearchHit, SearchHitKind,
} from './types.js';

type Fused = { [L in RecordList]: FusedKnowledge[L] };
/** A batch item's result, or its write still waiting for its group's commit. */
type PendingResult = IngestResult | { readonly write: DocumentWrite; readonly subject: string };

/** Documents per commit in a batch ingest, and how long the first of them may wait. */
const INGEST_GROUP = 32;
const INGEST_GROUP_MS = 250;

const DEFAULT_LIMIT = 50;
/** Partitions of fewer facts are fused on every read: cheaper than keeping them. */
const KEEP_FUSED_FROM = 200;
const MAX_LIMIT = 1000;
/** Facts whose fusions are held in memory: ~2.5 KB of heap each once fused (~125 MB in all). */
const MEMORY_FACTS = 50_000;

function paging(o: PageOptions | undefined): { limit: number; offset: number } {
  const limit = Math.min(MAX_LIMIT, Math.max(0, Math.floor(o?.limit ?? DEFAULT_LIMIT)));
  const offset = Math.max(0, Math.floor(o?.offset ?? 0));
  return { limit, offset };
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function summary(m: DocumentMeta): DocumentSummary {
  return m;
}

/** A failure below extraction, as the error a failed ingest result carries. */
function asStoreError(e: unknown, subject?: string): ParleyError {
  return e instanceof ParleyError ? e : new StoreError(String(e), { cause: e, ...(subject !== undefined ? { subject } : {}) });
}

function asParleyError(e: unknown, subject: string): ParleyError {
  if (e instanceof ParleyError) return e;
  return new ParleyError('INTERNAL', `extraction failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e, subject });
}

/** The extractor the lead ships in src/extract/index.ts, loaded on first need. */
async function defaultExtractor(): Promise<Extractor> {
  const path = '../extract/index.js';
  try {
    const mod = (await import(path)) as { extract?: Extractor };
    if (typeof mod.extract !== 'function') throw new Error('src/extract/index.ts exports no extract()');
    return (article) => (mod.extract as Extractor)(article);
  } catch (e) {
    throw new ParleyError('INTERNAL', `the extractor is not available: ${(e as Error).message}`, { cause: e });
  }
}

function monthsOf(r: FusedRound): Set<string> {
  const out = new Set<string>();
  for (const d of [r.start?.value, r.end?.value]) if (d && d.length >= 7 && d[4] === '-' && d[5] !== 'W') out.add(d.slice(0, 7));
  return out;
}

/** Per agreement kind, the months of the rounds that produced one (an outcome of that kind). */
function producedIn(rounds: readonly FusedRound[]): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const r of rounds) {
    for (const o of r.outcomes) {
      const ms = wanted.get(o.value.kind) ?? new Set<string>();
      for (const m of monthsOf(r)) ms.add(m);
      wanted.set(o.value.kind, ms);
    }
  }
  return wanted;
}

/** The agreements these rounds produced: of an outcome's kind, dated in the round's months. */
export function agreementsOfRounds(all: readonly FusedAgreement[], rounds: readonly FusedRound[]): FusedAgreement[] {
  const wanted = producedIn(rounds);
  return all.filter((a) => {
    const d = a.date?.value;
    return d !== undefined && wanted.get(a.kind)?.has(d.slice(0, 7)) === true;
  });
}

/** When an item involves one of a set of actor refs (as `actor()` and `involving()` gather them). */
const INVOLVES: { readonly [L in RecordList]: (item: FusedKnowledge[L][number], mine: ReadonlySet<string>) => boolean } = {
  processes: (p, mine) => p.sponsors.some((s) => mine.has(s.value)),
  rounds: (r, mine) => r.participants.some((p) => mine.has(p.value.actor)),
  agreements: (a, mine) => a.parties.some((p) => mine.has(p.value)) || (a.scope !== undefined && mine.has(a.scope.value)),
  meetings: (m, mine) => m.participants.some((p) => mine.has(p.value)),
  people: (p, mine) => mine.has(p.person) || (p.affiliation !== undefined && mine.has(p.affiliation.value)),
  alignments: (a, mine) => mine.has(a.actor) || mine.has(a.target),
  demands: (d, mine) => mine.has(d.actor) || mine.has(d.target),
  events: (e, mine) => e.actor !== undefined && mine.has(e.actor.value),
};

export function createKnowledgeBase(store: Store, options: OpenOptions = {}): KnowledgeBase {
  let extractor: Extractor | undefined = options.extract;
  const keepFusedFrom = options.keepFusedFrom ?? KEEP_FUSED_FROM;
  const memoLimit = options.memoryFacts ?? MEMORY_FACTS;
  let closed = false;

  const live = (): void => {
    if (closed) throw new StoreError('the knowledge base is closed');
  };

  // A large partition's fusion is kept in the store and used while the partition still holds
  // exactly the facts it was made from (facts are only added, so equal counts mean equal sets);
  // a fusion that raced a write records the count it read, so the next reader redoes it.
  async function load<L extends RecordList>(list: L, part: string): Promise<Fused[L]> {
    const size = await store.partitionSize(list, part);
    const key = `${list}\u0000${part}`;
    const held = memo.get(key);
    if (held && held.facts === size) {
      memo.delete(key); // most recently used goes last
      memo.set(key, held);
      return held.fused as Fused[L];
    }
    const [facts, fused] = await fuseFromStore(list, part, size);
    remember(key, facts, fused);
    return fused;
  }

  /** The partition's fusion and the count of facts it was made from. */
  async function fuseFromStore<L extends RecordList>(list: L, part: string, size: number): Promise<[number, Fused[L]]> {
    const kept = size >= keepFusedFrom ? await store.fusedPartition(list, part) : undefined;
    if (kept && kept.facts === size) return [size, JSON.parse(kept.data) as Fused[L]];
    const rows = await store.partition(list, part);
    const items: Sourced<ListItem[L]>[] = rows.map((r) => ({
      doc: r.doc, idx: r.idx, item: JSON.parse(r.data) as ListItem[L], ...(r.published !== undefined ? { published: r.published } : {}),
    }));
    if (items.length === 0) return [0, [] as unknown as Fused[L]];
    const fused = fusePartition(list, part, items);
    if (items.length >= keepFusedFrom) await store.putFusedPartition(list, part, items.length, JSON.stringify(fused));
    return [items.length, fused];
  }

  // Fusions read recently, held in memory while their partition's count is unchanged: a page
  // reads the same partitions several times (process, network, places), and parsing a kept
  // fusion of thousands of facts takes tens of milliseconds. Bounded by the facts they hold.
  const memo = new Map<string, { readonly facts: number; readonly fused: unknown }>();
  let memoFacts = 0;
  function remember(key: string, facts: number, fused: unknown): void {
    const old = memo.get(key);
    if (old) {
      memo.delete(key);
      memoFacts -= old.facts;
    }
    if (facts > memoLimit) return;
    memo.set(key, { facts, fused });
    memoFacts += facts;
    for (const [k, v] of memo) {
      if (memoFacts <= memoLimit) break;
      memo.delete(k);
      memoFacts -= v.facts;
    }
  }

  /** What a document will write, or the result that makes writing unnecessary. */
  async function prepare(article: Article, subject: string): Promise<IngestResult | { readonly write: DocumentWrite }> {
    live();
    if (typeof article.text !== 'string' || article.text.trim() === '') {
      return { status: 'failed', subject, facts: 0, error: new ParleyError('EMPTY_INPUT', 'the article has no text', { subject }) };
    }
    const doc = contentHash(article.text);
    if (await store.hasDocument(doc)) return { status: 'unchanged', subject, doc, facts: 0 };
    let record: ParleyRecord;
    try {
      extractor ??= await defaultExtractor();
      record = extractor(article);
    } catch (e) {
      return { status: 'failed', subject, doc, facts: 0, error: asParleyError(e, subject) };
    }
    const { facts, mentions } = factsOf(record, doc);
    return {
      write: {
        doc: {
          id: doc, articleId: article.id, text: article.text, facts: facts.length,
          ...(article.title !== undefined ? { title: article.title } : {}),
          ...(article.source !== undefined ? { source: article.source } : {}),
          ...(article.published !== undefined ? { published: article.published } : {}),
          ...(article.url !== undefined ? { url: article.url } : {}),
          ...(record.warnings && record.warnings.length > 0 ? { warnings: record.warnings } : {}),
        },
        facts, mentions,
      },
    };
  }

  function written(w: DocumentWrite, outcome: WriteResult, subject: string): IngestResult {
    const doc = w.doc.id;
    if (outcome === 'stored') return { status: 'new', subject, doc, facts: w.facts.length };
    if (outcome === 'present') return { status: 'unchanged', subject, doc, facts: 0 };
    return { status: 'failed', subject, doc, facts: 0, error: asStoreError(outcome, subject) };
  }

  async function ingest(article: Article, subject: string = article.id): Promise<IngestResult> {
    const p = await prepare(article, subject);
    if (!('write' in p)) return p;
    const { doc, facts, mentions } = p.write;
    return written(p.write, (await store.putDocument(doc, facts, mentions)) ? 'stored' : 'present', subject);
  }

  async function ingestMany(items: Iterable<IngestItem> | AsyncIterable<IngestItem>, o: IngestManyOptions = {}): Promise<IngestSummary> {
    const counts = { new: 0, unchanged: 0, failed: 0 };
    const failures: IngestResult[] = [];
    const groupSize = Math.max(1, Math.floor(o.group ?? INGEST_GROUP));
    const groupMs = o.groupMs ?? INGEST_GROUP_MS;
    // results wait here, in input order, until the group holding their writes has committed
    let queue: PendingResult[] = [];
    let writes = 0;
    let since = 0;
    let index = 0;
    const report = (r: IngestResult): void => {
      counts[r.status]++;
      if (r.status === 'failed') failures.push(r);
      o.onResult?.(r, index++);
    };
    const flush = async (): Promise<void> => {
      const pending = queue;
      queue = [];
      writes = 0;
      const group = pending.flatMap((p) => ('write' in p ? [p.write] : []));
      let outcomes: readonly WriteResult[];
      try {
        outcomes = await store.putDocuments(group);
      } catch (e) {
        const err = asStoreError(e);
        outcomes = group.map(() => err);
      }
      let k = 0;
      for (const p of pending) {
        if (!('write' in p)) report(p);
        else report(written(p.write, outcomes[k++] ?? new StoreError('the store gave no result for a document'), p.subject));
      }
    };
    for await (const item of items) {
      let p: PendingResult;
      if (item.error !== undefined) {
        p = { status: 'failed', subject: item.subject, facts: 0, error: item.error };
      } else {
        try {
          const prepared = await prepare(item.article, item.subject);
          p = 'write' in prepared ? { write: prepared.write, subject: item.subject } : prepared;
        } catch (e) {
          p = { status: 'failed', subject: item.subject, facts: 0, error: asStoreError(e, item.subject) };
        }
      }
      if (queue.length === 0 && !('write' in p)) {
        report(p);
        continue;
      }
      queue.push(p);
      if ('write' in p && writes++ === 0) since = Date.now();
      if (writes >= groupSize || Date.now() - since >= groupMs) await flush();
    }
    if (queue.length > 0) await flush();
    return { ...counts, failures };
  }

  async function processParts(id: string): Promise<{ process?: FusedProcess; rounds: FusedRound[] }> {
    const [procs, rounds] = await Promise.all([load('processes', id), load('rounds', id)]);
    const p = procs[0];
    return { ...(p ? { process: p } : {}), rounds: [...rounds].sort(compareRounds) };
  }

  async function processes(o?: PageOptions): Promise<Page<ProcessSummary>> {
    live();
    const { limit, offset } = paging(o);
    const parts = await store.partitions(['processes', 'rounds']);
    const items: ProcessSummary[] = [];
    for (const id of parts.slice(offset, offset + limit)) {
      const { process, rounds } = await processParts(id);
      const dates = rounds.flatMap((r) => [r.start?.value, r.end?.value]).filter((d): d is string => d !== undefined).sort();
      const byDate = [...rounds].filter((r) => r.start || r.end)
        .sort((a, b) => ((a.start?.value ?? a.end?.value ?? '') < (b.start?.value ?? b.end?.value ?? '') ? -1 : 1));
      const latest = byDate[byDate.length - 1] ?? rounds[rounds.length - 1];
      items.push({
        id,
        fact: process?.id ?? rounds[0]?.id ?? '',
        ...(process?.name ? { name: process.name.value } : {}),
        ...(process?.conflict ? { conflict: process.conflict.value } : {}),
        rounds: rounds.length,
        ...(dates[0] !== undefined ? { first: dates[0] } : {}),
        ...(dates.length > 0 ? { last: dates[dates.length - 1] as string } : {}),
        ...(latest?.status ? { latestStatus: latest.status.value } : {}),
        sources: await store.sources(['processes', 'rounds'], id),
        disputed: (process?.disputed.length ?? 0) > 0 || rounds.some((r) => r.disputed.length > 0),
      });
    }
    return { items, total: parts.length, limit, offset };
  }

  async function process(id: string): Promise<ProcessDetail | undefined> {
    live();
    const { process: p, rounds } = await processParts(id);
    if (!p && rounds.length === 0) return undefined;
    // Agreements a round produced: same kind as one of its outcomes, dated in its months.
    const candidates: FusedAgreement[] = [];
    for (const kind of [...producedIn(rounds).keys()].sort()) candidates.push(...(await load('agreements', kind)));
    const agreements = agreementsOfRounds(candidates, rounds).sort(compareAgreements);
    return { id, ...(p ? { process: p } : {}), rounds, agreements, sources: await store.sources(['processes', 'rounds'], id) };
  }

  async function actor(id: string): Promise<ActorDetail | undefined> {
    live();
    const refs = actorRefs(id);
    const mine = new Set(refs);
    const parts = await store.mentionedIn(refs);
    if (parts.length === 0) return undefined;
    let person: FusedPerson | undefined;
    const rounds: ActorRound[] = [];
    const sponsors = new Set<string>();
    const found = emptyFused();
    for (const { list, part } of parts) {
      if (list === 'rounds') {
        for (const r of await load('rounds', part)) {
          for (const pt of r.participants) {
            if (!mine.has(pt.value.actor)) continue;
            rounds.push({
              round: r.id, process: r.process, role: pt.value.role, actor: pt.value.actor,
              ...(r.ordinal ? { ordinal: r.ordinal.value } : {}), ...(r.start ? { start: r.start.value } : {}), ...(r.venue ? { venue: r.venue.value } : {}),
            });
          }
        }
      } else if (list === 'processes') {
        for (const p of await load('processes', part)) if (INVOLVES.processes(p, mine)) sponsors.add(p.process);
      } else if (list === 'people') {
        for (const p of await load('people', part)) {
          if (mine.has(p.person)) person = p;
          else if (INVOLVES.people(p, mine)) found.people.push(p);
        }
      } else if (isRecordList(list)) {
        await gather(list, part, mine, found);
      }
    }
    const sorted = sortFused(found);
    return {
      id, kind: actorKind(id),
      ...(person ? { person } : {}),
      people: sorted.people,
      rounds: rounds.sort((a, b) => (a.process !== b.process ? (a.process < b.process ? -1 : 1) : (a.ordinal ?? 1e9) - (b.ordinal ?? 1e9) || ((a.start ?? '') < (b.start ?? '') ? -1 : 1))),
      sponsors: [...sponsors].sort(),
      agreements: sorted.agreements, meetings: sorted.meetings, alignments: sorted.alignments, demands: sorted.demands, events: sorted.events,
      sources: await store.mentionSources(refs),
    };
  }

  /** Adds the items of one partition that involve `mine` to `out`. */
  async function gather(list: RecordList, part: string, mine: ReadonlySet<string>, out: ReturnType<typeof emptyFused>): Promise<void> {
    const involves = INVOLVES[list] as (item: unknown, mine: ReadonlySet<string>) => boolean;
    const into = out[list] as unknown[];
    for (const item of await load(list, part) as readonly unknown[]) if (involves(item, mine)) into.push(item);
  }

  async function involving<L extends InvolvingList>(list: L, actors: readonly string[]): Promise<FusedKnowledge[L]> {
    live();
    const refs = [...new Set(actors.flatMap(actorRefs))];
    const mine = new Set(refs);
    const out = emptyFused();
    for (const p of await store.mentionedIn(refs)) if (p.list === list) await gather(list, p.part, mine, out);
    return sortFused(out)[list];
  }

  async function agreements(o?: PageOptions & { kind?: string; scope?: string }): Promise<Page<FusedAgreement>> {
    live();
    const { limit, offset } = paging(o);
    const kinds = o?.kind ? [o.kind] : await store.partitions(['agreements']);
    const all: FusedAgreement[] = [];
    for (const k of kinds) for (const a of await load('agreements', k)) if (!o?.scope || a.scope?.value === o.scope) all.push(a);
    all.sort(compareAgreements);
    return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
  }

  async function search(q: string, o?: PageOptions & { kinds?: readonly SearchHitKind[] }): Promise<Page<SearchHit>> {
    live();
    const { limit, offset } = paging(o);
    const needle = q.trim().toLowerCase();
    if (needle === '') return { items: [], total: 0, limit, offset };
    const kinds: MentionKind[] = [...(o?.kinds ?? ['process', 'actor', 'place'])];
    const r = await store.search(needle, kinds, limit, offset);
    return { items: r.items.map((m) => ({ kind: m.kind, id: m.ref, label: m.label ?? m.ref, sources: m.sources })), total: r.total, limit, offset };
  }

  async function documents(o?: PageOptions): Promise<Page<DocumentSummary>> {
    live();
    const { limit, offset } = paging(o);
    const r = await store.documents(limit, offset);
    return { items: r.items.map(summary), total: r.total, limit, offset };
  }

  async function document(id: string): Promise<DocumentView | undefined> {
    live();
    const row = await store.document(id);
    if (!row) return undefined;
    const { text, warnings: _w, ...meta } = row;
    return { ...meta, text, sentences: splitSentences(text).map((s) => ({ index: s.index, start: s.start, end: s.end })) };
  }

  async function evidence(fact: FactId): Promise<EvidenceView | undefined> {
    live();
    const addr = parseFactId(fact);
    if (!addr) return undefined;
    const items = (await load(addr.list, addr.part)) as readonly { id: string }[];
    let found: { value: unknown; sources: number; evidence: readonly Evidence[] } | undefined;
    for (const item of items) {
      if (item.id === fact) {
        const one = { ...emptyFused(), [addr.list]: [item] } as unknown as FusedKnowledge;
        const rec = fusedToRecord(one)[addr.list][0] as Record<string, unknown> | undefined;
        const { evidence: _e, ...value } = rec ?? {};
        found = { value, sources: (item as unknown as { sources: number }).sources, evidence: (item as unknown as { evidence: [] }).evidence };
        break;
      }
      found = findValue(item, fact);
      if (found) break;
    }
    if (!found) return undefined;
    const docs = new Map<string, { meta: DocumentSummary; text: string; sentences: ReturnType<typeof splitSentences> } | undefined>();
    const spans: EvidenceSpan[] = [];
    for (const e of found.evidence) {
      if (!docs.has(e.doc)) {
        const row = await store.document(e.doc);
        if (!row) docs.set(e.doc, undefined);
        else {
          const { text, warnings: _w, ...meta } = row;
          docs.set(e.doc, { meta, text, sentences: splitSentences(text) });
        }
      }
      const d = docs.get(e.doc);
      if (!d) continue;
      // Prefer the sentence that holds the span; the index is only a hint if splitters differ.
      const s = d.sentences.find((x) => x.start <= e.start && e.end <= x.end) ?? d.sentences[e.sentence];
      const sStart = s?.start ?? e.start;
      const sEnd = s?.end ?? e.end;
      spans.push({
        evidence: e, document: d.meta, sentence: d.text.slice(sStart, sEnd), span: d.text.slice(e.start, e.end),
        spanInSentence: { start: e.start - sStart, end: e.end - sStart },
      });
    }
    return { fact, list: addr.list, ...(addr.slot !== undefined ? { slot: addr.slot } : {}), value: found.value, sources: found.sources, spans };
  }

  async function fused(): Promise<FusedKnowledge> {
    live();
    const out = emptyFused();
    for (const list of RECORD_LISTS) {
      for (const part of await store.partitions([list])) (out[list] as unknown[]).push(...(await load(list, part) as readonly unknown[]));
    }
    return sortFused(out);
  }

  async function warm(): Promise<number> {
    live();
    let kept = 0;
    for (const list of RECORD_LISTS) {
      for (const p of await store.partitionSizes(list)) {
        if (p.facts < keepFusedFrom) continue;
        if (p.kept !== p.facts) await load(list, p.part);
        kept++;
      }
    }
    return kept;
  }

  async function stats(): Promise<KbStats> {
    live();
    const c = await store.counts();
    return { ...c, processes: (await store.partitions(['processes', 'rounds'])).length };
  }

  // facts are only ever written with their document, in its transaction: the count of
  // documents alone tells whether anything changed
  async function revision(): Promise<string> {
    live();
    return String(await store.documentCount());
  }

  return {
    backend: store.backend,
    ingest, ingestMany, processes, process, actor, involving, agreements, search, documents, document, evidence, fused, warm, stats, revision,
    exportRecord: async () => fusedToRecord(await fused()),
    close: async () => {
      if (closed) return;
      closed = true;
      await store.close();
    },
  };
}

/** Finds the fused value with this id among an item's slots and value lists. */
function findValue(item: object, fact: string): { value: unknown; sources: number; evidence: readonly Evidence[] } | undefined {
  for (const v of Object.values(item)) {
    const candidates: unknown[] = Array.isArray(v) ? v : v && typeof v === 'object' && 'values' in v ? (v as { values: unknown[] }).values : [];
    for (const c of candidates) {
      if (c && typeof c === 'object' && (c as { id?: unknown }).id === fact && 'value' in c) {
        const fv = c as { value: unknown; sources: number; evidence: readonly Evidence[] };
        return { value: fv.value, sources: fv.sources, evidence: fv.evidence };
      }
    }
  }
  return undefined;
}
