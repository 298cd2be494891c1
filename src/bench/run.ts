// `npm run bench` → `node dist/bench/run.js [--only extract|kb|http[,…]] [--n N] [--seed S] [--keep]`
//
// Always measures the regex baseline on a generated corpus, so every figure can be given as a
// ratio against a baseline taken in the same run; then the extraction bench (by default) and
// the knowledge-base and HTTP benches when their modules are built. Those modules are written
// elsewhere; each is looked up by file and export name, and a missing one prints
// "skipped: not built". Each is called with one options object:
//   { n, seed, baseline: { articlesPerSecond, seconds, articles }, log }
// and may return anything JSON-serialisable, which is printed as one JSON line.
// The baseline and the extraction bench run pinned to one CPU (taskset); the affinity is given
// back before the kb and http benches, which run as they would alone.
// Prints a table per bench on stdout, then one JSON line per bench. Reports; asserts nothing.
import { parseArgs } from 'node:util';
import { tuneForThroughput } from '../tune.js';
import { extractJsonLine, formatExtractTable, runExtractBench, type BaselineResult } from './extract-bench.js';

const BENCHES = ['extract', 'kb', 'http'] as const;
type BenchName = (typeof BENCHES)[number];

export interface SiblingBenchOptions {
  readonly n: number;
  /** Checkpoint sizes for the kb bench (`--kb-sizes 10000,100000`); absent: the bench's own default. */
  readonly sizes?: readonly number[];
  readonly seed: number;
  readonly baseline: { readonly articlesPerSecond: number; readonly seconds: number; readonly articles: number };
  readonly log: (line: string) => void;
}

type BenchFn = (options: SiblingBenchOptions) => unknown;

/** Where each sibling bench may live (relative to this file) and the export names it may use. */
const SIBLINGS: Readonly<Record<Exclude<BenchName, 'extract'>, readonly { readonly module: string; readonly exports: readonly string[] }[]>> = {
  kb: [
    { module: '../kb/bench.js', exports: ['runKbBench', 'benchKnowledgeBase', 'run', 'default'] },
    { module: './kb.js', exports: ['runKbBench', 'benchKnowledgeBase', 'run', 'default'] },
  ],
  http: [
    { module: './http.js', exports: ['runHttpBench', 'run', 'default'] },
    { module: '../serve/bench.js', exports: ['runHttpBench', 'run', 'default'] },
  ],
};

const log = (line: string): void => {
  process.stderr.write(line + '\n');
};

async function findSibling(name: Exclude<BenchName, 'extract'>): Promise<{ fn: BenchFn; where: string } | { missing: string }> {
  const tried: string[] = [];
  for (const c of SIBLINGS[name]) {
    const url = new URL(c.module, import.meta.url);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(url.href)) as Record<string, unknown>;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      // only the module itself being absent means "not built"; a broken import inside it is an error
      if (err.code === 'ERR_MODULE_NOT_FOUND' && err.message.includes(url.pathname)) {
        tried.push(c.module);
        continue;
      }
      throw e;
    }
    for (const x of c.exports) {
      const fn = mod[x];
      if (typeof fn === 'function') return { fn: fn as BenchFn, where: `${c.module}#${x}` };
    }
    tried.push(`${c.module} (no export ${c.exports.join('/')})`);
  }
  return { missing: tried.join(', ') };
}

/** Adds `ratio_to_baseline` next to every `articlesPerSecond` found (top level or in arrays of objects). */
function withRatios(x: Record<string, unknown>, baselineAps: number): Record<string, unknown> {
  const fix = (o: Record<string, unknown>): Record<string, unknown> =>
    typeof o.articlesPerSecond === 'number' ? { ...o, ratio_to_baseline: Number((o.articlesPerSecond / baselineAps).toFixed(4)) } : o;
  const out: Record<string, unknown> = fix(x);
  for (const [k, v] of Object.entries(out)) {
    if (Array.isArray(v)) out[k] = v.map((e: unknown) => (e !== null && typeof e === 'object' && !Array.isArray(e) ? fix(e as Record<string, unknown>) : e));
  }
  return out;
}

