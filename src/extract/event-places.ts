// Where a capture or an attack happened: the places named after its verb in the same clause —
// the gazetteer's, and small towns it does not know when the text says what they are ("the
// border town of Bunagana", "the towns of Rutshuru and Kiwanja"), which are in the war's country.
import { slug, type TimeExpr } from '../nlp/index.js';
import type { Context, PlaceRef } from './context.js';

const PLACE_NOUN = /^(town|towns|city|cities|village|villages|district|districts|locality|hamlet|settlement|settlements|camp)$/;
const CLAUSE_END = /^(;|:|which|who|while|but|after|before|when|because|as|said|says|according)$/;

export interface EventPlace {
  readonly place: PlaceRef;
  /** The time said right after the place, up to the next place: "Bunagana in June". */
  readonly time?: TimeExpr;
}

/** The places of the event's clause after its verb, in order, each with the time said of it. */
export function placesAfterVerb(ctx: Context, si: number, verbEnd: number): EventPlace[] {
  const s = ctx.sentences[si];
  if (!s) return [];
  const t = ctx.tokens;
  let end = s.tokenEnd;
  for (let k = verbEnd; k < s.tokenEnd; k++) if (CLAUSE_END.test(t[k]?.lower ?? '')) { end = k; break; }
  const found: PlaceRef[] = [];
  for (const p of ctx.placesIn(si)) if (p.tokenStart >= verbEnd && p.tokenEnd <= end && !p.id.endsWith('@XZ')) found.push(p);
  for (const p of namedByNoun(ctx, si, verbEnd, end)) if (!found.some((f) => f.tokenStart <= p.tokenStart && p.tokenStart < f.tokenEnd)) found.push(p);
  found.sort((a, b) => a.tokenStart - b.tokenStart);
  // "in Kabul’s western Dasht-e-Barchi neighborhood": a place inside the one before is that place
  for (let i = found.length - 1; i > 0; i--) {
    const a = found[i - 1];
    const b = found[i];
    if (a && b && /^(’|')$/.test(t[a.tokenEnd]?.text ?? '') && t[a.tokenEnd + 1]?.lower === 's' && b.tokenStart - a.tokenEnd <= 4) found.splice(i, 1);
  }
  const times = ctx.timesIn(si).filter((x) => !x.rule.startsWith('past-n'));
  const out: EventPlace[] = [];
  // from the last place back: "Rutshuru and Kiwanja in late October" dates both towns
  for (let i = found.length - 1; i >= 0; i--) {
    const place = found[i];
    if (!place) continue;
    const nextPlace = found[i + 1];
    const next = nextPlace?.tokenStart ?? end;
    let time = times.find((x) => {
      const k = ctx.tokenAt(x.start);
      return k >= place.tokenEnd && k < next;
    });
    if (!time && nextPlace && coordinated(ctx, place.tokenEnd, nextPlace.tokenStart)) time = out[0]?.time;
    out.unshift(time ? { place, time } : { place });
  }
  return out;
}

/** Only "and" or a comma between two places: one list. */
function coordinated(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!/^(and|,)$/.test(ctx.tokens[k]?.lower ?? '')) return false;
  return to > from;
}

/** "the border town of Bunagana", "the towns of Rutshuru and Kiwanja": places by what the text calls them. */
function namedByNoun(ctx: Context, si: number, from: number, to: number): PlaceRef[] {
  const t = ctx.tokens;
  const iso2 = ctx.conflict ? ctx.gazetteer.states.get(ctx.conflict.split('.')[0] ?? '')?.iso2 : undefined;
  if (!iso2) return [];
  const out: PlaceRef[] = [];
  for (let k = from; k < to - 2; k++) {
    if (!PLACE_NOUN.test(t[k]?.lower ?? '') || t[k + 1]?.lower !== 'of') continue;
    let q = k + 2;
    while (q < to) {
      const a = q;
      while (q < to && t[q]?.cap === true && t[q]?.shape === 'word') q++;
      if (q === a) break;
      // a name the text already knows as something else (a state, a group) is not a town
      if (!ctx.actorsIn(si).some((x) => x.tokenStart <= a && a < x.tokenEnd)) {
        const name = ctx.text.slice(t[a]?.start ?? 0, t[q - 1]?.end ?? 0);
        out.push({ id: `${slug(name)}@${iso2}`, country: ctx.conflict, tokenStart: a, tokenEnd: q, sentence: si, rule: 'place:named-by-noun', capital: false });
      }
      if (t[q]?.lower === 'and' || t[q]?.text === ',') q++;
      else break;
    }
  }
  return out;
}
