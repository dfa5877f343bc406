import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../server/src/db/driver.js';
import { createLogger } from '../../server/src/logger.js';
import { getJson, startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testConnection, testDatabase } from '../support/neo4j.js';

// How the API degrades when Neo4j cannot take more work: here the app's driver has ONE pooled
// connection and a short acquisition timeout, and the test holds that connection in an open
// transaction, so the next read cannot get one (what 32+ requests in flight against a full pool
// looked like in the load benchmark). The answer must be a 503 with Retry-After, not a 500.
const database = testDatabase();
const seedDriver = getTestDriver();
const c = testConnection();
const busyDriver = createDriver({
  uri: c.uri,
  user: c.user,
  password: c.password,
  logger: createLogger('silent'),
  maxConnectionPoolSize: 1,
  connectionAcquisitionTimeoutMs: 300,
});
let app: RunningApp;

const P = 'zz-overload-test';
const A = `${P}-a`;
const B = `${P}-b`;

beforeAll(async () => {
  await seedDriver.executeQuery(
    `CREATE (a:Actor:Company {id: $a, name: 'Overload test A', aliases: [], description: 'test'})
     CREATE (b:Actor:Person {id: $b, name: 'Overload test B', aliases: [], description: 'test'})
     CREATE (a)-[:PARTNERS_WITH {id: $rel, status: 'active', summary: 'test'}]->(b)`,
    { a: A, b: B, rel: `${P}-rel` },
    { database },
  );
  app = await startTestApp(busyDriver, database);
});
afterAll(async () => {
  await app.close();
  await busyDriver.close();
  await seedDriver.executeQuery('MATCH (n:Actor) WHERE n.id IN $ids DETACH DELETE n', { ids: [A, B] }, { database });
});

describe('API under a saturated connection pool', () => {
  it('answers 503 NEO4J_UNAVAILABLE with Retry-After while every connection is busy, then 200 again', async () => {
    const path = `/api/actors/${A}/neighborhood?depth=1`;
    expect((await getJson(app.baseUrl, path)).status).toBe(200);

    const session = busyDriver.session({ database });
    const tx = await session.beginTransaction();
    try {
      await tx.run('RETURN 1'); // the pool's only connection is now held by this transaction
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('NEO4J_UNAVAILABLE');
      expect(body.error.message).toMatch(/busy/);
      // Search runs two queries in parallel; it degrades the same way.
      const search = await getJson(app.baseUrl, '/api/search?q=overload');
      expect(search.status).toBe(503);
      expect(search.body.error.code).toBe('NEO4J_UNAVAILABLE');
    } finally {
      await tx.rollback();
      await session.close();
    }

    const again = await getJson(app.baseUrl, path);
    expect(again.status).toBe(200);
    expect(again.body.data.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual([A, B]);
  });
});
