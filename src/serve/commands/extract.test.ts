// `parley extract` as a user runs it: the BUILT CLI (bin/parley.js → dist/serve/cli.js) in a
// child process, on files made here. Build first: `npx tsc -p tsconfig.json`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MAX_ARTICLE_BYTES } from '../../ingest/limits.js';
import { tempFolder } from '../../testing/temp-folder.js';

// src/serve/commands/ and dist/serve/commands/ are both three levels below the repository root
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'bin', 'parley.js');
const BUILT = join(ROOT, 'dist', 'serve', 'cli.js');

interface Run {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly out: string;
  readonly err: string;
}

function parley(args: readonly string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: 'UTC', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

function errorLines(r: Run): string[] {
  return r.err.split('\n').filter((l) => l.trim() !== '');
}

/** Exactly one stderr line, naming the file and matching the reason; no stack; exit ≠ 0; nothing on stdout. */
function assertOneErrorLine(r: Run, file: string, reason: RegExp): void {
  const lines = errorLines(r);
  assert.equal(lines.length, 1, `expected one stderr line, got:\n${r.err}`);
  const line = lines[0] ?? '';
  assert.ok(line.includes(file), `the error line should name ${file}: ${line}`);
  assert.match(line, reason);
  assert.ok(!r.err.includes('    at '), `no stack trace expected:\n${r.err}`);
  assert.notEqual(r.status, 0);
  assert.notEqual(r.status, null, 'the CLI should exit, not be killed');
  assert.equal(r.out, '', 'nothing on stdout for a refused file');
}

const NEWS = [
  'GENEVA, March 3 (Wire Desk) - The fourth round of the Geneva talks on Syria opened on Tuesday, with Russia, Iran and Turkey acting as guarantors.',
  'Russian Foreign Minister Ivan Petrov met UN envoy for Syria Maria Santos in Geneva on Wednesday, and the two discussed a ceasefire and the release of detainees.',
  'Petrov told reporters the talks would focus on humanitarian aid. Iran is an ally of the Syrian government.',
].join('\n');

const FRENCH = 'Les négociations de paix ont repris mardi à Genève entre le gouvernement et l\'opposition. ' +
  'Le ministre des Affaires étrangères a déclaré que les deux délégations se retrouveraient la semaine prochaine ' +
  'pour discuter d\'un cessez-le-feu, de l\'aide humanitaire et de la libération des prisonniers. ' +
  'Selon un diplomate, les discussions se sont déroulées dans un climat plutôt calme.';

const LISTS = ['processes', 'rounds', 'agreements', 'meetings', 'people', 'alignments', 'demands', 'events'] as const;

const tmp = tempFolder('parley-extract-test-');
const file = tmp.file;

before(() => {
  assert.ok(existsSync(BUILT), `the CLI is not built (${BUILT} missing): run npx tsc -p tsconfig.json first`);
});

describe('parley extract refuses bad files with one error line', () => {
  test('an empty file is refused as empty', () => {
    const p = file('empty.txt', '');
    assertOneErrorLine(parley(['extract', p]), p, /empty/i);
  });

  test('a file of only whitespace is refused as empty', () => {
    const p = file('blank.txt', '  \n\t\n  ');
    assertOneErrorLine(parley(['extract', p]), p, /no text|empty/i);
  });

  test('a binary file with NUL bytes is refused as binary', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    const p = file('blob.bin', bytes);
    assertOneErrorLine(parley(['extract', p]), p, /binary/i);
  });

  test('a binary file that starts like text but holds a NUL byte is refused as binary', () => {
    const p = file('mostly-text.txt', Buffer.concat([Buffer.from('The talks resumed on Monday in Geneva.'), Buffer.from([0]), Buffer.from(' More text.')]));
    assertOneErrorLine(parley(['extract', p]), p, /binary/i);
  });

  test('latin-1 bytes are refused as not UTF-8', () => {
    const p = file('latin1.txt', Buffer.from('The delegations met in the caf\xe9 near the Pal\xe4is des Nations on Monday, the minister said.\n', 'latin1'));
    assertOneErrorLine(parley(['extract', p]), p, /UTF-8/);
  });

  test('malformed JSON in a .json file is refused as malformed JSON', () => {
    const p = file('broken.json', '{"id": "x", "text": "The talks resumed on Monday.",');
    assertOneErrorLine(parley(['extract', p]), p, /malformed JSON/i);
  });

  test('a JSON article without text is refused, naming the missing field', () => {
    const p = file('no-text.json', JSON.stringify({ id: 'x', title: 'Talks resume', published: '2017-01-01' }));
    assertOneErrorLine(parley(['extract', p]), p, /"text"/);
  });

  test('a JSON article whose text is blank is refused as empty', () => {
    const p = file('blank-text.json', JSON.stringify({ id: 'x', text: '   ' }));
    assertOneErrorLine(parley(['extract', p]), p, /no text|empty/i);
  });

  test('a JSON value that is not an object is refused as not an article', () => {
    const p = file('array.json', '[1, 2, 3]');
    assertOneErrorLine(parley(['extract', p]), p, /not an article/i);
  });

  test('a file over MAX_ARTICLE_BYTES is refused as too large, with the limit', () => {
    const p = file('huge.txt', 'x');
    truncateSync(p, MAX_ARTICLE_BYTES + 1); // sparse: costs no disk
    assertOneErrorLine(parley(['extract', p]), p, new RegExp(`too large.*${MAX_ARTICLE_BYTES}`));
  });

  test('a text file of real text just over the limit is refused as too large', () => {
    const para = 'The delegations met again on Tuesday and agreed to keep talking about the ceasefire. ';
    const p = file('long.txt', para.repeat(Math.ceil((MAX_ARTICLE_BYTES + 10) / para.length)));
    assertOneErrorLine(parley(['extract', p]), p, /too large/i);
  });

  test('a missing file is refused as not found', () => {
    const p = tmp.path('does-not-exist.txt');
    assertOneErrorLine(parley(['extract', p]), p, /no such file/i);
  });

  test('a directory is refused as a directory', () => {
    const p = tmp.path('a-directory');
    mkdirSync(p, { recursive: true });
    assertOneErrorLine(parley(['extract', p]), p, /directory/i);
  });

  test('a missing --jsonl file is refused as not found', () => {
    const p = tmp.path('no-batch.jsonl');
    const r = parley(['extract', '--jsonl', p]);
    assertOneErrorLine(r, p, /no such file/i);
  });

  test('a bad --published value is a usage error, not a stack trace', () => {
    const p = file('ok-for-usage.txt', NEWS);
    const r = parley(['extract', p, '--published', 'last Tuesday']);
    assert.equal(errorLines(r).length, 1, r.err);
    assert.match(r.err, /--published/);
    assert.ok(!r.err.includes('    at '));
    assert.notEqual(r.status, 0);
  });
});

