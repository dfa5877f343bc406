import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/paths.js';
import { getJson, startTestApp, type RunningApp } from '../support/app.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { postJson } from './console-support.js';

const driver = getTestDriver();
const database = testDatabase();
let app: RunningApp;
const FILES = readdirSync(join(REPO_ROOT, 'cypher', 'queries')).filter((f) => f.endsWith('.cypher'));
const IDS = FILES.map((f) => f.replace(/\.cypher$/, '')).sort();

beforeAll(async () => {
  app = await startTestApp(driver, database, { console: { ratePerMinute: 10_000 } });
});
afterAll(async () => app?.close());

describe('GET /api/queries', () => {
  it('lists every saved query of cypher/queries/ with its parameters', async () => {
    expect(IDS.length).toBeGreaterThanOrEqual(12);
    const { status, body } = await getJson(app.baseUrl, '/api/queries');
    expect(status).toBe(200);
    expect(body.data.map((q: any) => q.id).sort()).toEqual(IDS);
    const service = body.data.find((q: any) => q.id === 'actor-service-relationships');
    expect(service.title).toBe('Service relationships of an actor, with evidence');
    expect(service.parameters).toEqual([
      { name: 'actor', type: 'string', default: 'microsoft', description: 'Actor id' },
      { name: 'limit', type: 'integer', default: 50, description: 'Most relationships' },
    ]);
    for (const q of body.data) {
      expect(q.title.length).toBeGreaterThan(5);
      expect(q.description.length).toBeGreaterThan(10);
      expect(q.cypher).toBeUndefined();
    }
  });

  it('GET /api/queries/:id adds the Cypher; unknown ids are 404, bad ids 400', async () => {
    const one = await getJson(app.baseUrl, '/api/queries/boycotts');
    expect(one.status).toBe(200);
    expect(one.body.data.cypher).toMatch(/^MATCH \(a:Actor \{id: \$actor\}\)/);
    expect((await getJson(app.baseUrl, '/api/queries/no-such-query')).body.error.code).toBe('NOT_FOUND');
    const bad = await getJson(app.baseUrl, '/api/queries/Bad_Id');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /api/queries/:id/run', () => {
  it.each(IDS)('%s runs with its defaults and returns rows', async (id) => {
    const r = await postJson(app.baseUrl, `/api/queries/${id}/run`, {});
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.data.rowCount).toBeGreaterThan(0);
    expect(r.body.data.summary.queryType).toBe('r');
    expect(r.body.data.truncated).toBe(false);
  });

  it('coerces parameters to their declared types', async () => {
    const r = await postJson(app.baseUrl, '/api/queries/most-connected-actors/run', { params: { limit: '3' } });
    expect(r.status).toBe(200);
    expect(r.body.data.rowCount).toBe(3);
    expect(r.body.data.rows[0].actor).toBe('Microsoft');
    const list = await postJson(app.baseUrl, '/api/queries/alleged-and-disputed/run', { params: { statuses: 'disputed, alleged' } });
    expect(list.status).toBe(200);
    expect(list.body.data.rows.every((row: any) => row.status === 'alleged')).toBe(true);
    const date = await postJson(app.baseUrl, '/api/queries/relationships-as-of/run', { params: { asOf: '2025' } });
    expect(date.status).toBe(200);
    const actor = await postJson(app.baseUrl, '/api/queries/boycotts/run', { params: { actor: 'xbox' } });
    expect(actor.body.data.rows[0]).toMatchObject({ otherActor: 'BDS movement', type: 'CALLS_FOR_BOYCOTT_OF' });
    const path = await postJson(app.baseUrl, '/api/queries/shortest-path/run', { params: { from: 'microsoft', to: 'GAZA STRIP' } });
    expect(path.body.data.rows[0].actors).toEqual(['Microsoft', 'Israel', 'Gaza Strip']);
  });

  it.each([
    [{ limit: 'ten' }, 'params.limit'],
    [{ limit: 2.5 }, 'params.limit'],
    [{ limit: true }, 'params.limit'],
    [{ nope: 1 }, 'params.nope'],
  ])('refuses params %j with 400 naming %s', async (params, field) => {
    const r = await postJson(app.baseUrl, '/api/queries/most-connected-actors/run', { params });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.field).toBe(field);
  });

  it('refuses ill-typed dates and lists', async () => {
    const date = await postJson(app.baseUrl, '/api/queries/relationships-as-of/run', { params: { asOf: 'yesterday' } });
    expect(date.status).toBe(400);
    expect(date.body.error.field).toBe('params.asOf');
    const list = await postJson(app.baseUrl, '/api/queries/alleged-and-disputed/run', { params: { statuses: [1, 2] } });
    expect(list.status).toBe(400);
    expect(list.body.error.field).toBe('params.statuses');
  });

  it('keeps parameter values as data and the graph unchanged', async () => {
    const before = await graphFingerprint(driver, database);
    const r = await postJson(app.baseUrl, '/api/queries/actor-service-relationships/run', { params: { actor: "microsoft'}) DETACH DELETE a //" } });
    expect(r.status).toBe(200);
    expect(r.body.data.rowCount).toBe(0);
    expect(await graphFingerprint(driver, database)).toEqual(before);
  });

  it('answers 404 for an unknown saved query', async () => {
    const r = await postJson(app.baseUrl, '/api/queries/no-such-query/run', {});
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});
