// Actor resolution: sector nouns against the conflict, "warring sides", "anti-X groups",
// coordinated lists ("Russia, Iran and Turkey"), "the three states", and the conflict itself.
import type { ActorRef, Context } from './context.js';

/** Tokens that may sit between the members of a coordinated list of actors. */
const LIST_GLUE = new Set([
  ',', 'and', '&', 'as', 'well', 'plus', 'or', 'also', 'the', 'a', 'an', 'its', 'their', 'both', '-', 'member', 'strong',
  'delegations', 'delegation', 'representatives', 'representative', 'team', 'teams', 'officials', 'negotiators', 'envoys',
  'from', 'of', '’', "'", 's', 'along', 'together', 'including', 'led', 'by', 'senior', 'high', 'level', 'high-level',
  'top', 'other', 'several', 'some', 'two', 'three', 'four', 'five', 'delegates', 'government', 'governments', 'leaders',
  'sides', 'side', 'groups', 'group', 'parties', 'party', 'factions', 'faction', 'members', 'figures', 'diplomats',
  'paramilitary', 'armed', 'rebel', 'rival', 'main', 'separatist', 'insurgent', 'militant', 'islamist', 'jihadist',
  'powerful', 'largest', 'biggest', 'guerrilla', 'military', 'regional', 'neighbouring', 'neighboring', 'allied', 'feuding',
  'guarantor', 'states', 'countries', 'nations', 'powers',
]);
/** Of BACK_GLUE, the words that may also join the members of a list already begun. */
const BACK_JOINERS: ReadonlySet<string> = new Set([',', 'and', '&', 'as', 'well', 'both', 'the']);
const BACK_GLUE = new Set(['attending', 'acting', 'act', 'acts', 'serve', 'serves', 'serving', 'served', ',', 'and', '&', 'as', 'well', 'both', 'are', 'is', 'were', 'was', 'have', 'has', 'had', 'also', 'the', 'all', 'remain', 'remains', 'being', 'been', 'be', 'would', 'will', 'still', 'since', 'already', 'recently', 'jointly', 'again', 'then', 'now', 'together', 'later', 'finally', 'formally', 'officially', 'reportedly']);

const SECTOR_OF_WORD: Readonly<Record<string, string>> = { REB: 'REB', OPP: 'OPP', GOV: 'GOV', MIL: 'GOV', CIV: 'CIV', PPL: 'PPL' };

