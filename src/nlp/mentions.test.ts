import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer } from './gazetteer.js';
import { findMentions, scanMentions } from './mentions.js';
import { tokenize } from './tokens.js';
import type { Mention } from './types.js';

const gaz = loadGazetteer();

function found(text: string): string[] {
  return findMentions(text, tokenize(text), gaz).map((m) => `${m.kind}:${m.id}:${text.slice(m.start, m.end)}`);
}
function one(text: string, surface: string): Mention | undefined {
  return findMentions(text, tokenize(text), gaz).find((m) => text.slice(m.start, m.end) === surface);
}

test('every state and place of the Astana sentence is found with no false hit', () => {
  const text = 'Latest round of Iran, Russia, Turkey-brokered talks on Syria peace, Astana eight, has kicked off on Thursday in Kazakhstan’s capital of Astana.';
  assert.deepEqual(found(text), [
    'state:IRN:Iran', 'state:RUS:Russia', 'state:TUR:Turkey', 'state:SYR:Syria',
    'capital:astana@KZ:Astana', 'state:KAZ:Kazakhstan', 'capital:astana@KZ:Astana',
  ]);
});

test('an adjective and a capital are found in a meeting sentence', () => {
  const text = 'De Mistura is scheduled to meet Russian Foreign Minister Sergei Lavrov in Moscow.';
  assert.deepEqual(found(text), ['state_adj:RUS:Russian', 'capital:moscow@RU:Moscow']);
});

test('a sea and a resort are found as places', () => {
  assert.deepEqual(found('a congress in the Black Sea resort of Sochi'), ['place:black-sea@XZ:Black Sea', 'place:sochi@RU:Sochi']);
  assert.equal(one('a congress in the Black Sea resort of Sochi', 'Sochi')?.country, 'RUS');
});

test('a capital used for its government resolves to the state', () => {
  const m = one('Turkey supports several anti-Damascus armed groups', 'Damascus');
  assert.equal(m?.kind, 'capital');
  assert.equal(m?.id, 'damascus@SY');
  assert.equal(m?.country, 'SYR');
  assert.deepEqual(found('Turkey supports several anti-Damascus armed groups'), ['state:TUR:Turkey', 'capital:damascus@SY:Damascus']);
});

test('an abbreviated state, a group and a capital are found in one sentence', () => {
  assert.deepEqual(found('The U.S. and the Taliban signed a deal in Doha'), ['state:USA:U.S.', 'group:GRP:taliban:Taliban', 'capital:doha@QA:Doha']);
  assert.equal(one('The U.S. and the Taliban signed a deal in Doha', 'Taliban')?.country, 'AFG');
});

test('towns named like English words never fire', () => {
  assert.deepEqual(found('Most delegates said the date would Split the vote'), []);
  assert.deepEqual(found('David said the Reading was Nice on Mobile'), []);
});

test('a former name resolves to the current place id', () => {
  assert.deepEqual(found('talks in Nur-Sultan'), ['capital:astana@KZ:Nur-Sultan']);
  assert.deepEqual(found('fighting near Kiev and Kyiv'), ['capital:kyiv@UA:Kiev', 'capital:kyiv@UA:Kyiv']);
});

test('a state adjective or name followed by a sector noun becomes a sector', () => {
  assert.equal(one('the Syrian government said', 'Syrian government')?.id, 'SYR.GOV');
  assert.equal(one('the Afghan government said', 'Afghan government')?.id, 'AFG.GOV');
  assert.equal(one('the Syrian opposition said', 'Syrian opposition')?.id, 'SYR.OPP');
  assert.equal(one('Russian forces advanced', 'Russian forces')?.id, 'RUS.MIL');
  assert.equal(one('Ukrainian armed forces advanced', 'Ukrainian armed forces')?.id, 'UKR.MIL');
  assert.equal(one('Syrian rebels withdrew', 'Syrian rebels')?.id, 'SYR.REB');
  assert.equal(one('the Syrian armed opposition', 'Syrian armed opposition')?.id, 'SYR.REB');
  assert.equal(one('U.S. troops left', 'U.S. troops')?.id, 'USA.MIL');
  assert.equal(one('Syrian civil society', 'Syrian civil society')?.id, 'SYR.CIV');
});

test('a possessive state still matches, and carries a sector after it', () => {
  assert.equal(one("Syria's future", 'Syria')?.id, 'SYR');
  assert.equal(one("Syria's government agreed", "Syria's government")?.id, 'SYR.GOV');
  assert.equal(one('Russia’s military', 'Russia’s military')?.id, 'RUS.MIL');
});

