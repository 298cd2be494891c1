// The gazetteer: states, capitals, places, international organisations, named groups and
// sector phrases, loaded from data/gazetteer/*.json (+ data/generated/places.json when built),
// and compiled into token-keyed phrase indexes for the mention matcher (mentions.ts).
//
// Index design: a Map keyed by the exact text of a phrase's first token, each holding the
// phrase's remaining tokens, longest first. Names match case-sensitively (so "most", "date"
// never fire); sector phrases match on lower-cased tokens.

import { existsSync, readFileSync } from 'node:fs';

export type PhraseKind = 'state' | 'state_adj' | 'place' | 'org' | 'group' | 'fixed' | 'block';

/** What a matched name denotes. */
export interface PhraseTarget {
  readonly kind: PhraseKind;
  /** ISO3 for states/adjectives, place id, org id, GRP: id, `ISO3.SECTOR` for fixed phrases, '' for blockers. */
  readonly id: string;
  /** ISO3 of the owning state, when known. */
  readonly country?: string;
  /** Stable id of the data entry. */
  readonly rule: string;
  /** An upper-case acronym that is also an English word ("US", "IS", "AU"): skipped next to other all-caps words. */
  readonly ambiguousAcronym?: boolean;
}

export interface PhraseEntry {
  /** Tokens after the first one, exact text. */
  readonly rest: readonly string[];
  readonly target: PhraseTarget;
}

export type SectorCode = 'GOV' | 'MIL' | 'OPP' | 'REB' | 'CIV' | 'PPL';

export interface SectorEntry {
  /** Lower-cased tokens after the first one. */
  readonly rest: readonly string[];
  readonly sector: SectorCode;
  readonly rule: string;
  /** May follow a capital ("the Kabul government"). */
  readonly afterCapital: boolean;
}

export interface StateInfo {
  readonly iso3: string;
  readonly iso2: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly adjectives: readonly string[];
  /** Place ids of the capital(s) used as metonyms for the government. */
  readonly capitals: readonly string[];
  /** First capital's place id, if any. */
  readonly capital?: string;
  readonly rule: string;
}

export interface PlaceInfo {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly iso2: string;
  /** ISO3 of the state, when the place belongs to one known to the gazetteer (seas: none). */
  readonly iso3?: string;
  readonly lat: number;
  readonly lon: number;
  readonly population?: number;
  readonly kind: string;
  readonly curated: boolean;
}

export interface OrgInfo {
  readonly id: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly rule: string;
}

export interface GroupInfo {
  readonly id: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly country?: string;
  readonly rule: string;
  /** The armed side of its state's conflict, so "the rebels" in a story about it mean it. */
  readonly insurgency?: boolean;
}

export interface Gazetteer {
  readonly states: ReadonlyMap<string, StateInfo>;
  readonly statesByIso2: ReadonlyMap<string, StateInfo>;
  readonly places: ReadonlyMap<string, PlaceInfo>;
  readonly orgs: ReadonlyMap<string, OrgInfo>;
  readonly groups: ReadonlyMap<string, GroupInfo>;
  /** Capital place id → ISO3 of the state it stands for. */
  readonly capitalOf: ReadonlyMap<string, string>;
  /** Name index: exact first-token text → continuations, longest first. */
  readonly names: ReadonlyMap<string, readonly PhraseEntry[]>;
  /** Sector nouns that may follow a state, adjective or capital: lower first token → continuations. */
  readonly sectorAfter: ReadonlyMap<string, readonly SectorEntry[]>;
  /** State-less sector phrases ("the opposition"): lower first token → continuations. */
  readonly bareSectors: ReadonlyMap<string, readonly SectorEntry[]>;
  /** Set when data/generated/places.json was missing: only curated places are known. */
  readonly warning?: string;
  /** State by ISO3 or ISO2. */
  state(code: string): StateInfo | undefined;
  place(id: string): PlaceInfo | undefined;
}

// ---------------------------------------------------------------------------------------------
// Data shapes on disk

