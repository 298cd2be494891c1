// PostgreSQL backend: a small pg pool. `?schema=NAME` in the URL selects (and creates) a
// schema, so tests and tenants can share one database.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { StoreError } from '../../errors.js';
import { kyselyStore } from '../kysely-store.js';
import { migrate } from '../migrations.js';
import type { Database as Schema } from '../schema.js';
import type { Store } from '../store.js';

/** Splits our own `schema` parameter off the URL; pg does not know it. */
export function parsePostgresUrl(url: string): { connectionString: string; schema?: string } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError(`bad schema name "${schema}"`, { subject: 'postgres url' });
  }
  return { connectionString: u.toString(), ...(schema !== undefined ? { schema } : {}) };
}

export async function openPostgresStore(url: string): Promise<Store> {
  const { connectionString, schema } = parsePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema !== undefined) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    // The migration bookkeeping must be looked for in our schema only, not in any schema.
    const current = schema ?? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? 'public';
    await migrate(db as Kysely<unknown>, current);
  } catch (e) {
    await db.destroy();
    const where = new URL(connectionString);
    where.password = '';
    throw e instanceof StoreError ? e : new StoreError(`cannot open PostgreSQL: ${(e as Error).message}`, { cause: e, subject: where.toString() });
  }
  return kyselyStore(db, 'postgres');
}
