// Small file helpers shared by the article reader and the JSONL reader (kept apart so the JSONL
// path loads no HTML parser).
import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError, ParleyError } from '../errors.js';

export function idFromPath(path: string): string {
  return basename(path, extname(path));
}

/** The size of a readable file, or a typed error naming why it cannot be read. */
export function statOrThrow(path: string): number {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError('BAD_ARTICLE', 'is a directory, not a file', { subject: path });
    return st.size;
  } catch (e) {
    if (e instanceof ParleyError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ParleyError('NOT_FOUND', code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as Error).message}`, { subject: path, cause: e });
  }
}
