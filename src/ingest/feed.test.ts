import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from './feed.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title>
<item><title>Astana talks open</title><link>https://example.org/a</link><guid>a-1</guid>
<pubDate>Thu, 21 Dec 2017 09:00:00 GMT</pubDate>
<description><![CDATA[<p>The eighth round opened in Astana.</p><p>Delegations from Russia &amp; Iran attended.</p>]]></description></item>
<item><title>Plain</title><link>https://example.org/b</link><description>Talks resumed in Geneva &amp; ended.</description></item>
<item><title>Empty</title><description></description></item>
</channel></rss>`;

test('an RSS feed gives one article per item, HTML bodies reduced to text, dates to ISO days', () => {
  const items = parseFeed(RSS, 'wire.rss');
  assert.equal(items.length, 3);
  const [a, b, c] = items;
  assert.equal(a?.subject, 'wire.rss#1');
  assert.deepEqual(a?.article, {
    id: 'a-1', title: 'Astana talks open', url: 'https://example.org/a', published: '2017-12-21', source: 'Example Wire',
    text: 'The eighth round opened in Astana.\nDelegations from Russia & Iran attended.',
  });
  assert.equal(b?.article?.id, 'https://example.org/b', 'no guid: the link names it');
  assert.equal(b?.article?.text, 'Talks resumed in Geneva & ended.');
  assert.equal(c?.error?.code, 'EMPTY_INPUT', 'an empty item is reported, not dropped');
});

test('an Atom feed gives one article per entry with its alternate link and published date', () => {
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><id>urn:x:1</id><title>Geneva</title><link rel="alternate" href="https://example.org/g"/>
<published>2017-02-23T10:00:00Z</published><content type="html">&lt;p&gt;Talks opened in Geneva.&lt;/p&gt;</content></entry></feed>`;
  const [e] = parseFeed(atom, 'x.atom');
  assert.deepEqual(e?.article, { id: 'urn:x:1', title: 'Geneva', url: 'https://example.org/g', published: '2017-02-23', source: 'Atom Wire', text: 'Talks opened in Geneva.' });
});

test('a file that is no feed is a typed error naming the file', () => {
  assert.throws(() => parseFeed('<html><body>x</body></html>', 'page.xml'), (e: Error & { code?: string; subject?: string }) => e.code === 'BAD_ARTICLE' && e.subject === 'page.xml');
});
