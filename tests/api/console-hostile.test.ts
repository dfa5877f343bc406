import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { postJson } from './console-support.js';
import { HOSTILE_QUERIES } from './fixtures/hostile-queries.js';

const driver = getTestDriver();
const database = testDatabase();
const CANARY = 'console-canary-7d1f';
let app: RunningApp;
let before: Awaited<ReturnType<typeof graphFingerprint>>;

async function canaryAndMicrosoft(): Promise<{ canaries: unknown[]; microsoft: unknown }> {
  const result = await driver.executeQuery(
    "MATCH (c:Canary) WITH collect(c.value) AS canaries MATCH (m:Actor {id: 'microsoft'}) RETURN canaries, m.name AS microsoft",
    {},
    { database, routing: 'READ' },
  );
  return result.records[0]?.toObject() as { canaries: unknown[]; microsoft: unknown };
}

beforeAll(async () => {
  await driver.executeQuery('CREATE (:Canary {value: $value})', { value: CANARY }, { database });
  // A generous rate limit: this file sends every hostile query from one client.
  app = await startTestApp(driver, database, { console: { ratePerMinute: 10_000, timeoutMs: 5_000 } });
  before = await graphFingerprint(driver, database);
});

afterAll(async () => {
  await app?.close();
  await driver.executeQuery('MATCH (c:Canary) DETACH DELETE c', {}, { database });
});

describe('POST /api/console/run refuses hostile queries', () => {
  it('has a corpus of at least 45 hostile queries, each with a note', () => {
    expect(HOSTILE_QUERIES.length).toBeGreaterThanOrEqual(45);
    for (const h of HOSTILE_QUERIES) expect(h.note.length).toBeGreaterThan(3);
    expect(new Set(HOSTILE_QUERIES.map((h) => h.query)).size).toBe(HOSTILE_QUERIES.length);
  });

  it.each(HOSTILE_QUERIES.map((h) => [h.note, h] as const))('%s', async (_note, h) => {
    const r = await postJson(app.baseUrl, '/api/console/run', { query: h.query, params: h.params ?? {} });
    if ('data' in h.expect) {
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.data.summary.queryType).toBe('r');
      if (h.expect.rows !== undefined) expect(r.body.data.rowCount).toBe(h.expect.rows);
      if (h.expect.returns !== undefined) expect(r.body.data.rows[0].p).toEqual(h.expect.returns);
    } else {
      expect(r.status, JSON.stringify(r.body)).toBe(h.expect.status);
      expect(r.body.error.code).toBe(h.expect.code);
      expect(typeof r.body.error.message).toBe('string');
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    }
    // Nothing changed: every node and relationship (counts and content), the canary, Microsoft's name.
    expect(await graphFingerprint(driver, database)).toEqual(before);
    expect(await canaryAndMicrosoft()).toEqual({ canaries: [CANARY], microsoft: 'Microsoft' });
  });

  it('leaves no index, constraint, label or property key behind', async () => {
    const indexes = await driver.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS names', {}, { database });
    expect((indexes.records[0]?.get('names') as string[]).filter((n) => n.startsWith('evil'))).toEqual([]);
    const labels = await driver.executeQuery('CALL db.labels() YIELD label RETURN collect(label) AS labels', {}, { database });
    expect(labels.records[0]?.get('labels')).not.toContain('Evil');
  });
});
