// The one place that maps error codes to HTTP statuses (mirrors exit-codes.ts for the CLI).
import type { ErrorCode } from '../errors.js';

const STATUSES: Readonly<Record<ErrorCode, number>> = {
  USAGE: 400,
  BAD_REQUEST: 400,
  BAD_JSON: 400,
  EMPTY_INPUT: 422,
  BINARY_INPUT: 415,
  BAD_ENCODING: 415,
  BAD_ARTICLE: 422,
  TOO_LARGE: 413,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  STORE: 503,
  INTERNAL: 500,
};

export function httpStatusFor(code: ErrorCode): number {
  return STATUSES[code];
}
