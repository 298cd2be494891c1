// Read responses are pure functions of the KB's content, so they are computed once and kept
// until the content changes: after our own POST (invalidate), or when another process writes to
// the same database (the document/fact counts are re-read at most every `checkMs`).
// Concurrent requests for the same key share one computation. Bodies are kept encoded, with a
// gzip copy and an ETag, so a hit costs no serialisation.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { KnowledgeBase } from '../../kb/types.js';

export interface CachedBody {
  readonly raw: Uint8Array<ArrayBuffer>;
  /** Only when it saves something (bodies over 1 KiB). */
  readonly gzip?: Uint8Array<ArrayBuffer>;
  readonly etag: string;
}

/** A plain Uint8Array over its own ArrayBuffer: what a response body takes without a copy per request. */
const own = (b: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(b);

export function encodeBody(value: unknown): CachedBody {
  const raw = Buffer.from(JSON.stringify(value), 'utf8');
  const etag = `"${createHash('sha1').update(raw).digest('base64url')}"`;
  return raw.length > 1024 ? { raw: own(raw), gzip: own(gzipSync(raw, { level: 6 })), etag } : { raw: own(raw), etag };
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
