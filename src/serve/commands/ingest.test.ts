import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { captureIo } from '../../kb/test-support.js';
import { run } from './ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, 'in');
const db = join(dir, 'kb.db');
writeFileSync(join(dir, 'placeholder'), '');
const article = (id: string, text: string): string => JSON.stringify({ id, text, published: '2017-12-21' });

test('a folder with good and bad documents: the good are stored, each bad one reported, exit 1', async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(input, { recursive: true });
  writeFileSync(join(input, '1.json'), article('one', 'The eighth round of the Astana talks opened in Astana on Thursday with Russia, Iran and Turkey.'));
  writeFileSync(join(input, '2.json'), '{"id": "broken", ');
  writeFileSync(join(input, '3.txt'), 'Talks in Geneva resumed on Monday under UN envoy Staffan de Mistura.');
  writeFileSync(join(input, '4.jsonl'), `${article('l1', 'The Minsk talks stalled.')}\n{"text": 5}\n`);
  const io = captureIo();
  const code = await run([input, '--db', db], io);
  assert.equal(code, 1);
  assert.match(io.out(), /^5 documents: 3 new, 0 unchanged, 2 failed/);
  assert.match(io.out(), /2\.json: malformed JSON/);
  assert.match(io.out(), /4\.jsonl:2: not an article/);
  assert.equal(io.err(), '', 'no progress bar when not on a terminal');
});

test('ingesting the same files again changes nothing', async () => {
  const io = captureIo();
  await run([join(input, '1.json'), join(input, '3.txt'), '--db', db], io);
  assert.match(io.out(), /^2 documents: 0 new, 2 unchanged, 0 failed/);
});

test('all good: exit 0; the database comes from $PARLEY_DB when --db is absent', async () => {
  const io = captureIo({ PARLEY_DB: join(dir, 'env.db') });
  assert.equal(await run([join(input, '1.json')], io), 0);
  assert.match(io.out(), /1 new/);
});

test('on a terminal a progress bar with count, rate and ETA goes to stderr', async () => {
  const io = captureIo({}, true);
  await run([join(input, '3.txt'), '--db', join(dir, 'tty.db')], io);
  assert.match(io.err(), /\[#+\.*\] 1 docs +\d+\/s +ETA /);
});

test('no paths is a usage error', async () => {
  await assert.rejects(run(['--db', db], captureIo()), (e: Error & { code?: string }) => e.code === 'USAGE');
});

test('--group 1 commits each document on its own and stores the same', async () => {
  const io = captureIo();
  assert.equal(await run([join(input, '1.json'), join(input, '3.txt'), '--db', join(dir, 'one-by-one.db'), '--group', '1'], io), 0);
  assert.match(io.out(), /^2 documents: 2 new, 0 unchanged, 0 failed/);
});

test('a --group that is not a whole number from 1 is a usage error naming the value', async () => {
  await assert.rejects(run([join(input, '1.json'), '--db', db, '--group', '0'], captureIo()), (e: Error & { code?: string }) => e.code === 'USAGE' && /"0"/.test(e.message));
  await assert.rejects(run([join(input, '1.json'), '--db', db, '--group', 'many'], captureIo()), (e: Error & { code?: string }) => e.code === 'USAGE' && /"many"/.test(e.message));
});
