// The people list: named persons the text gives a post, with the post's title and affiliation.
import type { Context } from './context.js';
import { addEvidence, type Drafts } from './draft.js';

export function readPeople(ctx: Context, d: Drafts): void {
  // "the government's chief negotiator": the side of the article's conflict
  const side = (a: string | undefined): string | undefined => {
    if (!a?.startsWith('?')) return a;
    if (!ctx.conflict) return undefined;
    // "?" alone: a side the text names by its role only ("the government delegation comprised …")
    return a === '?' ? ctx.conflict : a.startsWith('?.') ? `${ctx.conflict}.${a.slice(2)}` : undefined;
  };
  // the mention is read as it is, its affiliation replaced by the resolved one: no copy of it is made
  for (const p of ctx.people) {
    const affiliation = side(p.affiliation) || undefined;
    const ev = ctx.evidence(p.sentence, p.titleSpan ? Math.min(p.titleSpan[0], p.tokenStart) : p.tokenStart, p.titleSpan ? Math.max(p.titleSpan[1], p.tokenEnd) : p.tokenEnd, p.rule);
    const cur = d.people.get(p.id);
    if (cur) {
      if (!cur.title && p.title) d.people.set(p.id, { ...cur, title: p.title, ...(affiliation && !cur.affiliation ? { affiliation } : {}) });
      else if (!cur.affiliation && affiliation) d.people.set(p.id, { ...cur, affiliation });
      // a mention that slugs alike but is written otherwise ("Demir" vs "Demir’s") is not shown as this name
      const surface = ctx.text.slice(p.start, p.end);
      const last = cur.name.split(/\s+/).pop() ?? cur.name;
      if (surface.includes(last) || cur.name.includes(surface)) addEvidence(d.people.get(p.id)?.evidence ?? [], ev);
      continue;
    }
    if (!p.title) continue;
    d.people.set(p.id, affiliation
      ? { id: p.id, name: p.name, title: p.title, affiliation, evidence: [ev] }
      : { id: p.id, name: p.name, title: p.title, evidence: [ev] });
  }
}
