// Knowledge-base ingest benchmark: generated articles into SQLite (and PostgreSQL when
// reachable), articles/s and RSS at checkpoints (default 10k and 100k) to show memory stays flat.
// Run alone: node --import tsx src/bench/kb.ts [--n 10000,100000] [--pg URL] [--extractor real|synthetic]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Article } from '../ingest/article.js';
import { openKnowledgeBase } from '../kb/open.js';
import { syntheticCorpus, syntheticExtract } from '../kb/synthetic.js';
import type { Backend, Extractor } from '../kb/types.js';
import { generateArticles } from './corpus.js';

export type BenchExtractor = 'real' | 'synthetic';

export interface KbBenchOptions {
  /** Checkpoints; the run ingests up to the largest. Default [10_000, 100_000]. */
  readonly sizes?: readonly number[];
  /** PostgreSQL to bench against (a fresh schema is made and dropped); default $PARLEY_BENCH_PG_URL, else none. */
  readonly pgUrl?: string;
  /**
   * `real`: the real extractor on the news-like bench corpus (src/bench/corpus.ts), the end-to-end
   * figure; `synthetic`: the stand-in extractor on short generated articles, the store alone.
   */
  readonly extractors?: readonly BenchExtractor[];
  readonly log?: (line: string) => void;
}

export interface KbBenchPoint {
  readonly backend: Backend;
  readonly extractor: BenchExtractor;
  readonly articles: number;
  readonly seconds: number;
  /** Over the whole run so far. */
  readonly articlesPerSecond: number;
  /** Since the previous checkpoint. */
  readonly intervalPerSecond: number;
  /** Highest RSS sampled so far in this run (sampled every 500 articles). */
  readonly peakRssMb: number;
  readonly rssMb: number;
  readonly failed: number;
}

export interface KbBenchResult {
  readonly points: readonly KbBenchPoint[];
  readonly skipped: readonly string[];
}

const mb = (bytes: number): number => Math.round(bytes / 1048576);

async function realExtractor(): Promise<Extractor> {
  const path = '../extract/index.js';
  const mod = (await import(path)) as { extract: Extractor };
  return (a) => mod.extract(a);
}

async function runOne(url: string, backend: Backend, kind: BenchExtractor, sizes: readonly number[], log: (l: string) => void): Promise<KbBenchPoint[]> {
  const extract = kind === 'real' ? await realExtractor() : syntheticExtract;
  const kb = await openKnowledgeBase(url, { extract });
  const max = Math.max(...sizes);
  const articles: Iterable<Article> = kind === 'real' ? generateArticles(max) : syntheticCorpus(max);
  const points: KbBenchPoint[] = [];
  const checkpoints = [...sizes].sort((a, b) => a - b);
  let peak = process.memoryUsage.rss();
  let done = 0;
  let failed = 0;
  const started = performance.now();
  let lastT = started;
  let lastN = 0;
  const checkpoint = (): void => {
    checkpoints.shift();
    const now = performance.now();
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    const p: KbBenchPoint = {
      backend, extractor: kind, articles: done, seconds: Math.round((now - started) / 100) / 10,
      articlesPerSecond: Math.round(done / ((now - started) / 1000)),
      intervalPerSecond: Math.round((done - lastN) / ((now - lastT) / 1000)),
      peakRssMb: mb(peak), rssMb: mb(rss), failed,
    };
    points.push(p);
    log(`kb ${backend} ${kind}: ${p.articles} articles in ${p.seconds} s, ${p.articlesPerSecond}/s (last stretch ${p.intervalPerSecond}/s), RSS ${p.rssMb} MB, peak ${p.peakRssMb} MB, failed ${failed}`);
    lastT = now;
    lastN = done;
  };
  try {
    // as `parley ingest` does: one batch, committed in the knowledge base's default groups
    await kb.ingestMany((function* () { for (const article of articles) yield { subject: article.id, article }; })(), {
      onResult: (r) => {
        if (r.status === 'failed') failed++;
        done++;
        if (done % 500 === 0) peak = Math.max(peak, process.memoryUsage.rss());
        if (done === checkpoints[0]) checkpoint();
      },
    });
  } finally {
    await kb.close();
  }
  return points;
}

export async function benchKnowledgeBase(o: KbBenchOptions = {}): Promise<KbBenchResult> {
  const sizes = o.sizes ?? [10_000, 100_000];
  const log = o.log ?? ((l: string) => process.stdout.write(l + '\n'));
  const extractors = o.extractors ?? ['real', 'synthetic'];
  const pgUrl = o.pgUrl ?? process.env.PARLEY_BENCH_PG_URL;
  const points: KbBenchPoint[] = [];
  const skipped: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-kb-'));
  try {
    for (const kind of extractors) {
      points.push(...await runOne(join(dir, `${kind}.db`), 'sqlite', kind, sizes, log));
      if (!pgUrl) {
        skipped.push(`postgres ${kind}: no PostgreSQL URL (set PARLEY_BENCH_PG_URL)`);
        continue;
      }
      const schema = `parley_bench_${Math.random().toString(36).slice(2, 10)}`;
      const u = new URL(pgUrl);
      u.searchParams.set('schema', schema);
      try {
        points.push(...await runOne(u.toString(), 'postgres', kind, sizes, log));
      } catch (e) {
        skipped.push(`postgres ${kind}: ${(e as Error).message}`);
      } finally {
        const client = new pg.Client({ connectionString: pgUrl });
        try {
          await client.connect();
          await client.query(`drop schema if exists ${client.escapeIdentifier(schema)} cascade`);
        } catch { /* unreachable: nothing was created */ } finally {
          await client.end().catch(() => undefined);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const s of skipped) log(`kb skipped: ${s}`);
  return { points, skipped };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const n = arg('n');
  const ex = arg('extractor');
  const pgArg = arg('pg');
  await benchKnowledgeBase({
    ...(n ? { sizes: n.split(',').map(Number) } : {}),
    ...(ex ? { extractors: [ex as BenchExtractor] } : {}),
    ...(pgArg ? { pgUrl: pgArg } : {}),
  });
}
