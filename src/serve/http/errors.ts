// JSON error bodies for the API: every failure is `{ "error": { "code", "message" } }` with the
// status that src/serve/http-status.ts gives the code.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ParleyError, type ErrorCode } from '../../errors.js';
import { httpStatusFor } from '../http-status.js';

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

export function errorResponse(c: Context, code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  c.header('Cache-Control', 'no-store');
  return c.json(errorBody(code, message), httpStatusFor(code) as ContentfulStatusCode);
}

/** A 400 with a message that says which parameter is wrong and why. */
export function badRequest(message: string): ParleyError {
  return new ParleyError('BAD_REQUEST', message);
}

export function notFound(message: string): ParleyError {
  return new ParleyError('NOT_FOUND', message);
}
