// What a process page shows besides its rounds: the actor network and the places on the map.
// Both are read through the KB's public queries (process, actor) only.
import type { FusedRound, KnowledgeBase, ProcessDetail } from '../../kb/types.js';
import { actorLabel, labelsFor, placeView, type PlaceView } from './labels.js';

export type EdgeRelation = 'brokers' | 'negotiates_with' | 'backs' | 'opposes';

export interface NetworkNode {
  readonly id: string;
  readonly label: string;
  /** Roles the actor held in any round, plus `sponsor` and `outside` (only in an alignment). */
  readonly roles: readonly string[];
  readonly rounds: number;
}

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  readonly relation: EdgeRelation;
  /** A fact behind the edge (the broker's participation, the round, the alignment). */
  readonly fact: string;
  /** Rounds (or alignments) supporting the edge. */
  readonly weight: number;
}

export interface Network {
  readonly process: string;
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

export interface MapItem {
  readonly fact: string;
  readonly kind: 'venue' | 'event' | 'meeting';
  readonly label: string;
  readonly date?: string;
}

export interface MapPlace extends PlaceView {
  readonly items: readonly MapItem[];
}

export interface ProcessPlaces {
  readonly process: string;
  readonly places: readonly MapPlace[];
  /** Place ids the gazetteer does not know (not drawn). */
  readonly unplaced: readonly string[];
}

const BROKERS = new Set(['guarantor', 'mediator']);

/** "RUS" for "RUS.GOV": a state and its government are the same actor for matching. */
function root(id: string): string {
  return id.endsWith('.GOV') ? id.slice(0, -4) : id;
}

export function roundLabel(r: FusedRound): string {
  const n = r.ordinal ? `Round ${r.ordinal.value}` : 'Round';
  return r.start ? `${n} (${r.start.value})` : n;
}

/** Parties of a process: who sat as a party in any round. */
function partiesOf(d: ProcessDetail): string[] {
  return [...new Set(d.rounds.flatMap((r) => r.participants.filter((p) => p.value.role === 'party').map((p) => p.value.actor)))].sort();
}

export async function processNetwork(kb: KnowledgeBase, d: ProcessDetail): Promise<Network> {
  const roles = new Map<string, Set<string>>();
  const rounds = new Map<string, number>();
  const edges = new Map<string, { source: string; target: string; relation: EdgeRelation; fact: string; weight: number }>();
  const role = (actor: string, r: string): void => {
    const s = roles.get(actor) ?? new Set<string>();
    s.add(r);
    roles.set(actor, s);
  };
  const edge = (source: string, target: string, relation: EdgeRelation, fact: string): void => {
    if (source === target) return;
    const [a, b] = relation === 'negotiates_with' && target < source ? [target, source] : [source, target];
    const key = `${relation}|${a}|${b}`;
    const e = edges.get(key);
    if (e) e.weight++;
    else edges.set(key, { source: a, target: b, relation, fact, weight: 1 });
  };
  for (const r of d.rounds) {
    const brokers = r.participants.filter((p) => BROKERS.has(p.value.role));
    const parties = r.participants.filter((p) => p.value.role === 'party');
    for (const p of r.participants) {
      role(p.value.actor, p.value.role);
      rounds.set(p.value.actor, (rounds.get(p.value.actor) ?? 0) + 1);
    }
    for (const b of brokers) for (const p of parties) edge(b.value.actor, p.value.actor, 'brokers', b.id);
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        const a = parties[i];
        const b = parties[j];
        if (a && b) edge(a.value.actor, b.value.actor, 'negotiates_with', r.id);
      }
    }
  }
  for (const s of d.process?.sponsors ?? []) role(s.value, 'sponsor');
  // Who backs whom: alignments touching the parties (the actors the conflict is about).
  const inside = new Map<string, string>(); // root → node id
  for (const id of roles.keys()) inside.set(root(id), id);
  const parties = partiesOf(d);
  for (const al of await kb.involving('alignments', parties)) {
    const src = inside.get(root(al.actor)) ?? al.actor;
    const dst = inside.get(root(al.target)) ?? al.target;
    if (!roles.has(src)) role(src, 'outside');
    if (!roles.has(dst)) role(dst, 'outside');
    inside.set(root(src), src);
    inside.set(root(dst), dst);
    edge(src, dst, al.relation === 'opposes' ? 'opposes' : 'backs', al.id);
  }
  const people = new Map<string, string>();
  const labels = labelsFor(roles.keys(), people);
  return {
    process: d.id,
    nodes: [...roles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, rs]) => ({ id, label: labels[id] ?? id, roles: [...rs].sort(), rounds: rounds.get(id) ?? 0 })),
    edges: [...edges.values()].sort((x, y) => (x.relation + x.source + x.target < y.relation + y.source + y.target ? -1 : 1)),
  };
}

export async function processPlaces(kb: KnowledgeBase, d: ProcessDetail): Promise<ProcessPlaces> {
  const items = new Map<string, MapItem[]>();
  const add = (place: string, item: MapItem): void => {
    const l = items.get(place) ?? [];
    if (!l.some((x) => x.fact === item.fact)) l.push(item);
    items.set(place, l);
  };
  for (const r of d.rounds) {
    if (r.venue) add(r.venue.value, { fact: r.venue.id, kind: 'venue', label: roundLabel(r), ...(r.start ? { date: r.start.value } : {}) });
  }
  // Events by the parties or in the conflict's country: where the war the talks are about is fought.
  const conflict = d.process?.conflict?.value;
  const who = [...new Set([...partiesOf(d), ...(conflict ? [conflict] : [])])].sort();
  for (const e of await kb.involving('events', who)) {
    if (!e.place) continue;
    const by = e.actor ? ` by ${actorLabel(e.actor.value)}` : '';
    add(e.place.value, { fact: e.id, kind: 'event', label: `${e.kind.replace(/_/g, ' ')}${by}`, ...(e.date ? { date: e.date.value } : {}) });
  }
  const places: MapPlace[] = [];
  const unplaced: string[] = [];
  for (const [id, list] of [...items.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const p = placeView(id);
    if (p) places.push({ ...p, items: list });
    else unplaced.push(id);
  }
  return { process: d.id, places, unplaced };
}
