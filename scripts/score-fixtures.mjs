#!/usr/bin/env node
// Scores the built extractor on the project fixtures (and on ../shared's seed and VOA set when
// present); with --ratchet, raises fixtures/floor.json to the current scores (never lowers them).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'bin', 'parley.js');
const scorer = join(root, 'scripts', 'score.mjs');
const shared = join(root, '..', 'shared');
const verbose = process.argv.includes('--verbose');

function extractDir(dir, extra = []) {
  const out = mkdtempSync(join(tmpdir(), 'parley-score-'));
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    try {
      writeFileSync(join(out, f), execFileSync(process.execPath, [cli, 'extract', join(dir, f), ...extra], { encoding: 'utf8' }));
    } catch { writeFileSync(join(out, f), '{}'); }
  }
  return out;
}

function score(gold, pred) {
  const args = [scorer, gold, pred];
  if (verbose) process.stdout.write(execFileSync(process.execPath, [...args, '--verbose'], { encoding: 'utf8' }));
  const out = execFileSync(process.execPath, [...args, '--json'], { encoding: 'utf8' });
  // the scorer prints its JSON and then a summary line
  return JSON.parse(out.slice(0, out.lastIndexOf('}') + 1)).overall;
}

const results = {};
results.fixtures = score(join(root, 'fixtures', 'gold'), extractDir(join(root, 'fixtures', 'articles')));
if (existsSync(join(shared, 'gold', 'voa'))) results.voa = score(join(shared, 'gold', 'voa'), extractDir(join(shared, 'corpus', 'voa')));
for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(9)} F1 ${v.F.toFixed(3)} (P ${v.P.toFixed(3)} R ${v.R.toFixed(3)})`);
if (process.argv.includes('--ratchet')) {
  const path = join(root, 'fixtures', 'floor.json');
  const floor = JSON.parse(readFileSync(path, 'utf8'));
  for (const [k, v] of Object.entries(results)) {
    const next = Math.floor(v.F * 100) / 100;
    if (next > (floor[k] ?? 0)) floor[k] = next;
  }
  writeFileSync(path, JSON.stringify(floor, null, 2) + '\n');
  console.log('floors:', JSON.stringify(floor));
}
