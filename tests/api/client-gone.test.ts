import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../server/src/db/driver.js';
import { createLogger } from '../../server/src/logger.js';
import { getJson, startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testConnection, testDatabase } from '../support/neo4j.js';

// A read whose client goes away must stop on Neo4j too (middlewares/client-gone.ts). The slow read
// is deterministic: the 10 shortest simple paths from A to B where B hangs off A alone and A sits
// in a clique of CLIQUE actors. Only one simple path exists (A-B), so Neo4j walks every one of the
// ~CLIQUE^4 closed walks of up to 6 hops through the clique before it can answer: far longer than
// this test waits. The app's driver has ONE pooled connection, so a connection left busy by an
// abandoned query would also show as the next request failing.
const database = testDatabase();
const seedDriver = getTestDriver();
const c = testConnection();
const CLIQUE = 40;
const P = 'zz-client-gone-test';
const A = `${P}-a`;
const B = `${P}-b`;
const SLOW_PATHS = `/api/paths?from=${A}&to=${B}&mode=k&k=10&maxHops=6`;
/** Text only the slow path query has (Cypher of path-repository.ts for k=10). */
const SLOW_QUERY_MARK = 'SHORTEST 10 ';

let appDriver: Driver;
let app: RunningApp;

beforeAll(async () => {
  await seedDriver.executeQuery(
    `CREATE (a:Actor:Company {id: $a, name: 'Client gone test A', aliases: [], description: 'test'})
     CREATE (b:Actor:Company {id: $b, name: 'Client gone test B', aliases: [], description: 'test'})
     CREATE (a)-[:PARTNERS_WITH {id: $p + '-ab', status: 'active'}]->(b)
     WITH a
     UNWIND range(1, $n) AS i
     CREATE (m:Actor:Person {id: $p + '-m' + i, name: 'Clique member ' + i, aliases: [], description: 'test'})
     CREATE (a)-[:PARTNERS_WITH {id: $p + '-am' + i, status: 'active'}]->(m)
     WITH collect(m) AS members
     UNWIND members AS x
     UNWIND members AS y
     WITH x, y WHERE x.id < y.id
     CREATE (x)-[:PARTNERS_WITH {id: x.id + '-' + y.id, status: 'active'}]->(y)`,
    { a: A, b: B, p: P, n: CLIQUE },
    { database },
  );
  appDriver = createDriver({ uri: c.uri, user: c.user, password: c.password, logger: createLogger('silent'), maxConnectionPoolSize: 1, connectionAcquisitionTimeoutMs: 2_000 });
  // A read timeout far beyond the test: only the client's going away may stop the query.
  app = await startTestApp(appDriver, database, { readTimeoutMs: 120_000 });
});
afterAll(async () => {
  await app.close();
  await appDriver.close();
  await seedDriver.executeQuery('MATCH (n:Actor) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P }, { database });
});

/** The transactions of the slow path query Neo4j lists, as `id status`. */
async function slowQueries(): Promise<string[]> {
  const { records } = await seedDriver.executeQuery(
    `SHOW TRANSACTIONS YIELD transactionId, currentQuery, status WHERE currentQuery CONTAINS $mark RETURN transactionId, status`,
    { mark: SLOW_QUERY_MARK },
    { database },
  );
  return records.map((r) => `${String(r.get('transactionId'))} ${String(r.get('status'))}`);
}

/** Polls `check` every 50 ms until it holds; resolves to the milliseconds it took (fails after `withinMs`, with `state()`). */
async function waitFor(what: string, check: () => Promise<boolean>, withinMs: number, state?: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > withinMs) throw new Error(`${what}: not within ${withinMs} ms${state ? ` (${JSON.stringify(await state())})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - started;
}

describe('a read whose client goes away', () => {
  it('stops its query on Neo4j, and the app keeps serving on the same connection', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const client = new AbortController();
      const answer = fetch(`${app.baseUrl}${SLOW_PATHS}`, { signal: client.signal }).then(
        (r) => `answered ${r.status}`,
        (error: unknown) => (error instanceof Error && error.name === 'AbortError' ? 'aborted' : String(error)),
      );
      await waitFor('the slow path query running on Neo4j', async () => (await slowQueries()).length > 0, 10_000);
      // Still running a second later: the query is slow in its own right, not merely being started.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await slowQueries()).toHaveLength(1);

      client.abort();
      expect(await answer).toBe('aborted');
      // Seconds, not the query's own run time (minutes) or the read timeout (120 s): Neo4j stops
      // it at its next termination check, later on a loaded machine (3 s was not always enough here).
      await waitFor('the query gone from SHOW TRANSACTIONS', async () => (await slowQueries()).length === 0, 10_000, slowQueries);

      // The pool's only connection is free again: the next read gets it (else 503 after 2 s).
      const next = await getJson(app.baseUrl, `/api/actors/${A}/neighborhood?depth=1&limit=5`);
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      expect(next.body.data.centre).toEqual([A]);
    }
  });

  it('still answers a read that its client waits for', async () => {
    const { status, body } = await getJson(app.baseUrl, `/api/paths?from=${A}&to=${B}`);
    expect(status).toBe(200);
    expect(body.data.paths[0].nodes).toEqual([A, B]);
  });
});
