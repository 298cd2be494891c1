// `/process/{id}`: the timeline of rounds, the actor network and the map.
import { api, type ProcessDetail, type Round } from './api.js';
import { formatDate, h, words } from './dom.js';
import { factButton, slotView, valueButtons } from './facts.js';

const ROLE_ORDER = ['guarantor', 'mediator', 'party', 'observer', 'host'];
const ROLE_NAMES: Record<string, string> = { guarantor: 'Guarantors', mediator: 'Mediators', party: 'Parties', observer: 'Observers', host: 'Host' };

function roundTitle(r: Round): string {
  return r.ordinal ? `Round ${r.ordinal.value}` : 'Unnumbered round';
}

function roundView(r: Round, d: ProcessDetail, index: number): HTMLElement {
  const label = (id: string): string => d.labels[id] ?? id;
  const place = (id: string): string => d.places[id]?.name ?? id;
  const groups = ROLE_ORDER.map((role) => ({ role, members: r.participants.filter((p) => p.role === role) })).filter((g) => g.members.length > 0);
  const headingId = `round-${index}`;
  return h('li', { class: `round status-${r.status?.value ?? 'unknown'}`, 'aria-labelledby': headingId, 'data-testid': 'round' },
    h('div', { class: 'round-marker', 'aria-hidden': 'true' }),
    h('div', { class: 'round-body' },
      h('h3', { id: headingId }, r.ordinal ? slotView(r.ordinal, (n) => `Round ${n}`, 'round-ordinal') : factButton(r.fact, roundTitle(r), 'round-ordinal')),
      h('p', { class: 'round-when' },
        r.start || r.end ? h('span', { class: 'dates', 'data-testid': 'round-dates' },
          r.start ? slotView(r.start, formatDate, 'date') : null,
          r.start && r.end ? ' – ' : null,
          r.end ? slotView(r.end, formatDate, 'date') : null) : h('span', { class: 'dates undated' }, 'date unknown'),
        r.venue ? [' · ', slotView(r.venue, place, 'venue')] : null,
        r.status ? [' · ', slotView(r.status, words, 'status')] : null),
      groups.length > 0 ? h('dl', { class: 'participants' },
        groups.map((g) => [
          h('dt', {}, ROLE_NAMES[g.role] ?? g.role),
          h('dd', {}, g.members.map((m, i) => [i > 0 ? ' ' : null,
            factButton(m.fact, `${label(m.value)}${m.size ? ` (${m.size})` : ''}`, 'chip actor', `${m.sources} source${m.sources === 1 ? '' : 's'}: show the sentence`)])),
        ])) : null,
      r.agenda.length > 0 ? h('div', { class: 'chips-row' }, h('span', { class: 'row-label' }, 'Agenda'), h('span', { class: 'chips' }, valueButtons(r.agenda, words, 'chip agenda'))) : null,
      r.outcomes.length > 0 ? h('div', { class: 'chips-row' }, h('span', { class: 'row-label' }, 'Outcomes'),
        h('span', { class: 'chips' }, r.outcomes.map((o) => factButton(o.fact, `${o.count ? `${o.count} ` : ''}${words(o.value)}`, 'chip outcome')))) : null,
      h('p', { class: 'sources' },
        factButton(r.fact, `${r.sources} source${r.sources === 1 ? '' : 's'}`, 'source-count', 'Show the sentences naming this round'),
        r.disputed.length > 0 ? h('span', { class: 'disputed-note' }, ` · disputed: ${r.disputed.join(', ')}`) : null)));
}

export async function renderProcess(main: HTMLElement, id: string): Promise<void> {
  const d = await api.process(id);
  const label = (a: string): string => d.labels[a] ?? a;
  const p = d.process;
  const name = p?.name?.value ?? id;
  document.title = `${name} · Parley`;
  const networkBox = h('div', { id: 'network', class: 'network', role: 'img', 'aria-label': 'Actor network graph; the list below gives the same information' });
  const networkList = h('div', { class: 'network-list' });
  const mapBox = h('div', { id: 'map', class: 'map' });
  const mapList = h('div', { class: 'map-list' });
  main.append(
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/', 'data-link': true }, 'Processes'), ' / ', name),
    h('h1', { tabindex: '-1' }, p?.name ? slotView(p.name, (v) => v, 'title') : name),
    h('p', { class: 'meta' },
      p?.conflict ? ['Conflict: ', slotView(p.conflict, label)] : null,
      p && p.sponsors.length > 0 ? [' · Sponsors: ', valueButtons(p.sponsors, label, 'chip actor')] : null,
      ` · ${d.rounds.total} round${d.rounds.total === 1 ? '' : 's'} · ${d.sources} source${d.sources === 1 ? '' : 's'}`),
    h('p', { class: 'hint' }, 'Every value is a button: choose one to read the sentence it comes from. ⚠ marks values the sources disagree on.'),
    h('div', { class: 'process-grid' },
      h('section', { class: 'timeline-section', 'aria-labelledby': 'timeline-h' },
        h('h2', { id: 'timeline-h' }, 'Timeline of rounds'),
        d.rounds.items.length === 0 ? h('p', {}, 'No rounds are known.') : h('ol', { class: 'timeline', 'data-testid': 'timeline' }, d.rounds.items.map((r, i) => roundView(r, d, i))),
        d.agreements.length > 0 ? h('section', { 'aria-labelledby': 'agreements-h' },
          h('h2', { id: 'agreements-h' }, 'Agreements'),
          h('ul', { class: 'agreements' }, d.agreements.map((a) => h('li', {},
            factButton(a.fact, words(a.kind), 'chip outcome'), a.date ? [' ', slotView(a.date, formatDate, 'date')] : null,
            a.parties.length > 0 ? [' · ', valueButtons(a.parties, label, 'chip actor')] : null)))) : null),
      h('div', { class: 'side' },
        h('section', { 'aria-labelledby': 'network-h' }, h('h2', { id: 'network-h' }, 'Actor network'),
          h('p', { class: 'legend' },
            h('span', { class: 'edge-key brokers' }, 'brokers'), ' ', h('span', { class: 'edge-key negotiates' }, 'negotiates with'), ' ',
            h('span', { class: 'edge-key backs' }, 'backs'), ' ', h('span', { class: 'edge-key opposes' }, 'opposes')),
          networkBox, networkList),
        h('section', { 'aria-labelledby': 'map-h' }, h('h2', { id: 'map-h' }, 'Map of venues and events'), mapBox, mapList))),
  );
  // The graph and map libraries load after the timeline is on screen.
  void import('./network.js').then((m) => m.renderNetwork(networkBox, networkList, id)).catch((e: Error) => networkList.append(h('p', { class: 'error' }, `Network unavailable: ${e.message}`)));
  void import('./map.js').then((m) => m.renderMap(mapBox, mapList, id)).catch((e: Error) => mapList.append(h('p', { class: 'error' }, `Map unavailable: ${e.message}`)));
}
