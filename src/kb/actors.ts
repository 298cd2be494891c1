// Actor ids as RECORD.md defines them: which kind an id is, and which stored ids it covers.
import type { ActorKind } from './types.js';

const ORGANISATIONS = new Set(['UN', 'EU', 'AU', 'NATO', 'OSCE', 'ARAB_LEAGUE', 'ICRC', 'IGAD', 'ECOWAS', 'OIC', 'GCC']);
const SECTORS = ['GOV', 'MIL', 'OPP', 'REB', 'CIV', 'PPL'] as const;

export function actorKind(id: string): ActorKind {
  if (id.startsWith('@')) return 'person';
  if (id.startsWith('GRP:')) return 'group';
  if (ORGANISATIONS.has(id)) return 'organisation';
  if (/^[A-Z]{3}\.[A-Z]{3}$/.test(id)) return 'sector';
  if (/^[A-Z]{3}$/.test(id)) return 'state';
  return 'organisation';
}

/**
 * The stored ids an actor query covers: a state covers its sectors (asking for `SYR` finds
 * `SYR.OPP` too); `X.GOV` and `X` are one actor; anything else is itself.
 */
export function actorRefs(id: string): string[] {
  const kind = actorKind(id);
  if (kind === 'state') return [id, ...SECTORS.map((s) => `${id}.${s}`)];
  if (kind === 'sector' && id.endsWith('.GOV')) return [id.slice(0, -4), id];
  return [id];
}
