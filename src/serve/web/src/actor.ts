// `/actor/{id}`: the rounds an actor sat in, its alignments and agreements.
import { api } from './api.js';
import { append, formatDate, h, words } from './dom.js';
import { factButton } from './facts.js';

export async function renderActor(main: HTMLElement, id: string): Promise<void> {
  const a = await api.actor(id);
  const label = (x: string): string => a.labels[x] ?? x;
  const name = a.person?.name.value ?? label(a.id);
  document.title = `${name} · Parley`;
  append(main, [
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/', 'data-link': true }, 'Processes'), ' / ', name),
    h('h1', { tabindex: '-1' }, name),
    h('p', { class: 'meta' }, `${words(a.kind)} · ${a.id} · ${a.sources} source${a.sources === 1 ? '' : 's'}`,
      a.sponsors.length > 0 ? ` · sponsors ${a.sponsors.join(', ')}` : null),
    h('section', { 'aria-labelledby': 'rounds-h' }, h('h2', { id: 'rounds-h' }, 'Rounds'),
      a.rounds.length === 0 ? h('p', {}, 'No rounds.') : h('table', { class: 'data' },
        h('caption', { class: 'visually-hidden' }, `Rounds ${name} took part in`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Process'), h('th', { scope: 'col' }, 'Round'), h('th', { scope: 'col' }, 'Start'), h('th', { scope: 'col' }, 'Venue'), h('th', { scope: 'col' }, 'Role'))),
        h('tbody', {}, a.rounds.map((r) => h('tr', {},
          h('td', {}, h('a', { href: `/process/${encodeURIComponent(r.process)}`, 'data-link': true }, r.process)),
          h('td', {}, factButton(r.round, r.ordinal ? String(r.ordinal) : '–')),
          h('td', {}, r.start ? formatDate(r.start) : ''), h('td', {}, r.venue ?? ''), h('td', {}, `${r.role}${r.actor !== a.id ? ` (as ${label(r.actor)})` : ''}`)))))),
    a.alignments.length > 0 ? h('section', { 'aria-labelledby': 'al-h' }, h('h2', { id: 'al-h' }, 'Alignments'),
      h('ul', {}, a.alignments.map((x) => h('li', {}, label(x.actor), ' ', factButton(x.fact, words(x.relation)), ' ', label(x.target))))) : null,
    a.people.length > 0 ? h('section', { 'aria-labelledby': 'pp-h' }, h('h2', { id: 'pp-h' }, 'People'),
      h('ul', {}, a.people.map((p) => h('li', {}, factButton(p.fact, p.name.value), p.title ? ` (${words(p.title.value)})` : '')))) : null,
    a.agreements.length > 0 ? h('section', { 'aria-labelledby': 'ag-h' }, h('h2', { id: 'ag-h' }, 'Agreements'),
      h('ul', {}, a.agreements.map((x) => h('li', {}, factButton(x.fact, words(x.kind)), x.date ? ` ${formatDate(x.date.value)}` : '')))) : null,
  ]);
}
