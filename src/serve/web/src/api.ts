// Typed fetches of the Parley API (shapes as documented at /openapi.json).
export interface ValueView<T> { fact: string; value: T; sources: number }
export interface SlotView<T> extends ValueView<T> { disputed: boolean; inferred?: boolean; alternatives?: ValueView<T>[] }
export interface TimelinePoint { ordinal?: number; start?: string; end?: string; status?: string }
export interface ProcessSummary {
  id: string; fact: string; name?: string; conflict?: string; sponsors: string[]; rounds: number;
  first?: string; last?: string; latestStatus?: string; sources: number; disputed: boolean; timeline: TimelinePoint[];
}
export interface Page<T> { items: T[]; total: number; limit: number; offset: number }
export interface Participant extends ValueView<string> { role: string; size?: number }
export interface Round {
  fact: string; process: string; ordinal?: SlotView<number>; venue?: SlotView<string>; start?: SlotView<string>; end?: SlotView<string>;
  status?: SlotView<string>; participants: Participant[]; agenda: ValueView<string>[]; outcomes: (ValueView<string> & { count?: number })[];
  sources: number; disputed: string[];
}
export interface Agreement { fact: string; kind: string; scope?: SlotView<string>; date?: SlotView<string>; parties: ValueView<string>[]; sources: number; disputed: string[] }
export interface PlaceView { id: string; name: string; country?: string; lat: number; lon: number }
export interface ProcessDetail {
  id: string;
  process?: { fact: string; name?: SlotView<string>; conflict?: SlotView<string>; start?: SlotView<string>; sponsors: ValueView<string>[]; outcomes: ValueView<string>[]; disputed: string[] };
  rounds: Page<Round>; agreements: Agreement[]; sources: number; labels: Record<string, string>; places: Record<string, PlaceView>;
}
export interface NetworkNode { id: string; label: string; roles: string[]; rounds: number }
export interface NetworkEdge { source: string; target: string; relation: 'brokers' | 'negotiates_with' | 'backs' | 'opposes'; fact: string; weight: number }
export interface Network { process: string; nodes: NetworkNode[]; edges: NetworkEdge[] }
export interface MapItem { fact: string; kind: 'venue' | 'event' | 'meeting'; label: string; date?: string }
export interface MapPlace extends PlaceView { items: MapItem[] }
export interface Places { process: string; places: MapPlace[]; unplaced: string[] }
export interface SearchHit { kind: 'process' | 'actor' | 'place'; id: string; label: string; sources: number }
export interface DocumentSummary { id: string; articleId: string; title?: string; source?: string; published?: string; url?: string; facts: number }
export interface DocumentView extends DocumentSummary { text: string; sentences: { index: number; start: number; end: number }[] }
export interface EvidenceSpan {
  evidence: { doc: string; sentence: number; start: number; end: number; rule: string; slot?: string };
  document: DocumentSummary; sentence: string; span: string; spanInSentence: { start: number; end: number };
}
export interface EvidenceView { fact: string; list: string; slot?: string; value: unknown; sources: number; spans: EvidenceSpan[] }
export interface ActorRound { round: string; process: string; ordinal?: number; start?: string; venue?: string; role: string; actor: string }
export interface ActorDetail {
  id: string; kind: string; rounds: ActorRound[]; sponsors: string[]; sources: number; labels: Record<string, string>;
  person?: { name: SlotView<string>; title?: SlotView<string>; affiliation?: SlotView<string> };
  alignments: { fact: string; actor: string; relation: string; target: string; sources: number }[];
  agreements: Agreement[];
  people: { fact: string; id: string; name: SlotView<string>; title?: SlotView<string> }[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch { /* not JSON */ }
    throw new ApiError(res.status, message);
  }
  return (await res.json()) as T;
}

const enc = encodeURIComponent;
/** Rounds asked for at a time: a process of hundreds of rounds shows its first page at once. */
export const ROUNDS_PER_PAGE = 50;
export const api = {
  processes: () => get<Page<ProcessSummary> & { labels: Record<string, string> }>('/api/processes?limit=1000'),
  process: (id: string, offset = 0, limit = ROUNDS_PER_PAGE) => get<ProcessDetail>(`/api/processes/${enc(id)}?limit=${limit}&offset=${offset}`),
  network: (id: string) => get<Network>(`/api/processes/${enc(id)}/network`),
  places: (id: string) => get<Places>(`/api/processes/${enc(id)}/places`),
  actor: (id: string) => get<ActorDetail>(`/api/actors/${enc(id)}`),
  search: (q: string) => get<Page<SearchHit>>(`/api/search?q=${enc(q)}&limit=20`),
  document: (id: string) => get<DocumentView>(`/api/documents/${enc(id)}`),
  evidence: (fact: string) => get<EvidenceView>(`/api/evidence/${enc(fact)}`),
};
