// The OpenAPI 3.1 document served at /openapi.json. Parameter rules mirror params.ts.
import { TOPICS } from '../../extract/record.js';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS, SEARCH_KINDS } from './params.js';

export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

const ref = (name: string): object => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object): object => ({ 'application/json': { schema } });
const errors = (...codes: number[]): Record<string, object> => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));

const pageParams = [
  { name: 'limit', in: 'query', description: `Items per page (default ${DEFAULT_LIMIT}).`, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
  { name: 'offset', in: 'query', description: 'Items to skip.', schema: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 } },
];

const pathParam = (name: string, description: string, pattern: string): object =>
  ({ name, in: 'path', required: true, description, schema: { type: 'string', pattern } });

const PROCESS_ID = pathParam('id', 'Process id (a slug: astana, geneva, minsk).', '^[a-z0-9][a-z0-9-]{0,99}$');

function page(item: object): object {
  return {
    type: 'object', required: ['items', 'total', 'limit', 'offset'],
    properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  };
}

const slot = (t: object): object => ({
  type: 'object', required: ['fact', 'value', 'sources', 'disputed'],
  properties: {
    fact: ref('FactId'), value: t, sources: { type: 'integer' }, disputed: { type: 'boolean' }, inferred: { type: 'boolean' },
    alternatives: { type: 'array', items: { type: 'object', properties: { fact: ref('FactId'), value: t, sources: { type: 'integer' } } } },
  },
});
const valueOf = (t: object, extra: Record<string, object> = {}): object => ({
  type: 'object', required: ['fact', 'value', 'sources'], properties: { fact: ref('FactId'), value: t, sources: { type: 'integer' }, ...extra },
});

