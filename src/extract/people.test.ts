import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from './index.js';

test('ministers of a delegation named by its role belong to the state at war, never to an unresolved "?"', () => {
  const text = [
    'ANTANANARIVO — Madagascar\'s government and the rebels of the highlands met for a third round of talks on Monday.',
    'The government delegation comprised Defence Minister Hery Ravoavy and Justice Minister Lala Rasoanaivo.',
  ].join('\n\n');
  const people = extract({ id: 't', text, published: '2024-09-26' }).people;
  const ravoavy = people.find((p) => p.id === '@hery-ravoavy');
  assert.equal(ravoavy?.affiliation, 'MDG', JSON.stringify(people));
  assert.ok(!people.some((p) => p.affiliation?.startsWith('?')), JSON.stringify(people));
});

test('a deputy envoy named in apposition is an envoy', () => {
  const text = 'The State Department said Tuesday that Lena Marsh, the deputy special representative for Sudan, would travel to Jeddah.';
  const p = extract({ id: 't', text, published: '2023-05-16' }).people.find((x) => x.id === '@lena-marsh');
  assert.equal(p?.title, 'envoy', JSON.stringify(p));
});
