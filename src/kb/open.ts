// openKnowledgeBase: a file path (or nothing: ./parley.db) opens SQLite; postgres:// opens PostgreSQL.
import { createKnowledgeBase } from './knowledge-base.js';
import { openPostgresStore } from './postgres/connect.js';
import { openSqliteStore } from './sqlite/connect.js';
import type { Store } from './store.js';
import type { KnowledgeBase, OpenOptions } from './types.js';

export const DEFAULT_DB = './parley.db';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens (creating and migrating as needed) a knowledge base: `undefined` → `./parley.db`;
 * `postgres://…` (optionally `?schema=NAME`) → PostgreSQL; anything else → a SQLite file.
 * Rejects with a StoreError when the database cannot be opened.
 */
export async function openKnowledgeBase(url: string | undefined = undefined, options: OpenOptions = {}): Promise<KnowledgeBase> {
  return createKnowledgeBase(await openStore(url), options);
}

/** The store alone, for tools (and tests) that work below the knowledge base. */
export function openStore(url: string | undefined = undefined): Promise<Store> {
  const where = url ?? DEFAULT_DB;
  return isPostgresUrl(where) ? openPostgresStore(where) : openSqliteStore(where.replace(/^sqlite:(\/\/)?/i, ''));
}
