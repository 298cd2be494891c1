// What the knowledge-base commands share: argument parsing with typed usage errors, and which
// database to open (--db, else $PARLEY_DB, else ./parley.db).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import type { Io } from '../serve/io.js';
import { DEFAULT_DB } from './open.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export const DB_OPTION = { db: { type: 'string' } } as const satisfies Options;
export const DB_USAGE = `  --db FILE|postgres://…   the knowledge base (default: $PARLEY_DB, else ${DEFAULT_DB})`;

export function parse<O extends Options>(argv: readonly string[], options: O): { values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[] } {
  try {
    const r = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return r as unknown as { values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[] };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function dbUrl(flag: string | undefined, io: Io): string {
  return flag ?? io.env.PARLEY_DB ?? DEFAULT_DB;
}

export function nonNegativeInt(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, not "${v}"`);
  return Number(v);
}
