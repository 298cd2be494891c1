// The Parley UI: `/` (processes), `/process/{id}` (timeline, network, map), `/actor/{id}`.
import './style.css';
import { api, ApiError } from './api.js';
import { clear, h } from './dom.js';
import { initEvidence } from './evidence.js';
import { renderHome } from './home.js';
import { renderProcess } from './process.js';
import { renderActor } from './actor.js';
import { navigate, startRouter } from './router.js';

const main = document.getElementById('main') as HTMLElement;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

let generation = 0;
async function render(path: string): Promise<void> {
  const mine = ++generation;
  clear(main);
  main.setAttribute('aria-busy', 'true');
  main.append(h('p', { class: 'loading' }, 'Loading…'));
  const page = h('div', { class: 'page' });
  try {
    const proc = /^\/process\/([^/]+)$/.exec(path);
    const actor = /^\/actor\/([^/]+)$/.exec(path);
    if (path === '/' || path === '/index.html') {
      document.title = 'Parley: peace processes, sourced';
      await renderHome(page);
    } else if (proc) await renderProcess(page, decode(proc[1] ?? ''));
    else if (actor) await renderActor(page, decode(actor[1] ?? ''));
    else page.append(h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '/', 'data-link': true }, 'Back to the processes')));
  } catch (e) {
    const msg = e instanceof ApiError && e.status === 404 ? 'Not found' : 'Something went wrong';
    clear(page);
    page.append(h('h1', { tabindex: '-1' }, msg), h('p', { class: 'error', role: 'alert' }, (e as Error).message), h('p', {}, h('a', { href: '/', 'data-link': true }, 'Back to the processes')));
  }
  if (mine !== generation) return;
  clear(main);
  main.append(page);
  main.removeAttribute('aria-busy');
  (page.querySelector('h1') as HTMLElement | null)?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function initSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-input') as HTMLInputElement;
  const out = document.getElementById('search-results') as HTMLElement;
  let timer: number | undefined;
  let asked = 0;
  let shown = '';
  const run = async (): Promise<void> => {
    const q = input.value.trim();
    if (q === shown && out.firstChild) return; // already on screen: keep focus where it is
    const mine = ++asked;
    if (q.length === 0) { clear(out); shown = ''; return; }
    try {
      const r = await api.search(q);
      if (mine !== asked) return;
      clear(out);
      shown = q;
      if (r.items.length === 0) { out.append(h('p', {}, `Nothing matches “${q}”.`)); return; }
      out.append(h('p', { class: 'visually-hidden' }, `${r.total} result${r.total === 1 ? '' : 's'}`),
        h('ul', {}, r.items.map((hit) => {
          const href = hit.kind === 'process' ? `/process/${encodeURIComponent(hit.id)}` : hit.kind === 'actor' ? `/actor/${encodeURIComponent(hit.id)}` : undefined;
          const text = [h('span', { class: `kind kind-${hit.kind}` }, hit.kind), ' ', hit.label, hit.label !== hit.id ? h('span', { class: 'meta' }, ` ${hit.id}`) : null,
            h('span', { class: 'meta' }, ` · ${hit.sources} source${hit.sources === 1 ? '' : 's'}`)];
          return h('li', {}, href ? h('a', { href, 'data-link': true, onclick: () => { clear(out); input.value = ''; shown = ''; } }, text) : h('span', {}, text));
        })));
    } catch (e) {
      if (mine !== asked) return;
      clear(out);
      out.append(h('p', { class: 'error' }, (e as Error).message));
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    window.clearTimeout(timer);
    void run().then(() => (out.querySelector('a') as HTMLElement | null)?.focus());
  });
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 200);
  });
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') { clear(out); input.value = ''; shown = ''; } });
}

initEvidence();
initSearch();
startRouter(render);
export { navigate };
