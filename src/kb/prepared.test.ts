import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledQuery } from 'kysely';
import { InsertTemplates, prepare } from './prepared.js';

// a stand-in compiler that writes its parameters row by row, or column by column when told
function compiler(byColumn: boolean, calls: number[]) {
  return (rows: readonly Record<string, unknown>[]) => {
    calls.push(rows.length);
    const cols = Object.keys(rows[0] ?? {});
    const params = byColumn ? cols.flatMap((c) => rows.map((r) => r[c])) : rows.flatMap((r) => cols.map((c) => r[c]));
    return CompiledQuery.raw(`insert ${rows.length}`, params);
  };
}

test('an insert is compiled once per row count and rebound with each batch of values', () => {
  const calls: number[] = [];
  const t = new InsertTemplates(['a', 'b'], compiler(false, calls));
  const q1 = t.bind([[1, 'x'], [2, 'y']]);
  const q2 = t.bind([[3, 'z'], [4, null]]);
  const q3 = t.bind([[5, 'w']]);
  assert.deepEqual([q1.sql, q1.parameters], ['insert 2', [1, 'x', 2, 'y']]);
  assert.deepEqual([q2.sql, q2.parameters], ['insert 2', [3, 'z', 4, null]]);
  assert.deepEqual([q3.sql, q3.parameters], ['insert 1', [5, 'w']]);
  assert.deepEqual(calls, [2, 1]);
});

test('a compiled insert that takes its values in another order is refused, not rebound', () => {
  const t = new InsertTemplates(['a', 'b'], compiler(true, []));
  assert.throws(() => t.bind([[1, 'x'], [2, 'y']]), /in order/);
});

test('a prepared query is compiled on first use and then only rebound', () => {
  let compiled = 0;
  const q = prepare(2, (m) => { compiled++; return CompiledQuery.raw('select ? , ?', [...m]); });
  assert.equal(compiled, 0);
  assert.deepEqual(q(['a', 1]).parameters, ['a', 1]);
  assert.deepEqual(q(['b', 2]).parameters, ['b', 2]);
  assert.equal(compiled, 1);
  assert.throws(() => q(['too few']), /takes 2 values/);
});
