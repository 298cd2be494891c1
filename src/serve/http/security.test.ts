import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { BODY_LIMIT_BYTES } from './openapi.js';
import { getJson, rawGet, startTestServer, TOKEN, type TestServer } from './test-server.js';

let t: TestServer;
let readOnly: TestServer;
before(async () => {
  t = await startTestServer({ writeToken: TOKEN });
  readOnly = await startTestServer();
});
after(async () => {
  await t.close();
  await readOnly.close();
});

const article = (text: string, id = 'posted'): string =>
  JSON.stringify({ id, title: 'Posted', text, published: '2018-01-30', source: 'Test Wire' });

async function post(url: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<{ status: number; body: { error?: { code: string; message: string }; status?: string } }> {
  const res = await fetch(`${url}/api/documents`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) as { error?: { code: string; message: string } } : {} };
}

describe('static files cannot escape dist/web', () => {
  const attempts = [
    '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/assets/..%5c..%5csecret.txt', '//secret.txt', '/.%2e/secret.txt',
    '/%252e%252e/secret.txt', '/index.html%00.js', '/assets/%c0%ae%c0%ae/secret.txt', '/....//secret.txt', '/assets/....//....//secret.txt',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/../../../../etc/passwd', '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
  ];
  for (const path of attempts) {
    it(`refuses ${path}`, async () => {
      const r = await rawGet(t.url, path);
      assert.ok(r.status === 400 || r.status === 404, `${path} → ${r.status}`);
      assert.doesNotMatch(r.body, /TOP SECRET|root:x:0/);
    });
  }

  it('answers malformed percent-encoding with 400, not 500', async () => {
    const r = await rawGet(t.url, '/assets/%E0%A4%A');
    assert.equal(r.status, 400);
  });

  it('does not serve dot files or directories', async () => {
    assert.equal((await rawGet(t.url, '/.env')).status, 404);
    assert.equal((await rawGet(t.url, '/assets')).status, 404);
    assert.equal((await rawGet(t.url, '/assets/')).status, 404);
  });
});

