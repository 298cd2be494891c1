import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleSchema } from './article-schema.js';
import { toArticle } from './to-article.js';

/** What the zod schema says of a value, in toArticle's words. */
function zodVerdict(value: unknown): string {
  const parsed = articleSchema.safeParse(value);
  if (parsed.success) return 'ok';
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'the value';
  return `not an article: ${where} ${issue?.message ?? 'is invalid'} (expected {id, title, text, published, source, url})`;
}

function ourVerdict(value: unknown): string {
  try {
    toArticle(value, 'fallback', 'subject');
    return 'ok';
  } catch (e) {
    const m = (e as Error).message;
    return m === 'the article has no text' ? 'ok' : m;
  }
}

const VALUES: unknown[] = [undefined, 's', '', 1, 1.5, -0, Infinity, NaN, true, false, null, [], {}, [1], new Date(0), Object.create(null)];
const FIELDS = ['id', 'title', 'text', 'published', 'source', 'url'] as const;

describe('toArticle without zod', () => {
  test('gives the schema\'s verdict and first message for every field and value', () => {
    for (const top of VALUES) assert.equal(ourVerdict(top), zodVerdict(top), `top #${VALUES.indexOf(top)}`);
    for (const f of FIELDS) {
      for (const v of VALUES) {
        const o: Record<string, unknown> = { text: 'x' };
        if (v === undefined) delete o[f];
        else o[f] = v;
        assert.equal(ourVerdict(o), zodVerdict(o), `${f} = value #${VALUES.indexOf(v)}`);
      }
    }
  });

  test('reports the first bad field in the schema\'s order when several are bad', () => {
    const bad = [true, 1, null, []];
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2147483648) % xs.length] as T;
    for (let i = 0; i < 2000; i++) {
      const o: Record<string, unknown> = {};
      for (const f of FIELDS) if (pick([0, 1, 2]) > 0) o[f] = pick([...bad, 's', 2]);
      assert.equal(ourVerdict(o), zodVerdict(o), JSON.stringify(o));
    }
  });

  test('keeps the same fields as before', () => {
    assert.deepEqual(toArticle({ id: 12, title: '', text: 'body', published: '2019-06-04T08:30:00Z', source: null, url: 'u' }, 'fb', 's'),
      { id: '12', text: 'body', published: '2019-06-04', url: 'u' });
    assert.deepEqual(toArticle({ id: '', text: 'body', published: 'June' }, 'fb', 's'), { id: 'fb', text: 'body' });
  });
});