describe('parley extract --jsonl goes on past bad lines', () => {
  const good1 = JSON.stringify({ id: 'good-1', text: NEWS, published: '2017-03-03', source: 'Wire Desk' });
  const good2 = JSON.stringify({ id: 'good-2', text: 'Iran is an ally of the Syrian government, the minister said on Monday in Tehran.', published: '2018-05-01' });
  const good3 = JSON.stringify({ id: 'good-3', text: 'The talks in Doha between the Afghan government and the Taliban were suspended on Friday.' });
  const lines: Buffer[] = [
    Buffer.from(good1),
    Buffer.from('{"id": "half", "text": "unterminated'),
    Buffer.from(good2),
    Buffer.from(JSON.stringify({ id: 'no-text', title: 'x' })),
    Buffer.from('{"id": "latin", "text": "caf\xe9 in Gen\xe8ve"}', 'latin1'),
    Buffer.concat([Buffer.from('{"id": "nul", "text": "a'), Buffer.from([0, 1, 2]), Buffer.from('"}')]),
    Buffer.from(JSON.stringify({ id: 'blank', text: '  ' })),
    Buffer.from(good3),
  ];
  const bad = new Set([2, 4, 5, 6, 7]); // 1-based line numbers of the bad lines

  test('gives one output line per input line, in order, with error records for bad lines and exit code 1', () => {
    const p = file('mixed.jsonl', Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    const r = parley(['extract', '--jsonl', p]);
    assert.equal(r.status, 1, r.err);
    const out = r.out.split('\n');
    assert.equal(out.pop(), '', 'the output ends with a newline');
    assert.equal(out.length, lines.length, r.out);
    const ids = ['good-1', '', 'good-2', '', '', '', '', 'good-3'];
    out.forEach((line, i) => {
      const rec = JSON.parse(line) as { error?: { line?: number; message?: string; code?: string }; doc?: { id?: string }; [k: string]: unknown };
      if (bad.has(i + 1)) {
        assert.ok(rec.error, `line ${i + 1} should be an error record: ${line}`);
        assert.equal(rec.error.line, i + 1);
        assert.equal(typeof rec.error.message, 'string');
        assert.equal(rec.doc, undefined);
      } else {
        assert.equal(rec.error, undefined, `line ${i + 1} should be a record: ${line}`);
        assert.equal(rec.doc?.id, ids[i]);
        for (const list of LISTS) assert.ok(Array.isArray(rec[list]), `${list} is a list on line ${i + 1}`);
      }
    });
  });

  test('the good records of a mixed batch are the records of the same articles alone', () => {
    const mixed = file('mixed2.jsonl', Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    const clean = file('clean.jsonl', [good1, good2, good3].join('\n') + '\n');
    const a = parley(['extract', '--jsonl', mixed]).out.split('\n').filter((l, i) => l !== '' && !bad.has(i + 1));
    const b = parley(['extract', '--jsonl', clean]);
    assert.equal(b.status, 0, b.err);
    const bl = b.out.split('\n').filter((l) => l !== '');
    assert.equal(a.length, 3);
    assert.deepEqual(a.map((l) => (JSON.parse(l) as { doc: { id: string } }).doc.id), bl.map((l) => (JSON.parse(l) as { doc: { id: string } }).doc.id));
    // the first good record actually found something (the batch is not emptying records)
    const first = JSON.parse(a[0] ?? '{}') as { people?: unknown[] };
    assert.ok((first.people ?? []).length > 0, 'the first article names people');
  });

  test('reports each bad line once on stderr, naming file and line, without a stack trace', () => {
    const p = file('mixed3.jsonl', Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    const r = parley(['extract', '--jsonl', p]);
    const errs = errorLines(r).filter((l) => !l.includes('warning'));
    assert.equal(errs.length, bad.size, r.err);
    for (const n of bad) assert.ok(errs.some((l) => l.includes(`${p}:${n}`)), `stderr names ${p}:${n}:\n${r.err}`);
    assert.ok(!r.err.includes('    at '));
  });

  test('a batch of only good lines exits 0', () => {
    const p = file('good.jsonl', [good1, good3].join('\n'));
    const r = parley(['extract', '--jsonl', p]);
    assert.equal(r.status, 0, r.err);
    assert.equal(r.out.split('\n').filter((l) => l !== '').length, 2);
  });
});

describe('parley extract on text that is not English', () => {
  test('gives an empty record and a warning naming the file, and exits 0', () => {
    const p = file('francais.txt', FRENCH);
    const r = parley(['extract', p]);
    assert.equal(r.status, 0, r.err);
    const rec = JSON.parse(r.out) as Record<string, unknown>;
    for (const list of LISTS) assert.deepEqual(rec[list], [], `${list} should be empty`);
    const lines = errorLines(r);
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0] ?? '', /warning/i);
    assert.match(lines[0] ?? '', /English/);
    assert.ok((lines[0] ?? '').includes(p));
  });

  test('gives an empty record and a warning for a Spanish line in a batch', () => {
    const es = 'Las conversaciones de paz entre el gobierno y los rebeldes se reanudaron el martes en La Habana, ' +
      'según informó el ministerio, y las dos delegaciones volverán a reunirse la próxima semana para hablar del alto el fuego.';
    const p = file('es.jsonl', JSON.stringify({ id: 'es-1', text: es }) + '\n' + JSON.stringify({ id: 'en-1', text: NEWS }) + '\n');
    const r = parley(['extract', '--jsonl', p]);
    assert.equal(r.status, 0, r.err);
    const [es1, en1] = r.out.split('\n').map((l) => (l === '' ? {} : JSON.parse(l) as Record<string, unknown[]>));
    for (const list of LISTS) assert.deepEqual(es1?.[list], [], `${list} should be empty`);
    assert.ok((en1?.people ?? []).length > 0);
    assert.match(r.err, new RegExp(`warning: ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:`));
  });
});

describe('parley extract is deterministic', () => {
  test('the same file twice gives byte-identical output', () => {
    const p = file('news.txt', NEWS);
    const a = parley(['extract', p, '--published', '2017-03-03', '--source', 'Wire Desk']);
    const b = parley(['extract', p, '--published', '2017-03-03', '--source', 'Wire Desk']);
    assert.equal(a.status, 0, a.err);
    assert.ok(a.stdout.length > 100);
    assert.ok(a.stdout.equals(b.stdout), 'outputs differ');
  });

  test('the same batch twice gives byte-identical output', () => {
    const p = file('news.jsonl', [
      JSON.stringify({ id: 'n1', text: NEWS, published: '2017-03-03' }),
      JSON.stringify({ id: 'n2', text: NEWS.split('\n').reverse().join('\n'), published: '2019-11-30' }),
    ].join('\n'));
    const a = parley(['extract', '--jsonl', p]);
    const b = parley(['extract', '--jsonl', p]);
    assert.equal(a.status, 0, a.err);
    assert.ok(a.stdout.equals(b.stdout), 'outputs differ');
  });

  test('the output does not depend on the machine time zone', () => {
    const p = file('news-tz.txt', NEWS);
    const a = parley(['extract', p, '--published', '2017-03-03']);
    const b = parley(['extract', p, '--published', '2017-03-03'], { TZ: 'Pacific/Kiritimati' });
    const c = parley(['extract', p, '--published', '2017-03-03'], { TZ: 'America/Los_Angeles' });
    assert.equal(a.out, b.out);
    assert.equal(a.out, c.out);
  });

  test('--published and --source override the file\'s own', () => {
    const p = file('with-meta.json', JSON.stringify({ id: 'meta', text: NEWS, published: '2010-01-01', source: 'Old Source' }));
    const r = parley(['extract', p, '--published', '2017-03-03', '--source', 'New Source']);
    assert.equal(r.status, 0, r.err);
    const rec = JSON.parse(r.out) as { doc: { id: string; published?: string; source?: string } };
    assert.deepEqual(rec.doc, { id: 'meta', published: '2017-03-03', source: 'New Source' });
  });
});

describe('parley help and explain', () => {
  test('parley --help lists the extract command and exits 0', () => {
    const r = parley(['--help']);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /usage: parley/);
    assert.match(r.out, /^\s+extract\s/m);
  });

  test('parley extract --help prints its usage with --jsonl and --explain and exits 0', () => {
    const r = parley(['extract', '--help']);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /usage: parley extract FILE/);
    assert.match(r.out, /--jsonl/);
    assert.match(r.out, /--explain/);
    assert.equal(r.err, '');
  });

  test('--explain prints, for every item, its rule, its span text and its sentence', () => {
    const p = file('explain.txt', NEWS);
    const json = parley(['extract', p, '--published', '2017-03-03']);
    const ex = parley(['extract', p, '--published', '2017-03-03', '--explain']);
    assert.equal(ex.status, 0, ex.err);
    const rec = JSON.parse(json.out) as Record<string, { evidence?: { rule: string; sentence: number; start: number; end: number }[] }[]>;
    let items = 0;
    for (const list of LISTS) {
      for (const item of rec[list] ?? []) {
        items++;
        const evs = item.evidence ?? [];
        assert.ok(evs.length > 0, `${list} item has evidence`);
        for (const ev of evs) {
          assert.ok(ex.out.includes(`rule ${ev.rule}, sentence ${ev.sentence}, chars ${ev.start}-${ev.end}: «${NEWS.slice(ev.start, ev.end)}»`), `explain shows ${ev.rule} at ${ev.start}-${ev.end}`);
          assert.match(ex.out, new RegExp(`^  sentence ${ev.sentence}: \\S`, 'm'));
        }
      }
    }
    assert.ok(items >= 3, `the article gives items (${items})`);
    // one header line per item: "<kind> {json}"
    const headers = ex.out.split('\n').filter((l) => /^[a-z]+ \{/.test(l));
    assert.equal(headers.length, items);
    // the sentence lines quote the article text
    assert.match(ex.out, /sentence \d+: .*Ivan Petrov met UN envoy/);
  });

  test('an unknown option is a usage error with exit code 64', () => {
    const p = file('ok.txt', NEWS);
    const r = parley(['extract', p, '--frobnicate']);
    assert.equal(r.status, 64);
    assert.ok(!r.err.includes('    at '));
    assert.match(r.err, /frobnicate/);
  });
});
