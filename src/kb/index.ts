// The knowledge base's public entry: open a store by URL, fuse, export.
export { openKnowledgeBase } from './open.js';
export { agreementsOfRounds } from './knowledge-base.js';
export { fuse, fusedToRecord } from './fuse.js';
export { canonicalJson } from './canonical.js';
export { participantsByRole } from './group.js';
export type * from './types.js';
