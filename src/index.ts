// Parley as a library: extract one article, or open a knowledge base and feed it articles.
//
//   import { extract, openKnowledgeBase } from 'parley';
//   const record = extract({ id: 'a1', text, published: '2017-12-21' });
//   const kb = await openKnowledgeBase('parley.db');
export { extract, docMeta, type ExtractOptions } from './extract/index.js';
export { openKnowledgeBase } from './kb/index.js';
export type { KnowledgeBase } from './kb/index.js';
export type { Article } from './ingest/index.js';
export { readArticleFile, readJsonl, parseArticle } from './ingest/index.js';
export type * from './record.js';
export { ParleyError, type ErrorCode } from './errors.js';
export { tuneForThroughput, V8_FLAGS } from './tune.js';
