import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyRecord, type Evidence, type ParleyRecord, type Round } from '../extract/record.js';
import { fuse, fusedToRecord, type SourcedRecord } from './fuse.js';
import { parseFactId } from './fact-id.js';
import type { RoundHints } from './types.js';

const ev = (doc: string, slot?: string): Evidence => ({ doc, sentence: 0, start: 0, end: 5, rule: 'test', ...(slot ? { slot } : {}) });

function doc(id: string, published: string, rec: Partial<ParleyRecord>): SourcedRecord {
  return { doc: id, published, record: { ...emptyRecord(), ...rec } };
}
function round(doc: string, r: Omit<Round, 'evidence'> & RoundHints): Round {
  return { ...r, evidence: [ev(doc)] };
}

test('an unnumbered report merges into the numbered round whose dates it overlaps, keeping both dates', () => {
  const k = fuse([
    doc('a', '2017-05-03', { rounds: [round('a', { process: 'astana', venue: 'astana@KZ', start: '2017-05-03', status: 'ongoing' })] }),
    doc('b', '2017-04-20', { rounds: [round('b', { process: 'astana', ordinal: 4, start: '2017-05', status: 'scheduled' })] }),
  ]);
  assert.equal(k.rounds.length, 1);
  const r = k.rounds[0]!;
  assert.equal(r.ordinal?.value, 4);
  assert.equal(r.start?.value, '2017-05-03');
  assert.deepEqual(r.start?.values.map((v) => v.value), ['2017-05-03', '2017-05']);
  assert.equal(r.start?.disputed, false);
  assert.equal(r.venue?.value, 'astana@KZ');
  assert.equal(r.status?.value, 'ongoing', 'the latest published document sets the status');
  assert.equal(r.sources, 2);
});

test('disagreeing start dates are all kept, the best-supported shown, and the slot flagged disputed', () => {
  const k = fuse([
    doc('a', '2017-05-01', { rounds: [round('a', { process: 'astana', ordinal: 4, start: '2017-05-03' })] }),
    doc('b', '2017-05-01', { rounds: [round('b', { process: 'astana', ordinal: 4, start: '2017-05-03' })] }),
    doc('c', '2017-05-01', { rounds: [round('c', { process: 'astana', ordinal: 4, start: '2017-05-04' })] }),
  ]);
  const r = k.rounds[0]!;
  assert.equal(r.start?.value, '2017-05-03');
  assert.equal(r.start?.sources, 2);
  assert.equal(r.start?.disputed, true);
  assert.deepEqual(r.disputed, ['start']);
  assert.deepEqual(r.start?.values.map((v) => [v.value, v.sources]), [['2017-05-03', 2], ['2017-05-04', 1]]);
});

test('status follows the latest published evidence, scheduled then ongoing then held', () => {
  const k = fuse([
    doc('c', '2017-12-23', { rounds: [round('c', { process: 'astana', ordinal: 8, status: 'held' })] }),
    doc('a', '2017-12-10', { rounds: [round('a', { process: 'astana', ordinal: 8, status: 'scheduled' })] }),
    doc('b', '2017-12-21', { rounds: [round('b', { process: 'astana', ordinal: 8, status: 'ongoing' })] }),
  ]);
  assert.equal(k.rounds[0]!.status?.value, 'held');
  assert.equal(k.rounds[0]!.status?.disputed, false);
});

test('participants, agenda and outcomes are unions, X and X.GOV being one actor', () => {
  const k = fuse([
    doc('a', '2017-12-21', { rounds: [round('a', { process: 'astana', ordinal: 8, participants: [{ actor: 'IRN', role: 'guarantor' }, { actor: 'SYR.GOV', role: 'party' }], agenda: ['prisoners'] })] }),
    doc('b', '2017-12-22', { rounds: [round('b', { process: 'astana', ordinal: 8, participants: [{ actor: 'RUS', role: 'guarantor' }, { actor: 'SYR', role: 'party' }], agenda: ['prisoners', 'security_zones'], outcomes: [{ kind: 'security_zones', count: 4 }] })] }),
  ]);
  const r = k.rounds[0]!;
  assert.deepEqual(r.participants.map((p) => [p.value.actor, p.value.role, p.sources]), [['IRN', 'guarantor', 1], ['RUS', 'guarantor', 1], ['SYR', 'party', 2]]);
  assert.deepEqual(r.agenda.map((a) => [a.value, a.sources]), [['prisoners', 2], ['security_zones', 1]]);
  assert.deepEqual(r.outcomes.map((o) => o.value), [{ kind: 'security_zones', count: 4 }]);
});

