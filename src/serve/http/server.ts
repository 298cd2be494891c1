// Starts the app on a port (0 picks a free one) and hands back its URL and a close().
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { KnowledgeBase } from '../../kb/types.js';
import { createApp, type AppOptions } from './app.js';
import { defaultWebDir } from './static.js';

export interface StartOptions extends Omit<AppOptions, 'kb' | 'webDir'> {
  readonly kb: KnowledgeBase;
  readonly port?: number;
  readonly host?: string;
  /** Defaults to dist/web of this package; `null` serves the API only. */
  readonly webDir?: string | null;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const webDir = options.webDir === null ? undefined : options.webDir ?? defaultWebDir();
  const { webDir: _w, port: _p, host: _h, ...rest } = options;
  const { app } = createApp({ ...rest, ...(webDir ? { webDir } : {}) });
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, (info: AddressInfo) => {
      const shown = host.includes(':') ? `[${host}]` : host;
      resolvePromise({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        host,
        close: () => new Promise<void>((done) => {
          const s = server as unknown as { closeAllConnections?: () => void; close: (cb: () => void) => void };
          s.close(() => done());
          s.closeAllConnections?.();
        }),
      });
    });
    server.once('error', reject);
    // Slow clients must not hold sockets forever.
    const http = server as unknown as { headersTimeout: number; requestTimeout: number; keepAliveTimeout: number };
    http.headersTimeout = 20_000;
    http.requestTimeout = 60_000;
    http.keepAliveTimeout = 5_000;
  });
}
