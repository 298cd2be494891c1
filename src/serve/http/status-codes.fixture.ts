// Every ErrorCode, so the status-mapping test notices a new code (the Record type makes tsc notice too).
import type { ErrorCode } from '../../errors.js';

const ALL: Readonly<Record<ErrorCode, true>> = {
  EMPTY_INPUT: true, BINARY_INPUT: true, BAD_ENCODING: true, BAD_JSON: true, BAD_ARTICLE: true, TOO_LARGE: true,
  NOT_FOUND: true, USAGE: true, BAD_REQUEST: true, UNAUTHORIZED: true, STORE: true, INTERNAL: true,
};
export const ERROR_CODES_FOR_TEST = Object.keys(ALL) as ErrorCode[];
