import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseCoding } from './cache.js';

test('a coding is chosen from Accept-Encoding: brotli first, then gzip, never one refused with q=0', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'identity'], ['', 'identity'], ['identity', 'identity'], ['deflate', 'identity'],
    ['gzip', 'gzip'], ['x-gzip', 'gzip'], ['GZIP', 'gzip'], ['gzip, deflate, br, zstd', 'br'], ['br;q=0.5, gzip', 'br'],
    ['gzip, br;q=0', 'gzip'], ['br; q=0.0, gzip;q=0', 'identity'], ['gzip;q=0', 'identity'], ['brotli, gzipped', 'identity'],
  ];
  for (const [header, coding] of cases) assert.equal(chooseCoding(header), coding, String(header));
});
