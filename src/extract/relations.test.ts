import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from './index.js';

const meetings = (text: string, published: string): string[] =>
  extract({ id: 't', text, published }).meetings.map((m) => `${m.participants.join('+')} ${m.place ?? '-'} ${m.date ?? '-'}`);

test('a visitor who holds talks with one leader on one day and another the next met each of them apart, in the city visited', () => {
  const text = 'Earlier this week, Turkish President Recep Tayyip Erdogan travelled to Addis Ababa and Mogadishu, holding talks with Prime Minister Abiy Ahmed on Monday and President Hassan Mohamud on Tuesday.';
  const got = meetings(text, '2024-07-12');
  assert.ok(got.includes('@recep-tayyip-erdogan+@abiy-ahmed addis-ababa@ET 2024-07-08'), got.join('; '));
  assert.ok(got.includes('@recep-tayyip-erdogan+@hassan-mohamud mogadishu@SO 2024-07-09'), got.join('; '));
  assert.ok(!got.some((x) => x.startsWith('@abiy-ahmed+@hassan-mohamud')), 'the two people met were not meeting each other');
});

test('"X, who met Y" and "X and Y held a separate meeting" are meetings', () => {
  const a = meetings('Prime Minister Abiy Ahmed, who met Eritrean President Isaias Afwerki for the first time, said the border would reopen.', '2018-07-09');
  assert.ok(a.some((x) => x.startsWith('@abiy-ahmed+@isaias-afwerki')), a.join('; '));
  const b = meetings('After the main session, Prime Minister Abiy Ahmed and President Isaias Afwerki held a separate meeting of about an hour, officials said.', '2018-07-09');
  assert.ok(b.some((x) => x.startsWith('@abiy-ahmed+@isaias-afwerki')), b.join('; '));
});

test('"the Jeddah talks with Ukrainian officials" names a round, not a meeting of whoever the sentence names next', () => {
  const got = meetings('On Tuesday, Marco Rubio will join Mike Waltz for the Jeddah talks with Ukrainian officials as President Donald Trump pushes for a deal.', '2025-03-10');
  assert.deepEqual(got, []);
});

test('towns the gazetteer does not know are places when the text says what they are, each dated by what follows it', () => {
  const text = [
    'GOMA, Democratic Republic of Congo — Talks between the government and the M23 rebels stalled again on Monday.',
    'The rebels captured the border town of Kitagoma Hill in June, and the villages of Nyamilima and Kisharo in late October.',
  ].join('\n\n');
  const got = extract({ id: 't', text, published: '2022-11-21' }).events.map((e) => `${e.kind} ${e.place ?? '-'} ${e.date ?? '-'}`);
  assert.ok(got.includes('capture kitagoma-hill@CD 2022-06'), got.join('; '));
  assert.ok(got.includes('capture nyamilima@CD 2022-10'), got.join('; '));
  assert.ok(got.includes('capture kisharo@CD 2022-10'), got.join('; '));
});

test('blasts in a district of a city are one attack there, dated by the possessive weekday', () => {
  const text = 'BAGHDAD — Police said Thursday’s twin blasts near a bus station in Baghdad’s eastern Sadr City district had killed 31 people, as Iraqi leaders met to discuss a truce with the militias.';
  const got = extract({ id: 't', text, published: '2021-07-23' }).events.map((e) => `${e.kind} ${e.place ?? '-'} ${e.date ?? '-'}`);
  assert.deepEqual(got, ['attack baghdad@IQ 2021-07-22']);
});

test('an attack on "the city" is in the city the story last named, not the region around it', () => {
  const text = [
    'KADUGLI — The SPLM-N has besieged Kadugli since March, and the city is the army\'s last stronghold in South Kordofan.',
    'On Wednesday, army aircraft bombed rebel positions in the eastern districts of the city, killing at least 12 people.',
  ].join('\n\n');
  const got = extract({ id: 't', text, published: '2024-06-14' }).events.map((e) => `${e.kind} ${e.place ?? '-'} ${e.date ?? '-'}`);
  assert.ok(got.includes('attack kadugli@SD 2024-06-12'), got.join('; '));
});

