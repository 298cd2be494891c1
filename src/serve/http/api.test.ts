import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ERROR_CODES_FOR_TEST } from './status-codes.fixture.js';
import { httpStatusFor } from '../http-status.js';
import { getJson, startTestServer, type TestServer } from './test-server.js';

interface Slot { fact: string; value: unknown; sources: number; disputed: boolean; alternatives?: { fact: string; value: unknown }[] }
interface Round {
  fact: string; ordinal?: Slot; venue?: Slot; start?: Slot; end?: Slot; status?: Slot;
  participants: { fact: string; value: string; role: string }[]; agenda: unknown[]; outcomes: unknown[]; sources: number; disputed: string[];
}
interface Page<T> { items: T[]; total: number; limit: number; offset: number }

let t: TestServer;
before(async () => { t = await startTestServer(); });
after(async () => { await t.close(); });

describe('the demo corpus', () => {
  it('ingests every demo article without a failure', () => {
    assert.equal(t.demo.summary.failed, 0, JSON.stringify(t.demo.summary.failures));
    assert.ok(t.demo.summary.new >= 12, `only ${t.demo.summary.new} demo articles`);
  });
});

describe('GET /api/processes', () => {
  it('lists processes with names, sponsors, round counts, dates and a timeline', async () => {
    const r = await getJson<Page<{ id: string; sponsors: string[]; rounds: number; first?: string; last?: string; timeline: unknown[] }>>(`${t.url}/api/processes`);
    assert.equal(r.status, 200);
    assert.match(r.type ?? '', /application\/json/);
    const ids = r.body.items.map((p) => p.id);
    for (const id of ['astana', 'geneva']) assert.ok(ids.includes(id), `missing ${id} in ${ids.join(',')}`);
    assert.ok(r.body.items.length >= 4, 'the demo has several processes');
    const astana = r.body.items.find((p) => p.id === 'astana');
    assert.ok(astana && astana.rounds >= 3);
    assert.ok(Array.isArray(astana.sponsors));
    assert.equal(astana.timeline.length, astana.rounds);
    assert.ok(astana.first && astana.last && astana.first <= astana.last);
  });

  it('pages with limit and offset and reports the total', async () => {
    const all = (await getJson<Page<{ id: string }>>(`${t.url}/api/processes?limit=1000`)).body;
    const p = (await getJson<Page<{ id: string }>>(`${t.url}/api/processes?limit=2&offset=1`)).body;
    assert.equal(p.total, all.total);
    assert.equal(p.limit, 2);
    assert.equal(p.offset, 1);
    assert.deepEqual(p.items.map((x) => x.id), all.items.slice(1, 3).map((x) => x.id));
  });
});

describe('GET /api/processes/{id}', () => {
  it('gives the rounds in order with ordinal, venue, dates, status, participants, agenda, outcomes and sources', async () => {
    const r = await getJson<{ id: string; rounds: Page<Round>; labels: Record<string, string>; places: Record<string, { lat: number; lon: number }> }>(`${t.url}/api/processes/astana?limit=1000`);
    assert.equal(r.status, 200);
    const rounds = r.body.rounds.items;
    assert.ok(rounds.length >= 3);
    const ordinals = rounds.map((x) => x.ordinal?.value).filter((n): n is number => typeof n === 'number');
    assert.deepEqual(ordinals, [...ordinals].sort((a, b) => a - b), 'rounds are in ordinal order');
    for (const round of rounds) {
      assert.ok(round.fact.length > 0);
      assert.ok(round.sources >= 1);
      assert.ok(Array.isArray(round.participants) && Array.isArray(round.agenda) && Array.isArray(round.outcomes) && Array.isArray(round.disputed));
      for (const s of [round.ordinal, round.venue, round.start, round.end, round.status]) {
        if (s) assert.equal(typeof s.disputed, 'boolean');
      }
    }
    assert.ok(rounds.some((x) => x.venue?.value === 'astana@KZ'));
    assert.ok(rounds.some((x) => x.participants.length > 0));
    assert.equal(r.body.labels.SYR, 'Syria');
    assert.ok(r.body.places['astana@KZ'], 'venues come with coordinates');
  });

  it('marks a slot whose sources disagree as disputed, with every value given', async () => {
    const all = (await getJson<Page<{ id: string }>>(`${t.url}/api/processes?limit=1000`)).body.items;
    let found: Slot | undefined;
    for (const p of all) {
      const d = (await getJson<{ rounds: Page<Round> }>(`${t.url}/api/processes/${p.id}?limit=1000`)).body;
      for (const r of d.rounds.items) {
        for (const name of r.disputed) {
          const s = (r as unknown as Record<string, Slot | undefined>)[name];
          if (s?.disputed) found = s;
        }
      }
    }
    assert.ok(found, 'the demo corpus holds at least one disputed value');
    assert.ok((found.alternatives?.length ?? 0) >= 2);
  });

  it('pages the rounds', async () => {
    const r = await getJson<{ rounds: Page<Round> }>(`${t.url}/api/processes/astana?limit=1&offset=1`);
    assert.equal(r.status, 200);
    assert.equal(r.body.rounds.items.length, 1);
    assert.ok(r.body.rounds.total >= 3);
  });

  it('answers 404 for a process the knowledge base does not know', async () => {
    const r = await getJson<{ error: { code: string; message: string } }>(`${t.url}/api/processes/no-such-process`);
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'NOT_FOUND');
  });

  it('gives the actor network and the places of a process', async () => {
    const n = await getJson<{ nodes: { id: string }[]; edges: { relation: string; fact: string }[] }>(`${t.url}/api/processes/astana/network`);
    assert.equal(n.status, 200);
    assert.ok(n.body.nodes.length >= 2);
    assert.ok(n.body.edges.length >= 1);
    for (const e of n.body.edges) assert.ok(['brokers', 'negotiates_with', 'backs', 'opposes'].includes(e.relation) && e.fact);
    const p = await getJson<{ places: { id: string; lat: number; lon: number; items: unknown[] }[] }>(`${t.url}/api/processes/astana/places`);
    assert.equal(p.status, 200);
    const astana = p.body.places.find((x) => x.id === 'astana@KZ');
    assert.ok(astana && astana.lat > 40 && astana.lon > 60 && astana.items.length > 0);
  });
});

