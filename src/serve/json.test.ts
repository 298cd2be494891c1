import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stableStringify } from './json.js';

// what the output must equal: JSON.stringify, every object's keys taken in sorted order
function reference(value: unknown): string | undefined {
  return JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
    : v));
}

const data = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.array(tie('value')),
    fc.dictionary(fc.string(), tie('value')),
  ),
})).value;

test('stable JSON equals JSON.stringify with sorted keys, for any plain data', () => {
  fc.assert(fc.property(data, (v) => { assert.equal(stableStringify(v), reference(v)); }), { numRuns: 2000 });
});

test('keys come out sorted and undefined members are left out (null inside arrays)', () => {
  assert.equal(stableStringify({ b: 1, a: [undefined, 'x'], c: undefined, d: { z: null, y: 2 } }), '{"a":[null,"x"],"b":1,"d":{"y":2,"z":null}}');
});

test('with an indent, the same data pretty-printed', () => {
  assert.equal(stableStringify({ b: 1, a: 2 }, 2), '{\n  "a": 2,\n  "b": 1\n}');
});
