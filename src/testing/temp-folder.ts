// Test support: a temporary folder made before a test file's tests and removed after them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

export interface TempFolder {
  /** A path inside the folder. */
  path(...parts: string[]): string;
  /** Writes a file into the folder and returns its path. */
  file(name: string, content: string | Uint8Array): string;
}

export function tempFolder(prefix: string): TempFolder {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    path: (...parts) => join(dir, ...parts),
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}
