// The JSON article check: well-formed articles skip zod, and every value is read as zod reads it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../errors.js';
import type { Article } from './article.js';
import { articleSchema, toArticle } from './article-schema.js';

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** What toArticle must give: zod's reading of every value (as it was before the fast path). */
function reference(value: unknown, fallbackId: string, subject: string): Article {
  const parsed = articleSchema().safeParse(value);
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

/** The article, or the code and message of the error, so results and failures compare alike. */
function outcome(read: () => Article): unknown {
  try {
    return { article: read() };
  } catch (e) {
    assert.ok(e instanceof InputError, `an InputError, got ${String(e)}`);
    return { code: e.code, message: e.message, subject: e.subject };
  }
}

// each field sometimes the right type, sometimes absent, null or some other JSON (or non-JSON) value
const field = fc.oneof(
  fc.string(), fc.constantFrom('', ' ', '2017-12-21', '2017-12-21T10:00:00Z', 'Talks in Astana.'),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const articleLike = fc.record(
  { id: field, title: field, text: field, published: field, source: field, url: field, extra: field },
  { requiredKeys: [] },
);

test('any value comes out as zod reads it: the same article, or the same error', () => {
  fc.assert(fc.property(fc.oneof(articleLike, fc.anything()), (value) => {
    assert.deepEqual(outcome(() => toArticle(value, 'fallback', 's.jsonl:3')), outcome(() => reference(value, 'fallback', 's.jsonl:3')));
  }), { numRuns: 5000 });
});

test('a well-formed article keeps its fields; a wrong field is named in the error', () => {
  assert.deepEqual(toArticle({ id: 7, text: 'Talks.', published: '2017-12-21T10:00', source: null, url: '' }, 'f', 's'), { id: '7', text: 'Talks.', published: '2017-12-21' });
  assert.throws(() => toArticle({ text: 'Talks.', title: 7 }, 'f', 's'), /not an article: field "title" Invalid input: expected string, received number/);
  assert.throws(() => toArticle([1], 'f', 's'), /not an article: the value Invalid input: expected object, received array/);
});
