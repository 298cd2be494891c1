// The source viewer: a fact's evidence, with the article it came from and the evidence sentence
// highlighted (<mark>) and the exact span emphasised (<strong>).
import { api, type DocumentView, type EvidenceSpan, type EvidenceView } from './api.js';
import { append, clear, formatDate, h, words } from './dom.js';

let opener: HTMLElement | null = null;

function dialog(): HTMLDialogElement {
  return document.getElementById('evidence') as HTMLDialogElement;
}

export function initEvidence(): void {
  const d = dialog();
  document.getElementById('evidence-close')?.addEventListener('click', () => d.close());
  d.addEventListener('close', () => opener?.focus());
  d.addEventListener('click', (e) => { if (e.target === d) d.close(); }); // click on the backdrop
  // Any element with data-fact opens its evidence (delegated, so every page gets it for free).
  document.addEventListener('click', (e) => {
    const el = (e.target as Element | null)?.closest<HTMLElement>('[data-fact]');
    if (!el || el.closest('dialog')) return;
    e.preventDefault();
    void openEvidence(el.dataset.fact ?? '', el.dataset.label ?? el.textContent ?? '', el);
  });
}

function describe(v: EvidenceView): string {
  const val = v.value;
  if (val === null || val === undefined) return '';
  if (typeof val !== 'object') return words(String(val));
  const o = val as Record<string, unknown>;
  if (typeof o.actor === 'string' && typeof o.role === 'string') return `${o.actor} as ${o.role}`;
  if (typeof o.kind === 'string') return words(o.kind);
  return '';
}

/** The article text with the evidence sentence in <mark> and the span in <strong>. */
function highlighted(doc: DocumentView, span: EvidenceSpan): HTMLElement {
  const e = span.evidence;
  // The sentence holding the span: from the document's own sentence list, else the span's offsets.
  const sent = doc.sentences.find((s) => s.start <= e.start && e.end <= s.end) ?? doc.sentences[e.sentence];
  const sStart = sent?.start ?? e.start;
  const sEnd = sent?.end ?? e.end;
  const t = doc.text;
  const mark = h('mark', { id: 'evidence-sentence', tabindex: '-1' },
    t.slice(sStart, e.start), h('strong', {}, t.slice(e.start, e.end)), t.slice(e.end, sEnd));
  return h('div', { class: 'article-text' }, t.slice(0, sStart), mark, t.slice(sEnd));
}

async function showSpan(target: HTMLElement, span: EvidenceSpan): Promise<void> {
  clear(target);
  target.append(h('p', { class: 'loading' }, 'Loading the article…'));
  try {
    const doc = await api.document(span.evidence.doc);
    clear(target);
    const meta = [doc.source, doc.published ? formatDate(doc.published) : undefined].filter(Boolean).join(' · ');
    target.append(
      h('article', { class: 'source-article', 'aria-label': 'Source article' },
        h('h3', {}, doc.title ?? doc.articleId),
        h('p', { class: 'meta' }, meta, doc.url ? [' · ', h('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : null),
        highlighted(doc, span)),
    );
    const m = target.querySelector('mark');
    m?.scrollIntoView({ block: 'center' });
  } catch (err) {
    clear(target);
    target.append(h('p', { class: 'error', role: 'alert' }, `Could not load the article: ${(err as Error).message}`));
  }
}

export async function openEvidence(fact: string, label: string, from?: HTMLElement): Promise<void> {
  opener = from ?? null;
  const d = dialog();
  const body = document.getElementById('evidence-body') as HTMLElement;
  const title = document.getElementById('evidence-title') as HTMLElement;
  title.textContent = label ? `Source for “${label.trim()}”` : 'Source';
  clear(body);
  body.append(h('p', { class: 'loading' }, 'Loading the evidence…'));
  if (!d.open) d.showModal();
  try {
    const v = await api.evidence(fact);
    clear(body);
    const what = describe(v);
    const n = v.spans.length;
    const article = h('div', { class: 'evidence-article' });
    const list = h('ol', { class: 'spans', 'aria-label': 'Sentences supporting this fact' },
      v.spans.map((sp, i) => h('li', {},
        h('button', {
          type: 'button', class: 'span-choice', 'aria-pressed': i === 0 ? 'true' : 'false',
          onclick: (e: Event) => {
            for (const b of list.querySelectorAll('button')) b.setAttribute('aria-pressed', 'false');
            (e.currentTarget as HTMLElement).setAttribute('aria-pressed', 'true');
            void showSpan(article, sp);
          },
        },
        h('span', { class: 'span-source' }, `${sp.document.source ?? 'Unknown source'}${sp.document.published ? `, ${formatDate(sp.document.published)}` : ''}: `),
        h('q', {}, sp.sentence.length > 220 ? `${sp.sentence.slice(0, 220)}…` : sp.sentence)))));
    append(body, [
      h('p', { class: 'evidence-summary' },
        `${v.list}${v.slot ? ` · ${v.slot}` : ''}${what ? ` · ${what}` : ''} · ${v.sources} source${v.sources === 1 ? '' : 's'}, ${n} sentence${n === 1 ? '' : 's'}`),
      n > 1 ? list : null,
      article,
    ]);
    const first = v.spans[0];
    if (first) await showSpan(article, first);
    else article.append(h('p', {}, 'No sentence is stored for this fact.'));
  } catch (err) {
    clear(body);
    body.append(h('p', { class: 'error', role: 'alert' }, `Could not load the evidence: ${(err as Error).message}`));
  }
}
