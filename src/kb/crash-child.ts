// A child process for the crash test: ingests the synthetic corpus into URL and prints the count
// after each committed document, until the parent kills it with SIGKILL.
import { openKnowledgeBase } from './open.js';
import { syntheticCorpus, syntheticExtract } from './synthetic.js';

const [url, n] = process.argv.slice(2);
if (url === undefined || n === undefined) {
  process.stderr.write('usage: crash-child URL N\n');
  process.exit(64);
}
const kb = await openKnowledgeBase(url, { extract: syntheticExtract });
let done = 0;
for (const article of syntheticCorpus(Number(n))) {
  await kb.ingest(article);
  process.stdout.write(`${++done}\n`);
}
await kb.close();
