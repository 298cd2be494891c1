import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGazetteer, defaultPaths, loadGazetteer, nameVariants, slugify } from './gazetteer.js';

const gaz = loadGazetteer();

test('the gazetteer is loaded once and cached', () => {
  assert.equal(loadGazetteer(), gaz);
});

test('states are found by ISO3 and by ISO2 with their capital', () => {
  const rus = gaz.state('RUS');
  assert.ok(rus);
  assert.equal(rus.iso2, 'RU');
  assert.equal(rus.capital, 'moscow@RU');
  assert.equal(gaz.state('KZ')?.iso3, 'KAZ');
  assert.equal(gaz.state('PSE')?.name, 'Palestine');
  assert.equal(gaz.state('TUR')?.name, 'Turkey');
});

test('every capital of a state is also a place with coordinates', () => {
  for (const s of gaz.states.values()) {
    for (const c of s.capitals) {
      const p = gaz.place(c);
      assert.ok(p, `${s.iso3} capital ${c}`);
      assert.ok(Number.isFinite(p.lat) && Number.isFinite(p.lon));
      assert.equal(gaz.capitalOf.get(c) !== undefined, true);
    }
  }
});

test('Astana is known by its current name with Nur-Sultan as an alias', () => {
  const astana = gaz.place('astana@KZ');
  assert.ok(astana);
  assert.ok(astana.aliases.includes('Nur-Sultan'));
  assert.equal(astana.iso3, 'KAZ');
});

test('Geneva has its English name and resolves to Switzerland', () => {
  assert.equal(gaz.place('geneva@CH')?.name, 'Geneva');
});

test('organisations and groups are found by id', () => {
  assert.equal(gaz.orgs.get('UN')?.name, 'United Nations');
  assert.equal(gaz.orgs.get('ARAB_LEAGUE')?.rule, 'gaz:org:ARAB_LEAGUE');
  assert.equal(gaz.groups.get('GRP:taliban')?.country, 'AFG');
  assert.equal(gaz.groups.get('GRP:hayat-tahrir-al-sham')?.country, 'SYR');
});

test('every id follows RECORD.md', () => {
  for (const s of gaz.states.values()) assert.match(s.iso3, /^[A-Z]{3}$/);
  for (const p of gaz.places.values()) assert.match(p.id, /^[a-z0-9]+(?:-[a-z0-9]+)*@[A-Z]{2}$/, p.id);
  for (const o of gaz.orgs.values()) assert.match(o.id, /^[A-Z][A-Z0-9_]*$/);
  for (const g of gaz.groups.values()) assert.match(g.id, /^GRP:[a-z0-9]+(?:-[a-z0-9]+)*$/);
});

test('place ids are unique slugs of their names', () => {
  for (const p of gaz.places.values()) assert.equal(p.id.split('@')[0], slugify(p.name), p.id);
});

test('a slug is lower-case ASCII joined by hyphens', () => {
  assert.equal(slugify('Nur-Sultan'), 'nur-sultan');
  assert.equal(slugify('Bogotá'), 'bogota');
  assert.equal(slugify("Hay'at Tahrir al-Sham"), 'hayat-tahrir-al-sham');
});

test('names are indexed under every tokenisation of apostrophes and abbreviations', () => {
  const v = nameVariants('U.S.').map((t) => t.join(' '));
  assert.ok(v.includes('U.S.'));
  assert.ok(v.includes('U . S .'));
  const w = nameVariants("People's Protection Units").map((t) => t.join(' '));
  assert.ok(w.includes("People ' s Protection Units"));
  assert.ok(w.includes('People’s Protection Units'));
});

test('the phrase index lists continuations longest first', () => {
  for (const list of gaz.names.values()) {
    for (let i = 1; i < list.length; i++) assert.ok((list[i - 1]?.rest.length ?? 0) >= (list[i]?.rest.length ?? 0));
  }
});

test('stoplisted place names are never indexed as places', () => {
  for (const w of ['Most', 'Split', 'Date', 'David', 'Reading', 'Mobile', 'Nice']) {
    const list = gaz.names.get(w) ?? [];
    assert.ok(list.every((e) => e.target.kind !== 'place' || e.rest.length > 0), w);
  }
});

test('without the generated places file, curated places still load and a warning says so', () => {
  const g = buildGazetteer({ ...defaultPaths, generatedPlaces: new URL('file:///nonexistent/places.json') });
  assert.match(g.warning ?? '', /places\.json/);
  assert.ok(g.place('astana@KZ'));
  assert.ok(g.place('sochi@RU'));
  assert.ok(g.place('moscow@RU'));
});