/** The state (ISO3) a collective noun leans on: "Syria’s warring sides", "anti-Damascus armed groups". */
function possessorState(ctx: Context, ref: ActorRef): { iso: string; anti: boolean } | undefined {
  const { tokens } = ctx;
  let k = ref.tokenStart;
  while (k > 0 && /^(’|'|s|the|several|some|many|other|various|two|both)$/.test(tokens[k - 1]?.lower ?? '')) k--;
  const before = ctx.actorsIn(ref.sentence).filter((a) => a.tokenEnd === k && (a.kind === 'state' || a.kind === 'adj' || a.kind === 'capital'));
  const a = before[0];
  if (!a) return undefined;
  const anti = tokens[a.tokenStart - 1]?.text === '-' && /^(anti|pro)$/.test(tokens[a.tokenStart - 2]?.lower ?? '');
  const iso = a.id.split('.')[0] ?? a.id;
  return { iso, anti: anti && tokens[a.tokenStart - 2]?.lower === 'anti' };
}

/**
 * The actor ids a reference stands for. Sector nouns resolve to the state they lean on or the
 * article's conflict; "the warring sides" to its government and opposition.
 */
export function resolveActor(ctx: Context, ref: ActorRef): string[] {
  if (ref.kind === 'collective' || ref.kind === 'sides') {
    const pos = possessorState(ctx, ref);
    const iso = pos?.iso ?? ctx.conflict;
    if (!iso) return [];
    if (ref.kind === 'sides') {
      // the armed side is the group the article names most, when it names one of this state's
      const group = mainGroup(ctx, iso);
      return [`${iso}.GOV`, group ?? `${iso}.OPP`];
    }
    let sector = SECTOR_OF_WORD[ref.sector ?? ''] ?? 'GOV';
    if (pos?.anti && (sector === 'GOV' || sector === 'OPP')) sector = 'REB';
    // "the insurgents" in a story about the Taliban are the Taliban
    if (sector === 'REB' && !pos) {
      const group = mainGroup(ctx, iso);
      if (group) return [group];
    }
    return [`${iso}.${sector}`];
  }
  if (ref.kind === 'capital') {
    // "anti-Damascus" alone names the government's opponents
    const t = ctx.tokens;
    if (t[ref.tokenStart - 1]?.text === '-' && t[ref.tokenStart - 2]?.lower === 'anti') return [];
  }
  return [ref.id];
}

const mainGroupCache = new WeakMap<Context, Map<string, string | undefined>>();

export function mainGroup(ctx: Context, iso: string): string | undefined {
  let byIso = mainGroupCache.get(ctx);
  if (!byIso) {
    byIso = new Map();
    mainGroupCache.set(ctx, byIso);
  }
  if (byIso.has(iso)) return byIso.get(iso);
  const counts = new Map<string, number>();
  for (const a of ctx.actors) {
    const g = a.kind === 'group' ? ctx.gazetteer.groups.get(a.id) : undefined;
    if (g?.country === iso && g.insurgency) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  }
  // only a story with one insurgency of that state (data/gazetteer/groups.json) can mean it by "the rebels"
  const best = counts.size === 1 ? [...counts.keys()][0] : undefined;
  byIso.set(iso, best);
  return best;
}

/** The state part of an actor id. */
export function stateOf(id: string): string | undefined {
  if (id.startsWith('@') || id.startsWith('GRP:')) return undefined;
  // the part before the first dot, read in place: no array from split() for a hot helper
  const dot = id.indexOf('.');
  if ((dot < 0 ? id.length : dot) !== 3) return undefined;
  for (let i = 0; i < 3; i++) {
    const c = id.charCodeAt(i);
    if (c < 65 || c > 90) return undefined;
  }
  return id.slice(0, 3);
}

/** The first actor of a sentence's list that starts at a token, in text order. */
function refStartingAt(refs: readonly ActorRef[], k: number): ActorRef | undefined {
  for (const a of refs) if (a.tokenStart === k || a.titleStart === k) return a.kind === 'adj' ? titledAfter(refs, a) ?? a : a;
  return undefined;
}

/** "North Korean leader Kim Jong Un": the adjective is the person's side, not a list member of its own. */
function titledAfter(refs: readonly ActorRef[], adj: ActorRef): ActorRef | undefined {
  for (const a of refs) if (a.kind === 'person' && a.titleStart === adj.tokenEnd) return a;
  return undefined;
}

/** The first actor of a sentence's list that ends at a token, in text order. */
function refEndingAt(refs: readonly ActorRef[], k: number): ActorRef | undefined {
  for (const a of refs) if (a.tokenEnd === k) return a;
  return undefined;
}

function anyRefStartingIn(refs: readonly ActorRef[], lo: number, hi: number): boolean {
  for (const a of refs) if (a.tokenStart > lo && a.tokenStart <= hi) return true;
  return false;
}

/**
 * The actors of a coordinated list starting at token `from` (forward) or ending before it
 * (backward), in the same sentence: "Delegations from Russia, Iran and Turkey, Syrian
 * government representatives as well as a 20-member opposition team".
 */
export function listAt(ctx: Context, sentence: number, from: number, direction: 'forward' | 'backward', limit?: number): ActorRef[] {
  const s = ctx.sentences[sentence];
  if (!s) return [];
  const refs = ctx.actorsIn(sentence);
  const out: ActorRef[] = [];
  if (direction === 'forward') {
    const end = Math.min(limit ?? s.tokenEnd, s.tokenEnd);
    let k = from;
    while (k < end) {
      const r = refStartingAt(refs, k);
      if (r) {
        out.push(r);
        k = r.tokenEnd;
        continue;
      }
      const t = ctx.tokens[k];
      if (!t) break;
      if (!(LIST_GLUE.has(t.lower) || t.shape === 'number')) break;
      if (t.lower === 'and' || t.text === ',') {
        // a list goes on past "and" only when another actor follows soon
        if (!anyRefStartingIn(refs, k, k + 6)) break;
      }
      k++;
    }
    return out;
  }
  let k = from - 1;
  const lo = Math.max(limit ?? s.tokenStart, s.tokenStart);
  while (k >= lo) {
    const r = refEndingAt(refs, k + 1);
    if (r) {
      out.unshift(r);
      k = (r.titleStart ?? r.tokenStart) - 1;
      const adj = r.titleStart === undefined ? undefined : refEndingAt(refs, r.titleStart);
      if (adj?.kind === 'adj') k = adj.tokenStart - 1;
      continue;
    }
    const t = ctx.tokens[k];
    if (!t || !BACK_GLUE.has(t.lower)) break;
    if (out.length > 0 && !BACK_JOINERS.has(t.lower)) break;
    k--;
  }
  return out;
}

/**
 * The actors a broker cue names: before it for "Turkey-brokered" or "a Russian initiative",
 * after it for "brokered by" or "under the auspices of".
 */
export function brokerRefs(ctx: Context, sentence: number, cue: { readonly start: number; readonly end: number }): { refs: ActorRef[]; before: boolean } {
  const before = !/^(by|of)$/.test(ctx.tokens[cue.end - 1]?.lower ?? '');
  return { refs: before ? listAt(ctx, sentence, cue.start, 'backward') : listAt(ctx, sentence, cue.end, 'forward'), before };
}

/** "the three states", "the two sides": the latest earlier list of that many of the right kind. */
export function numberedGroup(ctx: Context, at: number, lists: readonly { readonly ids: readonly string[]; readonly kind: string }[]): { ids: string[]; end: number } | undefined {
  const t = ctx.tokens;
  if (t[at]?.lower !== 'the') return undefined;
  const n = ctx.lexicon.numbers.get(t[at + 1]?.lower ?? '');
  const noun = t[at + 2]?.lower ?? '';
  if (!n || !/^(states|countries|nations|guarantors|sponsors|powers|governments|guarantor|mediators|sides|parties|leaders|neighbours|neighbors|capitals)$/.test(noun)) return undefined;
  const want = /^(guarantors|sponsors|mediators|guarantor|powers)$/.test(noun) ? 'brokers' : /^(sides|parties)$/.test(noun) ? 'parties' : undefined;
  for (const pass of want ? [want, undefined] : [undefined]) {
    for (let i = lists.length - 1; i >= 0; i--) {
      const l = lists[i];
      if (!l || l.ids.length !== n || (pass !== undefined && l.kind !== pass)) continue;
      // "the two sides" are never the brokers; "the three states" are states, not sectors
      if (want === 'parties' && l.kind === 'brokers') continue;
      if (want === undefined && l.kind === 'parties') continue;
      return { ids: [...l.ids], end: at + 3 };
    }
  }
  return undefined;
}

// Word lists of decideConflict, as sets: it reads the words around every actor of the article.
const VENUE_PREPS: ReadonlySet<string> = new Set(['in', 'at', 'to', 'from', 'near', 'of']);
const TALKS_AFTER_CAPITAL: ReadonlySet<string> = new Set(['talks', 'process', 'summit', 'format', 'round', 'negotiations', 'agreement', 'agreements', 'accord', 'accords', 'protocol', 'declaration', 'meeting', 'conference']);
const HOST_PREPS: ReadonlySet<string> = new Set(['in', 'at', 'to']);
const HOST_NOUNS: ReadonlySet<string> = new Set(['capital', 'foreign', 'resort', 'city', 'host', 'hosts']);
const ABOUT_PREPS: ReadonlySet<string> = new Set(['on', 'in', 'over', 'for', 'about']);
const ABOUT_NOUNS: ReadonlySet<string> = new Set(['peace', 'talks', 'war', 'conflict', 'crisis', 'settlement', ',', '.']);
const CONFLICT_NOUNS: ReadonlySet<string> = new Set(['peace', 'war', 'conflict', 'crisis', 'settlement']);
const POSSESSED_CONFLICT: ReadonlySet<string> = new Set(['war', 'conflict', 'crisis', 'civil', 'warring', 'conflicting']);
const WARRING: ReadonlySet<string> = new Set(['warring', 'conflicting']);

/**
 * The state the article's conflict is about: explicit cues ("talks on Syria", "the war in
 * Ukraine", "Syria peace") first, else the most mentioned state that does not broker.
 */
export function decideConflict(ctx: Context, sponsors: ReadonlySet<string>): string | undefined {
  const score = new Map<string, number>();
  const add = (iso: string | undefined, w: number): void => {
    if (iso) score.set(iso, (score.get(iso) ?? 0) + w);
  };
  const t = ctx.tokens;
  for (const a of ctx.actors) {
    // people are counted by the states they name, not by how often they speak
    if (a.kind === 'person') continue;
    // a capital after "in"/"at", or naming talks ("the Minsk talks"), is a venue, not a government
    if (a.kind === 'capital' && (VENUE_PREPS.has(t[a.tokenStart - 1]?.lower ?? '') || TALKS_AFTER_CAPITAL.has(t[a.tokenEnd]?.lower ?? ''))) continue;
    // a state named as the place of the talks ("in Kazakhstan", "the Kazakh capital") hosts, it does not fight
    if ((a.kind === 'state' && HOST_PREPS.has(t[a.tokenStart - 1]?.lower ?? '')) || (a.kind === 'adj' && HOST_NOUNS.has(t[a.tokenEnd]?.lower ?? ''))) continue;
    const iso = stateOf(a.id);
    if (!iso) continue;
    // a conflict is named by its sides: sectors, and above all armed or opposition ones
    let w = a.kind === 'sector' ? (/\.(REB|OPP)$/.test(a.id) ? 3 : 2) : 1;
    const prev = t[a.tokenStart - 1]?.lower ?? '';
    const next = t[a.tokenEnd]?.lower ?? '';
    const next2 = t[a.tokenEnd + 1]?.lower ?? '';
    if (ABOUT_PREPS.has(prev) && ABOUT_NOUNS.has(next)) w += 3;
    if (CONFLICT_NOUNS.has(next) || (next === '’' || next === "'") && POSSESSED_CONFLICT.has(t[a.tokenEnd + 2]?.lower ?? '')) w += 3;
    if (WARRING.has(next2)) w += 3;
    add(iso, w);
  }
  for (const p of ctx.places) if (!p.capital) add(p.country, 0.5);
  for (const a of ctx.actors) if (a.kind === 'group') add(ctx.gazetteer.groups.get(a.id)?.country ?? undefined, 2);
  // a broker is the war's only when the story names no one else ("a Russian-brokered deal" with
  // Russian peacekeepers all over it is still Armenia and Azerbaijan's)
  const others = [...score.keys()].some((iso) => !sponsors.has(iso));
  let best: string | undefined;
  let bestScore = 0;
  for (const [iso, sc] of score) {
    if (others && sponsors.has(iso)) continue;
    if (sc > bestScore) {
      best = iso;
      bestScore = sc;
    }
  }
  return best;
}

/** States named as brokers anywhere ("Turkey-brokered", "act as guarantors"): not the conflict's side. */
export function brokersNamed(ctx: Context): Set<string> {
  const out = new Set<string>();
  for (const s of ctx.sentences) {
    // "a Russian-brokered deal": the adjective names the broker as well as the state's name does
    for (const b of ctx.cues(s.index, 'broker')) for (const r of brokerRefs(ctx, s.index, b).refs) if (r.kind === 'state' || r.kind === 'adj') out.add(r.id);
  }
  return out;
}
