import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMentions } from './mentions.js';
import { findPeople } from './people.js';
import { loadGazetteer } from './gazetteer.js';
import { loadLexicon } from './lexicon.js';
import { splitSentences, withTokenRanges } from './sentences.js';
import { tokenize } from './tokens.js';

function people(text: string) {
  const raw = splitSentences(text);
  const tokens = tokenize(text, raw);
  const sentences = withTokenRanges(raw, tokens);
  const mentions = findMentions(text, tokens, loadGazetteer());
  return findPeople({ text, tokens, sentences, mentions, lexicon: loadLexicon() });
}

test('a title before a name gives the title and the affiliation before it', () => {
  const [p] = people('Norwegian Foreign Minister Jonas Gahr Store arrived on Monday.');
  assert.equal(p?.id, '@jonas-gahr-store');
  assert.equal(p?.title, 'foreign_minister');
  assert.equal(p?.affiliation, 'NOR');
});

test('an envoy "for" a country keeps the organisation as affiliation', () => {
  const [p] = people('UN envoy for Yemen Martin Griffiths said the talks would resume.');
  assert.equal(p?.id, '@martin-griffiths');
  assert.equal(p?.title, 'envoy');
  assert.equal(p?.affiliation, 'UN');
});

test('an adjective distributes over a coordinated second title', () => {
  const ps = people('He met Russian Foreign Minister Sergei Lavrov and Defense Minister Sergei Shoigu.');
  assert.deepEqual(ps.map((p) => [p.id, p.title, p.affiliation]), [
    ['@sergei-lavrov', 'foreign_minister', 'RUS'], ['@sergei-shoigu', 'defense_minister', 'RUS'],
  ]);
});

test('an appositive title after the name counts, a former post does not', () => {
  const ps = people('Gustavo Alvarez, the chief negotiator of the rebels, spoke. Ana Ruiz, a former foreign minister, disagreed.');
  assert.equal(ps.find((p) => p.id === '@gustavo-alvarez')?.title, 'negotiator');
  assert.equal(ps.find((p) => p.id === '@ana-ruiz')?.title, undefined);
});

test('a later surname mention resolves to the full name, particles included', () => {
  const ps = people('UN envoy Staffan de Mistura arrived. De Mistura met the delegations.');
  assert.equal(ps.length, 2);
  assert.equal(ps[1]?.id, '@staffan-de-mistura');
});

test('capitalised organisation names are not people', () => {
  assert.equal(people('The Heritage Foundation and the Security Council said nothing.').length, 0);
});

test('whoever heads a delegation is its negotiator, even through "was headed by" and a description', () => {
  const [p] = people('The Colombian government panel was headed by law professor Ana Maria Ruiz.');
  assert.equal(p?.id, '@ana-maria-ruiz');
  assert.equal(p?.title, 'negotiator');
  assert.equal(p?.affiliation, 'COL.GOV');
});

test('two particles in a row stay inside the name', () => {
  const [p] = people("Colombia's chief negotiator, Humberto de la Calle, spoke first.");
  assert.equal(p?.id, '@humberto-de-la-calle');
  assert.equal(p?.title, 'negotiator');
});

test('religious honorifics are not part of the name', () => {
  const [p] = people("The Vatican's envoy, Monsignor Paolo Rossi, arrived on Monday.");
  assert.equal(p?.id, '@paolo-rossi');
});

test('a well-known person written by initials is found through the actor dictionary', () => {
  const ps = people('Saudi Crown Prince Mohammed bin Salman, known as MBS, received the envoy. MBS later met the delegation.');
  assert.ok(ps.length >= 2);
  assert.ok(ps.every((p) => p.id === '@mohammed-bin-salman'));
});

test('a list of names is not an appositive: the title of the last does not describe the first', () => {
  const text = 'French President Emmanuel Macron hosted Vladimir Putin, Volodymyr Zelensky and German Chancellor Angela Merkel at the Elysee Palace.';
  const found = people(text);
  for (const p of found.filter((x) => x.id === '@vladimir-putin')) assert.notEqual(p.affiliation, 'DEU', JSON.stringify(p));
  assert.equal(found.find((p) => p.id === '@angela-merkel')?.affiliation, 'DEU');
});

test('a side known of one person does not spread over the next in a list: "Francois Hollande and Chancellor Angela Merkel"', () => {
  const found = people('Francois Hollande and Chancellor Angela Merkel adopted a declaration.');
  assert.equal(found.find((p) => p.id === '@angela-merkel')?.affiliation, 'DEU');
  const lists = people('Russian Foreign Minister Sergei Lavrov and Defense Minister Sergei Shoigu arrived.');
  assert.equal(lists.find((p) => p.id === '@sergei-shoigu')?.affiliation, 'RUS');
});

test('a rank word before a title in apposition is part of it: "the deputy chief negotiator"', () => {
  const [p] = people('Lena Marsh, the deputy chief negotiator for Sudan, said it was time.');
  assert.equal(p?.title, 'negotiator');
});

test('"Sheikh" inside a name is part of it: "President Hassan Sheikh Mohamud"', () => {
  const [p] = people('Somali President Hassan Sheikh Mohamud met the envoy in Mogadishu on Monday.');
  assert.equal(p?.id, '@hassan-sheikh-mohamud');
  assert.equal(p?.affiliation, 'SOM');
});

test('a monarch goes by one name: "Emperor Naruhito", "King Salman"; a lone surname after another title still waits', () => {
  const found = people('Ruto was received by Emperor Naruhito in Tokyo, and later by Saudi Arabia\'s King Salman.');
  assert.ok(found.some((p) => p.id === '@naruhito' && p.title === 'head_of_state'), JSON.stringify(found));
  assert.ok(found.some((p) => p.id === '@salman' && p.affiliation === 'SAU'), JSON.stringify(found));
  assert.ok(!people('Foreign Minister Lavrov arrived on Monday.').some((p) => p.id === '@lavrov'));
});

test('a one-word town right before a name is a first name, not a place: "Ramon Acosta Vera"', () => {
  const [p] = people('Its chief negotiator, Ramon Acosta Vera, said the group did not ask for this war.');
  assert.equal(p?.id, '@ramon-acosta-vera');
  assert.equal(p?.title, 'negotiator');
});

test('whoever signs or co-chairs "for" a side negotiates for it, down the list', () => {
  const found = people('The accord was signed by Amina Diallo for the Malian government and by Bilal Ag Cherif for the rebels, after months of talks.');
  assert.ok(found.some((p) => p.id === '@amina-diallo' && p.title === 'negotiator' && p.affiliation === 'MLI.GOV'), JSON.stringify(found));
  assert.ok(found.some((p) => p.id === '@bilal-ag-cherif' && p.title === 'negotiator'), JSON.stringify(found));
  assert.ok(!people('The rebels were led by Ahmed Tohme for months.').some((p) => p.title === 'negotiator'));
});

test('"X, the head of the Russian delegation" negotiates for Russia', () => {
  const [p] = people('Igor Volkov, the head of the Russian delegation, said the proposals would be reported to Moscow.');
  assert.equal(p?.title, 'negotiator');
  assert.equal(p?.affiliation, 'RUS.GOV');
});
