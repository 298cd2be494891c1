// The one store test suite, run against every backend with a real database (store.test.ts).
// Each test opens fresh knowledge bases from the harness and checks behaviour only through the
// public KnowledgeBase interface.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../errors.js';
import type { Article } from '../ingest/article.js';
import { canonicalJson } from './canonical.js';
import { openKnowledgeBase, openStore } from './open.js';
import { syntheticArticle, syntheticCorpus, syntheticExtract } from './synthetic.js';
import type { IngestItem, KnowledgeBase } from './types.js';

export interface Harness {
  readonly name: string;
  /** Set when the backend cannot run here: every test registers as skipped with this reason. */
  readonly skip?: string;
  /** A URL for a fresh, empty knowledge base. */
  fresh(): Promise<string>;
}

const open = (url: string): Promise<KnowledgeBase> => openKnowledgeBase(url, { extract: syntheticExtract });

async function exportOf(url: string): Promise<string> {
  const kb = await open(url);
  try {
    return canonicalJson(await kb.exportRecord());
  } finally {
    await kb.close();
  }
}

function items(articles: Iterable<Article>): IngestItem[] {
  return [...articles].map((article) => ({ subject: article.id, article }));
}

/** Documents per commit in the crash test's child. */
const CRASH_GROUP = 8;

/** Runs the child ingest and kills it with SIGKILL once it has committed `after` documents. */
function killMidway(url: string, n: number, after: number): Promise<number> {
  const ts = import.meta.url.endsWith('.ts');
  const child = fileURLToPath(new URL(`./crash-child.${ts ? 'ts' : 'js'}`, import.meta.url));
  const proc = spawn(process.execPath, [...(ts ? ['--import', 'tsx'] : []), child, url, String(n), String(CRASH_GROUP)], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let last = 0;
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    proc.stdout.on('data', (d: Buffer) => {
      const lines = d.toString().trim().split('\n');
      last = Number(lines[lines.length - 1]);
      if (last >= after && proc.exitCode === null) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`the child ended before it was killed (code ${code}): ${stderr}`));
    });
  });
}

