import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { postJson, sleep } from './console-support.js';

const driver = getTestDriver();
const database = testDatabase();

/** A cartesian product over every node, six times: never finishes on its own. */
const runaway = (marker: string) =>
  `MATCH (a), (b), (c), (d), (e), (f) WITH '${marker}' AS marker, a, b, c, d, e, f RETURN marker, sum(size(elementId(a)) + size(elementId(f))) AS s`;

/** Transaction ids of running queries whose text contains `marker`, from Neo4j itself. */
async function transactionsWith(marker: string): Promise<string[]> {
  const result = await driver.executeQuery(
    'SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS $marker RETURN collect(transactionId) AS ids',
    { marker },
    { database },
  );
  return result.records[0]?.get('ids') as string[];
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await condition()) return performance.now() - started;
    await sleep(100);
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('console limits', () => {
  let app: RunningApp;
  const TIMEOUT_MS = 4_000;
  beforeAll(async () => {
    app = await startTestApp(driver, database, { console: { timeoutMs: TIMEOUT_MS, ratePerMinute: 10_000, maxConcurrent: 2 } });
  });
  afterAll(async () => app?.close());

  it('stops a runaway query at its timeout (408) while a concurrent search still answers', async () => {
    const marker = `runaway-${Date.now()}`;
    expect((await fetch(`${app.baseUrl}/api/search?q=microsoft`)).status).toBe(200); // planned and cached, as in use
    let runawayDoneAt = Number.POSITIVE_INFINITY;
    const started = performance.now();
    const pending = postJson(app.baseUrl, '/api/console/run', { query: runaway(marker) }).then((r) => {
      runawayDoneAt = performance.now();
      return r;
    });
    await waitFor(async () => (await transactionsWith(marker)).length > 0, 5_000);
    const searchStarted = performance.now();
    const search = await fetch(`${app.baseUrl}/api/search?q=microsoft`);
    const searchDoneAt = performance.now();
    expect(search.status).toBe(200);
    expect(((await search.json()) as any).data.actors[0].id).toBe('microsoft');
    expect(searchDoneAt).toBeLessThan(runawayDoneAt); // answered while the runaway was still running
    const r = await pending;
    const elapsed = runawayDoneAt - started;
    expect(r.status).toBe(408);
    expect(r.body.error.code).toBe('QUERY_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 3_000); // timeout + margin for a loaded 2-core machine
    console.log(`runaway stopped after ${Math.round(elapsed)} ms (timeout ${TIMEOUT_MS} ms); search answered in ${Math.round(searchDoneAt - searchStarted)} ms`);
    // Neo4j no longer runs it
    await waitFor(async () => (await transactionsWith(marker)).length === 0, 5_000);
  });

  it('stops the query when the client aborts the request', async () => {
    const slow = await startTestApp(driver, database, { console: { timeoutMs: 60_000, ratePerMinute: 10_000 } });
    try {
      const marker = `cancel-${Date.now()}`;
      const controller = new AbortController();
      const pending = postJson(slow.baseUrl, '/api/console/run', { query: runaway(marker) }, { signal: controller.signal }).catch((e: unknown) => e);
      await waitFor(async () => (await transactionsWith(marker)).length > 0, 5_000);
      controller.abort();
      expect(await pending).toBeInstanceOf(Error);
      const gone = await waitFor(async () => (await transactionsWith(marker)).length === 0, 5_000);
      console.log(`cancelled query gone from SHOW TRANSACTIONS ${Math.round(gone)} ms after the abort`);
    } finally {
      await slow.close();
    }
  });

  it('answers 429 CONSOLE_BUSY at once over the concurrency cap, and frees the slot afterwards', async () => {
    const one = await startTestApp(driver, database, { console: { timeoutMs: 60_000, ratePerMinute: 10_000, maxConcurrent: 1 } });
    try {
      const marker = `busy-${Date.now()}`;
      const controller = new AbortController();
      const first = postJson(one.baseUrl, '/api/console/run', { query: runaway(marker) }, { signal: controller.signal }).catch((e: unknown) => e);
      await waitFor(async () => (await transactionsWith(marker)).length > 0, 5_000);
      const busy = await postJson(one.baseUrl, '/api/console/run', { query: 'RETURN 1 AS x' });
      expect(busy.status).toBe(429);
      expect(busy.body.error.code).toBe('CONSOLE_BUSY');
      const busySaved = await postJson(one.baseUrl, '/api/queries/most-connected-actors/run', {});
      expect(busySaved.status).toBe(429);
      expect(busySaved.body.error.code).toBe('CONSOLE_BUSY');
      controller.abort();
      await first;
      await waitFor(async () => (await postJson(one.baseUrl, '/api/console/run', { query: 'RETURN 1 AS x' })).status === 200, 5_000);
    } finally {
      await one.close();
    }
  });

  it('rate-limits each client (429 RATE_LIMITED), saved-query runs included', async () => {
    const limited = await startTestApp(driver, database, { console: { ratePerMinute: 3 } });
    try {
      for (let i = 0; i < 2; i += 1) expect((await postJson(limited.baseUrl, '/api/console/run', { query: 'RETURN 1 AS x' })).status).toBe(200);
      expect((await postJson(limited.baseUrl, '/api/queries/most-connected-actors/run', {})).status).toBe(200);
      const over = await postJson(limited.baseUrl, '/api/console/run', { query: 'RETURN 1 AS x' });
      expect(over.status).toBe(429);
      expect(over.body.error.code).toBe('RATE_LIMITED');
      const response = await fetch(`${limited.baseUrl}/api/queries/most-connected-actors/run`, { method: 'POST' });
      expect(response.status).toBe(429);
      expect(response.headers.get('ratelimit-policy')).toMatch(/^3;w=60/);
      // the explorer is not limited by the console's budget
      expect((await fetch(`${limited.baseUrl}/api/search?q=microsoft`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
