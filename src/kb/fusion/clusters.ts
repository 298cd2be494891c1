// Greedy clustering of dated mentions: a mention joins the cluster whose dates overlap its own
// (undated ones: a window around publication) and whose other keys agree. Precise mentions are
// placed first so vague ones land where precise ones already are; input order is canonical.
import type { IsoDate } from '../../extract/record.js';
import { overlaps, periodOf, type Period } from '../dates.js';
import { byDocAndIdx, proxyWindow, type Sourced } from './sourced.js';

export interface ClusterRules<T> {
  readonly date: (t: T) => IsoDate | undefined;
  /** Other keys that must agree (a scope, a place); missing values agree with anything. */
  readonly agrees: (a: T, b: T) => boolean;
  /** Days before/after publication an undated mention may refer to. */
  readonly window: readonly [number, number];
}

export function clusterByDate<T>(items: readonly Sourced<T>[], rules: ClusterRules<T>): Sourced<T>[][] {
  const withSpan = items.map((s) => ({ s, span: periodOf(rules.date(s.item)) }));
  withSpan.sort((a, b) => (b.span?.precision ?? -1) - (a.span?.precision ?? -1) || byDocAndIdx(a.s, b.s));
  const clusters: { members: { s: Sourced<T>; span: Period | undefined }[] }[] = [];
  for (const m of withSpan) {
    const window = m.span ?? proxyWindow(m.s.published, rules.window[0], rules.window[1]);
    let best: (typeof clusters)[number] | undefined;
    let bestScore = [-2, 0];
    for (const c of clusters) {
      // Items one document lists separately are different things.
      if (c.members.some((o) => o.s.doc === m.s.doc) || !c.members.every((o) => rules.agrees(o.s.item, m.s.item))) continue;
      let precision = -2;
      if (window) {
        for (const o of c.members) {
          if (o.span && overlaps(o.span, window)) precision = Math.max(precision, o.span.precision);
          // two undated mentions published close together
          const ow = o.span ? undefined : proxyWindow(o.s.published, rules.window[0], rules.window[1]);
          if (!m.span && ow && overlaps(ow, window)) precision = Math.max(precision, -1);
        }
      } else if (c.members.every((o) => !o.span)) {
        precision = -1; // both undatable: the same thing only if everything else agrees
      }
      if (precision === -2) continue;
      const score = [precision, c.members.length];
      if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
        best = c;
        bestScore = score;
      }
    }
    if (best) best.members.push(m);
    else clusters.push({ members: [m] });
  }
  return clusters.map((c) => c.members.map((m) => m.s).sort(byDocAndIdx));
}
