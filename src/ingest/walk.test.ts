import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { listInputs, walk } from './walk.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-walk-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'b', 'deep'), { recursive: true });
writeFileSync(join(dir, 'a.txt'), 'Talks opened in Astana on Thursday.');
writeFileSync(join(dir, 'b', 'x.json'), JSON.stringify({ id: 'x', text: 'The Geneva talks resumed.', published: '2017-02-23' }));
writeFileSync(join(dir, 'b', 'deep', 'batch.jsonl'), `${JSON.stringify({ id: 'l1', text: 'One.' })}\n{bad json\n\n${JSON.stringify({ id: 'l3', text: 'Three.' })}\n`);
writeFileSync(join(dir, 'b', 'notes.md'), 'not an article');
writeFileSync(join(dir, '.hidden.txt'), 'hidden');
writeFileSync(join(dir, 'feed.rss'), '<rss><channel><title>W</title><item><guid>f1</guid><description>Feed text.</description></item></channel></rss>');

test('folders are walked recursively in name order, skipping hidden files and unknown extensions', () => {
  const { files, missing } = listInputs([dir]);
  assert.deepEqual(files.map((f) => f.path.slice(dir.length + 1)), ['a.txt', 'b/deep/batch.jsonl', 'b/x.json', 'feed.rss']);
  assert.deepEqual(missing, []);
});

test('every article and every bad document comes out as an item, in order, and a missing path is reported', () => {
  const items = [...walk([dir, join(dir, 'nope')])];
  assert.deepEqual(items.map((i) => (i.article ? `ok ${i.article.id}` : `err ${i.error?.code}`)), [
    'err NOT_FOUND', 'ok a', 'ok l1', 'err BAD_JSON', 'ok l3', 'ok x', 'ok f1',
  ]);
  assert.match(items[3]?.subject ?? '', /batch\.jsonl:2$/);
});

test('a file named explicitly is read whatever its extension', () => {
  const items = [...walk([join(dir, 'b', 'notes.md')])];
  assert.equal(items[0]?.article?.text, 'not an article');
});
