// The one place that maps error codes to CLI exit codes (sysexits-style where one fits).
import type { ErrorCode } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1; // a batch finished but some items failed

const CODES: Readonly<Record<ErrorCode, number>> = {
  USAGE: 64,
  BAD_REQUEST: 64,
  EMPTY_INPUT: 65,
  BINARY_INPUT: 65,
  BAD_ENCODING: 65,
  BAD_JSON: 65,
  BAD_ARTICLE: 65,
  TOO_LARGE: 65,
  NOT_FOUND: 66,
  UNAUTHORIZED: 77,
  STORE: 74,
  INTERNAL: 70,
};

export function exitCodeFor(code: ErrorCode): number {
  return CODES[code];
}
