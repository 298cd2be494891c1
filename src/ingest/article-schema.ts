// The JSON article at the boundary: validated once here, trusted after.
import { z } from 'zod';
import { InputError } from '../errors.js';
import type { Article } from './article.js';

const DATE = /^\d{4}-\d{2}-\d{2}/;

export const articleSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  title: z.string().optional().nullable(),
  text: z.string(),
  published: z.string().optional().nullable(),
  source: z.string().optional().nullable(),
  url: z.string().optional().nullable(),
});

/** Validates a parsed JSON value as an article; `fallbackId` names it when it has no id. */
export function toArticle(value: unknown, fallbackId: string, subject: string): Article {
  const parsed = articleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'the value';
    throw new InputError('BAD_ARTICLE', `not an article: ${where} ${issue?.message ?? 'is invalid'} (expected {id, title, text, published, source, url})`, { subject });
  }
  const a = parsed.data;
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
