import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from './index.js';

const rounds = (text: string, published: string): string[] =>
  extract({ id: 't', text, published }).rounds.map((r) => `${r.process} #${r.ordinal ?? '-'} ${r.start ?? '-'} ${r.status ?? '-'}`);

test('"the next round" after a track named only in passing is the next sitting of the talks the story follows', () => {
  const text = [
    'KIGALI — The fourth round of the Kigali talks between Rwanda and Burundi ended on Friday without a deal.',
    'The third round, held in March, produced a prisoner exchange.',
    'A UN official said the deal should lead to "a genuine political process" in Geneva.',
    'The next round is expected in late July.',
  ].join('\n\n');
  const got = rounds(text, '2023-06-10');
  assert.ok(got.includes('kigali #5 2023-07 scheduled'), got.join('; '));
  assert.ok(!got.some((r) => r.startsWith('geneva') && r.includes('2023-07')), got.join('; '));
});

test('"attended the talks" after a track named in passing belongs to the round the story follows', () => {
  const text = [
    'KIGALI — The fourth round of the Kigali talks between Rwanda and Burundi ended on Friday without a deal.',
    'A UN official said the deal should lead to "a genuine political process" in Geneva.',
    'Delegations of Rwanda and Burundi attended the talks but did not sign the final document.',
    'The next round is expected in late July.',
  ].join('\n\n');
  const got = rounds(text, '2023-06-10');
  assert.ok(got.includes('kigali #5 2023-07 scheduled'), got.join('; '));
  assert.ok(!got.some((r) => r.startsWith('geneva') && r.includes('2023-07')), got.join('; '));
});

test('the round a story reports is held where its dateline is, when its talks are named after that place', () => {
  const text = [
    'KIGALI — The fourth round of the Kigali talks between Rwanda and Burundi ended on Friday without a deal.',
    'The third round, in March, produced a prisoner exchange.',
  ].join('\n\n');
  const got = extract({ id: 't', text, published: '2023-06-10' }).rounds.map((r) => `#${r.ordinal ?? '-'} ${r.venue ?? '-'}`);
  assert.ok(got.includes('#4 kigali@RW'), got.join('; '));
  assert.ok(got.includes('#3 -'), `only the round reported is placed by the dateline: ${got.join('; ')}`);
});

test('a closing verb dates a sitting\'s end; a truce\'s length does not', () => {
  const text = [
    'LUSAKA — The third round of the Lusaka talks was postponed on Friday, the mediators said.',
    'The second round, which opened on April 22 and ended on May 2, produced a prisoner exchange.',
    'The first round ended on Friday, February 28, with agreement on a 30-day humanitarian truce starting on Saturday.',
  ].join('\n\n');
  const got = extract({ id: 't', text, published: '2025-06-13' }).rounds.map((r) => `#${r.ordinal ?? '-'} ${r.start ?? '-'}..${r.end ?? '-'}`);
  assert.ok(got.includes('#2 2025-04-22..2025-05-02'), got.join('; '));
  assert.ok(!got.some((r) => r.startsWith('#1') && r.endsWith('2025-03-29')), got.join('; '));
});

test('the war\'s own country named well after the head is not where the talks sit', () => {
  const text = [
    'The fourth round of the Lusaka talks on the war in Congo ended on Thursday, May 4, with Zambia, Angola and Namibia signing a memorandum on four safe zones in Congo.',
    'Congo\'s government and the rebels attended.',
  ].join('\n\n');
  const r = extract({ id: 't', text, published: '2017-05-05' });
  const hosts = r.rounds.flatMap((x) => (x.participants ?? []).filter((p) => p.role === 'host').map((p) => p.actor));
  assert.ok(!hosts.includes('COD'), `hosts: ${hosts.join(', ')}; conflict ${r.processes[0]?.conflict ?? '-'}`);
});

