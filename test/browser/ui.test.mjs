// The UI in a real Chromium (Debian's /usr/bin/chromium driven by playwright-core; never a
// downloaded browser): the demo corpus, a process timeline, a fact's highlighted source.
// Needs `npm run build` (dist/); builds dist/web with Vite when it is missing or stale.
// Screenshots go to screenshots/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = join(root, 'screenshots');
const skip = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium) to run the browser tests`
  : !existsSync(join(root, 'dist', 'serve', 'http', 'server.js'))
    ? 'dist/ is not built: run npm run build first'
    : false;
if (skip) process.stderr.write(`browser tests skipped: ${skip}\n`);

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

async function ensureWebBuilt() {
  const index = join(root, 'dist', 'web', 'index.html');
  const src = join(root, 'src', 'serve', 'web');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(src)) return;
  const { build } = await import('vite');
  await build({ configFile: join(src, 'vite.config.ts'), logLevel: 'warn' });
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the web UI in Chromium', { skip }, () => {
  let browser, page, server, demo, base;
  const errors = [];

  before(async () => {
    await ensureWebBuilt();
    mkdirSync(shots, { recursive: true });
    const { openDemoKb } = await import(pathToFileURL(join(root, 'dist', 'serve', 'http', 'demo-kb.js')).href);
    const { startServer } = await import(pathToFileURL(join(root, 'dist', 'serve', 'http', 'server.js')).href);
    demo = await openDemoKb();
    server = await startServer({ kb: demo.kb, port: 0, webDir: join(root, 'dist', 'web') });
    base = server.url;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    // Offline: anything not served by Parley itself is refused.
    await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await demo?.cleanup();
  });

  it('lists the demo processes, each with a sparkline of its rounds', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('.process-card');
    const names = await page.locator('.process-card h2').allTextContents();
    assert.ok(names.some((n) => /Astana/.test(n)), names.join(', '));
    assert.ok(names.length >= 4);
    const dots = await page.locator('.process-card').filter({ hasText: 'Astana' }).locator('.spark-dot').count();
    assert.ok(dots >= 3, `${dots} dots`);
    await page.screenshot({ path: join(shots, 'home.png'), fullPage: true });
  });

  it('finds a process with the search box, by keyboard alone', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('Search processes, actors and places').fill('geneva');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-results a');
    await page.screenshot({ path: join(shots, 'search.png') });
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    assert.match(focused, /geneva/i);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.location.pathname === '/process/geneva');
    await page.waitForSelector('[data-testid=round]');
  });

  // How fast it renders is measured by `npm run bench -- --only http` (first render on a
  // 100k-fact KB), not asserted here: a timed test only measures how busy the machine is.
  it('shows a process timeline with its rounds in order and their dates', async () => {
    const api = await (await fetch(`${base}/api/processes/astana?limit=1000`)).json();
    await page.goto(`${base}/process/astana`);
    await page.waitForSelector('[data-testid=timeline] [data-testid=round]');
    const titles = await page.locator('[data-testid=round] h3').allTextContents();
    const expected = api.rounds.items.map((r) => (r.ordinal ? `Round ${r.ordinal.value}` : 'Unnumbered round'));
    assert.deepEqual(titles.map((t) => t.replace(/⚠.*$/, '').trim()), expected);
    const ordinals = titles.map((t) => Number(/Round (\d+)/.exec(t)?.[1])).filter((n) => !Number.isNaN(n));
    assert.deepEqual(ordinals, [...ordinals].sort((a, b) => a - b), 'rounds are in order');
    const dates = await page.locator('[data-testid=round]').evaluateAll((els) => els.map((e) => e.querySelector('[data-testid=round-dates]')?.textContent ?? ''));
    for (const [i, r] of api.rounds.items.entries()) {
      if (!r.start) continue;
      const [y, m, d] = r.start.value.split('-');
      if (d) assert.match(dates[i], new RegExp(`${Number(d)} \\w{3} ${y}`), `round ${i} shows its start date`);
      else assert.match(dates[i], new RegExp(y));
      assert.ok(m);
    }
    await page.waitForSelector('#network canvas');
    await page.waitForSelector('.map-svg .place');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'process-astana.png'), fullPage: true });
  });

  it('marks disputed values', async () => {
    const marks = await page.locator('[data-testid=round] .disputed').count();
    const api = await (await fetch(`${base}/api/processes/astana?limit=1000`)).json();
    const disputedSlots = api.rounds.items.reduce((n, r) => n + ['ordinal', 'venue', 'start', 'end', 'status'].filter((k) => r[k]?.disputed).length, 0);
    assert.equal(marks, disputedSlots);
  });

  it('opens the source article with the evidence sentence highlighted when a fact is clicked', async () => {
    const chip = page.locator('[data-testid=round] .participants .fact').first();
    const fact = await chip.getAttribute('data-fact');
    const ev = await (await fetch(`${base}/api/evidence/${fact}`)).json();
    await chip.click();
    const mark = page.locator('dialog[open] mark#evidence-sentence');
    await mark.waitFor();
    assert.equal((await mark.textContent()).trim(), ev.spans[0].sentence.trim());
    assert.equal(await mark.locator('strong').textContent(), ev.spans[0].span);
    const title = await page.locator('dialog[open] .source-article h3').textContent();
    assert.equal(title, ev.spans[0].document.title);
    await page.screenshot({ path: join(shots, 'evidence.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[open]', { state: 'detached' }).catch(() => {});
    assert.equal(await page.locator('dialog[open]').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-fact')), fact, 'focus returns to the fact');
  });

  it('opens a source from the keyboard', async () => {
    const venue = page.locator('[data-testid=round] .fact.venue').first();
    await venue.focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog[open] mark').waitFor();
    assert.match(await page.locator('dialog[open] mark').textContent(), /Astana/);
    await page.keyboard.press('Escape');
  });

  it('gives every control an accessible name and the page a language', async () => {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, a[href], input')]
      .filter((e) => !(e.getAttribute('aria-label') || e.textContent?.trim() || (e.id && document.querySelector(`label[for="${e.id}"]`))))
      .map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(unnamed, []);
    assert.deepEqual(errors, [], 'no script errors');
  });
});

describe('a process of many rounds in Chromium', { skip }, () => {
  let browser, page, server, kb, dir;

  before(async () => {
    await ensureWebBuilt();
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { openKnowledgeBase } = await import(pathToFileURL(join(root, 'dist', 'kb', 'open.js')).href);
    const { syntheticCorpus, syntheticExtract } = await import(pathToFileURL(join(root, 'dist', 'kb', 'synthetic.js')).href);
    const { startServer } = await import(pathToFileURL(join(root, 'dist', 'serve', 'http', 'server.js')).href);
    dir = mkdtempSync(join(tmpdir(), 'parley-ui-long-'));
    kb = await openKnowledgeBase(join(dir, 'long.db'), { extract: syntheticExtract });
    // one article per round, eight processes: 70 rounds each
    await kb.ingestMany([...syntheticCorpus(8 * 70, { perRound: 1 })].map((article) => ({ subject: article.id, article })));
    server = await startServer({ kb, port: 0, webDir: join(root, 'dist', 'web') });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await kb?.close();
    if (dir) (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
  });

  it('shows the first page of rounds, then the rest in order when asked', async () => {
    const api = await (await fetch(`${server.url}/api/processes/astana?limit=1000`)).json();
    assert.equal(api.rounds.total, 70);
    await page.goto(`${server.url}/process/astana`);
    await page.waitForSelector('[data-testid=timeline] [data-testid=round]');
    assert.equal(await page.locator('[data-testid=round]').count(), 50);
    const more = page.locator('[data-testid=more-rounds]');
    assert.equal(await more.textContent(), 'Show 20 more rounds');
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=round]').length === 70);
    assert.equal(await more.isVisible(), false, 'no more rounds to ask for');
    const titles = await page.locator('[data-testid=round] h3').allTextContents();
    const expected = api.rounds.items.map((r) => (r.ordinal ? `Round ${r.ordinal.value}` : 'Unnumbered round'));
    assert.deepEqual(titles.map((t) => t.replace(/⚠.*$/, '').replace(' (inferred)', '').trim()), expected);
    // focus moves to the first new round
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-testid=round]') === document.querySelectorAll('[data-testid=round]')[50]), true);
    await page.screenshot({ path: join(shots, 'process-many-rounds.png') });
  });
});
