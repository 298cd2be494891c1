// Shared by the API and security tests: the demo KB behind a real server on a free port, plus a
// tiny fake UI build (so static-file tests do not need `vite build`) and a secret file beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { openDemoKb, type DemoKb } from './demo-kb.js';
import { startServer, type RunningServer } from './server.js';

export interface TestServer {
  readonly demo: DemoKb;
  readonly server: RunningServer;
  readonly url: string;
  readonly webDir: string;
  close(): Promise<void>;
}

export const TOKEN = 'test-token-0123456789abcdef';

export async function startTestServer(options: { writeToken?: string } = {}): Promise<TestServer> {
  const demo = await openDemoKb();
  const webDir = join(demo.dir, 'web');
  mkdirSync(join(webDir, 'assets'), { recursive: true });
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Parley test</title><main id="main"></main>');
  writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log("parley");');
  writeFileSync(join(demo.dir, 'secret.txt'), 'TOP SECRET');
  const server = await startServer({ kb: demo.kb, port: 0, webDir, ...(options.writeToken ? { writeToken: options.writeToken } : {}) });
  return {
    demo, server, url: server.url, webDir,
    close: async () => {
      await server.close();
      await demo.cleanup();
    },
  };
}

/** A request whose path is sent byte for byte (fetch would normalise "..", this does not). */
export function rawGet(url: string, path: string): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function getJson<T = unknown>(url: string): Promise<{ status: number; body: T; type: string | null }> {
  const res = await fetch(url);
  const type = res.headers.get('content-type');
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* leave as text */ }
  return { status: res.status, body: body as T, type };
}
