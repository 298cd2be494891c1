// SQLite backend: one better-sqlite3 connection in WAL mode. synchronous=NORMAL keeps every
// committed transaction through a process crash (kill -9); only power loss may drop the last.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { StoreError } from '../../errors.js';
import { kyselyStore } from '../kysely-store.js';
import { migrate } from '../migrations.js';
import type { Database as Schema } from '../schema.js';
import type { Store } from '../store.js';

export async function openSqliteStore(path: string): Promise<Store> {
  let database: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    database = new Database(path);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 10000');
    database.pragma('foreign_keys = ON');
  } catch (e) {
    throw new StoreError(`cannot open the SQLite database: ${(e as Error).message}`, { cause: e, subject: path });
  }
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  try {
    await migrate(db as Kysely<unknown>);
  } catch (e) {
    await db.destroy();
    throw e instanceof StoreError ? e : new StoreError((e as Error).message, { cause: e, subject: path });
  }
  return kyselyStore(db, 'sqlite');
}
