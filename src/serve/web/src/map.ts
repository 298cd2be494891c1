// Venues and event places on a world map drawn offline: world-atlas TopoJSON through d3-geo.
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import { api, type MapPlace } from './api.js';
import { formatDate, h, s } from './dom.js';
import { factButton } from './facts.js';
import { openEvidence } from './evidence.js';

const W = 640;
const H = 380;

export async function renderMap(box: HTMLElement, list: HTMLElement, id: string): Promise<void> {
  const data = await api.places(id);
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topo, topo.objects.countries) as unknown as FeatureCollection;
  const pts = data.places;
  const projection = geoNaturalEarth1();
  if (pts.length > 0) {
    // Frame the places with a margin of about 12 degrees so their surroundings stay readable.
    const lons = pts.map((p) => p.lon);
    const lats = pts.map((p) => p.lat);
    const m = 12;
    const [x0, x1, y0, y1] = [Math.min(...lons) - m, Math.max(...lons) + m, Math.max(-85, Math.min(...lats) - m), Math.min(85, Math.max(...lats) + m)];
    projection.fitExtent([[10, 10], [W - 10, H - 10]], { type: 'MultiPoint', coordinates: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]] });
  } else {
    projection.fitSize([W, H], countries);
  }
  const path = geoPath(projection);
  const title = `Map: ${pts.length} place${pts.length === 1 ? '' : 's'}${pts.length > 0 ? ` (${pts.map((p) => p.name).join(', ')})` : ''}`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map-svg', role: 'group', 'aria-label': title });
  svg.append(s('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
  svg.append(s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
  const land = s('g', { class: 'countries' });
  for (const f of countries.features) land.append(s('path', { d: path(f) ?? '' }));
  svg.append(land);
  for (const p of pts) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const kind = p.items.some((i) => i.kind === 'venue') ? 'venue' : 'event';
    const text = `${p.name}${p.country ? `, ${p.country}` : ''}: ${p.items.map((i) => `${i.label}${i.date ? ` ${formatDate(i.date)}` : ''}`).join('; ')}`;
    const g = s('g', { class: `place ${kind}`, tabindex: 0, role: 'button', 'aria-label': text });
    g.append(s('title', {}, text));
    g.append(s('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: kind === 'venue' ? 7 : 5 }));
    g.append(s('text', { x: (xy[0] + 10).toFixed(1), y: (xy[1] + 4).toFixed(1) }, p.name));
    const first = p.items[0];
    const open = (): void => { if (first) void openEvidence(first.fact, `${first.label} in ${p.name}`, g as unknown as HTMLElement); };
    g.addEventListener('click', open);
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
    svg.append(g);
  }
  box.append(svg);
  list.append(placeList(pts, data.unplaced));
}

function placeList(pts: readonly MapPlace[], unplaced: readonly string[]): HTMLElement {
  return h('ul', { class: 'place-list' },
    pts.map((p) => h('li', {},
      h('strong', {}, p.name), p.country ? `, ${p.country}` : '', ': ',
      p.items.map((i, k) => [k > 0 ? '; ' : '', factButton(i.fact, `${i.label}${i.date ? ` ${formatDate(i.date)}` : ''}`, `place-item ${i.kind}`)]))),
    unplaced.length > 0 ? h('li', { class: 'meta' }, `Not on the map (unknown coordinates): ${unplaced.join(', ')}`) : null);
}
