// processes, timeline and actor against one synthetic knowledge base.
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { captureIo, syntheticDb } from '../../kb/test-support.js';
import * as actor from './actor.js';
import * as processes from './processes.js';
import * as timeline from './timeline.js';

let dir = '';
let db = '';
before(async () => ({ dir, db } = await syntheticDb(8 * 6 * 2)));
after(() => rmSync(dir, { recursive: true, force: true }));

test('processes lists every process with its rounds and sources', async () => {
  const io = captureIo();
  assert.equal(await processes.run(['--db', db], io), 0);
  const lines = io.out().trim().split('\n');
  assert.equal(lines.length, 9);
  assert.match(lines[1] ?? '', /^astana +2 +2015-01-05/);
  const json = captureIo();
  await processes.run(['--db', db, '--json', '--limit', '2'], json);
  assert.equal((JSON.parse(json.out()) as { total: number; items: unknown[] }).items.length, 2);
});

test('timeline shows the rounds in order with venue, participants by role and sources', async () => {
  const io = captureIo();
  assert.equal(await timeline.run(['astana', '--db', db], io), 0);
  assert.match(io.out(), /#1 +2015-01-05 – 2015-01-06 +astana@KZ +held +6 sources/);
  assert.match(io.out(), /guarantor: IRN, RUS, TUR · party: SYR\.GOV, SYR\.OPP/);
  assert.ok(io.out().indexOf('#1') < io.out().indexOf('#2'));
});

test('timeline of an unknown process is a not-found error', async () => {
  await assert.rejects(timeline.run(['atlantis', '--db', db], captureIo()), (e: Error & { code?: string }) => e.code === 'NOT_FOUND');
});

test('actor shows the rounds an actor sat in, by role', async () => {
  const io = captureIo();
  assert.equal(await actor.run(['IRN', '--db', db], io), 0);
  assert.match(io.out(), /^IRN \(state\)/);
  assert.match(io.out(), /astana #1 +2015-01-05 +astana@KZ +guarantor/);
});