describe('POST /api/documents', () => {
  it('does not exist without --write-token', async () => {
    const r = await post(readOnly.url, article('The first round of the Oslo talks opened in Oslo on Monday.'), { Authorization: `Bearer ${TOKEN}` });
    assert.equal(r.status, 404);
  });

  it('refuses a request without a token', async () => {
    const r = await post(t.url, article('Talks opened in Oslo on Monday.'));
    assert.equal(r.status, 401);
    assert.equal(r.body.error?.code, 'UNAUTHORIZED');
  });

  it('refuses a wrong token, a token of another length and a non-bearer scheme', async () => {
    for (const auth of [`Bearer ${TOKEN.slice(0, -1)}x`, `Bearer ${TOKEN}extra`, 'Bearer ', `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}`, TOKEN, `bearer  ${TOKEN}`]) {
      const r = await post(t.url, article('Talks opened in Oslo on Monday.'), { Authorization: auth });
      assert.equal(r.status, 401, auth);
    }
  });

  it('stores an article with the right token, then reports it unchanged', async () => {
    const body = article('The first round of the Oslo talks on Yemen opened in Oslo on Monday, with Norway acting as mediator.', 'oslo-1');
    const first = await post(t.url, body, { Authorization: `Bearer ${TOKEN}` });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 'new');
    const again = await post(t.url, body, { Authorization: `Bearer ${TOKEN}` });
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'unchanged');
  });

  it(`answers 413 for a body over ${BODY_LIMIT_BYTES} bytes, declared or streamed`, async () => {
    const big = article('x'.repeat(BODY_LIMIT_BYTES + 10));
    const r = await post(t.url, big, { Authorization: `Bearer ${TOKEN}` });
    assert.equal(r.status, 413);
    assert.equal(r.body.error?.code, 'TOO_LARGE');
    // Chunked: no Content-Length, so the limit must be enforced while reading.
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(t.url);
      const req = request({ host: u.hostname, port: u.port, path: '/api/documents', method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (e) => (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve(413) : reject(e));
      const chunk = Buffer.alloc(256 * 1024, 'a');
      for (let i = 0; i < 12; i++) req.write(chunk);
      req.end();
    });
    assert.equal(status, 413);
  });

  it('answers 400 for broken JSON, 422 for JSON that is not an article, 415 for another content type', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    assert.equal((await post(t.url, '{"text": ', auth)).status, 400);
    assert.equal((await post(t.url, JSON.stringify({ title: 'no text' }), auth)).status, 422);
    assert.equal((await post(t.url, JSON.stringify({ text: '   ' }), auth)).status, 422);
    assert.equal((await post(t.url, JSON.stringify([1, 2]), auth)).status, 422);
    assert.equal((await post(t.url, 'text=hello', { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' })).status, 415);
  });
});

describe('malformed parameters get 400 with a clear message, never 500', () => {
  const cases: [string, RegExp][] = [
    ['/api/processes?limit=abc', /limit/],
    ['/api/processes?limit=-1', /limit/],
    ['/api/processes?limit=0', /limit/],
    ['/api/processes?limit=1001', /limit/],
    ['/api/processes?limit=1.5', /limit/],
    ['/api/processes?limit=99999999999999999999', /limit/],
    ['/api/processes?offset=x', /offset/],
    ['/api/processes?limit=1&limit=2', /more than once/],
    ['/api/processes?sort=name', /unknown query parameter "sort"/],
    ['/api/processes/Astana', /process id/],
    ['/api/processes/astana%20talks', /process id/],
    ['/api/processes/astana\'--', /process id/],
    [`/api/processes/${'a'.repeat(101)}`, /process id/],
    ['/api/processes/astana?limit=none', /limit/],
    ['/api/actors/russia', /actor id/],
    ['/api/actors/RUS.XXX', /actor id/],
    ['/api/actors/%27%20OR%201%3D1', /actor id/],
    ['/api/agreements?kind=peace', /kind must be one of/],
    ['/api/agreements?scope=syria', /scope/],
    ['/api/search', /"q" is required/],
    ['/api/search?q=', /q must not be empty/],
    ['/api/search?q=%20%20', /q must not be empty/],
    [`/api/search?q=${'a'.repeat(201)}`, /at most 200/],
    ['/api/search?q=a%00b', /control characters/],
    ['/api/search?q=a&kinds=people', /kinds/],
    ['/api/search?q=a&kinds=', /kinds/],
    ['/api/documents/xyz', /64 hexadecimal/],
    [`/api/documents/${'A'.repeat(64)}`, /64 hexadecimal/],
    ['/api/evidence/abc%24def', /fact id/],
    ['/api/evidence/abc%3Bdef', /fact id/],
    [`/api/evidence/${'a'.repeat(1025)}`, /fact id/],
    ['/api/stats?x=1', /takes none/],
    ['/openapi.json?x=1', /takes none/],
  ];
  for (const [path, message] of cases) {
    it(`refuses ${path.length > 70 ? `${path.slice(0, 70)}…` : path}`, async () => {
      const r = await getJson<{ error: { code: string; message: string } }>(`${t.url}${path}`);
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'BAD_REQUEST');
      assert.match(r.body.error.message, message);
    });
  }

  it('survives hostile values on every route with a status below 500', async () => {
    const hostile = ["'", '"', "' OR '1'='1", '1; DROP TABLE facts; --', '%', '_', '\\', '%25', '..', '../..', '<script>', '${1}', '\u202e', '💥', 'a'.repeat(5000), '%ff', '%E0%A4%A'];
    for (const v of hostile) {
      const e = encodeURIComponent(v);
      for (const path of [`/api/search?q=${e}`, `/api/processes/${e}`, `/api/actors/${e}`, `/api/evidence/${e}`, `/api/documents/${e}`, `/api/agreements?scope=${e}`, `/api/processes?limit=${e}`]) {
        const r = await rawGet(t.url, path);
        assert.ok(r.status < 500, `${path.slice(0, 80)} → ${r.status}`);
      }
    }
  });

  it('treats SQL and LIKE characters in a search as text', async () => {
    const r = await getJson<{ items: unknown[] }>(`${t.url}/api/search?q=${encodeURIComponent("' OR 1=1 --")}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.items.length, 0);
    const pct = await getJson<{ items: unknown[] }>(`${t.url}/api/search?q=%25`);
    assert.equal(pct.status, 200);
    assert.equal(pct.body.items.length, 0, 'a "%" matches nothing, not everything');
  });
});

describe('no SQL is built by string concatenation', () => {
  const root = fileURLToPath(new URL('../../../src/', import.meta.url));
  function* sources(dir: string): Generator<string> {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) yield* sources(p);
      else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) yield p;
    }
  }
  it('finds no interpolated or concatenated SQL text in src/', () => {
    const SQL = /\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WHERE|ORDER\s+BY)\b/;
    const offences: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      // Template literals with ${…} that are not kysely's parameterising `sql` tag.
      for (const m of text.matchAll(/(\w*)`([^`]*)`/g)) {
        const tag = m[1] ?? '';
        const body = m[2] ?? '';
        if (tag === 'sql' || tag.endsWith('raw')) continue;
        if (body.includes('${') && SQL.test(body)) offences.push(`${file}: \`${body.slice(0, 60)}\``);
      }
      // "SELECT …" + value
      for (const m of text.matchAll(/(['"])([^'"\n]*)\1\s*\+/g)) {
        if (SQL.test(m[2] ?? '')) offences.push(`${file}: ${m[0].slice(0, 60)}`);
      }
    }
    assert.deepEqual(offences, []);
  });
});
