#!/usr/bin/env node
import('../dist/serve/cli.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`parley: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 70; },
);