describe('GET /api/actors/{id}', () => {
  it('gives the rounds an actor sat in', async () => {
    const r = await getJson<{ id: string; kind: string; rounds: { process: string }[] }>(`${t.url}/api/actors/RUS`);
    assert.equal(r.status, 200);
    assert.equal(r.body.kind, 'state');
    assert.ok(r.body.rounds.length > 0);
  });

  it('accepts percent-encoded group and person ids', async () => {
    const r = await fetch(`${t.url}/api/actors/${encodeURIComponent('GRP:taliban')}`);
    assert.ok(r.status === 200 || r.status === 404, `status ${r.status}`);
    const p = await fetch(`${t.url}/api/actors/${encodeURIComponent('@staffan-de-mistura')}`);
    assert.ok(p.status === 200 || p.status === 404, `status ${p.status}`);
  });

  it('answers 404 for an actor nobody mentions', async () => {
    assert.equal((await fetch(`${t.url}/api/actors/ZZZ`)).status, 404);
  });
});

describe('GET /api/agreements and /api/search', () => {
  it('lists agreements and filters them by kind', async () => {
    const all = await getJson<Page<{ kind: string }>>(`${t.url}/api/agreements`);
    assert.equal(all.status, 200);
    assert.ok(all.body.total > 0);
    const kind = all.body.items[0]?.kind ?? 'ceasefire';
    const some = await getJson<Page<{ kind: string }>>(`${t.url}/api/agreements?kind=${kind}`);
    assert.ok(some.body.items.every((a) => a.kind === kind));
  });

  it('finds a process by part of its name', async () => {
    const r = await getJson<Page<{ kind: string; id: string }>>(`${t.url}/api/search?q=astan`);
    assert.equal(r.status, 200);
    assert.ok(r.body.items.some((h) => h.kind === 'process' && h.id === 'astana'));
  });

  it('restricts hits to the kinds asked for', async () => {
    const r = await getJson<Page<{ kind: string }>>(`${t.url}/api/search?q=a&kinds=actor`);
    assert.equal(r.status, 200);
    assert.ok(r.body.items.every((h) => h.kind === 'actor'));
  });
});

