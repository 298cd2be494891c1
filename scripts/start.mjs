#!/usr/bin/env node
// `npm start`: builds what is missing or stale (the server with tsc, the UI with Vite), ingests
// the demo corpus (demo/articles) into ./parley-demo.db, serves it and prints the URL.
//   PORT=9000 npm start            another port (default 8080; a free one if 8080 is taken)
//   PARLEY_DEMO_DB=/tmp/x.db npm start   another database file
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rel = (...p) => join(root, ...p);

/** Newest modification time of the files under dir (0 if none). */
function newest(dir, test = () => true) {
  let t = 0;
  if (!existsSync(dir)) return 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) t = Math.max(t, newest(p, test));
    else if (test(p)) t = Math.max(t, s.mtimeMs);
  }
  return t;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function run(cmd, args, what) {
  process.stderr.write(`npm start: ${what}…\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

const bin = (name) => rel('node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const web = rel('src', 'serve', 'web');
const serverSources = newest(rel('src'), (p) => p.endsWith('.ts') && !p.startsWith(web));
if (mtime(rel('dist', 'serve', 'cli.js')) < serverSources || !existsSync(rel('dist', 'serve', 'commands', 'serve.js'))) {
  // tsc still writes JavaScript when it reports type errors; carry on if the output is there.
  if (!run(bin('tsc'), ['-p', 'tsconfig.json'], 'building the server (tsc)') && !existsSync(rel('dist', 'serve', 'commands', 'serve.js'))) {
    process.stderr.write('npm start: the server build failed\n');
    process.exit(1);
  }
}
if (mtime(rel('dist', 'web', 'index.html')) < newest(web)) {
  if (!run(bin('vite'), ['build', '--config', join('src', 'serve', 'web', 'vite.config.ts'), '--logLevel', 'warn'], 'building the UI (vite)')) {
    process.stderr.write('npm start: the UI build failed; the API will still be served\n');
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

const db = process.env.PARLEY_DEMO_DB ?? rel('parley-demo.db');
const wanted = process.env.PORT ?? '8080';
const port = (await portFree(Number(wanted))) ? wanted : '0';
if (port !== wanted) process.stderr.write(`npm start: port ${wanted} is taken, using a free one\n`);

const { main } = await import(pathToFileURL(rel('dist', 'serve', 'cli.js')).href);
// A fresh demo database each time, so it always reflects the current extractor.
if (!process.env.PARLEY_DEMO_DB) for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
process.stderr.write(`npm start: ingesting the demo corpus into ${db}\n`);
const ingested = await main(['ingest', rel('demo', 'articles'), '--db', db, '--quiet']);
if (ingested > 1) process.exit(ingested);
process.stdout.write('\nOpen the URL below in a browser (Ctrl-C stops the server).\n');
process.exitCode = await main(['serve', '--db', db, '--port', port]);
