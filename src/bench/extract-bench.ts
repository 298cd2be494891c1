// The extraction benchmark (issue 2, "Speed"): on one core and in the same run, measures
//   (a) the baseline: read the corpus JSONL and split each text into sentences and tokens
//       with one regex each, nothing else;
//   (b) the built CLI as a child process: `node bin/parley.js extract --jsonl FILE > /dev/null`,
//       wall clock measured here, peak RSS from `/usr/bin/time -f %M` (the kernel's ru_maxrss
//       of the node child; when /usr/bin/time is missing, sampled from /proc/<pid>/status VmHWM);
//   (c) `extract()` in this process over the same articles.
// It reports; it asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../extract/index.js';
import type { Article } from '../ingest/index.js';
import { writeCorpus, type CorpusFile } from './corpus.js';

export const GOAL_ARTICLES_PER_SECOND = 1000;
export const GOAL_RATIO = 1 / 7;

const CLI = fileURLToPath(new URL('../../bin/parley.js', import.meta.url));
const TIME = '/usr/bin/time';

// One regex for sentences, one for tokens: the floor any extractor is compared with.
const SENTENCE_RE = /[^.!?\n]+(?:[.!?]+["'”’)]*|\n|$)/g;
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export interface BaselineResult {
  readonly articles: number;
  readonly seconds: number;
  readonly articlesPerSecond: number;
  readonly sentences: number;
  readonly tokens: number;
  readonly runs: readonly number[];
}

export interface CliResult {
  readonly articles: number;
  readonly seconds: number;
  readonly articlesPerSecond: number;
  /** Node start-up plus module and gazetteer loading, timed on a one-article batch. */
  readonly startupSeconds: number;
  /** Throughput with start-up taken off. */
  readonly netArticlesPerSecond: number;
  readonly peakRssMiB: number | undefined;
  readonly rssMethod: string;
  readonly exitCode: number | null;
  readonly stderrLines: number;
}

export interface InProcessResult {
  readonly articles: number;
  readonly seconds: number;
  readonly articlesPerSecond: number;
  readonly items: number;
  /** Peak RSS of the bench process so far (process.resourceUsage().maxRSS). */
  readonly peakRssMiB: number;
  readonly heapUsedMiB: number;
}

export interface ExtractBenchResult {
  readonly corpus: { readonly articles: number; readonly bytes: number; readonly meanChars: number };
  readonly pinned: string;
  readonly baseline: BaselineResult;
  readonly cli?: CliResult;
  readonly inProcess?: InProcessResult;
  readonly ratioCli?: number;
  readonly ratioInProcess?: number;
  readonly goal: { readonly articlesPerSecond: number; readonly ratio: number; readonly cliMeets: boolean | undefined };
}

export interface ExtractBenchOptions {
  readonly n: number;
  readonly seed?: number;
  /** Baseline passes; the median counts. */
  readonly baselineRuns?: number;
  /** Also run (b) and (c); false measures the baseline only (for the kb/http benches). */
  readonly extraction?: boolean;
  /** Keep the temp corpus (its path is logged). */
  readonly keep?: boolean;
  readonly log?: (line: string) => void;
}

/**
 * Pins this process (all its threads), and so every child it spawns, to one CPU; `restore`
 * gives back the affinity it had, so later benches (kb, http) run as they would alone.
 */
export function pinToOneCore(): { readonly label: string; readonly restore: () => void } {
  const none = (why: string) => ({ label: `not pinned (${why})`, restore: () => undefined });
  if (process.platform !== 'linux' || !existsSync('/usr/bin/taskset')) return none('no taskset');
  try {
    const allowed = allowedCpus();
    const cpu = /^\d+/.exec(allowed)?.[0] ?? '0';
    execFileSync('/usr/bin/taskset', ['-a', '-cp', cpu, String(process.pid)], { stdio: 'ignore' });
    return {
      label: `pinned to cpu ${cpu} (taskset)`,
      restore: () => {
        try {
          execFileSync('/usr/bin/taskset', ['-a', '-cp', allowed, String(process.pid)], { stdio: 'ignore' });
        } catch { /* the affinity stays pinned; later benches say so in their own figures */ }
      },
    };
  } catch (e) {
    return none((e as Error).message.split('\n')[0] ?? 'taskset failed');
  }
}

function allowedCpus(): string {
  const m = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m?.[1] ?? '0';
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    n++;
    if (m[0].length === 0) re.lastIndex++;
  }
  return n;
}

function baselineOnce(path: string): { seconds: number; articles: number; sentences: number; tokens: number } {
  const t0 = performance.now();
  const data = readFileSync(path, 'utf8');
  let articles = 0;
  let sentences = 0;
  let tokens = 0;
  let from = 0;
  while (from < data.length) {
    let nl = data.indexOf('\n', from);
    if (nl < 0) nl = data.length;
    const line = data.slice(from, nl);
    from = nl + 1;
    if (line.trim() === '') continue;
    const text = (JSON.parse(line) as { text: string }).text;
    sentences += count(SENTENCE_RE, text);
    tokens += count(TOKEN_RE, text);
    articles++;
  }
  return { seconds: (performance.now() - t0) / 1000, articles, sentences, tokens };
}

export function runBaseline(path: string, runs = 3): BaselineResult {
  baselineOnce(path); // warm-up: JIT and page cache
  const results = Array.from({ length: runs }, () => baselineOnce(path));
  const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor(sorted.length / 2)] ?? sorted[0];
  if (!median) throw new Error('no baseline runs');
  return {
    articles: median.articles,
    seconds: median.seconds,
    articlesPerSecond: median.articles / median.seconds,
    sentences: median.sentences,
    tokens: median.tokens,
    runs: results.map((r) => r.seconds),
  };
}

