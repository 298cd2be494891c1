// The one Store implementation, over a Kysely instance of either dialect. Every query is built
// by Kysely with bound parameters; no SQL text is assembled from values.
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { StoreError } from '../errors.js';
import { InsertTemplates, prepare } from './prepared.js';
import type { Database } from './schema.js';
import type {
  DocumentMeta, DocumentWrite, LoadedFact, MentionCount, MentionKind, Store, WriteResult,
} from './store.js';
import type { Backend } from './types.js';

// SQLite binds at most 32766 variables per statement; rows × columns stay well under it.
const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

function meta(r: { id: string; article_id: string; title: string | null; source: string | null; published: string | null; url: string | null; facts: number | string }): DocumentMeta {
  return {
    id: r.id, articleId: r.article_id, facts: Number(r.facts),
    ...(r.title !== null ? { title: r.title } : {}),
    ...(r.source !== null ? { source: r.source } : {}),
    ...(r.published !== null ? { published: r.published } : {}),
    ...(r.url !== null ? { url: r.url } : {}),
  };
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

async function guard<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError(`${what}: ${(e as Error).message}`, { cause: e });
  }
}

const SAVEPOINT = CompiledQuery.raw('savepoint parley_document');
const RELEASE = CompiledQuery.raw('release savepoint parley_document');
const UNDO = CompiledQuery.raw('rollback to savepoint parley_document');

/** Writes one document inside a transaction; false when the same text was already stored. */
type WriteDocument = (trx: Transaction<Database>, w: DocumentWrite) => Promise<boolean>;

function documentWriter(db: Kysely<Database>): WriteDocument {
  // the rows' types are the schema's; the markers the templates compile with are strings
  const documents = new InsertTemplates(
    ['id', 'article_id', 'title', 'source', 'published', 'url', 'text', 'facts', 'warnings'],
    (rows) => db.insertInto('documents').values(rows as never).onConflict((oc) => oc.column('id').doNothing()).compile(),
  );
  const facts = new InsertTemplates(['doc', 'list', 'idx', 'part', 'data'], (rows) => db.insertInto('facts').values(rows as never).compile());
  const mentions = new InsertTemplates(
    ['doc', 'list', 'part', 'kind', 'ref', 'label'],
    (rows) => db.insertInto('mentions').values(rows as never).compile(),
  );
  return async (trx, { doc, facts: factRows, mentions: mentionRows }) => {
    const warnings = doc.warnings && doc.warnings.length > 0 ? JSON.stringify(doc.warnings) : null;
    const inserted = await trx.executeQuery(documents.bind([[
      doc.id, doc.articleId, doc.title ?? null, doc.source ?? null, doc.published ?? null, doc.url ?? null, doc.text, doc.facts, warnings,
    ]]));
    // Another writer committed the same text first: nothing more to do.
    if (Number(inserted.numAffectedRows ?? 0n) === 0) return false;
    for (const rows of chunks(factRows)) {
      await trx.executeQuery(facts.bind(rows.map((f) => [doc.id, f.list, f.idx, f.part, f.data])));
    }
    for (const rows of chunks(mentionRows)) {
      await trx.executeQuery(mentions.bind(rows.map((m) => [doc.id, m.list, m.part, m.kind, m.ref, m.label ?? null])));
    }
    return true;
  };
}

/** Each document of the group under its own savepoint, so a failing one is undone alone. */
async function writeGroup(trx: Transaction<Database>, write: WriteDocument, group: readonly DocumentWrite[]): Promise<WriteResult[]> {
  const out: WriteResult[] = [];
  for (const w of group) {
    await trx.executeQuery(SAVEPOINT);
    try {
      const stored = await write(trx, w);
      await trx.executeQuery(RELEASE);
      out.push(stored ? 'stored' : 'present');
    } catch (e) {
      // if even the rollback fails, the connection is gone: the whole group fails
      await trx.executeQuery(UNDO);
      await trx.executeQuery(RELEASE);
      out.push(new StoreError(`writing a document: ${(e as Error).message}`, { cause: e, subject: w.doc.articleId }));
    }
  }
  return out;
}