interface StateJson { id: string; iso3: string; iso2: string; name: string; names: string[]; adjectives: string[]; capitals: string[] }
interface PlaceJson { id: string; name: string; aliases: string[]; iso2: string; lat: number; lon: number; population?: number; kind: string }
interface OrgJson { id: string; name: string; names: string[]; ambiguousAcronyms?: string[] }
interface GroupJson { id: string; name: string; country: string | null; names: string[]; ambiguousAcronyms?: string[]; insurgency?: boolean }
interface SectorAfterJson { id: string; sector: SectorCode; capital: boolean; phrases: string[] }
interface SectorBareJson { id: string; sector: SectorCode; phrases: string[] }
interface SectorFixedJson { id: string; actor: string; names: string[] }
interface SectorsJson { after: SectorAfterJson[]; bare: SectorBareJson[]; fixed: SectorFixedJson[] }
type GeneratedRow = [string, string, string[], string, number, number, number];

export interface GazetteerPaths {
  readonly gazetteerDir: URL;
  readonly generatedPlaces: URL;
}

export const defaultPaths: GazetteerPaths = {
  gazetteerDir: new URL('../../data/gazetteer/', import.meta.url),
  generatedPlaces: new URL('../../data/generated/places.json', import.meta.url),
};

// ---------------------------------------------------------------------------------------------
// Tokenising names the way the article tokenizer does, in every variant it might produce

const APOS = /['’‘ʼ]/;
/** Words keep internal apostrophes and abbreviation periods; letters and digits stay together. */
const TOKEN_JOINED = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’‘ʼ][\p{L}\p{M}\p{N}]+)*|\S/gu;
/** Everything split: letters, digits, each punctuation char. */
const TOKEN_SPLIT = /\p{L}[\p{L}\p{M}]*|\p{N}+|\S/gu;
/** Words keep internal apostrophes and periods, digits split from letters. */
const TOKEN_MIXED = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’‘ʼ]\p{L}[\p{L}\p{M}]*)*|\p{N}+|\S/gu;
/** Abbreviation periods kept, apostrophes split. */
const TOKEN_ABBR = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*|\p{N}+|\S/gu;

