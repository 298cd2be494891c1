// Topics named after a cue ("will focus on buffer zones, humanitarian aid and freeing prisoners"),
// with the count written before them ("four de-escalation zones").
import type { Topic } from '../record.js';
import type { Context } from './context.js';

export interface TopicHit {
  readonly topic: Topic;
  readonly count?: number;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
}

export function topicsAfter(ctx: Context, sentence: number, from: number, to: number): TopicHit[] {
  const s = ctx.sentences[sentence];
  if (!s) return [];
  const out: TopicHit[] = [];
  const lo = Math.max(from, s.tokenStart);
  const hi = Math.min(to, s.tokenEnd);
  for (const m of ctx.topicsIn(sentence)) {
    if (m.start < lo || m.end > hi) continue;
    const topic = m.entry.payload.topic;
    if (hasTopic(out, topic)) continue;
    const before = ctx.tokens[m.start - 1];
    let count: number | undefined;
    if (before?.shape === 'number' && /^\d+$/.test(before.text)) count = Number(before.text);
    else if (before) count = ctx.lexicon.numbers.get(before.lower);
    if (count !== undefined && (count < 2 || count > 100)) count = undefined;
    out.push(count ? { topic, count, start: m.start, end: m.end, rule: m.entry.id } : { topic, start: m.start, end: m.end, rule: m.entry.id });
  }
  return out;
}

function hasTopic(hits: readonly TopicHit[], topic: Topic): boolean {
  for (const h of hits) if (h.topic === topic) return true;
  return false;
}
