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

// keys from a small set, so that objects share key lists in every order (each list's layout is
// cached after its first object), and strings of any UTF-16 code units, lone surrogates included
const key = fc.constantFrom('a', 'b', 'doc', 'end', 'start', '0', '1', '10', '2', '-1', '01', '__proto__', 'é', '"q"', '\u0000');
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u001f', '\u007f', '\u2028', '\ud800', '\udc00', 'é') }));
const shaped = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0),
    fc.array(tie('value')),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    }),
  ),
})).value;

test('stable JSON equals JSON.stringify with sorted keys, for objects sharing key lists and any strings', () => {
  fc.assert(fc.property(shaped, (v) => { assert.equal(stableStringify(v), reference(v)); }), { numRuns: 5000 });
});

test('objects with the same keys in different orders come out the same', () => {
  assert.equal(stableStringify([{ b: 1, a: 2 }, { a: 2, b: 1 }]), '[{"a":2,"b":1},{"a":2,"b":1}]');
  assert.equal(stableStringify({ b: 1, 10: 'x', 2: 'y', a: 'z' }), '{"2":"y","10":"x","a":"z","b":1}');
});

test('data keyed by thousands of distinct strings still comes out sorted, once the layout cache stops growing', () => {
  const wide = (n: number): Record<string, number> => Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${n}-${(i * 7919) % 6000}`, i]));
  const many = [wide(1), wide(2), wide(3), { z: 1, y: [wide(4)] }];
  assert.equal(stableStringify(many), reference(many));
});

test('keys come out sorted and undefined members are left out (null inside arrays)', () => {
  assert.equal(stableStringify({ b: 1, a: [undefined, 'x'], c: undefined, d: { z: null, y: 2 } }), '{"a":[null,"x"],"b":1,"d":{"y":2,"z":null}}');
});

test('with an indent, the same data pretty-printed', () => {
  assert.equal(stableStringify({ b: 1, a: 2 }, 2), '{\n  "a": 2,\n  "b": 1\n}');
});