test('"the next round" takes its ordinal from the latest round begun by publication', () => {
  const k = fuse([
    doc('a', '2017-09-16', { rounds: [round('a', { process: 'astana', ordinal: 6, start: '2017-09-14', status: 'held' }), round('a', { process: 'astana', relativeOrdinal: 1, start: '2017-10', status: 'scheduled' })] }),
  ]);
  assert.deepEqual(k.rounds.map((r) => r.ordinal?.value), [6, 7]);
  assert.equal(k.rounds[1]!.ordinal?.inferred, true);
});

test('a lone unnumbered round between rounds n and n+2 is inferred to be n+1', () => {
  const k = fuse([
    doc('a', '2017-07-01', { rounds: [round('a', { process: 'astana', ordinal: 4, start: '2017-05-03' })] }),
    doc('b', '2017-07-05', { rounds: [round('b', { process: 'astana', start: '2017-07-04', venue: 'astana@KZ' })] }),
    doc('c', '2017-09-16', { rounds: [round('c', { process: 'astana', ordinal: 6, start: '2017-09-14' })] }),
  ]);
  assert.deepEqual(k.rounds.map((r) => [r.ordinal?.value, r.ordinal?.inferred ?? false]), [[4, false], [5, true], [6, false]]);
});

test('rounds at different venues on overlapping dates stay apart', () => {
  const k = fuse([
    doc('a', '2017-05-03', { rounds: [round('a', { process: 'geneva', venue: 'geneva@CH', start: '2017-05-03' })] }),
    doc('b', '2017-05-03', { rounds: [round('b', { process: 'geneva', venue: 'lausanne@CH', start: '2017-05' })] }),
  ]);
  assert.equal(k.rounds.length, 2);
});

test('agreements merge by kind, overlapping date and scope; people by id', () => {
  const k = fuse([
    doc('a', '2016-12-30', { agreements: [{ kind: 'ceasefire', scope: 'SYR', date: '2016-12-29', parties: ['RUS'], evidence: [ev('a')] }], people: [{ id: '@sergei-lavrov', name: 'Sergei Lavrov', title: 'foreign_minister', evidence: [ev('a')] }] }),
    doc('b', '2017-01-10', { agreements: [{ kind: 'ceasefire', scope: 'SYR', date: '2016-12', parties: ['TUR'], evidence: [ev('b')] }, { kind: 'ceasefire', scope: 'UKR', date: '2016-12', evidence: [ev('b')] }], people: [{ id: '@sergei-lavrov', name: 'Lavrov', affiliation: 'RUS', evidence: [ev('b')] }] }),
  ]);
  assert.equal(k.agreements.length, 2);
  const syr = k.agreements.find((a) => a.scope?.value === 'SYR')!;
  assert.equal(syr.date?.value, '2016-12-29');
  assert.deepEqual(syr.parties.map((p) => p.value), ['RUS', 'TUR']);
  assert.equal(k.people.length, 1);
  assert.equal(k.people[0]!.affiliation?.value, 'RUS');
  assert.equal(k.people[0]!.name.value, 'Sergei Lavrov', 'the fuller name');
  assert.equal(k.people[0]!.name.disputed, false, 'names differ without contradicting');
});

test('fusion does not depend on the order documents arrive in', () => {
  const docs = [
    doc('a', '2017-05-03', { rounds: [round('a', { process: 'astana', venue: 'astana@KZ', start: '2017-05-03' })] }),
    doc('b', '2017-04-20', { rounds: [round('b', { process: 'astana', ordinal: 4, start: '2017-05' })] }),
    doc('c', '2017-05-04', { rounds: [round('c', { process: 'astana', start: '2017-05' })] }),
  ];
  const one = JSON.stringify(fusedToRecord(fuse(docs)));
  assert.equal(JSON.stringify(fusedToRecord(fuse([...docs].reverse()))), one);
  assert.equal(JSON.stringify(fusedToRecord(fuse([docs[1]!, docs[2]!, docs[0]!]))), one);
});

test('every fused value has a fact id that reads back to its list, partition and slot', () => {
  const k = fuse([doc('a', '2017-05-03', { rounds: [round('a', { process: 'astana', ordinal: 4, venue: 'astana@KZ' })] })]);
  const addr = parseFactId(k.rounds[0]!.venue!.id);
  assert.deepEqual(addr, { list: 'rounds', part: 'astana', item: '#4', slot: 'venue', value: '"astana@KZ"' });
  assert.equal(k.rounds[0]!.venue!.id, "rounds.astana.~234.venue.'astana~40KZ'");
  assert.equal(encodeURIComponent(k.rounds[0]!.id), k.rounds[0]!.id);
});

test('two rounds one document keeps apart are not merged by fusion', () => {
  const k = fuse([
    doc('a', '2018-07-30', { rounds: [round('a', { process: 'astana', ordinal: 10, start: '2018-07-30', status: 'ongoing' }), round('a', { process: 'astana', status: 'scheduled' })] }),
  ]);
  assert.equal(k.rounds.length, 2);
  assert.equal(k.rounds[0]!.status?.disputed, false);
});
