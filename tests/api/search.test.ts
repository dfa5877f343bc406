import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_KIND_NAMES } from '../../server/src/contracts/vocabulary.js';
import { searchResultSchema, type SearchResult } from '../../server/src/contracts/search.js';
import { buildLuceneQuery, escapeLucene } from '../../server/src/search/lucene-query.js';
import { findMatchedAlias } from '../../server/src/search/matched-alias.js';
import { ACTOR_SEARCH_FIELDS } from '../../server/src/repositories/search-repository.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
let app: RunningApp;

beforeAll(async () => {
  app = await startTestApp(driver, testDatabase());
});
afterAll(async () => app.close());

async function get(path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${app.baseUrl}${path}`);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function search(params: Record<string, string>): Promise<SearchResult> {
  const { status, body } = await get(`/api/search?${new URLSearchParams(params)}`);
  expect(status).toBe(200);
  return searchResultSchema.parse(body.data);
}

const ids = (r: SearchResult) => r.actors.map((a) => a.id);

describe('GET /api/search: matching on the seed', () => {
  it('finds Unit 8200 first for the glued "unit8200" (letters+digits also searched split)', async () => {
    const r = await search({ q: 'unit8200' });
    expect(r.actors[0]).toMatchObject({ id: 'unit-8200', name: 'Unit 8200', kind: 'MilitaryUnit', matchedOn: 'name', matchedAlias: null });
  });

  it('tolerates typos: "Microsft" finds Microsoft first', async () => {
    const r = await search({ q: 'Microsft' });
    expect(r.actors[0]?.id).toBe('microsoft');
    expect(r.actors[0]?.score).toBeGreaterThan(0);
  });

  it('matches prefixes as you type: "Isr" finds Israel and the Israeli bodies', async () => {
    const r = await search({ q: 'Isr' });
    expect(ids(r)).toEqual(expect.arrayContaining(['israel', 'idf', 'israel-ministry-of-defense', 'israeli-prison-system']));
  });

  it('reports the alias a hit came through: "Game Pass" → Xbox Game Pass via alias "Game Pass"', async () => {
    const r = await search({ q: 'Game Pass' });
    expect(r.actors[0]).toMatchObject({ id: 'xbox-game-pass', matchedOn: 'alias', matchedAlias: 'Game Pass' });
  });

  it('reports an alias the name does not contain: "IDF" → Israel Defense Forces via "IDF"', async () => {
    const r = await search({ q: 'IDF' });
    expect(r.actors[0]).toMatchObject({ id: 'idf', matchedOn: 'alias', matchedAlias: 'IDF' });
  });

  it('reports no alias when the name matches best', async () => {
    const r = await search({ q: 'Microsoft' });
    expect(r.actors[0]).toMatchObject({ id: 'microsoft', matchedOn: 'name', matchedAlias: null });
  });

  it('is diacritic-insensitive both ways: "Tzähal" finds alias Tzahal, "Rédmönd" finds Redmond, "Tzäh" as a prefix', async () => {
    expect((await search({ q: 'Tzähal' })).actors[0]).toMatchObject({ id: 'idf', matchedAlias: 'Tzahal' });
    expect((await search({ q: 'Rédmönd' })).actors[0]?.id).toBe('redmond');
    expect(ids(await search({ q: 'Tzäh' }))).toContain('idf');
  });

  it('is case-insensitive', async () => {
    expect((await search({ q: 'MICROSOFT' })).actors[0]?.id).toBe('microsoft');
    expect((await search({ q: 'unit 8200' })).actors[0]?.id).toBe('unit-8200');
  });

  it('matches descriptions too, reported as matchedOn description', async () => {
    const r = await search({ q: 'signals intelligence' });
    expect(r.actors[0]).toMatchObject({ id: 'unit-8200', matchedOn: 'description', matchedAlias: null });
  });

  it('lists sources matching by title or publisher', async () => {
    const r = await search({ q: 'Polygon' });
    expect(r.sources.map((s) => s.id)).toContain('polygon-microsoft-unit-8200-report');
    expect(r.sources[0]).toMatchObject({ id: 'polygon-microsoft-unit-8200-report', publisher: 'Polygon' });
    expect(r.actors.map((a) => a.id)).toContain('polygon');
  });

  it('filters actors by kind (comma-separated or repeated)', async () => {
    const products = await search({ q: 'Microsoft', kinds: 'Product' });
    expect(products.actors.length).toBeGreaterThan(0);
    expect(products.actors.every((a) => a.kind === 'Product')).toBe(true);
    expect(ids(products)).not.toContain('microsoft');

    const both = await get('/api/search?q=Microsoft&kinds=Company&kinds=Person');
    expect(both.status).toBe(200);
    const kinds = new Set(both.body.data.actors.map((a: { kind: string }) => a.kind));
    expect([...kinds].sort()).toEqual(['Company', 'Person']);
  });

  it('honours limit (default 10) and orders by score', async () => {
    const one = await search({ q: 'Israel', limit: '1' });
    expect(one.actors).toHaveLength(1);
    expect(one.sources.length).toBeLessThanOrEqual(1);
    const all = await search({ q: 'a' });
    expect(all.actors.length).toBeLessThanOrEqual(10);
    const scores = all.actors.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers 200 with no hits for text with nothing searchable or only Lucene syntax', async () => {
    for (const q of ['!!!', '((', '"', 'AND', 'OR NOT', '*', '?', '\\', '~', 'a:b', '[* TO *]', '+-&&||!(){}[]^"~*?:\\/']) {
      const { status, body } = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(searchResultSchema.safeParse(body.data).success, q).toBe(true);
    }
  });
});

describe('GET /api/search: validation', () => {
  const cases: Array<[string, string]> = [
    ['', 'q'],
    ['?q=', 'q'],
    ['?q=%20%20%09', 'q'],
    ['?q=a&q=b', 'q'],
    [`?q=${'x'.repeat(201)}`, 'q'],
    ['?q=a&limit=0', 'limit'],
    ['?q=a&limit=51', 'limit'],
    ['?q=a&limit=abc', 'limit'],
    ['?q=a&limit=1e3', 'limit'],
    ['?q=a&limit=-1', 'limit'],
    ['?q=a&limit=99999999999999999999', 'limit'],
    ['?q=a&limit=1&limit=2', 'limit'],
    ['?q=a&kinds=Spaceship', 'kinds'],
    ['?q=a&kinds=Company,company', 'kinds'],
  ];
  for (const [query, field] of cases) {
    it(`answers 400 VALIDATION_FAILED naming ${field} for ${query.slice(0, 40) || '(no query)'}`, async () => {
      const { status, body } = await get(`/api/search${query}`);
      expect(status).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.field).toBe(field);
      expect(body.error.message).toMatch(new RegExp(`^${field}: `));
    });
  }

  it('lists the vocabulary kinds in the kinds error', async () => {
    const { body } = await get('/api/search?q=a&kinds=Spaceship');
    for (const kind of ACTOR_KIND_NAMES) expect(body.error.message).toContain(kind);
  });
});

describe('Lucene query building (unit)', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/ ')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/\\ ');
  });

  it('lower-cases words so AND/OR/NOT are never operators, and keeps only letters and digits', () => {
    const query = buildLuceneQuery('AND (OR) NOT:', [{ name: 'name', weight: 1 }]);
    expect(query).not.toMatch(/\bAND\b|\bOR\b|\bNOT\b/);
    expect(query).toContain('name:and^4');
    expect(query).toContain('name:or*^2');
    expect(query).toContain('name:not~1^1');
  });

  it('returns null when nothing is searchable', () => {
    expect(buildLuceneQuery('  !!! ()  ', ACTOR_SEARCH_FIELDS)).toBeNull();
  });

  it('folds prefix and fuzzy terms, searches glued letters+digits split and as a phrase', () => {
    const query = buildLuceneQuery('Zoë unit8200', [{ name: 'name', weight: 1 }]) ?? '';
    expect(query).toContain('name:zoë^4');
    expect(query).toContain('name:zoe*^2');
    expect(query).toContain('name:unit^4');
    expect(query).toContain('name:8200^4');
    expect(query).toContain('name:"unit 8200"^6');
    expect(query).toContain('name:"zoë unit8200"^6');
  });

  it('finds the matched alias in JavaScript', () => {
    expect(findMatchedAlias('game pass', 'Xbox Game Pass', ['Game Pass'])).toEqual({ matchedOn: 'alias', matchedAlias: 'Game Pass' });
    expect(findMatchedAlias('Isr', 'Israel Defense Forces', ['IDF', 'Israeli military'])).toEqual({ matchedOn: 'name', matchedAlias: null });
    expect(findMatchedAlias('Tzahl', 'Israel Defense Forces', ['Tzahal'])).toEqual({ matchedOn: 'alias', matchedAlias: 'Tzahal' });
    expect(findMatchedAlias('spy', 'Unit 8200', [])).toEqual({ matchedOn: 'description', matchedAlias: null });
  });
});
