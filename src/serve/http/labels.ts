// Display labels for actor ids and coordinates for place ids, from the gazetteer the extractor
// uses. The KB speaks ids only; the UI wants "Russia" and a dot on a map.
import { loadGazetteer, type Gazetteer } from '../../nlp/index.js';

export interface PlaceView {
  readonly id: string;
  readonly name: string;
  readonly country?: string;
  readonly lat: number;
  readonly lon: number;
}

const SECTORS: Readonly<Record<string, string>> = {
  GOV: 'government', MIL: 'armed forces', OPP: 'opposition', REB: 'armed rebels', CIV: 'civil society', PPL: 'people',
};

let gaz: Gazetteer | undefined | null;
function gazetteer(): Gazetteer | undefined {
  if (gaz === undefined) {
    try {
      gaz = loadGazetteer();
    } catch {
      gaz = null; // labels fall back to ids; the API still works without the data files
    }
  }
  return gaz ?? undefined;
}

function titleCase(slug: string): string {
  return slug.split('-').filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** "Russia", "Syria: opposition", "United Nations", "Taliban", "Sergei Lavrov"; the id when unknown. */
export function actorLabel(id: string, people: ReadonlyMap<string, string> = new Map()): string {
  const g = gazetteer();
  if (id.startsWith('@')) return people.get(id) ?? titleCase(id.slice(1));
  if (id.startsWith('GRP:')) return g?.groups.get(id)?.name ?? titleCase(id.slice(4));
  const m = /^([A-Z]{3})\.([A-Z]{3})$/.exec(id);
  if (m) {
    const state = g?.state(m[1] ?? '')?.name ?? m[1] ?? id;
    return `${state}: ${SECTORS[m[2] ?? ''] ?? m[2]}`;
  }
  return g?.state(id)?.name ?? g?.orgs.get(id)?.name ?? id;
}

export function placeView(id: string): PlaceView | undefined {
  const p = gazetteer()?.place(id);
  if (!p) return undefined;
  const country = p.iso3 ? gazetteer()?.state(p.iso3)?.name : undefined;
  return { id, name: p.name, lat: p.lat, lon: p.lon, ...(country ? { country } : {}) };
}

/** Labels for every actor id given. */
export function labelsFor(ids: Iterable<string>, people?: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of [...new Set(ids)].sort()) out[id] = actorLabel(id, people);
  return out;
}

/** Places known to the gazetteer among the ids given (unknown ids are left out). */
export function placesFor(ids: Iterable<string>): Record<string, PlaceView> {
  const out: Record<string, PlaceView> = {};
  for (const id of [...new Set(ids)].sort()) {
    const p = placeView(id);
    if (p) out[id] = p;
  }
  return out;
}