/** A plain table of `points` (the kb bench's checkpoints), when the result has them. */
function pointsTable(x: Record<string, unknown>): string | undefined {
  const points = x.points;
  if (!Array.isArray(points) || points.length === 0) return undefined;
  const rows = points.filter((p): p is Record<string, unknown> => p !== null && typeof p === 'object');
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = [keys, ...rows.map((r) => keys.map((k) => String(r[k] ?? '')))];
  const widths = keys.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  return cells.map((row) => row.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  ')).join('\n');
}

function parseOnly(values: readonly string[] | undefined): BenchName[] {
  if (!values || values.length === 0) return [...BENCHES];
  const out: BenchName[] = [];
  for (const v of values.flatMap((s) => s.split(','))) {
    const name = v.trim();
    if (!(BENCHES as readonly string[]).includes(name)) throw new Error(`--only takes ${BENCHES.join('|')}, got "${name}"`);
    if (!out.includes(name as BenchName)) out.push(name as BenchName);
  }
  return out;
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string', multiple: true },
      n: { type: 'string' },
      seed: { type: 'string' },
      keep: { type: 'boolean' },
      'kb-sizes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('usage: node dist/bench/run.js [--only extract|kb|http[,…]] [--n N] [--seed S] [--keep] [--kb-sizes A,B]\n' +
      'Default: every bench; N = 5000 articles. Figures are ratios against a regex baseline measured in the same run.\n');
    return 0;
  }
  // the in-process figures run as the CLI does (src/tune.ts)
  tuneForThroughput();
  const only = parseOnly(values.only);
  const n = values.n === undefined ? 5000 : Number(values.n);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--n must be a positive integer, got "${values.n}"`);
  const seed = values.seed === undefined ? 20171221 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  const sizes = values['kb-sizes']?.split(',').map(Number);
  if (sizes && sizes.some((x) => !Number.isInteger(x) || x < 1)) throw new Error(`--kb-sizes takes positive integers, got "${values['kb-sizes']}"`);

  const jsonLines: string[] = [];
  let failed = false;
  const wantExtract = only.includes('extract');
  const r = await runExtractBench({ n, seed, extraction: wantExtract, keep: values.keep ?? false, log });
  const baseline: BaselineResult = r.baseline;
  if (wantExtract) {
    process.stdout.write('\n== extract ==\n' + formatExtractTable(r) + '\n');
    jsonLines.push(extractJsonLine(r));
    if (r.cli && r.cli.exitCode !== 0) failed = true;
  } else {
    process.stdout.write(`\nbaseline (regex sentences + tokens): ${baseline.articlesPerSecond.toFixed(0)} articles/s over ${baseline.articles} articles\n`);
  }

  for (const name of ['kb', 'http'] as const) {
    if (!only.includes(name)) continue;
    process.stdout.write(`\n== ${name} ==\n`);
    let found: Awaited<ReturnType<typeof findSibling>>;
    try {
      found = await findSibling(name);
    } catch (e) {
      process.stdout.write(`${name}: failed to load: ${(e as Error).message}\n`);
      failed = true;
      continue;
    }
    if ('missing' in found) {
      process.stdout.write(`${name}: skipped: not built (looked for ${found.missing})\n`);
      jsonLines.push(JSON.stringify({ bench: name, skipped: 'not built' }));
      continue;
    }
    try {
      const result = await found.fn({
        n, seed, log,
        ...(name === 'kb' && sizes ? { sizes } : {}),
        baseline: { articlesPerSecond: baseline.articlesPerSecond, seconds: baseline.seconds, articles: baseline.articles },
      });
      if (typeof result === 'string') process.stdout.write(result.endsWith('\n') ? result : result + '\n');
      const payload = result !== null && typeof result === 'object' ? withRatios(result as Record<string, unknown>, baseline.articlesPerSecond) : { result: result ?? null };
      const table = pointsTable(payload);
      if (table) process.stdout.write(table + '\n');
      jsonLines.push(JSON.stringify({ bench: name, from: found.where, baseline_aps: Math.round(baseline.articlesPerSecond), ...payload }));
    } catch (e) {
      process.stdout.write(`${name}: failed: ${(e as Error).message}\n`);
      jsonLines.push(JSON.stringify({ bench: name, failed: (e as Error).message }));
      failed = true;
    }
  }
  process.stdout.write('\n' + jsonLines.join('\n') + '\n');
  return failed ? 1 : 0;
}

const invoked = process.argv[1] ?? '';
if (/[\\/]bench[\\/]run\.(js|ts)$/.test(invoked)) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
