// Reading articles: plain text, HTML (boilerplate stripped), JSON articles and JSONL batches.
import assert from 'node:assert/strict';
import { mkdirSync, truncateSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ParleyError } from '../errors.js';
import { tempFolder } from '../testing/temp-folder.js';
import { MAX_ARTICLE_BYTES } from './limits.js';
import { parseArticle, readArticleFile, readJsonl, type JsonlItem } from './read-article.js';

const tmp = tempFolder('parley-read-article-');
const file = tmp.file;

/** Asserts that `fn` throws a ParleyError with this code whose subject is `subject`. */
function throwsCode(fn: () => unknown, code: string, subject: string, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ParleyError, `a ParleyError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.subject, subject);
    if (message) assert.match(e.message, message);
    return true;
  });
}

const BODY_1 = 'The sixth round of talks between the government and the rebels opened on Tuesday in the capital, officials said.';
const BODY_2 = 'Delegations from both sides met for four hours and agreed to meet again next week to discuss a ceasefire and aid deliveries.';

const PAGE = `<!DOCTYPE html>
<html><head>
<title>Talks resume | The Daily Example</title>
<meta property="og:title" content="Talks resume in the capital">
<meta property="article:published_time" content="2019-06-04T08:30:00Z">
<script>var tracking = "SCRIPT-TEXT"; window.ads = [];</script>
<style>.x { color: red } /* STYLE-TEXT */</style>
</head><body>
<header><a href="/">HEADER-TEXT Home</a></header>
<nav><ul><li>NAV-TEXT World</li><li>Politics</li></ul></nav>
<div class="sidebar">SIDEBAR-TEXT most read: celebrity news</div>
<article>
  <h1>Talks resume in the capital</h1>
  <figure><img src="x.jpg"><figcaption>CAPTION-TEXT Delegates arrive.</figcaption></figure>
  <p>${BODY_1}</p>
  <p>${BODY_2} It&rsquo;s the first meeting since May &amp; June.</p>
  <aside>ASIDE-TEXT Related stories</aside>
  <form><button>BUTTON-TEXT Subscribe</button></form>
</article>
<footer>FOOTER-TEXT © 2019 The Daily Example</footer>
<noscript>NOSCRIPT-TEXT</noscript>
</body></html>`;

describe('parseArticle on HTML', () => {
  test('keeps the article paragraphs and drops script, style, nav, header, footer, aside, form and captions', () => {
    const a = parseArticle(PAGE, '/news/talks-resume.html');
    assert.ok(a.text.includes(BODY_1));
    assert.ok(a.text.includes(BODY_2));
    for (const junk of ['SCRIPT-TEXT', 'STYLE-TEXT', 'HEADER-TEXT', 'NAV-TEXT', 'FOOTER-TEXT', 'ASIDE-TEXT', 'BUTTON-TEXT', 'CAPTION-TEXT', 'NOSCRIPT-TEXT']) {
      assert.ok(!a.text.includes(junk), `${junk} should be gone: ${a.text}`);
    }
  });

  test('prefers the <article> element over the rest of the page', () => {
    const a = parseArticle(PAGE, 'page.html');
    assert.ok(!a.text.includes('SIDEBAR-TEXT'), a.text);
  });

  test('falls back to the whole page when the <article> element is too short to be the story', () => {
    const html = `<html><body><article><p>Share this</p></article><div><p>${BODY_1}</p><p>${BODY_2}</p></div></body></html>`;
    const a = parseArticle(html, 'short-article.html');
    assert.ok(a.text.includes(BODY_1));
    assert.ok(a.text.includes(BODY_2));
  });

  test('puts block elements on their own lines, decodes entities and collapses spaces', () => {
    const a = parseArticle(PAGE, 'page.html');
    const lines = a.text.split('\n');
    assert.ok(lines.includes(BODY_1), lines.join(' | '));
    assert.ok(a.text.includes('It’s the first meeting since May & June.'));
    assert.ok(!/[ \t]{2,}/.test(a.text));
    assert.ok(!lines.some((l) => l.trim() === ''));
  });

  test('takes the title from og:title and the published date from the article meta', () => {
    const a = parseArticle(PAGE, 'page.html');
    assert.equal(a.title, 'Talks resume in the capital');
    assert.equal(a.published, '2019-06-04');
  });

  test('takes the title from <title> and the date from <time datetime> when there is no meta', () => {
    const html = `<html><head><title>Ceasefire holds</title></head><body><p><time datetime="2020-02-03">Feb 3</time></p><p>${BODY_1}</p></body></html>`;
    const a = parseArticle(html, 'x.htm');
    assert.equal(a.title, 'Ceasefire holds');
    assert.equal(a.published, '2020-02-03');
  });

  test('names the article after its file', () => {
    assert.equal(parseArticle(PAGE, '/a/b/geneva-iv-opens.html').id, 'geneva-iv-opens');
  });

  test('recognises HTML by its content when the extension says nothing', () => {
    const a = parseArticle(`<!doctype html><html><body><nav>NAV-TEXT</nav><p>${BODY_1}</p></body></html>`, 'story.txt');
    assert.ok(a.text.includes(BODY_1));
    assert.ok(!a.text.includes('NAV-TEXT'));
  });

  test('refuses a page that holds no text as empty, naming the subject', () => {
    throwsCode(() => parseArticle('<html><body><nav>Home</nav><script>x()</script></body></html>', 'empty.html', 'empty.html:1'), 'EMPTY_INPUT', 'empty.html:1');
  });
});

describe('parseArticle on JSON and plain text', () => {
  test('reads the JSON article fields', () => {
    const json = JSON.stringify({ id: 'voa-123', title: 'Talks resume', text: BODY_1, published: '2018-03-05T10:00:00Z', source: 'VOA', url: 'https://example.org/x' });
    assert.deepEqual(parseArticle(json, 'x.json'), { id: 'voa-123', title: 'Talks resume', text: BODY_1, published: '2018-03-05', source: 'VOA', url: 'https://example.org/x' });
  });

  test('names a JSON article without an id after its file, and turns a numeric id into a string', () => {
    assert.equal(parseArticle(JSON.stringify({ text: BODY_1 }), '/tmp/x/doha-2020.json').id, 'doha-2020');
    assert.equal(parseArticle(JSON.stringify({ id: 42, text: BODY_1 }), 'x.json').id, '42');
    assert.equal(parseArticle(JSON.stringify({ id: '', text: BODY_1 }), 'named.json').id, 'named');
  });

  test('drops null fields and a published value that is not a date', () => {
    const a = parseArticle(JSON.stringify({ id: 'a', text: BODY_1, title: null, source: null, url: null, published: 'last Tuesday' }), 'a.json');
    assert.deepEqual(a, { id: 'a', text: BODY_1 });
  });

  test('reads JSON by its content when the file is not named .json', () => {
    const a = parseArticle(`  \n{"id": "inline", "text": ${JSON.stringify(BODY_2)}}`, 'article.txt');
    assert.equal(a.id, 'inline');
    assert.equal(a.text, BODY_2);
  });

  test('refuses malformed JSON, JSON without text, text of the wrong type and blank text', () => {
    throwsCode(() => parseArticle('{"text": ', 'a.json'), 'BAD_JSON', 'a.json', /malformed JSON/);
    throwsCode(() => parseArticle('{"title": "x"}', 'b.json'), 'BAD_ARTICLE', 'b.json', /"text"/);
    throwsCode(() => parseArticle('{"text": 12}', 'c.json'), 'BAD_ARTICLE', 'c.json', /"text"/);
    throwsCode(() => parseArticle('"just a string"', 'd.json'), 'BAD_ARTICLE', 'd.json', /not an article/);
    throwsCode(() => parseArticle('{"text": " \\n "}', 'e.json'), 'EMPTY_INPUT', 'e.json');
  });

  test('keeps plain text exactly as given, so evidence offsets point into it', () => {
    const text = `  ${BODY_1}\r\n\r\n${BODY_2}\n`;
    assert.deepEqual(parseArticle(text, '/x/astana-8.txt'), { id: 'astana-8', text });
  });
});

describe('readArticleFile', () => {
  test('reads a text file, naming the article after the file', () => {
    const p = file('minsk-talks.txt', BODY_1);
    assert.deepEqual(readArticleFile(p), { id: 'minsk-talks', text: BODY_1 });
  });

  test('strips a UTF-8 byte-order mark', () => {
    const p = file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BODY_1)]));
    assert.equal(readArticleFile(p).text, BODY_1);
  });

  test('reads an HTML file without its boilerplate', () => {
    const p = file('page.html', PAGE);
    const a = readArticleFile(p);
    assert.equal(a.id, 'page');
    assert.ok(a.text.includes(BODY_1));
    assert.ok(!a.text.includes('NAV-TEXT'));
  });

  test('reads a JSON article file', () => {
    const p = file('art.json', JSON.stringify({ id: 'j1', text: BODY_2, source: 'Wire' }));
    assert.deepEqual(readArticleFile(p), { id: 'j1', text: BODY_2, source: 'Wire' });
  });

  test('refuses empty, binary, non-UTF-8, oversized, missing files and directories with typed errors naming the file', () => {
    throwsCode(() => readArticleFile(file('empty.txt', '')), 'EMPTY_INPUT', tmp.path('empty.txt'), /empty/);
    throwsCode(() => readArticleFile(file('ws.txt', ' \n\t ')), 'EMPTY_INPUT', tmp.path('ws.txt'));
    throwsCode(() => readArticleFile(file('bin.dat', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]))), 'BINARY_INPUT', tmp.path('bin.dat'));
    throwsCode(() => readArticleFile(file('latin1.txt', Buffer.from('Les n\xe9gociations ont repris \xe0 Gen\xe8ve.', 'latin1'))), 'BAD_ENCODING', tmp.path('latin1.txt'), /UTF-8/);
    const big = file('big.txt', 'x');
    truncateSync(big, MAX_ARTICLE_BYTES + 1);
    throwsCode(() => readArticleFile(big), 'TOO_LARGE', big, new RegExp(String(MAX_ARTICLE_BYTES)));
    throwsCode(() => readArticleFile(tmp.path('nope.txt')), 'NOT_FOUND', tmp.path('nope.txt'), /no such file/);
    const sub = tmp.path('sub');
    mkdirSync(sub, { recursive: true });
    throwsCode(() => readArticleFile(sub), 'BAD_ARTICLE', sub, /directory/);
  });

  test('accepts a file of exactly MAX_ARTICLE_BYTES', () => {
    const unit = 'The talks went on. ';
    const text = unit.repeat(Math.floor(MAX_ARTICLE_BYTES / unit.length)).padEnd(MAX_ARTICLE_BYTES, 'x');
    const p = file('exact.txt', text);
    assert.equal(readArticleFile(p).text.length, MAX_ARTICLE_BYTES);
  });
});

describe('readJsonl', () => {
  function items(path: string): JsonlItem[] {
    return [...readJsonl(path)];
  }

  test('yields one article per line with its line number, ids from the article or from file and line', () => {
    const p = file('batch.jsonl', [
      JSON.stringify({ id: 'first', text: BODY_1, published: '2017-12-21' }),
      JSON.stringify({ text: BODY_2 }),
    ].join('\n') + '\n');
    const got = items(p);
    assert.equal(got.length, 2);
    assert.deepEqual(got[0], { line: 1, article: { id: 'first', text: BODY_1, published: '2017-12-21' } });
    assert.deepEqual(got[1], { line: 2, article: { id: 'batch-2', text: BODY_2 } });
  });

  test('yields an error in place of each bad line, naming file and line, and goes on', () => {
    const p = file('mixed.jsonl', Buffer.concat([
      Buffer.from(JSON.stringify({ id: 'a', text: BODY_1 }) + '\n'),
      Buffer.from('{"id": "b", "text": \n'),
      Buffer.from('{"id": "c"}\n'),
      Buffer.from('{"id": "d", "text": "caf\xe9"}\n', 'latin1'),
      Buffer.from([0x7b, 0x00, 0x7d, 0x0a]),
      Buffer.from(JSON.stringify({ id: 'f', text: BODY_2 }) + '\n'),
    ]));
    const got = items(p);
    assert.deepEqual(got.map((x) => x.line), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(got.map((x) => x.error?.code ?? 'ok'), ['ok', 'BAD_JSON', 'BAD_ARTICLE', 'BAD_ENCODING', 'BINARY_INPUT', 'ok']);
    for (const x of got) if (x.error) assert.equal(x.error.subject, `${p}:${x.line}`);
    assert.equal(got[5]?.article?.id, 'f');
  });

  test('skips blank lines but keeps counting them, and reads a last line without a newline', () => {
    const p = file('gaps.jsonl', `\n${JSON.stringify({ id: 'x', text: BODY_1 })}\n   \n\n${JSON.stringify({ id: 'y', text: BODY_2 })}`);
    const got = items(p);
    assert.deepEqual(got.map((x) => [x.line, x.article?.id]), [[2, 'x'], [5, 'y']]);
  });

  test('reads CRLF line endings', () => {
    const p = file('crlf.jsonl', `${JSON.stringify({ id: 'x', text: BODY_1 })}\r\n${JSON.stringify({ id: 'y', text: BODY_2 })}\r\n`);
    assert.deepEqual(items(p).map((x) => x.article?.id), ['x', 'y']);
  });

  test('reads lines longer than its read buffer whole', () => {
    const long = (BODY_1 + ' ').repeat(Math.ceil(1.5 * 1024 * 1024 / (BODY_1.length + 1)));
    const p = file('long.jsonl', [JSON.stringify({ id: 'a', text: BODY_2 }), JSON.stringify({ id: 'long', text: long }), JSON.stringify({ id: 'c', text: BODY_1 })].join('\n'));
    const got = items(p);
    assert.deepEqual(got.map((x) => x.article?.id), ['a', 'long', 'c']);
    assert.equal(got[1]?.article?.text, long);
  });

  test('refuses a line over MAX_ARTICLE_BYTES as too large and goes on', () => {
    const huge = 'y'.repeat(MAX_ARTICLE_BYTES + 10);
    const p = file('huge-line.jsonl', `${JSON.stringify({ id: 'huge', text: huge })}\n${JSON.stringify({ id: 'after', text: BODY_1 })}\n`);
    const got = items(p);
    assert.equal(got[0]?.error?.code, 'TOO_LARGE');
    assert.equal(got[1]?.article?.id, 'after');
  });

  test('refuses a missing batch file as not found', () => {
    const p = tmp.path('missing.jsonl');
    throwsCode(() => items(p), 'NOT_FOUND', p);
  });
});
