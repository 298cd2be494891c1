// The HTTP API and the UI's static files, as one Hono app over a KnowledgeBase.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { ParleyError } from '../../errors.js';
import { toArticle } from '../../ingest/article-schema.js';
import { agreementsOfRounds } from '../../kb/index.js';
import type { KnowledgeBase, ProcessDetail } from '../../kb/types.js';
import { httpStatusFor } from '../http-status.js';
import { tokenChecker } from './auth.js';
import { chooseCoding, ResponseCache, type CacheOptions } from './cache.js';
import { badRequest, errorResponse, notFound } from './errors.js';
import { actorLabel, labelsFor, placesFor, placeView } from './labels.js';
import { BODY_LIMIT_BYTES, openApiDocument } from './openapi.js';
import {
  actorIdParam, DEFAULT_LIMIT, docIdParam, factIdParam, parsePath, parseQuery, processIdParam, QUERIES,
} from './params.js';
import { processNetwork, processPlaces } from './related.js';
import { StaticFiles } from './static.js';
import { actorView, agreementView, pageView, processHead, processSummaryView, roundView } from './views.js';

export interface AppOptions {
  readonly kb: KnowledgeBase;
  /** Enables POST /api/documents, guarded by `Authorization: Bearer TOKEN`. */
  readonly writeToken?: string;
  /** The built UI (dist/web); without it only the API is served. */
  readonly webDir?: string;
  readonly cache?: CacheOptions;
  /** Called for every unexpected (500) error. */
  readonly onError?: (e: unknown) => void;
}

const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

