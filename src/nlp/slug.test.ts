import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slug } from './slug.js';

test('a slug is lower-case ASCII words joined by hyphens, without diacritics or apostrophes', () => {
  assert.equal(slug('Staffan de Mistura'), 'staffan-de-mistura');
  assert.equal(slug('Recep Tayyip Erdoğan'), 'recep-tayyip-erdogan');
  assert.equal(slug("Sa'ud al-Faisal’s "), 'saud-al-faisals');
});

test('a slug asked again, and after many others, is the same', () => {
  const first = slug('Zelenskyy');
  for (let i = 0; i < 10000; i++) slug(`Name ${i}`);
  assert.equal(slug('Zelenskyy'), first);
  assert.equal(slug('Name 42'), 'name-42');
});