test('a capital takes only a government noun', () => {
  assert.equal(one('the Kabul government', 'Kabul government')?.id, 'AFG.GOV');
  assert.equal(one('Damascus forces', 'Damascus')?.kind, 'capital');
});

test('a hyphenated adjective does not make a sector', () => {
  const text = 'pro-Russian rebels and Turkish-backed fighters';
  assert.deepEqual(found(text), ['state_adj:RUS:Russian', 'state_adj:TUR:Turkish']);
});

test('state-less sector phrases are cues that need context', () => {
  const text = 'The opposition and government forces met civil society; the rebels left.';
  const { cues, mentions } = scanMentions(text, tokenize(text), gaz);
  assert.deepEqual(mentions, []);
  assert.deepEqual(cues.map((c) => `${c.sector}:${text.slice(c.start, c.end)}`), ['OPP:The opposition', 'MIL:government forces', 'CIV:civil society', 'REB:the rebels']);
  assert.ok(cues.every((c) => c.needsContext));
});

test('the longest name wins over a state adjective inside it', () => {
  assert.deepEqual(found('the Free Syrian Army and the Syrian Democratic Forces'), ['group:GRP:free-syrian-army:Free Syrian Army', 'group:GRP:sdf:Syrian Democratic Forces']);
  assert.deepEqual(found('the UN Security Council'), ['org:UN:UN Security Council']);
  assert.deepEqual(found('the Syrian Arab Army'), ['sector:SYR.MIL:Syrian Arab Army']);
});

test('organisations are found by acronym and full name', () => {
  assert.deepEqual(found('the U.N., the EU, NATO and the African Union'), ['org:UN:U.N.', 'org:EU:EU', 'org:NATO:NATO', 'org:AU:African Union']);
});

test('names with apostrophes and digits match the tokenizer', () => {
  assert.deepEqual(found("Hay'at Tahrir al-Sham, the People's Protection Units, M23 and the G7 met in Sana'a"), [
    'group:GRP:hayat-tahrir-al-sham:Hay\'at Tahrir al-Sham', 'group:GRP:ypg:People\'s Protection Units', 'group:GRP:m23:M23', 'org:G7:G7', 'capital:sanaa@YE:Sana\'a',
  ]);
});

test('a group name written lower case at its start is also found capitalised', () => {
  assert.deepEqual(found('al-Qaeda and Al-Qaeda'), ['group:GRP:al-qaeda:al-Qaeda', 'group:GRP:al-qaeda:Al-Qaeda']);
});

test('aliases of a state resolve to one code', () => {
  assert.deepEqual(found('Türkiye, Turkey, Britain, the UK, Burma, DPRK, Ivory Coast').map((s) => s.split(':')[1]), ['TUR', 'TUR', 'GBR', 'GBR', 'MMR', 'PRK', 'CIV']);
});

test('a blocker phrase hides the state inside it', () => {
  assert.deepEqual(found('Latin America and the Washington Post'), []);
});

test('an ambiguous acronym is skipped inside an all-caps headline', () => {
  assert.deepEqual(found('WHY IS IT'), []);
  assert.deepEqual(found('The US said'), ['state:USA:US']);
});

test('lower-case words never match capitalised names', () => {
  assert.deepEqual(found('turkey and china for most of the date'), []);
});

test('mentions carry token ranges, sentences and stable rule ids', () => {
  const text = 'Talks in Astana.';
  const m = findMentions(text, tokenize(text), gaz)[0];
  assert.ok(m);
  assert.equal(m.tokenStart, 2);
  assert.equal(m.tokenEnd, 3);
  assert.equal(m.sentence, 0);
  assert.equal(m.rule, 'gaz:place:astana@KZ');
});

test('the matcher costs well under 0.3 ms on a 4 KB article', () => {
  const para = 'Latest round of Iran, Russia, Turkey-brokered talks on Syria peace, Astana eight, has kicked off on Thursday in Kazakhstan’s capital of Astana. De Mistura is scheduled to meet Russian Foreign Minister Sergei Lavrov in Moscow. The Syrian government and the opposition met in Geneva while government forces shelled Idlib. ';
  let text = '';
  while (text.length < 4096) text += para;
  const tokens = tokenize(text);
  for (let i = 0; i < 200; i++) findMentions(text, tokens, gaz);
  const n = 2000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) findMentions(text, tokens, gaz);
  const ms = (performance.now() - t0) / n;
  assert.ok(ms < 0.3, `${ms.toFixed(4)} ms per article`);
});
