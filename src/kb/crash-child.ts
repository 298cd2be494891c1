// A child process for the crash test: ingests the synthetic corpus into URL, committing GROUP
// documents at a time, and prints the count after each committed document, until the parent
// kills it with SIGKILL.
import { openKnowledgeBase } from './open.js';
import { syntheticCorpus, syntheticExtract } from './synthetic.js';

const [url, n, group] = process.argv.slice(2);
if (url === undefined || n === undefined || group === undefined) {
  process.stderr.write('usage: crash-child URL N GROUP\n');
  process.exit(64);
}
const kb = await openKnowledgeBase(url, { extract: syntheticExtract });
let done = 0;
const items = [...syntheticCorpus(Number(n))].map((article) => ({ subject: article.id, article }));
// no time limit on a group: the parent counts on every group being whole
await kb.ingestMany(items, { group: Number(group), groupMs: Number.POSITIVE_INFINITY, onResult: () => { process.stdout.write(`${++done}\n`); } });
await kb.close();