test('"the army and allied armed groups" says nothing of who is allied with whom', () => {
  const text = 'The Rapid Support Forces said their fighters were responding to attacks launched from El Obeid by the Sudanese army and allied armed groups.';
  assert.deepEqual(extract({ id: 't', text, published: '2024-06-14' }).alignments, []);
});

test('a meeting that only may come is not a meeting; one that is expected on a day is', () => {
  const maybe = meetings('He said a meeting between President William Ruto and President Salva Kiir was possible once a draft was ready.', '2024-02-06');
  assert.deepEqual(maybe, []);
  const planned = meetings('Secretary of State Antony Blinken is expected to have a pull-aside meeting with Kenyan President William Ruto on Thursday.', '2024-02-06');
  assert.ok(planned.some((x) => x.startsWith('@antony-blinken+@william-ruto')), planned.join('; '));
});

test('"arrived in Kabul for talks with the president" is a meeting there; delegations sitting down together are the round, not a side meeting', () => {
  const visit = meetings('Special envoy Zalmay Khalilzad arrived in Kabul on Friday for talks with President Ashraf Ghani before heading to Qatar.', '2019-07-27');
  assert.ok(visit.some((x) => x.startsWith('@zalmay-khalilzad+@ashraf-ghani')), visit.join('; '));
  const sitting = meetings('Delegations from Russia, Iran and Turkey sat down with a government team headed by Ambassador Bashar al-Jaafari and an opposition delegation led by Ahmed Tohme.', '2018-07-30');
  assert.deepEqual(sitting, []);
});

test('a side of the war asks the other side, not the broker the story names most', () => {
  const text = [
    'ASTANA — The Russia-brokered talks on Syria resumed on Monday, with Russia, Iran and Turkey as guarantors.',
    'Russian officials said Russia would press for a lasting truce, and Russian diplomats met both delegations.',
    'The Syrian opposition demanded the release of prisoners held in government jails.',
  ].join('\n\n');
  const got = extract({ id: 't', text, published: '2018-05-14' }).demands.map((x) => `${x.actor} ${x.kind} ${x.target}`);
  assert.ok(got.includes('SYR.OPP prisoners SYR.GOV'), got.join('; '));
  assert.ok(!got.some((x) => x.endsWith(' RUS')), got.join('; '));
});

const aligned = (text: string): string[] => extract({ id: 't', text, published: '2020-01-20' }).alignments.map((a) => `${a.actor} ${a.relation} ${a.target}`);

test('who backs whom, said the ways news says it', () => {
  const a = aligned('Turkey has sent troops to support Prime Minister Fayez al-Serraj\'s government in Tripoli, while Russia, the UAE and Egypt back Khalifa Haftar\'s Libyan National Army.');
  assert.ok(a.includes('TUR supports LBY.GOV') || a.includes('TUR supports @fayez-al-serraj'), a.join('; '));
  for (const x of ['RUS supports GRP:lna', 'ARE supports GRP:lna', 'EGY supports GRP:lna']) assert.ok(a.includes(x), `${x} in ${a.join('; ')}`);
  const b = aligned('The Saudi-led coalition, which backs the internationally recognised government of Yemen, welcomed the deal. The Iran-aligned Houthis still control Sanaa.');
  assert.ok(b.includes('SAU supports YEM.GOV'), b.join('; '));
  assert.ok(b.includes('GRP:houthis ally_of IRN'), b.join('; '));
  const c = aligned('The rebels hold Idlib. Iran and Russia remain Damascus\'s principal allies in the Syrian war.');
  assert.ok(c.includes('IRN ally_of SYR') || c.includes('IRN ally_of SYR.GOV'), c.join('; '));
  assert.ok(c.includes('RUS ally_of SYR') || c.includes('RUS ally_of SYR.GOV'), c.join('; '));
});

test('"flown back from Brussels" backs no one', () => {
  assert.deepEqual(aligned('A dinner in Geneva, which UN Secretary-General Antonio Guterres had flown back from Brussels to attend, ended in a shouting match over Cyprus.'), []);
});
