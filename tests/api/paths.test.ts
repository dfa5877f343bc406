import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const database = testDatabase();
let app: RunningApp;

const P = 'zz-paths-test';
const A = `${P}-a`;
const B = `${P}-b`;

beforeAll(async () => {
  app = await startTestApp(driver, database);
  // A dated chain: A -[ended 2024-05]-> B -> microsoft (undated).
  await driver.executeQuery(
    `MATCH (m:Actor {id: 'microsoft'})
     CREATE (a:Actor:Company {id: $a, name: 'Paths test A', aliases: [], description: 'test'})
     CREATE (b:Actor:Person {id: $b, name: 'Paths test B', aliases: [], description: 'test'})
     CREATE (a)-[:PARTNERS_WITH {id: $r1, status: 'ended', summary: 'test', since: '2020', until: '2024-05'}]->(b)
     CREATE (b)-[:EMPLOYS {id: $r2, status: 'active', summary: 'test'}]->(m)`,
    { a: A, b: B, r1: `${P}-r1`, r2: `${P}-r2` },
    { database },
  );
});
afterAll(async () => {
  await driver.executeQuery('MATCH (n:Actor) WHERE n.id IN $ids DETACH DELETE n', { ids: [A, B] }, { database });
  await app.close();
});

const get = (path: string) => getJson(app.baseUrl, path);
async function paths(query: string) {
  const { status, body } = await get(`/api/paths?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data as {
    elements: { nodes: Array<{ data: { id: string } }>; edges: Array<{ data: { id: string } }> };
    paths: Array<{ length: number; nodes: string[]; edges: string[]; steps: Array<{ from: string; to: string; edgeId: string; type: string; label: string; direction: string }> }>;
    truncated: boolean;
  };
}

describe('GET /api/paths', () => {
  it('finds the shortest path from the BDS movement to Unit 8200, through Microsoft', async () => {
    const d = await paths('from=bds-movement&to=unit-8200');
    expect(d.paths).toHaveLength(1);
    const [p] = d.paths;
    expect(p?.length).toBe(2);
    expect(p?.nodes).toEqual(['bds-movement', 'microsoft', 'unit-8200']);
    expect(p?.edges).toEqual(['bds-movement-targets-for-boycott-microsoft', 'microsoft-provides-services-to-unit-8200']);
    expect(p?.steps).toEqual([
      { from: 'bds-movement', to: 'microsoft', edgeId: 'bds-movement-targets-for-boycott-microsoft', type: 'TARGETS_FOR_BOYCOTT', label: 'targets for boycott', direction: 'forward' },
      { from: 'microsoft', to: 'unit-8200', edgeId: 'microsoft-provides-services-to-unit-8200', type: 'PROVIDES_SERVICES_TO', label: 'provides services to', direction: 'forward' },
    ]);
    expect(d.elements.nodes.map((n) => n.data.id)).toEqual(['bds-movement', 'microsoft', 'unit-8200']);
    expect(d.elements.edges).toHaveLength(2);
  });

  it('walks against relationship direction by default and says so per step', async () => {
    const d = await paths('from=unit-8200&to=bds-movement');
    expect(d.paths[0]?.nodes).toEqual(['unit-8200', 'microsoft', 'bds-movement']);
    expect(d.paths[0]?.steps.map((s) => s.direction)).toEqual(['backward', 'backward']);
  });

  it('returns k shortest simple paths as alternatives, shortest first', async () => {
    const d = await paths('from=bds-movement&to=unit-8200&mode=k&k=6');
    expect(d.paths.length).toBe(6);
    expect(d.paths[0]?.nodes).toEqual(['bds-movement', 'microsoft', 'unit-8200']);
    const lengths = d.paths.map((p) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(new Set(d.paths.map((p) => p.edges.join())).size).toBe(6);
    for (const p of d.paths) {
      expect(new Set(p.nodes).size).toBe(p.nodes.length); // simple
      expect(p.nodes[0]).toBe('bds-movement');
      expect(p.nodes.at(-1)).toBe('unit-8200');
      expect(p.edges).toHaveLength(p.length);
    }
    // Alternatives through IDF or Azure, not only the first shortest path.
    expect(d.paths.some((p) => p.nodes.includes('idf'))).toBe(true);
    const union = new Set(d.paths.flatMap((p) => p.nodes));
    expect(d.elements.nodes.map((n) => n.data.id).sort()).toEqual([...union].sort());
    // k defaults to 3
    expect((await paths('from=bds-movement&to=unit-8200&mode=k')).paths).toHaveLength(3);
  });

  it('returns every shortest path in allShortest mode', async () => {
    const d = await paths('from=brad-smith&to=idf&mode=allShortest');
    expect(d.paths.length).toBe(2); // microsoft -> idf twice: provides services to, and uses (backward)
    expect(d.paths.every((p) => p.length === 2)).toBe(true);
    expect(d.paths.map((p) => p.edges[1]).sort()).toEqual(['idf-uses-microsoft', 'microsoft-provides-services-to-idf']);
    expect(d.truncated).toBe(false);
  });

  it('filters by types, direction and maxHops, answering 200 with no paths when none is left', async () => {
    expect((await paths('from=bds-movement&to=unit-8200&types=TARGETS_FOR_BOYCOTT,PART_OF')).paths).toEqual([]);
    expect((await paths('from=bds-movement&to=unit-8200&maxHops=1')).paths).toEqual([]);
    expect((await paths('from=bds-movement&to=unit-8200&direction=out')).paths[0]?.length).toBe(2);
    expect((await paths('from=unit-8200&to=bds-movement&direction=out')).paths).toEqual([]);
    expect((await paths('from=unit-8200&to=bds-movement&direction=in')).paths[0]?.length).toBe(2);
    const typed = await paths('from=bds-movement&to=unit-8200&types=TARGETS_FOR_BOYCOTT,OPERATES,STORES_DATA_ON');
    expect(typed.paths[0]?.nodes).toEqual(['bds-movement', 'microsoft', 'azure', 'unit-8200']);
  });

  it('honours asOf', async () => {
    expect((await paths(`from=${A}&to=microsoft`)).paths[0]?.nodes).toEqual([A, B, 'microsoft']);
    expect((await paths(`from=${A}&to=microsoft&asOf=2022-07`)).paths).toHaveLength(1);
    expect((await paths(`from=${A}&to=microsoft&asOf=2024-05`)).paths).toEqual([]);
    expect((await paths(`from=${A}&to=microsoft&asOf=2019-12-31`)).paths).toEqual([]);
  });

  it('answers 400 for the same from and to, 404 for an unknown actor', async () => {
    const same = await get('/api/paths?from=microsoft&to=microsoft');
    expect(same.status).toBe(400);
    expect(same.body.error.field).toBe('to');
    const unknownFrom = await get('/api/paths?from=nope&to=microsoft');
    expect(unknownFrom.status).toBe(404);
    expect(unknownFrom.body.error.field).toBe('from');
    const unknownTo = await get('/api/paths?from=microsoft&to=nope');
    expect(unknownTo.status).toBe(404);
    expect(unknownTo.body.error.field).toBe('to');
  });

  it.each([
    ['to=microsoft', 'from'],
    ['from=microsoft', 'to'],
    ['from=microsoft&to=idf&mode=fastest', 'mode'],
    ['from=microsoft&to=idf&k=0', 'k'],
    ['from=microsoft&to=idf&k=11', 'k'],
    ['from=microsoft&to=idf&maxHops=7', 'maxHops'],
    ['from=microsoft&to=idf&maxHops=-1', 'maxHops'],
    ['from=microsoft&to=idf&asOf=2025-13-40', 'asOf'],
    ['from=microsoft&to=idf&types=LIKES', 'types'],
    ['from=microsoft&to=idf&direction=sideways', 'direction'],
    ['from=microsoft&from=idf&to=azure', 'from'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await get(`/api/paths?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(String(body.error.field).split('.')[0]).toBe(field);
  });
});
