#!/usr/bin/env node
// Tuned before the commands load (see src/tune.ts), then dispatched.
import('../dist/tune.js')
  .then((t) => { t.tuneForThroughput(); return import('../dist/serve/cli.js'); })
  .then((m) => m.main(process.argv.slice(2)))
  .then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`parley: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 70; },
  );
