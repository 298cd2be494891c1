import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { RECORD_LISTS } from '../extract/record.js';
import { FACT_ID_PATTERN, factId, parseFactId, type FactAddress } from './fact-id.js';

const address: fc.Arbitrary<FactAddress> = fc.record({
  list: fc.constantFrom(...RECORD_LISTS),
  part: fc.string({ unit: 'grapheme', maxLength: 20 }),
  item: fc.string({ unit: 'grapheme', maxLength: 20 }),
  slot: fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), { nil: undefined }),
  value: fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ unit: 'grapheme', maxLength: 20 })),
}).map(({ slot, value, ...a }) => (slot === undefined ? a : { ...a, slot, value }));

test('a fact id reads back to the address it was made from, whatever the address holds', () => {
  fc.assert(fc.property(address, (a) => {
    assert.deepEqual(parseFactId(factId(a)), a);
  }), { numRuns: 2000 });
});

test('a fact id goes into a URL path unchanged', () => {
  fc.assert(fc.property(address, (a) => {
    const id = factId(a);
    assert.match(id, FACT_ID_PATTERN);
    assert.equal(encodeURIComponent(id), id);
  }), { numRuns: 2000 });
});

test('a participant id spells its address with one character per JSON mark', () => {
  const id = factId({ list: 'rounds', part: 'astana', item: '#8', slot: 'participants', value: '{"actor":"SYR.OPP","role":"party"}' });
  assert.equal(id, "rounds.astana.~238.participants.('actor'*'SYR~2EOPP'!'role'*'party')");
});

test('ids that are not addresses read back as nothing', () => {
  for (const bad of ['', 'rounds', 'rounds.astana', 'rounds.astana.x.y', 'nolist.a.b', 'rounds.a.~ZZ', 'rounds.a.~C3', 'rounds.a.b/c', 'WyJyb3VuZHMiLCJub3BlIiwiIzEiXQ']) {
    assert.equal(parseFactId(bad), undefined, bad);
  }
});