/** Whether an If-None-Match header lists this ETag (compared weakly, as RFC 9110 asks for GET). */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export function createApp(options: AppOptions): { app: Hono; cache: ResponseCache } {
  const { kb } = options;
  const cache = new ResponseCache(kb, options.cache);
  const files = options.webDir ? new StaticFiles(options.webDir) : undefined;
  const app = new Hono();

  // Set before the handler runs, so they are merged into the response it builds: a header set
  // after it would make Hono rebuild the response as a stream, the slow path of every request.
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    await next();
  });

  app.onError((e, c) => {
    if (e instanceof ParleyError) return errorResponse(c, e.code, e.message);
    if (e instanceof HTTPException && e.status < 500) return errorResponse(c, e.status === 413 ? 'TOO_LARGE' : 'BAD_REQUEST', e.message || 'bad request');
    options.onError?.(e);
    return errorResponse(c, 'INTERNAL', 'internal error');
  });

  /** Sends a cached JSON body. */
  const send = async (c: Context, key: string, compute: () => Promise<unknown>): Promise<Response> => {
    const body = await cache.json(key, compute);
    const coding = chooseCoding(c.req.header('Accept-Encoding'));
    // each content coding is its own representation, with its own strong validator
    const [bytes, encoding] = coding === 'br' && body.br ? [body.br, 'br'] : coding !== 'identity' && body.gzip ? [body.gzip, 'gzip'] : [body.raw, undefined];
    const etag = encoding ? `${body.etag.slice(0, -1)}-${encoding}"` : body.etag;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache', ETag: etag, Vary: 'Accept-Encoding',
    };
    if (ifNoneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    if (encoding) headers['Content-Encoding'] = encoding;
    return c.body(bytes, 200, headers);
  };
  const found = async <T>(what: string, v: Promise<T | undefined>): Promise<T> => {
    const r = await v;
    if (r === undefined) throw notFound(`no ${what}`);
    return r;
  };
  const processOr404 = (id: string): Promise<ProcessDetail> => found(`process "${id}" in the knowledge base`, kb.process(id));

  app.get('/openapi.json', (c) => {
    parseQuery(c.req.url, QUERIES.none);
    return c.json(openApiDocument({ writable: options.writeToken !== undefined }));
  });

  app.get('/api/stats', async (c) => {
    parseQuery(c.req.url, QUERIES.none);
    return send(c, 'stats', () => kb.stats());
  });

  app.get('/api/processes', async (c) => {
    const q = parseQuery(c.req.url, QUERIES.page);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const offset = q.offset ?? 0;
    return send(c, `processes?${limit}&${offset}`, async () => {
      const page = await kb.processes({ limit, offset });
      const details = new Map<string, ProcessDetail | undefined>();
      for (const s of page.items) details.set(s.id, await kb.process(s.id));
      const actors = new Set<string>();
      for (const s of page.items) {
        if (s.conflict) actors.add(s.conflict);
        for (const v of details.get(s.id)?.process?.sponsors ?? []) actors.add(v.value);
      }
      return { ...pageView(page, (s) => processSummaryView(s, details.get(s.id))), labels: labelsFor(actors) };
    });
  });

  app.get('/api/processes/:id', async (c) => {
    const id = parsePath('id', c.req.param('id'), processIdParam);
    const q = parseQuery(c.req.url, QUERIES.page);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const offset = q.offset ?? 0;
    return send(c, `process/${id}?${limit}&${offset}`, async () => {
      const d = await processOr404(id);
      const rounds = d.rounds.slice(offset, offset + limit);
      const agreements = agreementsOfRounds(d.agreements, rounds);
      const actors = new Set<string>();
      const places = new Set<string>();
      for (const r of rounds) {
        for (const p of r.participants) actors.add(p.value.actor);
        for (const v of r.venue?.values ?? []) places.add(v.value);
      }
      for (const s of d.process?.sponsors ?? []) actors.add(s.value);
      for (const a of agreements) for (const p of a.parties) actors.add(p.value);
      const conflict = d.process?.conflict?.value;
      if (conflict) actors.add(conflict);
      return {
        id: d.id, ...(d.process ? { process: processHead(d.process) } : {}),
        rounds: { items: rounds.map(roundView), total: d.rounds.length, limit, offset },
        agreements: agreements.map(agreementView), sources: d.sources,
        labels: labelsFor(actors), places: placesFor(places),
      };
    });
  });

  app.get('/api/processes/:id/network', async (c) => {
    const id = parsePath('id', c.req.param('id'), processIdParam);
    parseQuery(c.req.url, QUERIES.none);
    return send(c, `network/${id}`, async () => processNetwork(kb, await processOr404(id)));
  });

  app.get('/api/processes/:id/places', async (c) => {
    const id = parsePath('id', c.req.param('id'), processIdParam);
    parseQuery(c.req.url, QUERIES.none);
    return send(c, `places/${id}`, async () => processPlaces(kb, await processOr404(id)));
  });

  app.get('/api/actors/:id', async (c) => {
    const id = parsePath('id', c.req.param('id'), actorIdParam);
    parseQuery(c.req.url, QUERIES.none);
    return send(c, `actor/${id}`, async () => {
      const a = await found(`actor "${id}" in the knowledge base`, kb.actor(id));
      const ids = new Set<string>([a.id, ...a.rounds.map((r) => r.actor)]);
      for (const al of a.alignments) { ids.add(al.actor); ids.add(al.target); }
      for (const d of a.demands) { ids.add(d.actor); ids.add(d.target); }
      for (const m of a.meetings) for (const p of m.participants) ids.add(p.value);
      const people = new Map<string, string>();
      for (const p of [...a.people, ...(a.person ? [a.person] : [])]) people.set(p.person, p.name.value);
      return { ...actorView(a), labels: labelsFor(ids, people) };
    });
  });

  app.get('/api/agreements', async (c) => {
    const q = parseQuery(c.req.url, QUERIES.agreements);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const offset = q.offset ?? 0;
    return send(c, `agreements?${q.kind ?? ''}&${q.scope ?? ''}&${limit}&${offset}`, async () =>
      pageView(await kb.agreements({ limit, offset, ...(q.kind ? { kind: q.kind } : {}), ...(q.scope ? { scope: q.scope } : {}) }), agreementView));
  });

  app.get('/api/search', async (c) => {
    const q = parseQuery(c.req.url, QUERIES.search, ['q']);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const offset = q.offset ?? 0;
    const text = q.q ?? '';
    const kinds = q.kinds ? [...q.kinds].sort() : undefined;
    return send(c, `search?${JSON.stringify([text.toLowerCase(), kinds, limit, offset])}`, async () => {
      const page = await kb.search(text, { limit, offset, ...(kinds ? { kinds } : {}) });
      // Places and actors arrive labelled by id when no document named them: use the gazetteer's name.
      return pageView(page, (hit) => {
        if (hit.label !== hit.id) return hit;
        const label = hit.kind === 'place' ? placeView(hit.id)?.name : hit.kind === 'actor' ? actorLabel(hit.id) : undefined;
        return label ? { ...hit, label } : hit;
      });
    });
  });

  app.get('/api/documents/:id', async (c) => {
    const id = parsePath('id', c.req.param('id'), docIdParam);
    parseQuery(c.req.url, QUERIES.none);
    return send(c, `doc/${id}`, async () => found(`document ${id}`, kb.document(id)));
  });

  app.get('/api/evidence/:factId', async (c) => {
    const id = parsePath('factId', c.req.param('factId'), factIdParam);
    parseQuery(c.req.url, QUERIES.none);
    return send(c, `evidence/${id}`, async () => found(`fact ${id} (unknown, or the facts behind it changed)`, kb.evidence(id)));
  });

  if (options.writeToken !== undefined) {
    const authorized = tokenChecker(options.writeToken);
    app.post(
      '/api/documents',
      async (c, next) => {
        if (!authorized(c.req.header('Authorization'))) {
          throw new ParleyError('UNAUTHORIZED', 'a valid "Authorization: Bearer TOKEN" header is required to add documents');
        }
        const type = c.req.header('Content-Type') ?? '';
        if (!/^application\/json\s*(;|$)/i.test(type)) throw new ParleyError('BINARY_INPUT', 'the body must be a JSON article (Content-Type: application/json)');
        await next();
      },
      bodyLimit({
        maxSize: BODY_LIMIT_BYTES,
        // The rest of the body is never read, so the connection cannot be reused.
        onError: (c) => errorResponse(c, 'TOO_LARGE', `the body exceeds the limit of ${BODY_LIMIT_BYTES} bytes`, { Connection: 'close' }),
      }),
      async (c) => {
        parseQuery(c.req.url, QUERIES.none);
        let raw: unknown;
        try {
          raw = JSON.parse(await c.req.text());
        } catch (e) {
          if (e instanceof SyntaxError) throw new ParleyError('BAD_JSON', `the body is not valid JSON: ${e.message}`);
          throw e;
        }
        const article = toArticle(raw, `post-${Date.now()}`, 'request body');
        const result = await kb.ingest(article, article.id);
        if (result.status === 'failed') {
          const e = result.error ?? new ParleyError('INTERNAL', 'ingest failed');
          return errorResponse(c, e.code, e.message);
        }
        if (result.status === 'new') cache.invalidate();
        return c.json({ status: result.status, doc: result.doc, facts: result.facts, subject: result.subject }, result.status === 'new' ? 201 : 200);
      },
    );
  }

  app.all('/api/*', (c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (c.req.path === '/api/documents') return errorResponse(c, 'NOT_FOUND', 'adding documents is disabled (start the server with --write-token)');
    }
    return errorResponse(c, 'NOT_FOUND', `no API route ${c.req.method} ${c.req.path}`);
  });

  app.on(['GET', 'HEAD'], '*', async (c) => {
    if (!files) return errorResponse(c, 'NOT_FOUND', 'the web UI is not built (npm run build:web)');
    const raw = new URL(c.req.url).pathname;
    const r = await files.get(raw);
    if (r.kind === 'bad') throw badRequest(r.message);
    if (r.kind === 'missing') {
      return c.text('Not found\n', 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    }
    const headers: Record<string, string> = {
      'Content-Type': r.type,
      'Cache-Control': r.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (r.type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP;
    return c.body(new Uint8Array(r.body), 200, headers);
  });

  app.notFound((c) => errorResponse(c, 'NOT_FOUND', `no route ${c.req.method} ${c.req.path}`));

  return { app, cache };
}

export { httpStatusFor };
