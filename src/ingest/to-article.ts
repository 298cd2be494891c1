// The JSON article at the boundary, validated without zod: `parley extract --jsonl` loads this
// module at start-up, and zod's ~95 modules cost more CPU to load than a batch spends checking
// its articles. The rules and the error messages are those of articleSchema (article-schema.ts);
// to-article.test.ts holds the two to the same answers.
import { InputError } from '../errors.js';
import type { Article } from './article.js';

const DATE = /^\d{4}-\d{2}-\d{2}/;
const EXPECTED = '(expected {id, title, text, published, source, url})';
/** The optional text fields, in the order the schema checks them (`text` sits between title and published). */
const OPTIONAL_TEXT = ['title', 'published', 'source', 'url'] as const;

/** How zod names the type of a value it did not expect. */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  // zod prints a number that is not finite (NaN, Infinity) as itself.
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : String(v);
  if (typeof v === 'object' && Object.getPrototypeOf(v) !== Object.prototype && 'constructor' in v && typeof v.constructor === 'function') return v.constructor.name;
  return typeof v;
}

const isIdValue = (v: unknown): boolean => v === undefined || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const isOptionalText = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';

/** The first problem zod would report for this value, as "field "x" message" or "the value message"; undefined when valid. */
function firstIssue(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `the value Invalid input: expected object, received ${typeName(value)}`;
  const o = value as Record<string, unknown>;
  if (!isIdValue(o.id)) return 'field "id" Invalid input';
  const checks: Array<[string, unknown, boolean]> = [
    ['title', o.title, isOptionalText(o.title)],
    ['text', o.text, typeof o.text === 'string'],
    ...OPTIONAL_TEXT.slice(1).map((k): [string, unknown, boolean] => [k, o[k], isOptionalText(o[k])]),
  ];
  for (const [field, v, ok] of checks) if (!ok) return `field "${field}" Invalid input: expected string, received ${typeName(v)}`;
  return undefined;
}

/** Validates a parsed JSON value as an article; `fallbackId` names it when it has no id. */
export function toArticle(value: unknown, fallbackId: string, subject: string): Article {
  const issue = firstIssue(value);
  if (issue !== undefined) throw new InputError('BAD_ARTICLE', `not an article: ${issue} ${EXPECTED}`, { subject });
  const a = value as { id?: string | number; title?: string | null; text: string; published?: string | null; source?: string | null; url?: string | null };
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