export function storeSuite(h: Harness, opts: { readonly durabilityN?: number } = {}): void {
  const t = (name: string, fn: () => Promise<void>): void => {
    if (h.skip !== undefined) test(`[${h.name}] ${name}`, { skip: h.skip }, () => undefined);
    else test(`[${h.name}] ${name}`, fn);
  };
  const N = opts.durabilityN ?? 3000;

  t('a new article is stored, and the same text again changes nothing', async () => {
    const kb = await open(await h.fresh());
    try {
      const a = syntheticArticle(0);
      const first = await kb.ingest(a);
      assert.equal(first.status, 'new');
      assert.match(first.doc ?? '', /^[0-9a-f]{64}$/);
      const before = canonicalJson(await kb.exportRecord());
      const again = await kb.ingest({ ...a, id: 'another-id', title: 'another title' });
      assert.equal(again.status, 'unchanged');
      assert.equal(again.doc, first.doc);
      assert.deepEqual(await kb.stats(), { documents: 1, facts: first.facts, processes: 1 });
      assert.equal(canonicalJson(await kb.exportRecord()), before);
    } finally {
      await kb.close();
    }
  });

  t('the revision moves when a new document is stored and stays when the same text comes again', async () => {
    const kb = await open(await h.fresh());
    try {
      const empty = await kb.revision();
      await kb.ingest(syntheticArticle(0));
      const one = await kb.revision();
      assert.notEqual(one, empty);
      await kb.ingest({ ...syntheticArticle(0), id: 'same-text' });
      assert.equal(await kb.revision(), one);
      await kb.ingest(syntheticArticle(1));
      assert.notEqual(await kb.revision(), one);
    } finally {
      await kb.close();
    }
  });

  t('a fusion kept in the store reads back as a fresh one, and a new document shows at once', async () => {
    const url = await h.fresh();
    const keeping = await openKnowledgeBase(url, { extract: syntheticExtract, keepFusedFrom: 1 });
    const fresh = await openKnowledgeBase(url, { extract: syntheticExtract, keepFusedFrom: Infinity });
    try {
      await keeping.ingestMany(items(syntheticCorpus(40)));
      assert.ok((await keeping.warm()) > 0);
      const first = canonicalJson(await keeping.exportRecord());
      // the second read comes from the kept fusions
      assert.equal(canonicalJson(await keeping.exportRecord()), first);
      assert.equal(canonicalJson(await fresh.exportRecord()), first);
      const [pid] = (await keeping.processes()).items.map((p) => p.id);
      assert.ok(pid);
      assert.deepEqual(await keeping.process(pid), await fresh.process(pid));
      // a document written by another handle is seen by the next read
      await fresh.ingestMany(items(syntheticCorpus(41)));
      const after = canonicalJson(await keeping.exportRecord());
      assert.notEqual(after, first);
      assert.equal(after, canonicalJson(await fresh.exportRecord()));
    } finally {
      await keeping.close();
      await fresh.close();
    }
  });

  t('a bad item in a batch is reported with its reason and the rest are stored', async () => {
    const kb = await open(await h.fresh());
    try {
      const seen: string[] = [];
      const batch: IngestItem[] = [
        { subject: 'a.json', article: syntheticArticle(1) },
        { subject: 'b.json', error: new InputError('BAD_JSON', 'malformed JSON', { subject: 'b.json' }) },
        { subject: 'c.txt', article: { id: 'c', text: '   ' } },
        { subject: 'd.json', article: syntheticArticle(2) },
        { subject: 'a-again.json', article: syntheticArticle(1) },
      ];
      const summary = await kb.ingestMany(batch, { onResult: (r) => seen.push(`${r.subject}:${r.status}`) });
      assert.deepEqual(seen, ['a.json:new', 'b.json:failed', 'c.txt:failed', 'd.json:new', 'a-again.json:unchanged']);
      assert.deepEqual([summary.new, summary.unchanged, summary.failed], [2, 1, 2]);
      assert.deepEqual(summary.failures.map((f) => [f.subject, f.error?.code]), [['b.json', 'BAD_JSON'], ['c.txt', 'EMPTY_INPUT']]);
      assert.equal((await kb.stats()).documents, 2);
    } finally {
      await kb.close();
    }
  });

  t('a group write undoes a failing document alone and stores the rest of the group', async () => {
    const store = await openStore(await h.fresh());
    try {
      const write = (id: string, data: string | null) => ({
        doc: { id, articleId: id, text: `text of ${id}`, facts: 1 },
        facts: [{ list: 'processes', idx: 0, part: id, data: data as string }],
        mentions: [{ list: 'processes', part: id, kind: 'process' as const, ref: id }],
      });
      // a fact without data breaks a NOT NULL constraint in the middle of its document's writes
      const results = await store.putDocuments([write('d1', '{}'), write('d2', null), write('d3', '{}'), write('d1', '{}')]);
      assert.deepEqual(results.map((r) => (r instanceof Error ? 'error' : r)), ['stored', 'error', 'stored', 'present']);
      assert.deepEqual(await store.counts(), { documents: 2, facts: 2 });
      assert.equal(await store.hasDocument('d2'), false);
      assert.deepEqual(await store.mentionedIn(['d2']), []);
    } finally {
      await store.close();
    }
  });

  t('a batch commits in groups, reporting every item in input order', async () => {
    const kb = await open(await h.fresh());
    try {
      const seen: number[] = [];
      const corpus = items(syntheticCorpus(23));
      const s = await kb.ingestMany(corpus, { group: 5, onResult: (_r, i) => seen.push(i) });
      assert.deepEqual(seen, corpus.map((_, i) => i));
      assert.equal(s.new, 23);
      assert.equal((await kb.stats()).documents, 23);
    } finally {
      await kb.close();
    }
  });

  t('an extractor that throws fails only its own document', async () => {
    const url = await h.fresh();
    const kb = await openKnowledgeBase(url, {
      extract: (a) => { if (a.id === 'boom') throw new Error('no'); return syntheticExtract(a); },
    });
    try {
      const s = await kb.ingestMany(items([syntheticArticle(3), { id: 'boom', text: 'x y z' }, syntheticArticle(4)]));
      assert.deepEqual([s.new, s.failed], [2, 1]);
      assert.match(s.failures[0]?.error?.message ?? '', /extraction failed: no/);
    } finally {
      await kb.close();
    }
  });

  t('a process lists its fused rounds in order, with sources and evidence that resolve to sentences', async () => {
    const kb = await open(await h.fresh());
    try {
      await kb.ingestMany(items(syntheticCorpus(8 * 6 * 3)));
      const page = await kb.processes({ limit: 3, offset: 0 });
      assert.equal(page.total, 8);
      assert.deepEqual(page.items.map((p) => p.id), ['astana', 'doha', 'geneva']);
      const astana = await kb.process('astana');
      assert.ok(astana);
      assert.deepEqual(astana.rounds.map((r) => r.ordinal?.value), [1, 2, 3]);
      const r2 = astana.rounds[1]!;
      assert.equal(r2.venue?.value, 'astana@KZ');
      assert.equal(r2.start?.value, '2015-02-14');
      assert.ok(r2.sources >= 4, `round 2 has ${r2.sources} sources`);
      assert.ok(r2.participants.some((p) => p.value.actor === 'RUS' && p.value.role === 'guarantor'));
      const ev = await kb.evidence(r2.start!.id);
      assert.ok(ev);
      assert.equal(ev.list, 'rounds');
      assert.equal(ev.slot, 'start');
      assert.equal(ev.value, '2015-02-14');
      assert.ok(ev.spans.length >= 1);
      for (const s of ev.spans) {
        assert.equal(s.sentence.slice(s.spanInSentence.start, s.spanInSentence.end), s.span);
        assert.match(s.span, /February 14, 2015/);
        assert.equal(s.document.source, 'Synthetic Wire');
      }
      const item = await kb.evidence(r2.id);
      assert.equal(item?.sources, r2.sources);
      assert.equal(await kb.evidence('bm9wZQ'), undefined);
      assert.equal(await kb.process('nowhere'), undefined);
    } finally {
      await kb.close();
    }
  });

  t('an actor is found in every round it sat in, a state with its sectors', async () => {
    const kb = await open(await h.fresh());
    try {
      await kb.ingestMany(items(syntheticCorpus(8 * 6 * 2)));
      const rus = await kb.actor('RUS');
      assert.ok(rus);
      assert.equal(rus.kind, 'state');
      assert.ok(rus.rounds.some((r) => r.process === 'astana' && r.role === 'guarantor'));
      const syr = await kb.actor('SYR');
      assert.ok(syr?.rounds.some((r) => r.actor === 'SYR.OPP'));
      assert.ok(syr);
      assert.equal(await kb.actor('XXX'), undefined);
      // one list, as actor() gathers it
      assert.ok(syr.agreements.length > 0);
      assert.deepEqual(await kb.involving('agreements', ['SYR']), syr.agreements);
      const both = await kb.involving('agreements', ['RUS', 'SYR', 'XXX']);
      const union = new Set([...rus.agreements, ...syr.agreements].map((a) => a.id));
      assert.deepEqual(new Set(both.map((a) => a.id)), union);
      assert.equal(both.length, union.size, 'no item twice');
      assert.deepEqual(await kb.involving('alignments', ['XXX']), []);
    } finally {
      await kb.close();
    }
  });

  t('search finds processes, actors and places by part of their id or name, wildcards literal', async () => {
    const kb = await open(await h.fresh());
    try {
      await kb.ingestMany(items(syntheticCorpus(40)));
      const r = await kb.search('ASTAN');
      assert.deepEqual(r.items.map((x) => `${x.kind}:${x.id}`).sort(), ['place:astana@KZ', 'process:astana']);
      const places = await kb.search('a', { kinds: ['place'], limit: 100 });
      assert.ok(places.items.every((x) => x.kind === 'place'));
      assert.equal((await kb.search('%')).total, 0);
    } finally {
      await kb.close();
    }
  });

  t('documents keep their text and metadata and list newest first', async () => {
    const kb = await open(await h.fresh());
    try {
      const a = syntheticArticle(5);
      const r = await kb.ingest(a);
      await kb.ingest(syntheticArticle(100));
      const d = await kb.document(r.doc!);
      assert.equal(d?.text, a.text);
      assert.equal(d?.articleId, a.id);
      assert.equal(d?.published, a.published);
      assert.ok((d?.sentences.length ?? 0) > 3);
      const list = await kb.documents({ limit: 10 });
      assert.equal(list.total, 2);
      assert.equal(list.items[0]?.articleId, 'synthetic-100');
      assert.equal(await kb.document('0'.repeat(64)), undefined);
    } finally {
      await kb.close();
    }
  });

  t('two knowledge bases holding the same documents export byte-identical, whatever the order', async () => {
    const corpus = [...syntheticCorpus(150)];
    const u1 = await h.fresh();
    const u2 = await h.fresh();
    const kb1 = await open(u1);
    await kb1.ingestMany(items(corpus));
    await kb1.close();
    const kb2 = await open(u2);
    await kb2.ingestMany(items([...corpus].reverse()));
    await kb2.close();
    assert.equal(await exportOf(u1), await exportOf(u2));
  });

  t(`${N} articles ingested, then ingested again: the export is byte-identical`, async () => {
    const url = await h.fresh();
    const kb = await open(url);
    try {
      const first = await kb.ingestMany(items(syntheticCorpus(N)));
      assert.equal(first.new, N);
      const before = canonicalJson(await kb.exportRecord());
      const second = await kb.ingestMany(items(syntheticCorpus(N)));
      assert.deepEqual([second.new, second.unchanged, second.failed], [0, N, 0]);
      assert.equal(canonicalJson(await kb.exportRecord()), before);
    } finally {
      await kb.close();
    }
  });

  t('an ingest killed with SIGKILL midway, then run again, equals a clean run', async () => {
    const n = Math.min(N, 600);
    const crashed = await h.fresh();
    const killedAt = await killMidway(crashed, n, Math.floor(n / 3));
    assert.ok(killedAt >= Math.floor(n / 3) && killedAt < n, `killed after ${killedAt}`);
    const kb = await open(crashed);
    const partial = (await kb.stats()).documents;
    // everything reported was committed, at most the next group came after, and groups are whole
    assert.ok(partial >= killedAt && partial <= killedAt + 2 * CRASH_GROUP, `${partial} stored, ${killedAt} reported`);
    assert.equal(partial % CRASH_GROUP, 0, `${partial} stored: a group was split`);
    const resumed = await kb.ingestMany(items(syntheticCorpus(n)));
    assert.equal(resumed.new + resumed.unchanged, n);
    assert.equal(resumed.unchanged, partial);
    await kb.close();
    const clean = await h.fresh();
    const kb2 = await open(clean);
    await kb2.ingestMany(items(syntheticCorpus(n)));
    await kb2.close();
    assert.equal(await exportOf(crashed), await exportOf(clean));
  });
}
