import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { captureIo, syntheticDb } from '../../kb/test-support.js';
import { run } from './export.js';

let dir = '';
let db = '';
before(async () => ({ dir, db } = await syntheticDb(8 * 6 * 3)));
after(() => rmSync(dir, { recursive: true, force: true }));

async function exported(format: string): Promise<string> {
  const io = captureIo();
  assert.equal(await run(['--format', format, '--db', db], io), 0);
  return io.out();
}

/** An RFC 4180 reader, strict enough to catch bad quoting. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

test('the record export has RECORD.md lists, no doc, and is byte-identical run to run', async () => {
  const a = await exported('record');
  assert.equal(await exported('record'), a);
  const rec = JSON.parse(a) as Record<string, unknown[]>;
  assert.deepEqual(Object.keys(rec), ['agreements', 'alignments', 'demands', 'events', 'meetings', 'people', 'processes', 'rounds']);
  assert.equal(rec.rounds?.length, 8 * 3);
});

test('the CSV has one row per round and per agreement, a header, and even columns', async () => {
  const rows = readCsv(await exported('csv'));
  const [header, ...body] = rows;
  assert.equal(header?.[0], 'type');
  assert.ok(body.every((r) => r.length === header?.length));
  assert.equal(body.filter((r) => r[0] === 'round').length, 24);
  assert.ok(body.some((r) => r[0] === 'agreement'));
});

test('the GeoJSON places venues at gazetteer coordinates', async () => {
  const g = JSON.parse(await exported('geojson')) as { type: string; features: { id: string; geometry: { coordinates: number[] } }[] };
  assert.equal(g.type, 'FeatureCollection');
  const astana = g.features.find((f) => f.id === 'astana@KZ');
  assert.ok(astana);
  const [lon, lat] = astana.geometry.coordinates;
  assert.ok(Math.abs((lat ?? 0) - 51.18) < 0.5 && Math.abs((lon ?? 0) - 71.45) < 0.5);
});

test('PLOVER gives one event per round and agreement, actors as lists, with the source sentence', async () => {
  const lines = (await exported('plover')).trim().split('\n').map((l) => JSON.parse(l) as { event_type: string; actors: unknown; recipients: unknown; source?: { sentence: string } });
  assert.equal(lines.filter((e) => e.event_type === 'CONSULT').length, 24);
  assert.ok(lines.some((e) => e.event_type === 'AGREE'));
  assert.ok(lines.every((e) => Array.isArray(e.actors) && Array.isArray(e.recipients)));
  assert.match(lines[0]?.source?.sentence ?? '', /round of the Astana talks/);
});

test('JSONL gives one fused item per line; --out writes a file', async () => {
  const out = join(dir, 'kb.jsonl');
  assert.equal(await run(['--format', 'jsonl', '--db', db, '--out', out], captureIo()), 0);
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { list: string });
  assert.equal(lines.filter((l) => l.list === 'rounds').length, 24);
});

test('an unknown format is a usage error', async () => {
  await assert.rejects(run(['--format', 'xml', '--db', db], captureIo()), (e: Error & { code?: string }) => e.code === 'USAGE');
});
