// RSS 2.0, RSS 1.0 (RDF) and Atom feed files: one article per item, its body from the fullest
// content field, HTML reduced to text. A bad item becomes an error item; the feed goes on.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { InputError, ParleyError } from '../errors.js';
import type { Article } from './article.js';
import { decodeText } from './decode.js';
import { htmlToArticle } from './html.js';
import { MAX_BATCH_BYTES } from './limits.js';

export interface FeedItem {
  /** `FILE#n` (1-based item number) so a report names the item. */
  readonly subject: string;
  readonly article?: Article;
  readonly error?: ParleyError;
}

export const FEED_EXTENSIONS: readonly string[] = ['.xml', '.rss', '.atom'];

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

function asArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** The text of an element that may carry attributes (`{#text, @type}`) or be plain. */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return undefined;
}

function isoDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const direct = /^\d{4}-\d{2}-\d{2}/.exec(v);
  if (direct) return direct[0];
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

function body(v: string | undefined): string {
  if (!v) return '';
  return /<[a-z][\s\S]*>/i.test(v) ? htmlToArticle(v).text : v.replace(/\s*\n\s*/g, '\n').trim();
}

/** Atom links: the `alternate` (or first) href. */
function atomLink(v: unknown): string | undefined {
  const links = asArray(v) as Node[];
  const alt = links.find((l) => typeof l === 'object' && (l['@rel'] === undefined || l['@rel'] === 'alternate')) ?? links[0];
  if (alt === undefined) return undefined;
  return typeof alt === 'string' ? alt : (alt['@href'] as string | undefined) ?? text(alt);
}

function article(parts: { id?: string | undefined; title?: string | undefined; text: string; published?: string | undefined; source?: string | undefined; url?: string | undefined }, fallbackId: string): Article {
  return {
    id: parts.id ?? parts.url ?? fallbackId,
    text: parts.text,
    ...(parts.title ? { title: parts.title } : {}),
    ...(parts.published ? { published: parts.published } : {}),
    ...(parts.source ? { source: parts.source } : {}),
    ...(parts.url ? { url: parts.url } : {}),
  };
}

/** Parses a feed's XML; `subject` names the file in errors. Throws only when it is no feed at all. */
export function parseFeed(xml: string, subject: string): FeedItem[] {
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (e) {
    throw new InputError('BAD_ARTICLE', `not a well-formed feed: ${(e as Error).message.split('\n')[0]}`, { subject, cause: e });
  }
  const stem = basename(subject, extname(subject));
  const out: FeedItem[] = [];
  const push = (n: number, make: () => Article): void => {
    const itemSubject = `${subject}#${n}`;
    try {
      const a = make();
      if (a.text.trim() === '') throw new InputError('EMPTY_INPUT', 'the feed item has no text', { subject: itemSubject });
      out.push({ subject: itemSubject, article: a });
    } catch (e) {
      out.push({ subject: itemSubject, error: e instanceof ParleyError ? e : new InputError('BAD_ARTICLE', String(e), { subject: itemSubject, cause: e }) });
    }
  };
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) ?? {}) as Node;
    const source = text(channel.title);
    const items = asArray(rss ? channel.item : rdf?.item) as Node[];
    items.forEach((it, i) => push(i + 1, () => {
      const url = text(it.link);
      return article({
        id: text(it.guid), title: text(it.title), url,
        text: body(text(it['content:encoded']) ?? text(it.description)),
        published: isoDate(text(it.pubDate) ?? text(it['dc:date'])),
        source: text(it.source) ?? source,
      }, `${stem}-${i + 1}`);
    }));
    return out;
  }
  if (atom) {
    const source = text(atom.title);
    (asArray(atom.entry) as Node[]).forEach((it, i) => push(i + 1, () => article({
      id: text(it.id), title: text(it.title), url: atomLink(it.link),
      text: body(text(it.content) ?? text(it.summary)),
      published: isoDate(text(it.published) ?? text(it.updated)),
      source: text((it.source as Node | undefined)?.title) ?? source,
    }, `${stem}-${i + 1}`)));
    return out;
  }
  throw new InputError('BAD_ARTICLE', 'not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)', { subject });
}

/** Reads a feed file; an unreadable or malformed file gives one error item. */
export function readFeedFile(path: string): FeedItem[] {
  try {
    const size = statSync(path).size;
    if (size > MAX_BATCH_BYTES) throw new InputError('TOO_LARGE', `too large: ${size} bytes`, { subject: path });
    return parseFeed(decodeText(readFileSync(path), path, MAX_BATCH_BYTES), path);
  } catch (e) {
    if (e instanceof ParleyError) return [{ subject: path, error: e }];
    const code = (e as NodeJS.ErrnoException).code;
    return [{ subject: path, error: new ParleyError('NOT_FOUND', code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as Error).message}`, { subject: path, cause: e }) }];
  }
}