test('talks the story reports as held, without a date, met in the month of publication', () => {
  const text = [
    'The foreign minister of Norway led six hours of talks with Colombian officials in Havana, Cuba, to prepare a ceasefire.',
    'The talks were described as constructive.',
  ].join('\n\n');
  const r = extract({ id: 't', text, published: '2024-05-16' }).rounds.find((x) => x.process === 'havana');
  assert.equal(r?.start, '2024-05', JSON.stringify(r));
  assert.ok(r?.evidence?.some((e) => e.rule === 'round:start:published-month' && e.slot === 'start'), 'the inferred start says which rule gave it');
});

test('an undated round that is only planned gets no start from the publication date', () => {
  const text = 'The two sides are expected to hold new talks in Havana, officials said.';
  const r = extract({ id: 't', text, published: '2024-05-16' }).rounds.find((x) => x.process === 'havana');
  assert.ok(r === undefined || r.start === undefined, JSON.stringify(r));
});

test('what the sides asked for at a sitting, told in the sentences that go on about it, was on its agenda', () => {
  const text = [
    'Talks between Armenia and Azerbaijan have stalled since their summit in Prague in October 2022.',
    'There, the Armenian side asked for the withdrawal of Azerbaijani troops from its territory.',
    'It ended without a deal because Baku’s call for a peace treaty and Yerevan’s demand for the release of prisoners did not mesh.',
    'Separately, Armenia has called for international monitors on the border.',
  ].join('\n\n');
  const r = extract({ id: 't', text, published: '2023-03-01' }).rounds.find((x) => x.process === 'prague');
  assert.ok(r, 'the Prague sitting is a round');
  const agenda = [...(r.agenda ?? [])].sort();
  assert.ok(agenda.includes('withdrawal') && agenda.includes('prisoners'), agenda.join(','));
  assert.ok(!agenda.includes('monitoring'), `a demand not about the sitting stays off its agenda: ${agenda.join(',')}`);
});

test('talks at a building near a city sit in that city; "at the close of a week of talks" dates both ends', () => {
  const text = [
    'The government of Mali and the northern rebels agreed on Thursday to a ceasefire, the mediators announced at the close of a week of consultations at a hotel outside Algiers.',
    'The talks, which opened on February 24, were hosted by the Algerian government.',
  ].join('\n\n');
  const r = extract({ id: 't', text, published: '2015-03-05' }).rounds.find((x) => x.process === 'algiers');
  assert.ok(r, 'a round of the Algiers talks');
  assert.equal(r.venue, 'algiers@DZ');
  assert.equal(r.start, '2015-02-24');
  assert.equal(r.end, '2015-03-05');
  assert.equal(r.status, 'held');
});

test('earlier talks in another country named bare are that country\'s talks, not the ones in focus', () => {
  const text = [
    'GENEVA — Libya\'s rival governments opened a new round of talks in Geneva on Monday.',
    'The two sides have not met since talks in Morocco collapsed in 2016.',
  ].join('\n\n');
  const got = rounds(text, '2020-10-19');
  assert.ok(got.some((r) => r.startsWith('morocco ')), got.join('; '));
  assert.ok(!got.some((r) => r.startsWith('geneva') && r.includes(' 2016 ')), got.join('; '));
});

test('a mediator named in a sentence about a sitting sits at it; a sponsor only said to back the talks does not', () => {
  const text = [
    'DOHA — The government of Chad and the FACT rebels signed a declaration in the Qatari capital on Saturday, after five months of talks mediated by Qatar.',
    'Last month, another UN-sponsored round in Geneva fell through.',
  ].join('\n\n');
  const got = extract({ id: 't', text, published: '2022-08-08' }).rounds;
  const doha = got.find((r) => r.process === 'doha');
  assert.ok(doha?.participants?.some((p) => p.actor === 'QAT' && p.role === 'mediator'), JSON.stringify(doha?.participants));
  const geneva = got.find((r) => r.process === 'geneva');
  assert.ok(!geneva?.participants?.some((p) => p.actor === 'UN'), JSON.stringify(geneva?.participants));
});
