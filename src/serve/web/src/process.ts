// `/process/{id}`: the timeline of rounds, the actor network and the map.
import { api, ROUNDS_PER_PAGE, type Agreement, type ProcessDetail, type Round } from './api.js';
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

function agreementView(a: Agreement, label: (id: string) => string): HTMLElement {
  return h('li', {},
    factButton(a.fact, words(a.kind), 'chip outcome'), a.date ? [' ', slotView(a.date, formatDate, 'date')] : null,
    a.parties.length > 0 ? [' · ', valueButtons(a.parties, label, 'chip actor')] : null);
}

/** The timeline and agreements of a process, a page of rounds at a time ("Show more rounds"). */
function timelineSection(id: string, d: ProcessDetail): HTMLElement {
  // Later pages bring their own labels and places: one table for the whole page.
  const view: ProcessDetail = { ...d, labels: { ...d.labels }, places: { ...d.places } };
  const label = (a: string): string => view.labels[a] ?? a;
  const list = h('ol', { class: 'timeline', 'data-testid': 'timeline' });
  const agreements = h('ul', { class: 'agreements' });
  const agreementsBox = h('section', { 'aria-labelledby': 'agreements-h', hidden: true }, h('h2', { id: 'agreements-h' }, 'Agreements'), agreements);
  const shownAgreements = new Set<string>();
  const status = h('p', { class: 'more-status', role: 'status' });
  const more = h('button', { type: 'button', class: 'more', 'data-testid': 'more-rounds' });
  let shown = 0;
  const add = (page: ProcessDetail): void => {
    Object.assign(view.labels, page.labels);
    Object.assign(view.places, page.places);
    for (const r of page.rounds.items) list.append(roundView(r, view, shown++));
    for (const a of page.agreements) {
      if (shownAgreements.has(a.fact)) continue;
      shownAgreements.add(a.fact);
      agreements.append(agreementView(a, label));
    }
    agreementsBox.hidden = shownAgreements.size === 0;
    const left = page.rounds.total - shown;
    more.hidden = left <= 0 || page.rounds.items.length === 0;
    more.textContent = `Show ${Math.min(left, ROUNDS_PER_PAGE)} more round${Math.min(left, ROUNDS_PER_PAGE) === 1 ? '' : 's'}`;
    status.textContent = left > 0 ? `${shown} of ${page.rounds.total} rounds shown` : '';
  };
  more.addEventListener('click', () => {
    more.disabled = true;
    const first = shown;
    api.process(id, shown).then((page) => {
      add(page);
      // keyboard users land on the first new round rather than back at the top
      (list.children[first]?.querySelector('button') as HTMLElement | null)?.focus();
    }, (e: Error) => { status.textContent = `Could not load more rounds: ${e.message}`; }).finally(() => { more.disabled = false; });
  });
  add(d);
  return h('section', { class: 'timeline-section', 'aria-labelledby': 'timeline-h' },
    h('h2', { id: 'timeline-h' }, 'Timeline of rounds'),
    d.rounds.total === 0 ? h('p', {}, 'No rounds are known.') : [list, status, more],
    agreementsBox);
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
      timelineSection(id, d),
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