export function kyselyStore(db: Kysely<Database>, backend: Backend, onClose: () => Promise<void> = () => db.destroy()): Store {
  const write = documentWriter(db);
  // asked once per document of every ingest, so compiled once
  const findDocument = prepare(1, ([id]) => db.selectFrom('documents').select('id').where('id', '=', id as string).compile());
  const countRows = async (table: 'documents' | 'facts'): Promise<number> =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    backend,

    hasDocument: (id) => guard('reading the store', async () => (await db.executeQuery(findDocument([id]))).rows.length > 0),

    putDocument: (doc, facts, mentions) => guard('writing a document', () =>
      db.transaction().execute((trx) => write(trx, { doc, facts, mentions }))),

    putDocuments: (group) => guard('writing documents', async () =>
      group.length === 0 ? [] : db.transaction().execute((trx) => writeGroup(trx, write, group))),

    document: (id) => guard('reading a document', async () => {
      const r = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return undefined;
      const warnings = r.warnings === null ? undefined : (JSON.parse(r.warnings) as string[]);
      return { ...meta(r), text: r.text, ...(warnings ? { warnings } : {}) };
    }),

    documentMetas: (ids) => guard('reading documents', async () => {
      if (ids.length === 0) return [];
      const out: DocumentMeta[] = [];
      for (const part of chunks(ids)) {
        const rows = await db.selectFrom('documents')
          .select(['id', 'article_id', 'title', 'source', 'published', 'url', 'facts'])
          .where('id', 'in', part).execute();
        out.push(...rows.map(meta));
      }
      return out;
    }),

    documents: (limit, offset) => guard('listing documents', async () => {
      const rows = await db.selectFrom('documents')
        .select(['id', 'article_id', 'title', 'source', 'published', 'url', 'facts'])
        .orderBy(sql`case when published is null then 1 else 0 end`).orderBy('published', 'desc').orderBy('id')
        .limit(limit).offset(offset).execute();
      const total = await db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { items: rows.map(meta), total: Number(total.n) };
    }),

    partition: (list, part) => guard('reading facts', async () => {
      const rows = await db.selectFrom('facts').innerJoin('documents', 'documents.id', 'facts.doc')
        .select(['facts.doc as doc', 'facts.idx as idx', 'facts.data as data', 'documents.published as published'])
        .where('facts.list', '=', list).where('facts.part', '=', part).execute();
      return rows.map((r): LoadedFact => ({ doc: r.doc, idx: Number(r.idx), data: r.data, ...(r.published !== null ? { published: r.published } : {}) }));
    }),

    partitionSize: (list, part) => guard('counting facts', async () => {
      const r = await db.selectFrom('facts').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('list', '=', list).where('part', '=', part).executeTakeFirstOrThrow();
      return Number(r.n);
    }),

    fusedPartition: (list, part) => guard('reading a fused partition', async () => {
      const r = await db.selectFrom('fused').select(['facts', 'data']).where('list', '=', list).where('part', '=', part).executeTakeFirst();
      return r ? { facts: Number(r.facts), data: r.data } : undefined;
    }),

    partitionSizes: (list) => guard('counting facts', async () => {
      const sizes = await db.selectFrom('facts').select(['part', (eb) => eb.fn.countAll<number>().as('n')])
        .where('list', '=', list).groupBy('part').execute();
      const kept = await db.selectFrom('fused').select(['part', 'facts']).where('list', '=', list).execute();
      const keptBy = new Map(kept.map((k) => [k.part, Number(k.facts)]));
      return sizes.map((r) => {
        const k = keptBy.get(r.part);
        return { part: r.part, facts: Number(r.n), ...(k !== undefined ? { kept: k } : {}) };
      });
    }),

    putFusedPartition: (list, part, facts, data) => guard('keeping a fused partition', async () => {
      await db.insertInto('fused').values({ list, part, facts, data })
        .onConflict((oc) => oc.columns(['list', 'part']).doUpdateSet({ facts, data })).execute();
    }),

    partitions: (lists) => guard('listing partitions', async () => {
      if (lists.length === 0) return [];
      const rows = await db.selectFrom('facts').select('part').distinct().where('list', 'in', lists).execute();
      // Sorted here, not in SQL: PostgreSQL collations would order differently from SQLite.
      return rows.map((r) => r.part).sort();
    }),

    sources: (lists, part) => guard('counting sources', async () => {
      if (lists.length === 0) return 0;
      const r = await db.selectFrom('facts').select((eb) => eb.fn.count<number>('doc').distinct().as('n'))
        .where('list', 'in', lists).where('part', '=', part).executeTakeFirstOrThrow();
      return Number(r.n);
    }),

    mentionedIn: (refs) => guard('reading mentions', async () => {
      if (refs.length === 0) return [];
      const rows = await db.selectFrom('mentions').select(['list', 'part']).distinct().where('ref', 'in', refs).execute();
      return rows.sort((a, b) => (a.list + '\u0000' + a.part < b.list + '\u0000' + b.part ? -1 : 1));
    }),

    mentionSources: (refs) => guard('counting mentions', async () => {
      if (refs.length === 0) return 0;
      const r = await db.selectFrom('mentions').select((eb) => eb.fn.count<number>('doc').distinct().as('n'))
        .where('ref', 'in', refs).executeTakeFirstOrThrow();
      return Number(r.n);
    }),

    search: (needle, kinds: readonly MentionKind[], limit, offset) => guard('searching', async () => {
      if (kinds.length === 0) return { items: [], total: 0 };
      const pattern = likePattern(needle.toLowerCase());
      const base = db.selectFrom('mentions')
        .where('kind', 'in', kinds)
        .where((eb) => eb.or([
          eb(sql`lower(${sql.ref('ref')})`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(${sql.ref('label')})`, 'like', sql`${pattern} escape '\\'`),
        ]));
      const groups = await base
        .select((eb) => ['kind', 'ref', eb.fn.max('label').as('label'), eb.fn.count<number>('doc').distinct().as('n')])
        .groupBy(['kind', 'ref']).execute();
      const all: MentionCount[] = groups.map((g) => ({
        kind: g.kind as MentionKind, ref: g.ref, sources: Number(g.n), ...(g.label !== null ? { label: g.label } : {}),
      })).sort((a, b) => b.sources - a.sources || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
      return { items: all.slice(offset, offset + limit), total: all.length };
    }),

    documentCount: () => guard('counting', () => countRows('documents')),

    counts: () => guard('counting', async () => ({ documents: await countRows('documents'), facts: await countRows('facts') })),

    close: onClose,
  };
}
