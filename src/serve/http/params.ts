// Every parameter the API accepts, as zod schemas. Handlers never see unvalidated input: a bad
// value becomes a 400 naming the parameter, an unknown parameter is refused the same way.
import { z } from 'zod';
import { TOPICS } from '../../extract/record.js';
import { badRequest } from './errors.js';

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 50;
export const MAX_OFFSET = 1_000_000_000;
export const MAX_QUERY_CHARS = 200;

const wholeNumber = (name: string, min: number, max: number): z.ZodType<number> =>
  z.string()
    .regex(/^\d{1,10}$/, { message: `${name} must be a whole number` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `${name} must be between ${min} and ${max}` });

export const limitParam = wholeNumber('limit', 1, MAX_LIMIT);
export const offsetParam = wholeNumber('offset', 0, MAX_OFFSET);

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

// Path parameters.
export const processIdParam = z.string()
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'a process id is a lower-case slug such as "astana" (a-z, 0-9, -; at most 100 characters)' });
export const actorIdParam = z.string()
  .regex(/^(@[a-z0-9][a-z0-9-]{0,99}|[A-Z]{3}(\.(GOV|MIL|OPP|REB|CIV|PPL))?|[A-Z][A-Z0-9_]{1,29}|GRP:[a-z0-9][a-z0-9-]{0,99})$/, {
    message: 'an actor id is a state (RUS), a sector (SYR.OPP), an organisation (UN), a group (GRP:taliban) or a person (@sergei-lavrov)',
  });
export const docIdParam = z.string()
  .regex(/^[0-9a-f]{64}$/, { message: 'a document id is the 64 hexadecimal digits of its SHA-256' });
export const factIdParam = z.string()
  .regex(/^[A-Za-z0-9_.~'()*!-]{1,1024}$/, { message: 'a fact id has only letters, digits and the marks _ - . ~ \' ( ) * ! (at most 1024 characters)' });

// Query parameters.
export const queryParam = z.string()
  .transform((s) => s.trim())
  .refine((s) => s.length >= 1, { message: 'q must not be empty' })
  .refine((s) => s.length <= MAX_QUERY_CHARS, { message: `q must be at most ${MAX_QUERY_CHARS} characters` })
  .refine((s) => NO_CONTROL.test(s), { message: 'q must not contain control characters' });
export const SEARCH_KINDS = ['process', 'actor', 'place'] as const;
export const kindsParam = z.string()
  .transform((s) => s.split(','))
  .pipe(z.array(z.enum(SEARCH_KINDS, { message: `kinds is a comma-separated list of ${SEARCH_KINDS.join(', ')}` })).min(1).max(3))
  .transform((a) => [...new Set(a)]);
export const topicParam = z.enum(TOPICS, { message: `kind must be one of: ${TOPICS.join(', ')}` });
export const scopeParam = z.string()
  .regex(/^([A-Z]{3}(\.(GOV|MIL|OPP|REB|CIV|PPL))?|[A-Z][A-Z0-9_]{1,29}|GRP:[a-z0-9][a-z0-9-]{0,99})$/, { message: 'scope is an actor id such as SYR' });

/** The query parameters each route accepts. */
export const QUERIES = {
  page: { limit: limitParam, offset: offsetParam },
  search: { q: queryParam, kinds: kindsParam, limit: limitParam, offset: offsetParam },
  agreements: { kind: topicParam, scope: scopeParam, limit: limitParam, offset: offsetParam },
  none: {},
} as const satisfies Record<string, Record<string, z.ZodType>>;

type Parsed<S extends Record<string, z.ZodType>> = { [K in keyof S]?: z.output<S[K]> };

/**
 * Validates a request's query string against `schema`. Unknown, repeated or invalid parameters
 * throw a BAD_REQUEST ParleyError whose message names the parameter.
 */
export function parseQuery<S extends Record<string, z.ZodType>>(url: string, schema: S, required: readonly (keyof S & string)[] = []): Parsed<S> {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    throw badRequest('the query string is malformed');
  }
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (!Object.hasOwn(schema, key)) {
      const allowed = Object.keys(schema);
      throw badRequest(`unknown query parameter "${clip(key)}"${allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ' (this route takes none)'}`);
    }
    if (seen.has(key)) throw badRequest(`query parameter "${key}" is given more than once`);
    seen.add(key);
    const r = (schema[key] as z.ZodType).safeParse(value);
    if (!r.success) throw badRequest(`query parameter "${key}": ${r.error.issues[0]?.message ?? 'invalid value'}`);
    out[key] = r.data;
  }
  for (const key of required) if (!seen.has(key)) throw badRequest(`query parameter "${key}" is required`);
  return out as Parsed<S>;
}

/** Validates one path parameter (already percent-decoded by the router). */
export function parsePath<T>(name: string, value: string | undefined, schema: z.ZodType<T>): T {
  const r = schema.safeParse(value ?? '');
  if (!r.success) throw badRequest(`path parameter "${name}" ("${clip(value ?? '')}"): ${r.error.issues[0]?.message ?? 'invalid value'}`);
  return r.data;
}

function clip(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are replaced before echoing
  const safe = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  return safe.length > 60 ? `${safe.slice(0, 60)}…` : safe;
}
