// HTTP API benchmark: a SQLite knowledge base of ≥ 100,000 facts behind `parley serve`'s app,
// loaded by autocannon (200 connections, loopback) on GET /api/processes/{id} and GET /api/search.
// Reports p50/p99 latency and requests/s per endpoint, plus the cold (first, uncached) latency.
// Takes about 1–2 minutes: building the KB (~25k generated articles) dominates; each load phase is 10 s.
// Run alone: node --import tsx src/bench/http.ts [--facts 100000] [--duration 10] [--connections 200]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Article } from '../ingest/article.js';
import type { ParleyRecord, Participant } from '../extract/record.js';
import { openKnowledgeBase } from '../kb/open.js';
import { syntheticArticle, syntheticExtract } from '../kb/synthetic.js';
import type { IngestItem, KnowledgeBase } from '../kb/types.js';
import { startServer } from '../serve/http/server.js';

export interface HttpBenchOptions {
  /** Facts the KB must hold at least (default 100,000). */
  readonly facts?: number;
  readonly connections?: number;
  /** Seconds of load per endpoint (default 10). */
  readonly duration?: number;
  readonly seed?: number;
  /** Also load the API with its response cache off (every request builds its body from the KB's fusions). */
  readonly uncached?: boolean;
  readonly log?: (line: string) => void;
}

export interface EndpointResult {
  readonly endpoint: string;
  readonly cache: 'on' | 'off';
  readonly paths: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  /** Latency of the very first request of each path (nothing cached yet), median and max. */
  readonly coldMedianMs?: number;
  readonly coldMaxMs?: number;
}

export interface HttpBenchResult {
  readonly documents: number;
  readonly facts: number;
  readonly processes: number;
  readonly buildSeconds: number;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly endpoints: readonly EndpointResult[];
  readonly goalP99Ms: 50;
  /** Time from navigation to the first round on screen for /process/astana, in Debian's Chromium, on a fresh server. */
  readonly firstRenderMs?: number;
  readonly firstRenderSkipped?: string;
  readonly totalSeconds: number;
}

