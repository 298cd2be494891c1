export type { Article } from './article.js';
export { toArticle, articleSchema } from './article-schema.js';
export { decodeText } from './decode.js';
export { htmlToArticle, type HtmlArticle } from './html.js';
export { MAX_ARTICLE_BYTES, MAX_BATCH_BYTES } from './limits.js';
export { parseArticle, readArticleFile, readJsonl, type ArticleFormat, type JsonlItem } from './read-article.js';
export { parseFeed, readFeedFile, FEED_EXTENSIONS, type FeedItem } from './feed.js';
export { walk, listInputs, readInput, ARTICLE_EXTENSIONS, type WalkItem, type WalkFile } from './walk.js';