export function openApiDocument(options: { writable: boolean }): object {
  const paths: Record<string, object> = {
    '/api/processes': {
      get: {
        summary: 'Processes, by id', operationId: 'listProcesses', parameters: pageParams,
        responses: { 200: { description: 'A page of processes.', content: json(page(ref('ProcessSummary'))) }, ...errors(400) },
      },
    },
    '/api/processes/{id}': {
      get: {
        summary: 'A process with its rounds in order (rounds are paginated)', operationId: 'getProcess', parameters: [PROCESS_ID, ...pageParams],
        responses: { 200: { description: 'The process.', content: json(ref('ProcessDetail')) }, ...errors(400, 404) },
      },
    },
    '/api/processes/{id}/network': {
      get: {
        summary: 'Who brokers, who negotiates with whom, who backs whom in a process', operationId: 'getProcessNetwork', parameters: [PROCESS_ID],
        responses: { 200: { description: 'Nodes and edges; every edge names the fact behind it.', content: json(ref('Network')) }, ...errors(400, 404) },
      },
    },
    '/api/processes/{id}/places': {
      get: {
        summary: 'Venues of the rounds and places of related events, with coordinates', operationId: 'getProcessPlaces', parameters: [PROCESS_ID],
        responses: { 200: { description: 'Places to draw on a map.', content: json(ref('Places')) }, ...errors(400, 404) },
      },
    },
    '/api/actors/{id}': {
      get: {
        summary: 'Everything about an actor (RUS also finds RUS.GOV; SYR finds its sectors)', operationId: 'getActor',
        parameters: [pathParam('id', 'Actor id: RUS, SYR.OPP, UN, GRP:taliban, @sergei-lavrov (percent-encode ":" and "@" if your client needs to).', '^(@[a-z0-9][a-z0-9-]{0,99}|[A-Z]{3}(\\.(GOV|MIL|OPP|REB|CIV|PPL))?|[A-Z][A-Z0-9_]{1,29}|GRP:[a-z0-9][a-z0-9-]{0,99})$')],
        responses: { 200: { description: 'The actor.', content: json({ type: 'object' }) }, ...errors(400, 404) },
      },
    },
    '/api/agreements': {
      get: {
        summary: 'Agreements, by date then kind', operationId: 'listAgreements',
        parameters: [
          { name: 'kind', in: 'query', schema: { type: 'string', enum: [...TOPICS] } },
          { name: 'scope', in: 'query', description: 'An actor id such as SYR.', schema: { type: 'string' } },
          ...pageParams,
        ],
        responses: { 200: { description: 'A page of agreements.', content: json(page({ type: 'object' })) }, ...errors(400) },
      },
    },
    '/api/search': {
      get: {
        summary: 'Processes, actors and places whose id or label contains q', operationId: 'search',
        parameters: [
          { name: 'q', in: 'query', required: true, description: `1 to ${MAX_QUERY_CHARS} characters, no control characters.`, schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_CHARS } },
          { name: 'kinds', in: 'query', description: 'Comma-separated subset of the kinds.', schema: { type: 'string', example: SEARCH_KINDS.join(',') } },
          ...pageParams,
        ],
        responses: { 200: { description: 'A page of hits.', content: json(page(ref('SearchHit'))) }, ...errors(400) },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: "A stored document's text, metadata and sentence spans", operationId: 'getDocument',
        parameters: [pathParam('id', 'The SHA-256 hex of the text.', '^[0-9a-f]{64}$')],
        responses: { 200: { description: 'The document.', content: json(ref('Document')) }, ...errors(400, 404) },
      },
    },
    '/api/evidence/{factId}': {
      get: {
        summary: 'The sentences and spans behind a fact', operationId: 'getEvidence',
        parameters: [pathParam('factId', 'A fact id from any other response.', "^[A-Za-z0-9_.~'()*!-]{1,1024}$")],
        responses: { 200: { description: 'The evidence.', content: json(ref('Evidence')) }, ...errors(400, 404) },
      },
    },
    '/api/stats': {
      get: { summary: 'Counts of documents, facts and processes', operationId: 'getStats', responses: { 200: { description: 'Counts.', content: json({ type: 'object' }) } } },
    },
  };
  if (options.writable) {
    paths['/api/documents'] = {
      post: {
        summary: 'Ingest one article (only when the server runs with --write-token)', operationId: 'postDocument',
        security: [{ bearer: [] }],
        description: `The body is a JSON article of at most ${BODY_LIMIT_BYTES} bytes; larger bodies get 413.`,
        requestBody: { required: true, content: json(ref('Article')) },
        responses: {
          201: { description: 'Stored.', content: json(ref('IngestResult')) },
          200: { description: 'The same text was already stored (nothing written).', content: json(ref('IngestResult')) },
          ...errors(400, 401, 413, 415, 422),
        },
      },
    };
  }
  const errorSchema = {
    type: 'object', required: ['error'],
    properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
  };
  const responses: Record<string, object> = {};
  for (const [code, description] of [[400, 'A parameter is malformed; the message names it.'], [401, 'Missing or wrong bearer token.'], [404, 'Unknown id.'],
    [413, `The body exceeds ${BODY_LIMIT_BYTES} bytes.`], [415, 'The body is not JSON.'], [422, 'The body is JSON but not an article.']] as const) {
    responses[`E${code}`] = { description, content: json(errorSchema) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API', version: '0.1.0',
      description: 'A sourced record of peace processes. Every value carries a `fact` id; GET /api/evidence/{factId} returns the sentences behind it. Errors are {"error": {"code", "message"}}. Unknown query parameters are refused with 400.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      responses,
      schemas: {
        FactId: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
        ProcessSummary: {
          type: 'object', required: ['id', 'rounds', 'sponsors', 'sources', 'disputed', 'timeline'],
          properties: {
            id: { type: 'string' }, fact: ref('FactId'), name: { type: 'string' }, conflict: { type: 'string' },
            sponsors: { type: 'array', items: { type: 'string' } }, rounds: { type: 'integer' },
            first: { type: 'string' }, last: { type: 'string' }, latestStatus: { type: 'string' }, sources: { type: 'integer' }, disputed: { type: 'boolean' },
            timeline: { type: 'array', items: { type: 'object', properties: { ordinal: { type: 'integer' }, start: { type: 'string' }, end: { type: 'string' }, status: { type: 'string' } } } },
          },
        },
        Round: {
          type: 'object', required: ['fact', 'process', 'participants', 'agenda', 'outcomes', 'sources', 'disputed'],
          properties: {
            fact: ref('FactId'), process: { type: 'string' }, ordinal: slot({ type: 'integer' }), venue: slot({ type: 'string' }),
            start: slot({ type: 'string' }), end: slot({ type: 'string' }), status: slot({ type: 'string' }),
            participants: { type: 'array', items: valueOf({ type: 'string' }, { role: { type: 'string' }, size: { type: 'integer' } }) },
            agenda: { type: 'array', items: valueOf({ type: 'string' }) },
            outcomes: { type: 'array', items: valueOf({ type: 'string' }, { count: { type: 'integer' } }) },
            sources: { type: 'integer', description: 'Distinct documents behind the round.' },
            disputed: { type: 'array', items: { type: 'string' }, description: 'Slots whose sources disagree.' },
          },
        },
        ProcessDetail: {
          type: 'object', required: ['id', 'rounds', 'agreements', 'sources', 'labels', 'places'],
          properties: {
            id: { type: 'string' }, process: { type: 'object' }, rounds: page(ref('Round')),
            agreements: { type: 'array', items: { type: 'object' }, description: 'The agreements the rounds on this page produced.' },
            sources: { type: 'integer' }, labels: { type: 'object', additionalProperties: { type: 'string' } },
            places: { type: 'object', additionalProperties: ref('Place') },
          },
        },
        Place: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, country: { type: 'string' }, lat: { type: 'number' }, lon: { type: 'number' } } },
        Places: { type: 'object', properties: { places: { type: 'array', items: { type: 'object' } } } },
        Network: {
          type: 'object',
          properties: {
            nodes: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } } } },
            edges: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, target: { type: 'string' }, relation: { type: 'string', enum: ['brokers', 'negotiates_with', 'backs', 'opposes'] }, fact: ref('FactId'), weight: { type: 'integer' } } } },
          },
        },
        SearchHit: { type: 'object', properties: { kind: { type: 'string', enum: [...SEARCH_KINDS] }, id: { type: 'string' }, label: { type: 'string' }, sources: { type: 'integer' } } },
        Document: {
          type: 'object', required: ['id', 'text', 'sentences'],
          properties: {
            id: { type: 'string' }, articleId: { type: 'string' }, title: { type: 'string' }, source: { type: 'string' }, published: { type: 'string' }, url: { type: 'string' },
            facts: { type: 'integer' }, text: { type: 'string' },
            sentences: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, start: { type: 'integer' }, end: { type: 'integer' } } } },
          },
        },
        Evidence: {
          type: 'object', required: ['fact', 'list', 'value', 'sources', 'spans'],
          properties: {
            fact: ref('FactId'), list: { type: 'string' }, slot: { type: 'string' }, value: {}, sources: { type: 'integer' },
            spans: { type: 'array', items: { type: 'object', properties: { document: { type: 'object' }, sentence: { type: 'string' }, span: { type: 'string' }, spanInSentence: { type: 'object' }, evidence: { type: 'object' } } } },
          },
        },
        Article: {
          type: 'object', required: ['text'],
          properties: { id: { type: 'string' }, title: { type: 'string' }, text: { type: 'string', minLength: 1 }, published: { type: 'string', format: 'date' }, source: { type: 'string' }, url: { type: 'string' } },
        },
        IngestResult: { type: 'object', properties: { status: { type: 'string', enum: ['new', 'unchanged', 'failed'] }, doc: { type: 'string' }, facts: { type: 'integer' } } },
      },
    },
  };
}