/** Token sequences a name may appear as, whatever the tokenizer does with apostrophes, periods and digits. */
export function nameVariants(name: string): string[][] {
  const forms = new Set([name]);
  if (APOS.test(name)) {
    forms.add(name.replace(/['’‘ʼ]/g, "'"));
    forms.add(name.replace(/['’‘ʼ]/g, '’'));
  }
  const out = new Map<string, string[]>();
  for (const f of forms) {
    for (const re of [TOKEN_JOINED, TOKEN_SPLIT, TOKEN_MIXED, TOKEN_ABBR]) {
      const toks = f.match(re);
      if (toks && toks.length > 0) out.set(toks.join('\u0001'), toks);
    }
  }
  return [...out.values()];
}

const FOLD_EXTRA: Record<string, string> = { Đ: 'D', đ: 'd', Ð: 'D', ð: 'd', Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', ß: 'ss', Æ: 'AE', æ: 'ae', ı: 'i', Ħ: 'H', ħ: 'h' };
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[ĐđÐðŁłØøßÆæıĦħ]/g, (ch) => FOLD_EXTRA[ch] ?? ch);
}

export function slugify(s: string): string {
  return fold(s).toLowerCase().replace(/['’‘ʻ.]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Building

/** Higher wins when two entries claim the same token sequence. */
const PRIORITY: Record<PhraseKind, number> = { block: 70, fixed: 60, org: 50, group: 40, state: 30, state_adj: 25, place: 10 };

interface Candidate { target: PhraseTarget; prio: number }

class IndexBuilder {
  private readonly byKey = new Map<string, { toks: string[]; cand: Candidate }>();

  add(name: string, target: PhraseTarget, prio: number): void {
    for (const toks of nameVariants(name.trim())) {
      if (toks.length === 0) continue;
      const key = toks.join('\u0001');
      const prev = this.byKey.get(key);
      if (!prev || prio > prev.cand.prio) this.byKey.set(key, { toks, cand: { target, prio } });
    }
  }

  build(): Map<string, PhraseEntry[]> {
    const index = new Map<string, PhraseEntry[]>();
    for (const { toks, cand } of this.byKey.values()) {
      const first = toks[0] as string;
      let list = index.get(first);
      if (!list) index.set(first, (list = []));
      list.push({ rest: toks.slice(1), target: cand.target });
    }
    for (const list of index.values()) list.sort((a, b) => b.rest.length - a.rest.length);
    return index;
  }
}

function buildSectorIndex(entries: { phrases: string[]; sector: SectorCode; id: string; capital?: boolean }[]): Map<string, SectorEntry[]> {
  const index = new Map<string, SectorEntry[]>();
  for (const e of entries) {
    for (const p of e.phrases) {
      const toks = (p.toLowerCase().match(TOKEN_SPLIT) ?? []) as string[];
      const first = toks[0];
      if (first === undefined) continue;
      let list = index.get(first);
      if (!list) index.set(first, (list = []));
      list.push({ rest: toks.slice(1), sector: e.sector, rule: e.id, afterCapital: e.capital === true });
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return index;
}

function readJson<T>(url: URL): T {
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/** Builds a gazetteer from the data files (uncached; use loadGazetteer()). */
export function buildGazetteer(paths: GazetteerPaths = defaultPaths): Gazetteer {
  const dir = paths.gazetteerDir;
  const statesJson = readJson<StateJson[]>(new URL('states.json', dir));
  const curatedPlaces = readJson<PlaceJson[]>(new URL('places-extra.json', dir));
  const orgsJson = readJson<OrgJson[]>(new URL('orgs.json', dir));
  const groupsJson = readJson<GroupJson[]>(new URL('groups.json', dir));
  const sectorsJson = readJson<SectorsJson>(new URL('sectors.json', dir));
  const stoplist = new Set(readJson<{ names: string[] }>(new URL('place-stoplist.json', dir)).names);
  const blockers = readJson<{ phrases: string[] }>(new URL('blockers.json', dir)).phrases;

  const states = new Map<string, StateInfo>();
  const statesByIso2 = new Map<string, StateInfo>();
  const capitalOf = new Map<string, string>();
  for (const s of statesJson) {
    const info: StateInfo = {
      iso3: s.iso3, iso2: s.iso2, name: s.name, names: s.names, adjectives: s.adjectives,
      capitals: s.capitals, rule: s.id, ...(s.capitals[0] ? { capital: s.capitals[0] } : {}),
    };
    states.set(s.iso3, info);
    statesByIso2.set(s.iso2, info);
    for (const c of s.capitals) if (!capitalOf.has(c)) capitalOf.set(c, s.iso3);
  }
  const iso3Of = (iso2: string): string | undefined => statesByIso2.get(iso2)?.iso3;

  // Places: curated first, then generated ones that do not clash with a curated id.
  const places = new Map<string, PlaceInfo>();
  for (const p of curatedPlaces) {
    const iso3 = iso3Of(p.iso2);
    places.set(p.id, {
      id: p.id, name: p.name, aliases: p.aliases, iso2: p.iso2, lat: p.lat, lon: p.lon, kind: p.kind, curated: true,
      ...(iso3 ? { iso3 } : {}), ...(p.population !== undefined ? { population: p.population } : {}),
    });
  }
  let warning: string | undefined;
  if (existsSync(paths.generatedPlaces)) {
    const gen = readJson<{ rows: GeneratedRow[] }>(paths.generatedPlaces);
    for (const [id, name, aliases, iso2, lat, lon, population] of gen.rows) {
      if (places.has(id)) continue;
      const iso3 = iso3Of(iso2);
      places.set(id, { id, name, aliases, iso2, lat, lon, population, kind: 'city', curated: false, ...(iso3 ? { iso3 } : {}) });
    }
  } else {
    warning = 'data/generated/places.json is missing (run scripts/build-places.mjs): only curated places and capitals are known';
  }

  const orgs = new Map<string, OrgInfo>();
  const groups = new Map<string, GroupInfo>();
  const b = new IndexBuilder();

  for (const p of blockers) b.add(p, { kind: 'block', id: '', rule: 'gaz:block' }, PRIORITY.block);

  for (const f of sectorsJson.fixed) {
    const country = f.actor.split('.')[0] as string;
    for (const n of f.names) {
      b.add(n, { kind: 'fixed', id: f.actor, country, rule: f.id }, PRIORITY.fixed);
    }
  }
  for (const o of orgsJson) {
    const rule = `gaz:org:${o.id}`;
    orgs.set(o.id, { id: o.id, name: o.name, names: o.names, rule });
    const amb = new Set(o.ambiguousAcronyms ?? []);
    for (const n of o.names) b.add(n, { kind: 'org', id: o.id, rule, ...(amb.has(n) ? { ambiguousAcronym: true } : {}) }, PRIORITY.org);
  }
  for (const g of groupsJson) {
    const rule = `gaz:group:${g.id.slice(4)}`;
    const country = g.country ?? undefined;
    groups.set(g.id, { id: g.id, name: g.name, names: g.names, rule, ...(country ? { country } : {}), ...(g.insurgency ? { insurgency: true } : {}) });
    const amb = new Set(g.ambiguousAcronyms ?? []);
    for (const n of withCapitalised(g.names)) {
      b.add(n, { kind: 'group', id: g.id, rule, ...(country ? { country } : {}), ...(amb.has(n) ? { ambiguousAcronym: true } : {}) }, PRIORITY.group);
    }
  }
  const ambiguousStateNames = new Set(['US']);
  for (const s of statesJson) {
    for (const n of s.names) {
      b.add(n, { kind: 'state', id: s.iso3, country: s.iso3, rule: s.id, ...(ambiguousStateNames.has(n) ? { ambiguousAcronym: true } : {}) }, PRIORITY.state);
      const f = fold(n);
      if (f !== n) b.add(f, { kind: 'state', id: s.iso3, country: s.iso3, rule: s.id }, PRIORITY.state);
    }
    for (const a of s.adjectives) {
      b.add(a, { kind: 'state_adj', id: s.iso3, country: s.iso3, rule: `gaz:adj:${s.iso3}` }, PRIORITY.state_adj);
    }
  }
  // Places: capitals outrank curated places, which outrank generated ones; then population.
  for (const p of places.values()) {
    const prio = PRIORITY.place + (capitalOf.has(p.id) ? 0.5 : p.curated ? 0.4 : 0) + Math.min(0.39, Math.log10((p.population ?? 0) + 1) / 100);
    const target: PhraseTarget = { kind: 'place', id: p.id, rule: `gaz:place:${p.id}`, ...(p.iso3 ? { country: p.iso3 } : {}) };
    for (const n of new Set([p.name, ...p.aliases, fold(p.name)])) {
      if (stoplist.has(n)) continue;
      b.add(n, target, prio);
    }
  }

  const sectorAfter = buildSectorIndex(sectorsJson.after);
  const bareSectors = buildSectorIndex(sectorsJson.bare);

  return {
    states, statesByIso2, places, orgs, groups, capitalOf,
    names: b.build(), sectorAfter, bareSectors,
    ...(warning ? { warning } : {}),
    state: (code: string) => (code.length === 2 ? statesByIso2.get(code) : states.get(code)),
    place: (id: string) => places.get(id),
  };
}

/** "al-Qaeda" also as "Al-Qaeda" at a sentence start. */
function withCapitalised(names: readonly string[]): string[] {
  const out = new Set(names);
  for (const n of names) {
    const c = n.charAt(0);
    if (c !== c.toUpperCase()) out.add(c.toUpperCase() + n.slice(1));
  }
  return [...out];
}

let cached: Gazetteer | undefined;

/** The gazetteer, loaded once per process from the data files beside the code. */
export function loadGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}
