// Extraction quality measured the way the issue measures it: the built CLI's output scored by
// the project's scorer (a copy of ../shared/eval/score.mjs, checked identical when shared is here).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(root, '..', 'shared');
const cli = join(root, 'bin', 'parley.js');
const scorer = join(root, 'scripts', 'score.mjs');
const hasShared = existsSync(join(shared, 'spec', 'RECORD.md'));
const floors = JSON.parse(readFileSync(join(root, 'fixtures', 'floor.json'), 'utf8')) as Record<string, number>;

interface Score { overall: { F: number; P: number; R: number } }

function score(gold: string, pred: string): Score {
  const out = execFileSync(process.execPath, [scorer, gold, pred, '--json'], { encoding: 'utf8' });
  // the scorer prints its JSON and then a summary line
  return JSON.parse(out.slice(0, out.lastIndexOf('}') + 1)) as Score;
}

function extractTo(file: string, out: string, extra: readonly string[] = []): void {
  const json = execFileSync(process.execPath, [cli, 'extract', file, ...extra], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  writeFileSync(out, json);
}

test('the vendored scorer is the shared scorer', { skip: hasShared ? false : '../shared is absent' }, () => {
  assert.equal(readFileSync(scorer, 'utf8'), readFileSync(join(shared, 'eval', 'score.mjs'), 'utf8'));
});

test('the seed article scores F1 ≥ 0.90 against its gold', { skip: hasShared ? false : '../shared is absent' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-seed-'));
  const out = join(dir, 'astana-8.json');
  extractTo(join(shared, 'seed', 'astana-8.txt'), out, ['--published', '2017-12-21', '--source', 'Alwaght']);
  const s = score(join(shared, 'gold', 'astana-8.json'), out);
  assert.ok(s.overall.F >= 0.9, `seed F1 ${s.overall.F.toFixed(3)} < 0.90`);
});

test('the VOA dev set scores at least its recorded floor', { skip: hasShared ? false : '../shared is absent' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-voa-'));
  const corpus = join(shared, 'corpus', 'voa');
  for (const f of readdirSync(corpus).filter((x) => x.endsWith('.json'))) extractTo(join(corpus, f), join(dir, f));
  const s = score(join(shared, 'gold', 'voa'), dir);
  const floor = floors.voa ?? 0;
  assert.ok(s.overall.F >= floor, `VOA micro F1 ${s.overall.F.toFixed(3)} fell below the floor ${floor}`);
});

test('the project fixtures score at least their recorded floor', () => {
  const articles = join(root, 'fixtures', 'articles');
  const gold = join(root, 'fixtures', 'gold');
  const files = readdirSync(articles).filter((x) => x.endsWith('.json'));
  assert.ok(files.length >= 30, `only ${files.length} fixture articles`);
  const dir = mkdtempSync(join(tmpdir(), 'parley-fixtures-'));
  mkdirSync(dir, { recursive: true });
  for (const f of files) extractTo(join(articles, f), join(dir, f));
  const s = score(gold, dir);
  const floor = floors.fixtures ?? 0;
  assert.ok(s.overall.F >= floor, `fixtures micro F1 ${s.overall.F.toFixed(3)} fell below the floor ${floor}`);
});
