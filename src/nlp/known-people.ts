// The actor dictionary of well-known people (data/gazetteer/people.json): it fills a post or a
// side the text leaves unsaid, and recognises a well-known name written without a title.
import type { Title } from '../record.js';
import { readDataJson } from './data-path.js';

export interface KnownPerson {
  readonly id: string;
  readonly name: string;
  readonly title?: Title;
  readonly affiliation?: string;
  /** When `title` was held: one [from, to] range or several. */
  readonly years?: readonly [number, number] | readonly (readonly [number, number])[];
}

export interface KnownPeople {
  /** Full names and aliases, exactly as written, to the person. */
  readonly byName: ReadonlyMap<string, KnownPerson>;
  /** The title the person held in a given year, if the dictionary knows it. */
  titleIn(p: KnownPerson, year: number | undefined): Title | undefined;
}

let cached: KnownPeople | undefined;

export function loadKnownPeople(): KnownPeople {
  if (cached) return cached;
  const raw = readDataJson<{ people: readonly (KnownPerson & { aliases?: readonly string[] })[] }>('gazetteer/people.json');
  const byName = new Map<string, KnownPerson>();
  for (const p of raw.people) {
    byName.set(p.name, p);
    for (const a of p.aliases ?? []) if (!byName.has(a)) byName.set(a, p);
  }
  cached = {
    byName,
    titleIn(p, year) {
      if (!p.title) return undefined;
      if (!p.years || year === undefined) return p.title;
      const ranges = (typeof p.years[0] === 'number' ? [p.years] : p.years) as readonly (readonly [number, number])[];
      return ranges.some(([a, b]) => year >= a && year <= b) ? p.title : undefined;
    },
  };
  return cached;
}
