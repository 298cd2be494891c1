// The JSON article at the boundary: validated once here, trusted after.
import { createRequire } from 'node:module';
import type * as Zod from 'zod';
import { InputError } from '../errors.js';
import type { Article } from './article.js';

const DATE = /^\d{4}-\d{2}-\d{2}/;

function makeSchema({ z }: typeof Zod) {
  return z.object({
    id: z.union([z.string(), z.number()]).optional(),
    title: z.string().optional().nullable(),
    text: z.string(),
    published: z.string().optional().nullable(),
    source: z.string().optional().nullable(),
    url: z.string().optional().nullable(),
  });
}

type ArticleSchema = ReturnType<typeof makeSchema>;
type ArticleFields = Zod.infer<ArticleSchema>;
let schema: ArticleSchema | undefined;

/**
 * The zod schema of a JSON article, built on first use. Well-formed articles never need it (see
 * wellFormed), and loading zod is ~60 ms of every `parley extract`'s start-up; its CommonJS build
 * loads synchronously, when the first bad article needs its error message.
 */
export function articleSchema(): ArticleSchema {
  return (schema ??= makeSchema(createRequire(import.meta.url)('zod') as typeof Zod));
}

const isOptionalString = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';

/**
 * The value itself when it is well formed (articleSchema would accept it and give the same
 * fields), else undefined, and zod then reads it to name what is wrong. Batches are almost all
 * well-formed articles: this costs a few typeofs where zod's safeParse cost more than JSON.parse.
 */
function wellFormed(value: unknown): ArticleFields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const id = v.id;
  const idOk = id === undefined || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
  if (!idOk || typeof v.text !== 'string') return undefined;
  if (!isOptionalString(v.title) || !isOptionalString(v.published) || !isOptionalString(v.source) || !isOptionalString(v.url)) return undefined;
  return v as ArticleFields;
}

/** Validates a parsed JSON value as an article; `fallbackId` names it when it has no id. */
export function toArticle(value: unknown, fallbackId: string, subject: string): Article {
  const a = wellFormed(value) ?? parse(value, subject);
  if (a.text.trim() === '') throw new InputError('EMPTY_INPUT', 'the article has no text', { subject });
  const published = a.published && DATE.test(a.published) ? a.published.slice(0, 10) : undefined;
  return {
    id: a.id !== undefined && String(a.id) !== '' ? String(a.id) : fallbackId,
    text: a.text,
    ...(a.title ? { title: a.title } : {}),
    ...(published ? { published } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.url ? { url: a.url } : {}),
  };
}

/** zod's reading of a value that is not plainly well formed: its data, or its first issue as the error. */
function parse(value: unknown, subject: string): ArticleFields {
  const parsed = articleSchema().safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'the value';
    throw new InputError('BAD_ARTICLE', `not an article: ${where} ${issue?.message ?? 'is invalid'} (expected {id, title, text, published, source, url})`, { subject });
  }
  return parsed.data;
}
