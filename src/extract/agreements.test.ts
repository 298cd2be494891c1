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

test('a peace accord signed on its own day stands beside the ceasefire signed days before and the one of years ago', () => {
  const text = [
    'BANGUI — Central African President Faustin-Archange Touadera and Ali Darassa, the leader of the Union for Peace rebels, signed a peace and reconciliation accord in the capital on Tuesday.',
    'The accord follows a cessation of hostilities that the two men signed last Thursday in Bambari.',
    'A previous ceasefire, agreed in December 2016, collapsed within weeks.',
  ].join('\n\n');
  const got = deals(text, '2019-08-06');
  assert.ok(got.some((x) => x.startsWith('agreement 2019-08-06 CAF')), got.join('; '));
  assert.ok(got.some((x) => x.startsWith('ceasefire 2019-08-01')), got.join('; '));
  assert.ok(got.some((x) => x.startsWith('ceasefire 2016-12')), got.join('; '));
});

test('"to reach the agreement" with a named deal in the story is that deal, not another', () => {
  const text = [
    'JUBA — The two sides signed a ceasefire on Monday after three days of talks.',
    'Mediators worked through the night to reach the agreement, officials said.',
  ].join('\n\n');
  const got = deals(text, '2023-05-16');
  assert.deepEqual(got.map((x) => x.split(' ')[0]), ['ceasefire']);
});

test('a sitting announced to come is an agreement to meet: a conference at its venue between those to sit there', () => {
  const text = 'BEIJING — China will convene a meeting in Beijing with Iran and Russia on Friday to discuss the nuclear file, the foreign ministry said.';
  const got = extract({ id: 't', text, published: '2025-03-12' }).agreements.map((a) => `${a.kind} ${a.scope ?? '-'} ${(a.parties ?? []).join('+')}`);
  assert.ok(got.some((x) => x.startsWith('conference beijing@CN ') && x.includes('IRN') && x.includes('RUS')), got.join('; '));
});

test('talks held are not an agreement to meet', () => {
  const text = 'JEDDAH — Delegations of Ukraine and the United States held talks in Jeddah on Tuesday.';
  const got = extract({ id: 't', text, published: '2025-03-12' }).agreements.map((a) => a.kind);
  assert.ok(!got.includes('conference'), got.join('; '));
});

test('a deal brokered by an adjective-named state ("a Russian-brokered deal") is about the war of the sides, not of the broker', () => {
  const text = [
    'Armenia and Azerbaijan agreed to end six weeks of fighting under a Russian-brokered ceasefire signed late on Monday.',
    'Nearly 2,000 Russian peacekeepers will deploy to the region, the Russian defence ministry said, and Russian troops will guard the corridor.',
    'Russian officials said the Russian plan would hold.',
  ].join('\n\n');
  const deal = extract({ id: 't', text, published: '2020-11-10' }).agreements.find((a) => a.kind === 'ceasefire');
  assert.ok(deal && deal.scope !== 'RUS', JSON.stringify(deal));
});
