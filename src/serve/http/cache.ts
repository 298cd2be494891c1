// Read responses are pure functions of the KB's content, so they are computed once and kept
// until the content changes: after our own POST (invalidate), or when another process writes to
// the same database (the document/fact counts are re-read at most every `checkMs`).
// Concurrent requests for the same key share one computation. Bodies are kept encoded, with a
// gzip copy and an ETag, so a hit costs no serialisation.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { KnowledgeBase } from '../../kb/types.js';

export interface CachedBody {
  readonly raw: Uint8Array<ArrayBuffer>;
  /** Compressed copies, only when they save something (bodies over 1 KiB). */
  readonly gzip?: Uint8Array<ArrayBuffer>;
  readonly br?: Uint8Array<ArrayBuffer>;
  readonly etag: string;
}

/** A plain Uint8Array over its own ArrayBuffer: what a response body takes without a copy per request. */
const own = (b: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(b);

export function encodeBody(value: unknown): CachedBody {
  const raw = Buffer.from(JSON.stringify(value), 'utf8');
  const etag = `"${createHash('sha1').update(raw).digest('base64url')}"`;
  if (raw.length <= 1024) return { raw: own(raw), etag };
  // A body is compressed once and sent many times, so a high level is worth its few
  // milliseconds; not on a multi-megabyte page, where it would hold the event loop up.
  // (Brotli's top quality, 11, saves another 15 % but costs ~250 ms per 100 KB.)
  const small = raw.length <= 256 * 1024;
  return {
    raw: own(raw),
    gzip: own(gzipSync(raw, { level: small ? 9 : 6 })),
    br: own(brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: small ? 9 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })),
    etag,
  };
}

export interface CacheOptions {
  /** How often to look for writes by other processes (ms); 0 disables caching entirely. */
  readonly checkMs?: number;
  /** Entries kept; the oldest go first. */
  readonly maxEntries?: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Promise<CachedBody>>();
  private readonly checkMs: number;
  private readonly maxEntries: number;
  private generation = '';
  private checkedAt = 0;
  private checking: Promise<void> | undefined;

  constructor(private readonly kb: KnowledgeBase, options: CacheOptions = {}) {
    this.checkMs = options.checkMs ?? 1000;
    this.maxEntries = options.maxEntries ?? 5000;
  }

  invalidate(): void {
    this.entries.clear();
    this.checkedAt = 0;
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.checkedAt < this.checkMs) return;
    this.checking ??= (async () => {
      try {
        const gen = await this.kb.revision();
        if (gen !== this.generation) {
          this.entries.clear();
          this.generation = gen;
        }
        this.checkedAt = Date.now();
      } finally {
        this.checking = undefined;
      }
    })();
    await this.checking;
  }

  /** The JSON body for `key`, computing it with `compute` when it is not held. */
  async json(key: string, compute: () => Promise<unknown>): Promise<CachedBody> {
    if (this.checkMs <= 0) return encodeBody(await compute());
    await this.fresh();
    let hit = this.entries.get(key);
    if (!hit) {
      hit = compute().then(encodeBody);
      this.entries.set(key, hit);
      hit.catch(() => { if (this.entries.get(key) === hit) this.entries.delete(key); });
      if (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    return hit;
  }
}

export type ContentCoding = 'br' | 'gzip' | 'identity';

/** The coding to send for an Accept-Encoding header: brotli, then gzip, each unless refused with q=0. */
export function chooseCoding(acceptEncoding: string | undefined): ContentCoding {
  if (!acceptEncoding) return 'identity';
  let gzip = false;
  for (const item of acceptEncoding.split(',')) {
    const [name = '', ...params] = item.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (q !== undefined && !(Number(q) > 0)) continue;
    if (name.trim() === 'br') return 'br';
    if (name.trim() === 'gzip' || name.trim() === 'x-gzip') gzip = true;
  }
  return gzip ? 'gzip' : 'identity';
}
