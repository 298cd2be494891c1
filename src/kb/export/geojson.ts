// GeoJSON: one Point per place that is a round's venue, a meeting's place or an event's place,
// with what happened there. Coordinates come from the gazetteer; places it does not know are
// listed in the collection's `unlocated` member instead of being guessed.
import type { FusedKnowledge } from '../types.js';

export interface Coordinates {
  readonly lat: number;
  readonly lon: number;
  readonly name?: string;
}

export type PlaceLookup = (place: string) => Coordinates | undefined;

/** The gazetteer's coordinates for a place id (`astana@KZ`); undefined when it does not know it. */
export async function gazetteerPlaceLookup(): Promise<PlaceLookup> {
  const { loadGazetteer } = await import('../../nlp/gazetteer.js');
  const g = loadGazetteer();
  return (id) => {
    const p = g.place(id);
    return p ? { lat: p.lat, lon: p.lon, name: p.name } : undefined;
  };
}

interface PlaceUse {
  rounds: { id: string; process: string; ordinal?: number; start?: string; status?: string }[];
  meetings: { id: string; participants: string[]; date?: string }[];
  events: { id: string; kind: string; actor?: string; date?: string }[];
  sources: number;
}

export function toGeoJson(k: FusedKnowledge, lookup: PlaceLookup): object {
  const uses = new Map<string, PlaceUse>();
  const use = (place: string): PlaceUse => {
    let u = uses.get(place);
    if (!u) uses.set(place, (u = { rounds: [], meetings: [], events: [], sources: 0 }));
    return u;
  };
  for (const r of k.rounds) {
    if (!r.venue) continue;
    const u = use(r.venue.value);
    u.rounds.push({ id: r.id, process: r.process, ...(r.ordinal ? { ordinal: r.ordinal.value } : {}), ...(r.start ? { start: r.start.value } : {}), ...(r.status ? { status: r.status.value } : {}) });
    u.sources += r.venue.sources;
  }
  for (const m of k.meetings) {
    if (!m.place) continue;
    const u = use(m.place.value);
    u.meetings.push({ id: m.id, participants: m.participants.map((p) => p.value), ...(m.date ? { date: m.date.value } : {}) });
    u.sources += m.place.sources;
  }
  for (const e of k.events) {
    if (!e.place) continue;
    const u = use(e.place.value);
    u.events.push({ id: e.id, kind: e.kind, ...(e.actor ? { actor: e.actor.value } : {}), ...(e.date ? { date: e.date.value } : {}) });
    u.sources += e.place.sources;
  }
  const features: object[] = [];
  const unlocated: string[] = [];
  for (const place of [...uses.keys()].sort()) {
    const u = uses.get(place) as PlaceUse;
    const c = lookup(place);
    if (!c) {
      unlocated.push(place);
      continue;
    }
    const roles = [u.rounds.length > 0 ? 'venue' : '', u.meetings.length > 0 ? 'meeting' : '', u.events.length > 0 ? 'event' : ''].filter(Boolean);
    features.push({
      type: 'Feature',
      id: place,
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      properties: { place, ...(c.name ? { name: c.name } : {}), roles, rounds: u.rounds, meetings: u.meetings, events: u.events, sources: u.sources },
    });
  }
  return { type: 'FeatureCollection', features, unlocated };
}
