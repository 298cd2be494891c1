// Small helpers for readers of fused values (CLI, HTTP API, UI).
import { ROLES, type Participant, type Role } from '../extract/record.js';
import type { FusedValue } from './types.js';

/** Participants grouped by role in RECORD.md's role order; roles without members are omitted. */
export function participantsByRole(
  participants: readonly FusedValue<Participant>[],
): ReadonlyArray<{ readonly role: Role; readonly members: readonly FusedValue<Participant>[] }> {
  return ROLES.map((role) => ({ role, members: participants.filter((p) => p.value.role === role) }))
    .filter((g) => g.members.length > 0);
}
