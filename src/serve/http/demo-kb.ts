// The demo corpus (demo/articles) ingested into a fresh SQLite knowledge base: what the API
// tests, the browser tests and `npm start` run against.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleFile } from '../../ingest/read-article.js';
import { openKnowledgeBase } from '../../kb/open.js';
import type { IngestItem, IngestSummary, KnowledgeBase } from '../../kb/types.js';

/** demo/articles of this package (from src/ under tsx, or from dist/). */
export function demoDir(): string {
  return fileURLToPath(new URL('../../../demo/articles/', import.meta.url));
}

export function demoFiles(dir = demoDir()): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

function* demoItems(dir: string): Generator<IngestItem> {
  for (const file of demoFiles(dir)) yield { subject: file, article: readArticleFile(file) };
}

export async function ingestDemo(kb: KnowledgeBase, dir = demoDir()): Promise<IngestSummary> {
  return kb.ingestMany(demoItems(dir));
}

export interface DemoKb {
  readonly kb: KnowledgeBase;
  readonly dir: string;
  readonly summary: IngestSummary;
  cleanup(): Promise<void>;
}

/** A temporary SQLite KB holding the demo corpus; `cleanup` closes and deletes it. */
export async function openDemoKb(): Promise<DemoKb> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-demo-'));
  const kb = await openKnowledgeBase(join(dir, 'demo.db'));
  const summary = await ingestDemo(kb);
  return {
    kb, dir, summary,
    cleanup: async () => {
      await kb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