function vmHwmKiB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] !== undefined ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function runCliOnce(path: string, scratch: string): Promise<{ seconds: number; exitCode: number | null; stderrLines: number; peakKiB: number | undefined; method: string }> {
  const useTime = existsSync(TIME);
  const timeOut = join(scratch, `time-${process.hrtime.bigint()}.txt`);
  const nodeArgs = [CLI, 'extract', '--jsonl', path];
  const cmd = useTime ? TIME : process.execPath;
  const args = useTime ? ['-f', '%M', '-o', timeOut, process.execPath, ...nodeArgs] : nodeArgs;
  const devnull = openSync('/dev/null', 'w');
  const t0 = performance.now();
  const child = spawn(cmd, args, { stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  closeSync(devnull);
  let sampled: number | undefined;
  const sampler = useTime ? undefined : setInterval(() => {
    if (child.pid !== undefined) {
      const v = vmHwmKiB(child.pid);
      if (v !== undefined) sampled = Math.max(sampled ?? 0, v);
    }
  }, 10);
  let stderrLines = 0;
  let firstErr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => {
    if (firstErr.length < 2000) firstErr += s;
    for (const c of s) if (c === '\n') stderrLines++;
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const seconds = (performance.now() - t0) / 1000;
  if (sampler) clearInterval(sampler);
  if (exitCode !== 0) process.stderr.write(`bench: the CLI exited with ${exitCode}; its stderr began:\n${firstErr.slice(0, 800)}\n`);
  let peakKiB = sampled;
  let method = 'VmHWM of /proc/<pid>/status sampled every 10 ms (a lower bound)';
  if (useTime) {
    method = '/usr/bin/time -f %M (ru_maxrss of the node child)';
    try {
      const lines = readFileSync(timeOut, 'utf8').trim().split('\n');
      const v = Number(lines[lines.length - 1]);
      peakKiB = Number.isFinite(v) ? v : undefined;
    } catch {
      peakKiB = undefined;
    }
  }
  return { seconds, exitCode, stderrLines, peakKiB, method };
}

export async function runCli(path: string, articles: number, scratch: string, firstLine: string): Promise<CliResult> {
  // start-up: the same command on a one-article batch
  const one = join(scratch, 'one.jsonl');
  writeFileSync(one, firstLine + '\n');
  await runCliOnce(one, scratch);
  const startup = await runCliOnce(one, scratch);
  const r = await runCliOnce(path, scratch);
  const net = Math.max(1e-9, r.seconds - startup.seconds);
  return {
    articles,
    seconds: r.seconds,
    articlesPerSecond: articles / r.seconds,
    startupSeconds: startup.seconds,
    netArticlesPerSecond: articles / net,
    peakRssMiB: r.peakKiB === undefined ? undefined : r.peakKiB / 1024,
    rssMethod: r.method,
    exitCode: r.exitCode,
    stderrLines: r.stderrLines,
  };
}

function* articlesOf(path: string): Generator<Article> {
  const data = readFileSync(path, 'utf8');
  for (const line of data.split('\n')) {
    if (line.trim() === '') continue;
    const a = JSON.parse(line) as { id: string; text: string; title?: string; published?: string; source?: string };
    yield { id: a.id, text: a.text, ...(a.title ? { title: a.title } : {}), ...(a.published ? { published: a.published } : {}), ...(a.source ? { source: a.source } : {}) };
  }
}

export function runInProcess(path: string): InProcessResult {
  // warm-up on a few articles: loads the gazetteer and lexicons and lets the JIT settle
  let warm = 0;
  for (const a of articlesOf(path)) {
    extract(a);
    if (++warm >= 100) break;
  }
  let articles = 0;
  let items = 0;
  const t0 = performance.now();
  for (const a of articlesOf(path)) {
    const r = extract(a);
    items += r.processes.length + r.rounds.length + r.agreements.length + r.meetings.length + r.people.length + r.alignments.length + r.demands.length + r.events.length;
    articles++;
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    articles,
    seconds,
    articlesPerSecond: articles / seconds,
    items,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    heapUsedMiB: process.memoryUsage().heapUsed / 1024 / 1024,
  };
}

export async function runExtractBench(options: ExtractBenchOptions): Promise<ExtractBenchResult> {
  const log = options.log ?? ((s: string) => process.stderr.write(s + '\n'));
  const pin = pinToOneCore();
  const pinned = pin.label;
  log(`bench: ${pinned}`);
  log(`bench: generating ${options.n} articles …`);
  const corpus: CorpusFile = await writeCorpus(options.n, options.seed);
  log(`bench: corpus ${corpus.path} (${(corpus.bytes / 1024 / 1024).toFixed(1)} MiB)`);
  try {
    const firstLine = readFileSync(corpus.path, 'utf8').split('\n', 1)[0] ?? '';
    log('bench: baseline (regex sentences + tokens) …');
    const baseline = runBaseline(corpus.path, options.baselineRuns ?? 3);
    let meanChars = 0;
    for (const a of articlesOf(corpus.path)) meanChars += a.text.length;
    meanChars /= corpus.articles;
    const base = {
      corpus: { articles: corpus.articles, bytes: corpus.bytes, meanChars: Math.round(meanChars) },
      pinned,
      baseline,
    };
    if (options.extraction === false) {
      return { ...base, goal: { articlesPerSecond: GOAL_ARTICLES_PER_SECOND, ratio: GOAL_RATIO, cliMeets: undefined } };
    }
    log(`bench: parley extract --jsonl (built CLI: ${CLI}) …`);
    const cli = await runCli(corpus.path, corpus.articles, corpus.dir, firstLine);
    log('bench: extract() in process …');
    const inProcess = runInProcess(corpus.path);
    const ratioCli = cli.articlesPerSecond / baseline.articlesPerSecond;
    const ratioInProcess = inProcess.articlesPerSecond / baseline.articlesPerSecond;
    return {
      ...base,
      cli,
      inProcess,
      ratioCli,
      ratioInProcess,
      goal: {
        articlesPerSecond: GOAL_ARTICLES_PER_SECOND,
        ratio: GOAL_RATIO,
        cliMeets: cli.exitCode === 0 && cli.articlesPerSecond >= GOAL_ARTICLES_PER_SECOND && ratioCli >= GOAL_RATIO,
      },
    };
  } finally {
    pin.restore();
    if (options.keep) log(`bench: kept ${corpus.dir}`);
    else rmSync(corpus.dir, { recursive: true, force: true });
  }
}

const f0 = (x: number): string => x.toFixed(0);
const f2 = (x: number): string => x.toFixed(2);

export function formatExtractTable(r: ExtractBenchResult): string {
  const rows: string[][] = [['measure', 'articles', 'seconds', 'articles/s', 'ratio to baseline', 'peak RSS MiB']];
  rows.push(['baseline: regex sentences+tokens', String(r.baseline.articles), f2(r.baseline.seconds), f0(r.baseline.articlesPerSecond), '1.00', '-']);
  if (r.cli) {
    rows.push(['parley extract --jsonl (CLI, wall)', String(r.cli.articles), f2(r.cli.seconds), f0(r.cli.articlesPerSecond), `${f2(r.ratioCli ?? 0)} (1/${f2(1 / (r.ratioCli ?? 1))})`, r.cli.peakRssMiB === undefined ? '?' : f0(r.cli.peakRssMiB)]);
    rows.push(['  same, start-up taken off', String(r.cli.articles), f2(r.cli.seconds - r.cli.startupSeconds), f0(r.cli.netArticlesPerSecond), f2(r.cli.netArticlesPerSecond / r.baseline.articlesPerSecond), '-']);
  }
  if (r.inProcess) {
    rows.push(['extract() in process', String(r.inProcess.articles), f2(r.inProcess.seconds), f0(r.inProcess.articlesPerSecond), f2(r.ratioInProcess ?? 0), `${f0(r.inProcess.peakRssMiB)} (bench process)`]);
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  const lines = rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '));
  const notes = [
    `corpus: ${r.corpus.articles} articles, ${(r.corpus.bytes / 1024 / 1024).toFixed(1)} MiB JSONL, mean ${r.corpus.meanChars} chars; ${r.pinned}`,
    `baseline runs (s): ${r.baseline.runs.map(f2).join(', ')} (median counts); ${r.baseline.sentences} sentences, ${r.baseline.tokens} tokens`,
  ];
  if (r.cli) {
    notes.push(`CLI start-up (one-article batch): ${f2(r.cli.startupSeconds)} s; exit code ${r.cli.exitCode}; ${r.cli.stderrLines} stderr lines; peak RSS by ${r.cli.rssMethod}`);
    notes.push(`goal: >= ${GOAL_ARTICLES_PER_SECOND} articles/s and >= 1/7 (${f2(GOAL_RATIO)}) of the baseline: ${r.goal.cliMeets ? 'met' : 'NOT met'} by the CLI`);
  }
  return [...lines, ...notes].join('\n');
}

export function extractJsonLine(r: ExtractBenchResult): string {
  return JSON.stringify({
    bench: 'extract',
    articles: r.corpus.articles,
    baseline_aps: Math.round(r.baseline.articlesPerSecond),
    cli_aps: r.cli ? Math.round(r.cli.articlesPerSecond) : null,
    cli_net_aps: r.cli ? Math.round(r.cli.netArticlesPerSecond) : null,
    inprocess_aps: r.inProcess ? Math.round(r.inProcess.articlesPerSecond) : null,
    ratio_cli: r.ratioCli === undefined ? null : Number(r.ratioCli.toFixed(4)),
    ratio_inprocess: r.ratioInProcess === undefined ? null : Number(r.ratioInProcess.toFixed(4)),
    cli_peak_rss_mib: r.cli?.peakRssMiB === undefined ? null : Math.round(r.cli.peakRssMiB),
    cli_startup_s: r.cli ? Number(r.cli.startupSeconds.toFixed(3)) : null,
    cli_exit: r.cli ? r.cli.exitCode : null,
    inprocess_peak_rss_mib: r.inProcess ? Math.round(r.inProcess.peakRssMiB) : null,
    goal_met: r.goal.cliMeets ?? null,
    pinned: r.pinned,
  });
}
