// HTML to article text: keep headings, paragraphs and list items; drop scripts, navigation,
// headers, footers, asides, forms and captions. Prefer the <article> element when there is one.
import { Parser } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'figcaption', 'button', 'svg', 'iframe', 'template', 'select']);
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'div', 'section', 'article', 'br', 'tr', 'td', 'pre', 'main', 'dd', 'dt']);

export interface HtmlArticle {
  readonly text: string;
  readonly title?: string;
  readonly published?: string;
}

export function htmlToArticle(html: string): HtmlArticle {
  const all: string[] = [];
  const inArticle: string[] = [];
  let skipDepth = 0;
  let articleDepth = 0;
  let inTitle = false;
  let title = '';
  let metaTitle: string | undefined;
  let published: string | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (SKIP.has(name)) { skipDepth++; return; }
      if (name === 'title') inTitle = true;
      if (name === 'article') articleDepth++;
      if (name === 'meta') {
        const key = attrs.property ?? attrs.name ?? attrs.itemprop ?? '';
        if ((key === 'og:title') && attrs.content) metaTitle = attrs.content;
        if (/published_time|datePublished|pubdate|^date$/i.test(key) && attrs.content && !published) published = attrs.content;
      }
      if (name === 'time' && attrs.datetime && !published) published = attrs.datetime;
      if (BLOCK.has(name)) { all.push('\n'); if (articleDepth > 0) inArticle.push('\n'); }
    },
    ontext(data) {
      if (inTitle) { title += data; return; }
      if (skipDepth > 0) return;
      all.push(data);
      if (articleDepth > 0) inArticle.push(data);
    },
    onclosetag(name) {
      if (SKIP.has(name)) { skipDepth = Math.max(0, skipDepth - 1); return; }
      if (name === 'title') inTitle = false;
      if (name === 'article') articleDepth = Math.max(0, articleDepth - 1);
      if (BLOCK.has(name)) { all.push('\n'); if (articleDepth > 0) inArticle.push('\n'); }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  const chosen = inArticle.join('').trim().length > 200 ? inArticle : all;
  const text = chosen.join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  const t = (metaTitle ?? title).trim();
  const date = published ? /^\d{4}-\d{2}-\d{2}/.exec(published)?.[0] : undefined;
  return { text, ...(t ? { title: t } : {}), ...(date ? { published: date } : {}) };
}