interface AutocannonResult {
  latency: { p50: number; p90: number; p99: number; max: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const PROCESS_IDS = ['astana', 'geneva', 'sochi', 'minsk', 'doha', 'havana', 'jeddah', 'stockholm'];
const QUERIES = ['ast', 'geneva', 'rus', 'syr', 'taliban', 'doha', 'un', 'opp', 'minsk', 'farc', 'jed', 'houthis', 'a', 'stock', 'tur', 'irn'];

/**
 * The synthetic corpus's stand-in extractor, plus what real articles also yield and the short
 * generated text does not say outright: the process itself and who backs whom. Real news gives
 * about four facts per article (the demo corpus: 73 facts from 17 articles); this gives ~3–4.
 */
function benchExtract(article: Article): ParleyRecord {
  const rec = syntheticExtract(article);
  const round = rec.rounds[0];
  if (!round) return rec;
  const ev = round.evidence ?? [];
  const head = ev.filter((e) => e.rule === 'synthetic.round');
  const parts: readonly Participant[] = round.participants ?? [];
  const guarantors = parts.filter((p) => p.role === 'guarantor');
  const parties = parts.filter((p) => p.role === 'party');
  const evFor = (actor: string) => ev.filter((e) => e.slot === `participants.${actor}`);
  const alignments: ParleyRecord['alignments'][number][] = [];
  const g = guarantors[0];
  const p = parties[0];
  if (g && p) alignments.push({ actor: g.actor, relation: 'supports', target: p.actor, evidence: evFor(g.actor) });
  return {
    ...rec,
    processes: [{ id: round.process, name: `${round.process.charAt(0).toUpperCase()}${round.process.slice(1)} talks`, evidence: head }],
    alignments,
  };
}

function* articles(from: number, to: number, seed: number): Generator<IngestItem> {
  for (let i = from; i < to; i++) {
    const a = syntheticArticle(i, { seed, perRound: 6 });
    yield { subject: a.id, article: a };
  }
}

async function load(url: string, paths: readonly string[], connections: number, duration: number): Promise<AutocannonResult> {
  return autocannon({
    // The load generator runs in its own thread so it does not share the server's event loop.
    url, connections, duration, pipelining: 1, timeout: 30, workers: 1,
    // As a browser asks (Debian's Chromium sends this, also to http://127.0.0.1): the API sends
    // its precompressed brotli copy.
    headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
}

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const r = await fetch(url);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  return performance.now() - t;
}

const CHROMIUM = '/usr/bin/chromium';
const WEB_DIR = fileURLToPath(new URL('../web', import.meta.url));

/** Runs in the page (this file is compiled without the DOM's types, hence a string). */
const FIRST_ROUND_PROBE = `
  const seen = new MutationObserver(() => {
    if (!document.querySelector('[data-testid=timeline] [data-testid=round]')) return;
    seen.disconnect();
    requestAnimationFrame(() => { window.parleyFirstRound = performance.now(); });
  });
  document.addEventListener('DOMContentLoaded', () => seen.observe(document.body, { childList: true, subtree: true }));
`;

/** The process page's first render on this KB, through a fresh server (nothing cached in memory). */
async function firstRender(dbPath: string): Promise<{ firstRenderMs: number } | { firstRenderSkipped: string }> {
  if (!existsSync(CHROMIUM)) return { firstRenderSkipped: `${CHROMIUM} is absent` };
  if (!existsSync(join(WEB_DIR, 'index.html'))) return { firstRenderSkipped: `no built UI in ${WEB_DIR}` };
  const kb = await openKnowledgeBase(dbPath);
  const server = await startServer({ kb, port: 0, host: '127.0.0.1', webDir: WEB_DIR, cache: { checkMs: 1000 } });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    // Timed inside the page, from navigation start to the first frame that shows a round: the
    // server shares this process's event loop with Playwright's client, so a timer here would
    // also count the server's later work (network, map) holding up the client's messages.
    await page.addInitScript({ content: FIRST_ROUND_PROBE });
    await page.goto(`${server.url}/process/${PROCESS_IDS[0] ?? 'astana'}`);
    const ms = await page.waitForFunction('window.parleyFirstRound', undefined, { timeout: 60_000 });
    return { firstRenderMs: round1(Number(await ms.jsonValue())) };
  } finally {
    await browser.close();
    await server.close();
    await kb.close();
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const round1 = (x: number): number => Math.round(x * 10) / 10;

export async function runHttpBench(options: HttpBenchOptions & { readonly seed?: number } = {}): Promise<HttpBenchResult> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const wantFacts = options.facts ?? 100_000;
  const connections = options.connections ?? 200;
  const duration = options.duration ?? 10;
  const seed = options.seed ?? 1;
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'parley-http-bench-'));
  const dbPath = join(dir, 'bench.db');
  const kb = await openKnowledgeBase(dbPath, { extract: benchExtract });
  let served: KnowledgeBase | undefined;
  try {
    // Build: ingest in batches until the KB holds enough facts.
    let n = 0;
    let stats = await kb.stats();
    const batch = 5000;
    while (stats.facts < wantFacts) {
      await kb.ingestMany(articles(n, n + batch, seed));
      n += batch;
      stats = await kb.stats();
      log(`http bench: ${stats.documents} documents, ${stats.facts} facts (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    // as `parley ingest` ends: the large partitions' fusions are kept for the first readers
    const warmStarted = performance.now();
    const kept = await kb.warm();
    log(`http bench: ${kept} partitions fused and kept (${((performance.now() - warmStarted) / 1000).toFixed(1)} s)`);
    const buildSeconds = (performance.now() - started) / 1000;
    // Served as `parley serve` would after `parley ingest`: by a process that has read nothing yet.
    served = await openKnowledgeBase(dbPath);
    const endpoints: EndpointResult[] = [];
    for (const cache of options.uncached ? ['on', 'off'] as const : ['on'] as const) {
      const server = await startServer({ kb: served, port: 0, host: '127.0.0.1', webDir: null, cache: { checkMs: cache === 'on' ? 1000 : 0 } });
      try {
        const sets: [string, string[]][] = [
          ['/api/processes/{id}', PROCESS_IDS.map((id) => `/api/processes/${id}`)],
          ['/api/search', QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`)],
        ];
        for (const [endpoint, paths] of sets) {
          const cold: number[] = [];
          for (const p of paths) cold.push(await timed(`${server.url}${p}`));
          log(`http bench: ${endpoint} (cache ${cache}): cold first requests median ${median(cold).toFixed(1)} ms, max ${Math.max(...cold).toFixed(1)} ms; loading for ${duration} s with ${connections} connections`);
          const r = await load(server.url, paths, connections, duration);
          const res: EndpointResult = {
            endpoint, cache, paths: paths.length,
            p50Ms: r.latency.p50, p90Ms: r.latency.p90, p99Ms: r.latency.p99, maxMs: r.latency.max,
            requestsPerSecond: Math.round(r.requests.average), requests: r.requests.total,
            errors: r.errors + r.timeouts, non2xx: r.non2xx,
            ...(cache === 'on' ? { coldMedianMs: round1(median(cold)), coldMaxMs: round1(Math.max(...cold)) } : {}),
          };
          log(`http bench: ${endpoint} (cache ${cache}): p50 ${res.p50Ms} ms, p99 ${res.p99Ms} ms, ${res.requestsPerSecond} req/s, ${res.errors} errors, ${res.non2xx} non-2xx`);
          endpoints.push(res);
        }
      } finally {
        await server.close();
      }
    }
    const render = await firstRender(dbPath);
    log('firstRenderMs' in render ? `http bench: first render of the process page ${render.firstRenderMs} ms` : `http bench: first render skipped: ${render.firstRenderSkipped}`);
    return {
      documents: stats.documents, facts: stats.facts, processes: stats.processes, buildSeconds: round1(buildSeconds),
      connections, durationSeconds: duration, endpoints, goalP99Ms: 50, ...render, totalSeconds: round1((performance.now() - started) / 1000),
    };
  } finally {
    await served?.close();
    await kb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const run = runHttpBench;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { facts: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, uncached: { type: 'boolean' } } });
  runHttpBench({
    ...(values.facts ? { facts: Number(values.facts) } : {}),
    ...(values.duration ? { duration: Number(values.duration) } : {}),
    ...(values.connections ? { connections: Number(values.connections) } : {}),
    ...(values.uncached ? { uncached: true } : {}),
  }).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`), (e: unknown) => {
    process.stderr.write(`http bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
