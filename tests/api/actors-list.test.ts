import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const database = testDatabase();
let app: RunningApp;

const P = 'zz-actor-list-test';

beforeAll(async () => {
  app = await startTestApp(driver, database);
});
afterAll(async () => {
  await driver.executeQuery('MATCH (n:Actor) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P }, { database });
  await app.close();
});

const get = (path: string) => getJson(app.baseUrl, path);

/** Degree of every actor, counted independently of the endpoint's query (vocabulary types between actors). */
async function degrees(): Promise<Map<string, number>> {
  const { records } = await driver.executeQuery(
    `MATCH (a:Actor) WHERE NOT a:Retracted
     OPTIONAL MATCH (a)-[r]-(:Actor) WHERE r.retractedAt IS NULL AND r.status IS NOT NULL
     RETURN a.id AS id, count(r) AS degree`,
    {},
    { database },
  );
  return new Map(records.map((r) => [r.get('id') as string, Number(r.get('degree'))]));
}

describe('GET /api/actors?sort=degree', () => {
  it('ranks actors by their number of relationships, most first, as node data with the degree', async () => {
    const { status, body } = await get('/api/actors?sort=degree&limit=5');
    expect(status).toBe(200);
    const actors = body.data.actors as { data: { id: string; name: string; kind: string }; degree: number }[];
    expect(actors).toHaveLength(5);
    // In the founding report, Microsoft has the most relationships (14).
    expect(actors[0]!.data).toMatchObject({ id: 'microsoft', name: 'Microsoft', kind: 'Company' });
    expect(actors[0]!.degree).toBe(14);
    const truth = await degrees();
    for (const a of actors) expect(a.degree, a.data.id).toBe(truth.get(a.data.id));
    const sorted = [...actors].sort((x, y) => y.degree - x.degree);
    expect(actors.map((a) => a.degree)).toEqual(sorted.map((a) => a.degree));
    const max = Math.max(...truth.values());
    expect(actors[0]!.degree).toBe(max);
  });

  it('defaults to degree and 10, and counts a new actor’s relationships', async () => {
    await driver.executeQuery(
      `CREATE (hub:Actor:Company {id: $hub, name: 'Hub test', aliases: []})
       WITH hub UNWIND range(1, 30) AS i
       CREATE (x:Actor:Person {id: $p + '-spoke-' + toString(i), name: 'Spoke ' + toString(i), aliases: []})
       CREATE (hub)-[:EMPLOYS {id: $p + '-employs-' + toString(i), status: 'active'}]->(x)`,
      { hub: `${P}-hub`, p: P },
      { database },
    );
    const { status, body } = await get('/api/actors');
    expect(status).toBe(200);
    expect(body.data.actors).toHaveLength(10);
    expect(body.data.actors[0]).toMatchObject({ data: { id: `${P}-hub`, kind: 'Company' }, degree: 30 });
  });

  it('refuses a bad sort or limit with a 400 naming the parameter', async () => {
    for (const q of ['sort=name', 'limit=0', 'limit=101', 'limit=abc', 'limit=1&limit=2']) {
      const { status, body } = await get(`/api/actors?${q}`);
      expect(status, q).toBe(400);
      expect(body.error.code, q).toBe('VALIDATION_FAILED');
      expect(body.error.message, q).toMatch(/sort|limit/);
    }
  });
});
