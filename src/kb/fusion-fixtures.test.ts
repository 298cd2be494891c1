// Multi-article fusion fixtures (fixtures/kb/* and fixtures/fusion/*): each case's articles are
// ingested with the real extractor, the fused export is scored against the case's gold with
// ../shared/eval/score.mjs. Skips cleanly without the extractor or the shared scorer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { walk } from '../ingest/walk.js';
import { canonicalJson } from './canonical.js';
import { openKnowledgeBase } from './open.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// the project's copy of ../shared/eval/score.mjs (a test checks they are identical)
const scorer = process.env.PARLEY_SCORER ?? join(root, 'scripts', 'score.mjs');
const extractorPresent = existsSync(join(root, 'src', 'extract', 'index.ts')) || existsSync(join(root, 'dist', 'extract', 'index.js'));
const tmp = mkdtempSync(join(tmpdir(), 'parley-fusion-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Minimum rounds F1 a case must reach; per case in `floor.json` beside its gold, else 0. */
function floorOf(dir: string): number {
  const f = join(dir, 'floor.json');
  if (!existsSync(f)) return 0;
  return (JSON.parse(readFileSync(f, 'utf8')) as { rounds?: number }).rounds ?? 0;
}

interface Case { readonly name: string; readonly dir: string; readonly gold: string; readonly articles: string }

function cases(): Case[] {
  const out: Case[] = [];
  for (const base of ['kb', 'fusion']) {
    const top = join(root, 'fixtures', base);
    if (!existsSync(top)) continue;
    for (const name of readdirSync(top).sort()) {
      const dir = join(top, name);
      if (!statSync(dir).isDirectory()) continue;
      const gold = ['gold.json', 'fused.json', 'fused-gold.json'].map((g) => join(dir, g)).find((g) => existsSync(g));
      const articles = existsSync(join(dir, 'articles')) ? join(dir, 'articles') : dir;
      if (gold) out.push({ name: `${base}/${name}`, dir, gold, articles });
    }
  }
  return out;
}

for (const c of cases()) {
  const skip = !extractorPresent ? 'the extractor (src/extract/index.ts) is not there yet' : undefined;
  test(`fusion fixture ${c.name}: fused export scored against its gold`, { ...(skip ? { skip } : {}) }, async (t) => {
    const db = join(tmp, `${c.name.replace(/\W/g, '_')}.db`);
    const kb = await openKnowledgeBase(db);
    let exported: string;
    try {
      const items = [...walk([c.articles])].filter((i) => i.subject !== c.gold && !/(gold|fused|floor)[^/]*\.json$/.test(i.subject) && !/README/.test(i.subject));
      const s = await kb.ingestMany(items.map((i) => (i.article ? { subject: i.subject, article: i.article } : { subject: i.subject, error: i.error! })));
      assert.equal(s.failed, 0, s.failures.map((f) => `${f.subject}: ${f.error?.message}`).join('\n'));
      exported = canonicalJson(await kb.exportRecord(), 2);
      // Same documents in again: nothing changes.
      await kb.ingestMany(items.map((i) => ({ subject: i.subject, article: i.article! })));
      assert.equal(canonicalJson(await kb.exportRecord(), 2), exported);
    } finally {
      await kb.close();
    }
    if (!existsSync(scorer)) {
      t.diagnostic(`scorer ${scorer} absent: export checked, not scored`);
      return;
    }
    const pred = join(tmp, `${c.name.replace(/\W/g, '_')}.json`);
    writeFileSync(pred, exported);
    // --json prints the JSON, then the one-line summary: keep the JSON.
    const out = execFileSync(process.execPath, [scorer, c.gold, pred, '--json']).toString();
    const score = JSON.parse(out.slice(0, out.lastIndexOf('}') + 1)) as {
      overall: { F: number }; lists: Record<string, { F: number; P: number; R: number }>;
    };
    const rounds = score.lists.rounds;
    t.diagnostic(`${c.name}: overall F1 ${score.overall.F.toFixed(3)}, rounds F1 ${rounds?.F.toFixed(3)} (P ${rounds?.P.toFixed(3)} R ${rounds?.R.toFixed(3)})`);
    assert.ok((rounds?.F ?? 0) >= floorOf(c.dir), `rounds F1 ${rounds?.F} below the case's floor ${floorOf(c.dir)}`);
  });
}
