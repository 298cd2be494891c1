// Plain-text rendering of fused values for the terminal commands.
import type { FusedRound, FusedSlot, FusedValue } from './types.js';
import { participantsByRole } from './group.js';

export function slotText<T>(s: FusedSlot<T> | undefined): string {
  if (!s) return '—';
  const v = String(s.value);
  return s.disputed ? `${v}*` : s.inferred ? `${v}?` : v;
}

export function disputeText<T>(name: string, s: FusedSlot<T> | undefined): string | undefined {
  if (!s?.disputed) return undefined;
  return `${name}: ${s.values.map((v) => `${String(v.value)} (${v.sources})`).join(' vs ')}`;
}

export function valuesText<T>(vs: readonly FusedValue<T>[], show: (v: T) => string = String): string {
  return vs.map((v) => show(v.value)).join(', ');
}

/** A round as a few indented lines. */
export function roundLines(r: FusedRound): string[] {
  const n = r.ordinal ? `#${slotText(r.ordinal)}` : '#?';
  const when = r.end && r.end.value !== r.start?.value ? `${slotText(r.start)} – ${slotText(r.end)}` : slotText(r.start);
  const lines = [`${n.padEnd(5)} ${when.padEnd(25)} ${slotText(r.venue).padEnd(16)} ${slotText(r.status).padEnd(10)} ${r.sources} source${r.sources === 1 ? '' : 's'}`];
  const roles = participantsByRole(r.participants).map((g) => `${g.role}: ${g.members.map((m) => m.value.actor + (m.value.size ? ` (${m.value.size})` : '')).join(', ')}`);
  if (roles.length > 0) lines.push(`      ${roles.join(' · ')}`);
  if (r.agenda.length > 0) lines.push(`      agenda: ${valuesText(r.agenda)}`);
  if (r.outcomes.length > 0) lines.push(`      outcomes: ${valuesText(r.outcomes, (o) => (o.count ? `${o.kind} (${o.count})` : o.kind))}`);
  const disputes = [disputeText('ordinal', r.ordinal), disputeText('venue', r.venue), disputeText('start', r.start), disputeText('end', r.end), disputeText('status', r.status)]
    .filter((d): d is string => d !== undefined);
  if (disputes.length > 0) lines.push(`      disputed: ${disputes.join('; ')}`);
  return lines;
}
