// Loads the cue, title and topic lexicons (data/lexicon/*.json) into phrase indexes, once.
import type { Relation, Role, RoundStatus, Title, Topic, EventKind } from '../record.js';
import { readDataJson } from './data-path.js';
import { MultiPhraseIndex, PhraseIndex } from './phrases.js';

interface RawEntry {
  readonly id: string;
  readonly phrases: readonly string[];
  readonly [k: string]: unknown;
}

export interface CuePayload {
  readonly cls: CueClass;
  readonly status?: RoundStatus;
  readonly role?: Role;
  readonly relation?: Relation;
  readonly kind?: EventKind;
  readonly sector?: 'GOV' | 'OPP' | 'REB' | 'MIL' | 'SIDES';
}

export const CUE_CLASSES = [
  'sitting', 'track', 'status', 'broker', 'agenda', 'outcome', 'agreement_noun', 'agreement_verb', 'delegation',
  'alignment', 'demand', 'leadership_change', 'event', 'meeting', 'collective', 'speech', 'lead', 'close',
] as const;
export type CueClass = (typeof CUE_CLASSES)[number];

export interface Lexicon {
  /** One index per cue class, so rules ask for exactly the class they key on. */
  readonly cues: Readonly<Record<CueClass, PhraseIndex<CuePayload>>>;
  /** All cue classes in one index, for one pass per sentence. */
  readonly allCues: MultiPhraseIndex<CueClass, CuePayload>;
  readonly titles: PhraseIndex<{ readonly title: Title; readonly affiliation?: string }>;
  readonly titleBlockers: ReadonlySet<string>;
  readonly nonTitles: ReadonlySet<string>;
  readonly topics: PhraseIndex<{ readonly topic: Topic }>;
  readonly numbers: ReadonlyMap<string, number>;
  /** Negotiation formats known by name ("Normandy format", "intra-Afghan negotiations"). */
  readonly processes: PhraseIndex<{ readonly id: string; readonly conflict?: string }>;
  /** Organisations whose meetings gather their own members (G7, NATO): meetings, not processes. */
  readonly forums: ReadonlySet<string>;
}

let cached: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const cues = readDataJson<Record<string, readonly RawEntry[] | string>>('lexicon/cues.json');
  const byClass = {} as Record<CueClass, PhraseIndex<CuePayload>>;
  const allCues = new MultiPhraseIndex<CueClass, CuePayload>((p) => p.cls);
  for (const cls of CUE_CLASSES) {
    const index = new PhraseIndex<CuePayload>();
    const entries = cues[cls];
    if (Array.isArray(entries)) {
      for (const e of entries as readonly RawEntry[]) {
        const payload: CuePayload = {
          cls,
          ...(typeof e.status === 'string' ? { status: e.status as RoundStatus } : {}),
          ...(typeof e.role === 'string' ? { role: e.role as Role } : {}),
          ...(typeof e.relation === 'string' ? { relation: e.relation as Relation } : {}),
          ...(typeof e.kind === 'string' ? { kind: e.kind as EventKind } : {}),
          ...(typeof e.sector === 'string' ? { sector: e.sector as CuePayload['sector'] } : {}),
        };
        for (const p of e.phrases) {
          index.add(p, { id: e.id, payload });
          allCues.add(p, { id: e.id, payload });
        }
      }
    }
    byClass[cls] = index;
  }
  const numbers = new Map<string, number>();
  const numEntry = (cues.numbers as readonly RawEntry[] | undefined)?.[0];
  const values = (numEntry?.values ?? {}) as Record<string, number>;
  for (const [w, n] of Object.entries(values)) numbers.set(w, n);

  const forumEntry = (cues.forum as readonly RawEntry[] | undefined)?.[0];
  const forums = new Set<string>((forumEntry?.orgs ?? []) as string[]);

  const t = readDataJson<{ titles: readonly (RawEntry & { title: Title; affiliation?: string })[]; blockers: string[]; non_titles: string[] }>('lexicon/titles.json');
  const titles = new PhraseIndex<{ title: Title; affiliation?: string }>();
  for (const e of t.titles) {
    const payload = { title: e.title, ...(e.affiliation ? { affiliation: e.affiliation } : {}) };
    for (const p of e.phrases) titles.add(p, { id: e.id, payload });
  }

  const tp = readDataJson<{ topics: readonly (RawEntry & { topic: Topic })[] }>('lexicon/topics.json');
  const topics = new PhraseIndex<{ topic: Topic }>();
  for (const e of tp.topics) for (const p of e.phrases) topics.add(p, { id: e.id, payload: { topic: e.topic } });

  const pr = readDataJson<{ processes: readonly (RawEntry & { conflict?: string })[] }>('lexicon/processes.json');
  const processes = new PhraseIndex<{ id: string; conflict?: string }>();
  for (const e of pr.processes) {
    const payload = { id: e.id, ...(e.conflict ? { conflict: e.conflict } : {}) };
    for (const p of e.phrases) processes.add(p, { id: `process:named:${e.id}`, payload });
  }

  cached = {
    cues: byClass,
    allCues,
    titles,
    titleBlockers: new Set(t.blockers),
    nonTitles: new Set(t.non_titles),
    topics,
    numbers,
    forums,
    processes,
  };
  return cached;
}