describe('evidence and documents', () => {
  it('resolves a round fact to sentences whose span lies inside the stored document', async () => {
    const d = (await getJson<{ rounds: Page<Round> }>(`${t.url}/api/processes/astana?limit=1000`)).body;
    const fact = d.rounds.items.find((r) => r.venue)?.venue?.fact;
    assert.ok(fact);
    const ev = await getJson<{ spans: { evidence: { doc: string; start: number; end: number }; sentence: string; span: string; spanInSentence: { start: number; end: number } }[] }>(`${t.url}/api/evidence/${fact}`);
    assert.equal(ev.status, 200);
    const span = ev.body.spans[0];
    assert.ok(span);
    assert.equal(span.sentence.slice(span.spanInSentence.start, span.spanInSentence.end), span.span);
    const doc = await getJson<{ text: string; sentences: unknown[]; title?: string }>(`${t.url}/api/documents/${span.evidence.doc}`);
    assert.equal(doc.status, 200);
    assert.equal(doc.body.text.slice(span.evidence.start, span.evidence.end), span.span);
    assert.ok(doc.body.sentences.length > 0);
  });

  it('answers 404 for an unknown fact and an unknown document', async () => {
    assert.equal((await fetch(`${t.url}/api/evidence/rounds.nope.~231`)).status, 404);
    assert.equal((await fetch(`${t.url}/api/documents/${'0'.repeat(64)}`)).status, 404);
  });
});

describe('compressed responses', () => {
  const path = '/api/processes/astana?limit=1000';
  const raw = async (encoding: string, headers: Record<string, string> = {}): Promise<{ status: number; coding: string | null; etag: string; body: Buffer }> => {
    // node:http rather than fetch, which would decode the body itself
    const { request } = await import('node:http');
    return new Promise((resolve, reject) => {
      request(`${t.url}${path}`, { headers: { 'Accept-Encoding': encoding, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, coding: res.headers['content-encoding'] ?? null, etag: String(res.headers.etag), body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });
  };

  it('sends brotli to a browser, gzip to a client without brotli, and the same JSON either way', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const plain = await raw('identity');
    const br = await raw('gzip, deflate, br, zstd');
    const gz = await raw('gzip, br;q=0');
    assert.equal(plain.coding, null);
    assert.equal(br.coding, 'br');
    assert.equal(gz.coding, 'gzip');
    assert.ok(br.body.length < gz.body.length && gz.body.length < plain.body.length);
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.body).toString()), JSON.parse(plain.body.toString()));
    assert.deepEqual(JSON.parse(gunzipSync(gz.body).toString()), JSON.parse(plain.body.toString()));
  });

  it('gives each coding its own ETag and answers a matching conditional request with 304', async () => {
    const br = await raw('br');
    const gz = await raw('gzip');
    const plain = await raw('identity');
    assert.equal(new Set([br.etag, gz.etag, plain.etag]).size, 3);
    assert.equal((await raw('br', { 'If-None-Match': br.etag })).status, 304);
    assert.equal((await raw('br', { 'If-None-Match': `"other", W/${br.etag}` })).status, 304);
    const other = await raw('br', { 'If-None-Match': gz.etag });
    assert.equal(other.status, 200);
    assert.equal(other.coding, 'br');
  });
});

describe('the OpenAPI document and the UI files', () => {
  it('documents every read route and leaves POST out when writing is disabled', async () => {
    const r = await getJson<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(`${t.url}/openapi.json`);
    assert.equal(r.status, 200);
    assert.match(r.body.openapi, /^3\./);
    for (const p of ['/api/processes', '/api/processes/{id}', '/api/actors/{id}', '/api/agreements', '/api/search', '/api/documents/{id}', '/api/evidence/{factId}']) {
      assert.ok(r.body.paths[p]?.get, `${p} is documented`);
    }
    assert.equal(r.body.paths['/api/documents'], undefined);
  });

  it('serves the UI at / and at client routes, with a content security policy', async () => {
    for (const path of ['/', '/process/astana', '/actor/RUS']) {
      const r = await fetch(`${t.url}${path}`);
      assert.equal(r.status, 200, path);
      assert.match(r.headers.get('content-type') ?? '', /text\/html/);
      assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.match(await r.text(), /Parley test/);
    }
    const js = await fetch(`${t.url}/assets/app.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.equal((await fetch(`${t.url}/assets/missing.js`)).status, 404);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const r = await getJson<{ error: { code: string } }>(`${t.url}/api/nothing-here`);
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'NOT_FOUND');
  });
});

describe('http-status', () => {
  it('maps every error code to a 4xx or 5xx status', () => {
    for (const code of ERROR_CODES_FOR_TEST) {
      const s = httpStatusFor(code);
      assert.ok(s >= 400 && s < 600, `${code} → ${s}`);
    }
    assert.equal(httpStatusFor('NOT_FOUND'), 404);
    assert.equal(httpStatusFor('BAD_REQUEST'), 400);
    assert.equal(httpStatusFor('TOO_LARGE'), 413);
    assert.equal(httpStatusFor('UNAUTHORIZED'), 401);
  });
});
