// Typed errors shared by every stage. Each carries a stable `code`; the CLI maps codes to
// exit codes (serve/exit-codes.ts) and the HTTP API to statuses (serve/http-status.ts).

export type ErrorCode =
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'BAD_ENCODING'
  | 'BAD_JSON'
  | 'BAD_ARTICLE'
  | 'TOO_LARGE'
  | 'NOT_FOUND'
  | 'USAGE'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'STORE'
  | 'INTERNAL';

export class ParleyError extends Error {
  readonly code: ErrorCode;
  /** The file, line or request the error is about, when there is one. */
  readonly subject: string | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; subject?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.subject = options.subject;
  }
}

export class InputError extends ParleyError {
  constructor(code: ErrorCode, message: string, options: { cause?: unknown; subject?: string } = {}) {
    super(code, message, options);
    this.name = 'InputError';
  }
}

export class UsageError extends ParleyError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

export class StoreError extends ParleyError {
  constructor(message: string, options: { cause?: unknown; subject?: string } = {}) {
    super('STORE', message, options);
    this.name = 'StoreError';
  }
}

export class NotFoundError extends ParleyError {
  constructor(message: string, options: { subject?: string } = {}) {
    super('NOT_FOUND', message, options);
    this.name = 'NotFoundError';
  }
}

export function isParleyError(e: unknown): e is ParleyError {
  return e instanceof ParleyError;
}

/** One line for a human: "FILE: reason". Never a stack trace. */
export function describeError(e: unknown): string {
  if (e instanceof ParleyError) return e.subject ? `${e.subject}: ${e.message}` : e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
