// Schema migrations, in code so they ship inside the package; applied on open, in order.
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { StoreError } from '../errors.js';

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('documents').ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('source', 'text')
        .addColumn('published', 'text')
        .addColumn('url', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('facts', 'integer', (c) => c.notNull())
        .addColumn('warnings', 'text')
        .execute();
      await db.schema.createTable('facts').ifNotExists()
        .addColumn('doc', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('part', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('facts_pk', ['doc', 'list', 'idx'])
        .execute();
      await db.schema.createIndex('facts_list_part').ifNotExists().on('facts').columns(['list', 'part']).execute();
      await db.schema.createTable('mentions').ifNotExists()
        .addColumn('doc', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('part', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .addPrimaryKeyConstraint('mentions_pk', ['doc', 'list', 'part', 'kind', 'ref'])
        .execute();
      await db.schema.createIndex('mentions_ref').ifNotExists().on('mentions').columns(['ref', 'kind']).execute();
      await db.schema.createIndex('documents_published').ifNotExists().on('documents').columns(['published']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('mentions').ifExists().execute();
      await db.schema.dropTable('facts').ifExists().execute();
      await db.schema.dropTable('documents').ifExists().execute();
    },
  },
  // Fused partitions kept for reads: fusing a partition of thousands of facts takes seconds.
  // `facts` is how many facts the fusion read; facts are only ever added, so a row whose count
  // still matches the partition's is current (see KnowledgeBase.load).
  '0002_fused_cache': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('fused').ifNotExists()
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('part', 'text', (c) => c.notNull())
        .addColumn('facts', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fused_pk', ['list', 'part'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('fused').ifExists().execute();
    },
  },
  // Fact ids changed from base64 JSON to an escaped dotted form: fusions kept before hold the old ids.
  '0003_fact_ids': {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`delete from fused`.execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await sql`delete from fused`.execute(db);
    },
  },
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/** `schema`: where the migration bookkeeping lives (PostgreSQL), else the default. */
export async function migrate(db: Kysely<unknown>, schema?: string): Promise<void> {
  const { error } = await new Migrator({ db, provider, ...(schema !== undefined ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) throw new StoreError(`could not bring the database schema up to date: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
