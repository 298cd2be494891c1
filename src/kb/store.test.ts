// The store suite against SQLite (always) and PostgreSQL (when PARLEY_TEST_PG_URL is set).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openKnowledgeBase } from './open.js';
import { storeSuite } from './store.suite.js';
import { syntheticArticle, syntheticExtract } from './synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-kb-'));
let files = 0;
after(() => rmSync(dir, { recursive: true, force: true }));

storeSuite({ name: 'sqlite', fresh: () => Promise.resolve(join(dir, `kb-${++files}.db`)) });

test('[sqlite] the database runs in WAL mode, a new one with 16 KiB pages', async () => {
  const path = join(dir, 'wal.db');
  const kb = await openKnowledgeBase(path, { extract: syntheticExtract });
  await kb.close();
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('page_size', { simple: true }), 16384);
  db.close();
});

test('[sqlite] a database made with 4 KiB pages opens and keeps them', async () => {
  const path = join(dir, 'small-pages.db');
  const Database = (await import('better-sqlite3')).default;
  const old = new Database(path);
  old.pragma('page_size = 4096');
  old.exec('create table earlier (x integer)');
  old.close();
  const kb = await openKnowledgeBase(path, { extract: syntheticExtract });
  assert.equal((await kb.ingest(syntheticArticle(1))).status, 'new');
  await kb.close();
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('page_size', { simple: true }), 4096);
  db.close();
});

const PG = process.env.PARLEY_TEST_PG_URL;
const run = Math.random().toString(36).slice(2, 10);
const schemas: string[] = [];

if (PG) {
  after(async () => {
    const client = new pg.Client({ connectionString: PG });
    await client.connect();
    try {
      for (const s of schemas) await client.query(`drop schema if exists ${client.escapeIdentifier(s)} cascade`);
    } finally {
      await client.end();
    }
  });
}

storeSuite({
  name: 'postgres',
  ...(PG ? {} : { skip: 'PARLEY_TEST_PG_URL not set' }),
  fresh: () => {
    const schema = `parley_test_${run}_${schemas.length + 1}`;
    schemas.push(schema);
    const u = new URL(PG ?? 'postgres://localhost/none');
    u.searchParams.set('schema', schema);
    return Promise.resolve(u.toString());
  },
});
