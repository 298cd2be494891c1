// The built UI (dist/web) served from disk. Paths are decoded, normalised and checked to stay
// inside the root; anything else (traversal, NUL, encoded slashes, dot files) is a 404 or 400.
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** dist/web beside this package (works from src/ under tsx and from dist/ when built). */
export function defaultWebDir(): string {
  return fileURLToPath(new URL('../../../dist/web/', import.meta.url));
}

export type StaticResult =
  | { readonly kind: 'file'; readonly body: Buffer; readonly type: string; readonly immutable: boolean }
  | { readonly kind: 'missing' }
  | { readonly kind: 'bad'; readonly message: string };

/** Client-side routes answered with index.html. */
const APP_ROUTES = /^\/(?:|process\/[^/]+|actor\/[^/]+|document\/[^/]+)$/;

export class StaticFiles {
  private readonly root: string;
  private readonly cache = new Map<string, Buffer>();

  constructor(root: string, private readonly cacheFiles = true) {
    this.root = resolve(root);
  }

  /** Resolves a URL path (still percent-encoded) to a file under the root. */
  async get(rawPath: string): Promise<StaticResult> {
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return { kind: 'bad', message: 'the path is not valid percent-encoding' };
    }
    if (path.includes('\0')) return { kind: 'bad', message: 'the path contains a NUL byte' };
    if (/%2f|%5c/i.test(rawPath) || path.includes('\\')) return { kind: 'missing' };
    if (APP_ROUTES.test(path)) path = '/index.html';
    const segments = path.split('/').filter((s) => s !== '');
    if (segments.some((s) => s === '..' || s.startsWith('.'))) return { kind: 'missing' };
    const file = resolve(join(this.root, ...segments));
    const rel = relative(this.root, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return { kind: 'missing' };
    const body = await this.read(file);
    if (!body) return { kind: 'missing' };
    return { kind: 'file', body, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', immutable: segments[0] === 'assets' };
  }

  private async read(file: string): Promise<Buffer | undefined> {
    const held = this.cache.get(file);
    if (held) return held;
    try {
      const s = await stat(file);
      if (!s.isFile()) return undefined;
      const body = await readFile(file);
      if (this.cacheFiles) this.cache.set(file, body);
      return body;
    } catch {
      return undefined;
    }
  }

  async available(): Promise<boolean> {
    return (await this.read(join(this.root, 'index.html'))) !== undefined;
  }
}
