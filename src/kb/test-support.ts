// Helpers for the command tests: an in-memory Io and a knowledge base filled with the
// synthetic corpus in a temporary folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../serve/io.js';
import { openKnowledgeBase } from './open.js';
import { syntheticCorpus, syntheticExtract } from './synthetic.js';

export interface CapturedIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

export function captureIo(env: Record<string, string | undefined> = {}, isTTY = false): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: (c) => { out += c; }, stderr: (c) => { err += c; }, isTTY, env,
    out: () => out, err: () => err,
  };
}

/** A temp folder and a SQLite knowledge base in it holding `n` synthetic articles. */
export async function syntheticDb(n: number): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cmd-'));
  const db = join(dir, 'kb.db');
  const kb = await openKnowledgeBase(db, { extract: syntheticExtract });
  await kb.ingestMany([...syntheticCorpus(n)].map((article) => ({ subject: article.id, article })));
  await kb.close();
  return { dir, db };
}
