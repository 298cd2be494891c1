// Data files live in <project>/data; every module that reads them sits two levels below the root
// (src/<stage>/ or dist/<stage>/), so one relative URL serves both the sources and the build.
import { readFileSync } from 'node:fs';

export function readDataJson<T>(relative: string): T {
  const url = new URL(`../../data/${relative}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}
