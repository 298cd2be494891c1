import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from './index.js';

const deals = (text: string, published: string): string[] =>
  extract({ id: 't', text, published }).agreements.map((a) => `${a.kind} ${a.date ?? '-'} ${(a.parties ?? []).join('+')}`);

test('a deal dated in passing takes its kind from the purpose clause and its parties from the relative clause', () => {
  const text = [
    'KHARTOUM — Rebel leaders on Sunday accused the army of breaking the accord.',
    'They were referring to the March 2021 framework pact the Sudanese army negotiated with the Sudan People\'s Liberation Movement-North in Juba, South Sudan, to pull all troops from the Nuba Mountains.',
  ].join('\n\n');
  const got = deals(text, '2022-06-12');
  assert.ok(got.some((x) => x.startsWith('withdrawal 2021-03 ')), got.join('; '));
});

test('a purpose clause beyond a second clause does not name the deal', () => {
  const text = 'They signed the accord in the South Sudanese capital, Juba, on Saturday, and the army said it would later begin to pull all troops from the border.';
  const got = deals(text, '2022-06-12');
  assert.ok(!got.some((x) => x.startsWith('withdrawal')), got.join('; '));
});

test('a deal negotiated somewhere was made at talks there: a held round between its parties, producing it', () => {
  const text = 'They were referring to the March 2021 framework pact the Sudanese army negotiated with the Sudan People\'s Liberation Movement-North in Juba, South Sudan, to pull all troops from the Nuba Mountains.';
  const r = extract({ id: 't', text, published: '2022-06-12' }).rounds.find((x) => x.process === 'juba');
  assert.ok(r, 'a round of the Juba talks');
  assert.equal(r.venue, 'juba@SS');
  assert.equal(r.status, 'held');
  assert.equal(r.start, '2021-03');
  assert.deepEqual((r.outcomes ?? []).map((o) => o.kind), ['withdrawal']);
  assert.ok((r.participants ?? []).some((p) => p.actor === 'SSD' && p.role === 'host'), JSON.stringify(r.participants));
});
