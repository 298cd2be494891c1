// `parley serve`: the HTTP API and the web UI over a knowledge base, in one process.
import { UsageError } from '../../errors.js';
import { DB_OPTION, DB_USAGE, dbUrl, parse } from '../../kb/cli-support.js';
import { openKnowledgeBase } from '../../kb/open.js';
import { BODY_LIMIT_BYTES } from '../http/openapi.js';
import { startServer } from '../http/server.js';
import { defaultWebDir } from '../http/static.js';
import { StaticFiles } from '../http/static.js';
import type { Io } from '../io.js';

export const summary = 'serve the HTTP API and the web UI (timelines, networks, maps, sources)';

export const usage = `usage: parley serve [--db FILE|postgres://…] [--port 8080] [--host 127.0.0.1] [--write-token TOKEN]

Serves the API under /api (documented at /openapi.json) and the UI at /.
Listens on 127.0.0.1 unless --host says otherwise; --port 0 picks a free port.

options:
${DB_USAGE}
  --port N                 TCP port (default 8080)
  --host ADDRESS           interface to listen on (default 127.0.0.1)
  --write-token TOKEN      enables POST /api/documents for requests carrying
                           "Authorization: Bearer TOKEN" (at least 16 characters; default
                           $PARLEY_WRITE_TOKEN). Bodies over ${BODY_LIMIT_BYTES} bytes get 413.
  --web DIR                the built UI (default: dist/web of this package)

Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.`;

export async function run(argv: readonly string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...DB_OPTION, port: { type: 'string' }, host: { type: 'string' }, 'write-token': { type: 'string' }, web: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (see parley serve --help)`);
  const portText = values.port ?? '8080';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
  const host = values.host ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host)) throw new UsageError(`--host must be an address or host name, not "${host}"`);
  const token = values['write-token'] ?? io.env.PARLEY_WRITE_TOKEN;
  if (token !== undefined && (token.length < 16 || !/^[\x21-\x7e]+$/.test(token))) {
    throw new UsageError('--write-token must be at least 16 printable characters without spaces');
  }
  const webDir = values.web ?? defaultWebDir();
  const kb = await openKnowledgeBase(dbUrl(values.db, io));
  let server;
  try {
    server = await startServer({
      kb, port: Number(portText), host, webDir, ...(token !== undefined ? { writeToken: token } : {}),
      onError: (e) => io.stderr(`parley serve: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`),
    });
  } catch (e) {
    await kb.close();
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${portText} on ${host} is already in use (try --port 0)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on ${host}`);
    throw e;
  }
  if (!(await new StaticFiles(webDir).available())) {
    io.stderr(`parley serve: warning: no UI in ${webDir} (run npm run build:web); serving the API only\n`);
  }
  const stats = await kb.stats();
  io.stdout(`Parley: ${stats.documents} documents, ${stats.processes} processes (${kb.backend})\n`);
  io.stdout(`Listening on ${server.url}/  (API: ${server.url}/api/processes, docs: ${server.url}/openapi.json)\n`);
  if (token !== undefined) io.stdout('POST /api/documents is enabled (bearer token required)\n');
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    if (signal) {
      if (signal.aborted) stop();
      signal.addEventListener('abort', stop, { once: true });
    } else {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  });
  io.stdout('Stopping.\n');
  await server.close();
  await kb.close();
  return 0;
}
