// `/`: every process with a sparkline of its rounds over time.
import { api, type ProcessSummary, type TimelinePoint } from './api.js';
import { dateValue, formatDate, h, s, words } from './dom.js';

const STATUS_COLOURS: Record<string, string> = {
  held: '#1f6f43', ongoing: '#1d5fa8', scheduled: '#6b5b00', postponed: '#8a4b00', failed: '#a11d2b',
};

/** Dots on a line, one per dated round, from the process's first to its last date. */
export function sparkline(points: readonly TimelinePoint[], first?: string, last?: string): SVGSVGElement {
  const W = 220;
  const H = 36;
  const pad = 8;
  const dated = points.map((p) => ({ p, t: dateValue(p.start ?? p.end) })).filter((x): x is { p: TimelinePoint; t: number } => x.t !== undefined);
  const t0 = Math.min(...dated.map((d) => d.t), dateValue(first) ?? Infinity);
  const t1 = Math.max(...dated.map((d) => d.t), dateValue(last) ?? -Infinity);
  const span = t1 - t0 || 1;
  const x = (t: number): number => (dated.length <= 1 && t1 === t0 ? W / 2 : pad + ((t - t0) / span) * (W - 2 * pad));
  const label = dated.length === 0 ? 'No dated rounds'
    : `${dated.length} dated round${dated.length === 1 ? '' : 's'}${first ? ` from ${formatDate(first)}` : ''}${last && last !== first ? ` to ${formatDate(last)}` : ''}`;
  const svg = s('svg', { class: 'sparkline', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': label });
  svg.append(s('title', {}, label));
  svg.append(s('line', { x1: pad, x2: W - pad, y1: H / 2, y2: H / 2, class: 'spark-axis' }));
  for (const d of dated) {
    const c = s('circle', { cx: x(d.t).toFixed(1), cy: H / 2, r: 4.5, fill: STATUS_COLOURS[d.p.status ?? ''] ?? '#444', class: 'spark-dot' });
    c.append(s('title', {}, `${d.p.ordinal ? `Round ${d.p.ordinal}` : 'Round'}: ${formatDate(d.p.start ?? d.p.end ?? '')}${d.p.status ? `, ${d.p.status}` : ''}`));
    svg.append(c);
  }
  return svg;
}

function card(p: ProcessSummary, labels: (id: string) => string): HTMLElement {
  const dates = p.first ? (p.last && p.last !== p.first ? `${formatDate(p.first)} – ${formatDate(p.last)}` : formatDate(p.first)) : 'undated';
  return h('li', { class: 'process-card' },
    h('h2', {}, h('a', { href: `/process/${encodeURIComponent(p.id)}`, 'data-link': true }, p.name ?? p.id)),
    h('p', { class: 'meta' },
      p.conflict ? `Conflict: ${labels(p.conflict)}` : null,
      p.sponsors.length > 0 ? ` · Sponsors: ${p.sponsors.map(labels).join(', ')}` : null),
    sparkline(p.timeline, p.first, p.last),
    h('p', { class: 'meta' },
      `${p.rounds} round${p.rounds === 1 ? '' : 's'} · ${dates}`,
      p.latestStatus ? ` · latest ${words(p.latestStatus)}` : null,
      ` · ${p.sources} source${p.sources === 1 ? '' : 's'}`,
      p.disputed ? h('span', { class: 'disputed', title: 'Some values are disputed between sources', role: 'img', 'aria-label': 'some values disputed' }, ' ⚠') : null));
}

export async function renderHome(main: HTMLElement): Promise<void> {
  const page = await api.processes();
  const labels = (id: string): string => page.labels[id] ?? id;
  main.append(
    h('h1', { tabindex: '-1' }, 'Peace processes'),
    h('p', { class: 'lede' }, `${page.total} process${page.total === 1 ? '' : 'es'} in the knowledge base. Each dot is a round, coloured by status: `,
      ...Object.entries(STATUS_COLOURS).map(([k, c]) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch', style: `background:${c}` }), k, ' '))),
    page.items.length === 0
      ? h('p', {}, 'The knowledge base is empty. Ingest articles with ', h('code', {}, 'parley ingest'), '.')
      : h('ul', { class: 'process-list' }, page.items.map((p) => card(p, labels))),
  );
}
