import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphSchemaSchema, type GraphSchema } from '../../server/src/contracts/graph-schema.js';
import {
  ACTOR_KINDS,
  CLAIM_STANCES,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_TYPE_NAMES,
  RELATIONSHIP_TYPES,
} from '../../server/src/contracts/vocabulary.js';
import { TYPE_COUNTS } from '../../server/src/repositories/schema-repository.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { deleteCurated, useCurationApp } from './curation-support.js';

const driver = getTestDriver();
let app: RunningApp;
let schema: GraphSchema;
let response: Response;

beforeAll(async () => {
  app = await startTestApp(driver, testDatabase());
  response = await fetch(`${app.baseUrl}/api/schema`);
  schema = graphSchemaSchema.parse((await response.json()).data);
});
afterAll(async () => app.close());

async function cypherCounts(cypher: string): Promise<Map<string, number>> {
  const result = await driver.executeQuery(cypher, {}, { database: testDatabase() });
  return new Map(result.records.map((r) => [String(r.get('key')), Number(r.get('n'))]));
}

describe('GET /api/schema', () => {
  it('answers 200, cacheable for 60 s, with an ETag', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('etag')).toMatch(/^W\//);
  });

  it('says when its statistics were computed (within the 2 s budget on the seed: at the first call)', () => {
    expect(schema.statsAsOf).not.toBeNull();
    expect(Date.now() - Date.parse(schema.statsAsOf ?? '')).toBeLessThan(60_000);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    // node:http, not fetch: fetch adds `Cache-Control: no-cache` to conditional requests, which
    // (rightly) makes Express answer 200.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${app.baseUrl}/api/schema`, { headers: { 'if-none-match': response.headers.get('etag') ?? '' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(304);
  });

  it('lists every vocabulary entry in order, with its labels and description', () => {
    expect(schema.actorKinds.map((k) => k.kind)).toEqual(ACTOR_KINDS.map((k) => k.kind));
    expect(schema.relationshipTypes.map((t) => t.type)).toEqual(RELATIONSHIP_TYPES.map((t) => t.type));
    expect(schema.statuses.map((s) => s.status)).toEqual(RELATIONSHIP_STATUSES.map((s) => s.status));
    expect(schema.stances.map((s) => s.stance)).toEqual(CLAIM_STANCES.map((s) => s.stance));
    expect(schema.actorKinds.find((k) => k.kind === 'Person')).toMatchObject({ label: 'Person', plural: 'People' });
    expect(schema.relationshipTypes.find((t) => t.type === 'USES')).toMatchObject({ label: 'uses', inverseLabel: 'is used by' });
  });

  it('counts actors per kind as a direct Cypher count does (0 where none)', async () => {
    const direct = await cypherCounts('MATCH (n:Actor) UNWIND labels(n) AS key WITH key WHERE key <> "Actor" RETURN key, count(*) AS n');
    for (const k of schema.actorKinds) expect(k.count, k.kind).toBe(direct.get(k.kind) ?? 0);
    expect(schema.actorKinds.find((k) => k.kind === 'Product')?.count).toBe(3);
  });

  it('counts relationships per type as a direct Cypher count does (0 where none)', async () => {
    const direct = await cypherCounts('MATCH (:Actor)-[r]->(:Actor) RETURN type(r) AS key, count(*) AS n');
    for (const t of schema.relationshipTypes) expect(t.count, t.type).toBe(direct.get(t.type) ?? 0);
    expect(schema.relationshipTypes.find((t) => t.type === 'MEMBER_OF')?.count).toBe(0);
  });

  it('counts statuses and stances as direct Cypher counts do', async () => {
    const statuses = await cypherCounts('MATCH (:Actor)-[r]->(:Actor) RETURN r.status AS key, count(*) AS n');
    for (const s of schema.statuses) expect(s.count, s.status).toBe(statuses.get(s.status) ?? 0);
    const stances = await cypherCounts('MATCH (c:Claim) RETURN c.stance AS key, count(*) AS n');
    for (const s of schema.stances) expect(s.count, s.stance).toBe(stances.get(s.stance) ?? 0);
    expect(schema.statuses.find((s) => s.status === 'ended')?.count).toBe(1);
  });

  it('gives totals matching the seed', () => {
    expect(schema.totals).toEqual({ actors: 17, relationships: 22, sources: 2, claims: 26 });
  });

  it('lists property keys per label and relationship type', () => {
    const keys = (list: Array<{ key: string }> | undefined) => (list ?? []).map((p) => p.key);
    if (!schema.properties) throw new Error('schema.test: no property keys');
    expect(keys(schema.properties.labels.Actor)).toEqual(
      expect.arrayContaining(['id', 'name', 'aliases', 'description', 'country', 'url', 'wikidata']),
    );
    expect(schema.properties?.labels.Actor?.find((p) => p.key === 'aliases')?.types).toEqual(['StringArray']);
    expect(keys(schema.properties.labels.Claim)).toEqual(
      expect.arrayContaining(['id', 'quote', 'attributedTo', 'stance', 'relationshipId', 'note']),
    );
    expect(keys(schema.properties.labels.Source)).toEqual(expect.arrayContaining(['id', 'title', 'publisher']));
    expect(keys(schema.properties.relationshipTypes.PROVIDES_SERVICES_TO)).toEqual(['id', 'status', 'summary']);
  });

  it('has a retractedAt range index for every relationship type of the vocabulary', async () => {
    const { records } = await driver.executeQuery(
      "SHOW INDEXES YIELD type, entityType, labelsOrTypes, properties, state WHERE type = 'RANGE' RETURN entityType, labelsOrTypes[0] AS on, properties[0] AS property, state",
      {},
      { database: testDatabase() },
    );
    const have = new Set(records.map((r) => `${r.get('entityType')}:${r.get('on')}.${r.get('property')}:${r.get('state')}`));
    for (const type of RELATIONSHIP_TYPE_NAMES) expect(have.has(`RELATIONSHIP:${type}.retractedAt:ONLINE`), type).toBe(true);
  });

  it('counts relationships per type from the count store and the retractedAt indexes, never reading every relationship', async () => {
    const { summary } = await driver.executeQuery(`EXPLAIN RETURN ${TYPE_COUNTS} AS types`, {}, { database: testDatabase() });
    const operators: string[] = [];
    const walk = (p: any) => {
      operators.push(String(p.operatorType).replace(/@.*/, ''));
      for (const c of p.children ?? []) walk(c);
    };
    walk(summary.plan);
    expect(operators.filter((o) => /Scan/.test(o) && o !== 'DirectedRelationshipIndexScan')).toEqual([]);
    expect(operators.filter((o) => o === 'RelationshipCountFromCountStore')).toHaveLength(RELATIONSHIP_TYPE_NAMES.length);
    expect(operators.filter((o) => o === 'DirectedRelationshipIndexScan')).toHaveLength(RELATIONSHIP_TYPE_NAMES.length);
  });

  it('leaves retracted relationships out of the type counts', async () => {
    const database = testDatabase();
    const ids = ['zz-schema-retract-a', 'zz-schema-retract-b'];
    const owns = async () => {
      const r = await fetch(`${app.baseUrl}/api/schema`);
      const body = graphSchemaSchema.parse((await r.json()).data);
      return body.relationshipTypes.find((t) => t.type === 'OWNS')?.count;
    };
    const before = await owns();
    try {
      await driver.executeQuery(
        `CREATE (a:Actor:Company {id: $a, name: 'Schema retract A', aliases: []})
         CREATE (b:Actor:Company {id: $b, name: 'Schema retract B', aliases: []})
         CREATE (a)-[:OWNS {id: 'zz-schema-retract-live', status: 'active'}]->(b)
         CREATE (a)-[:OWNS {id: 'zz-schema-retract-gone', status: 'active', retractedAt: '2026-01-01T00:00:00Z'}]->(b)`,
        { a: ids[0], b: ids[1] },
        { database },
      );
      expect(await owns()).toBe((before ?? 0) + 1);
    } finally {
      await driver.executeQuery('MATCH (n:Actor) WHERE n.id IN $ids DETACH DELETE n', { ids }, { database });
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Status and stance counts and property keys are statistics kept per app instance.
// ------------------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getSchema(baseUrl: string): Promise<{ schema: GraphSchema; cacheControl: string | null }> {
  const r = await fetch(`${baseUrl}/api/schema`);
  expect(r.status).toBe(200);
  return { schema: graphSchemaSchema.parse((await r.json()).data), cacheControl: r.headers.get('cache-control') };
}

/** Calls GET /api/schema until `done` holds (a later call fills in what a background computation found). */
async function pollSchema(baseUrl: string, done: (s: GraphSchema) => boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await getSchema(baseUrl);
    if (done(got.schema)) return got;
    if (Date.now() > until) throw new Error(`schema.test: GET /api/schema never satisfied the condition; last: ${JSON.stringify(got.schema.statsAsOf)}`);
    await sleep(50);
  }
}

const statusCount = (s: GraphSchema, status: string) => s.statuses.find((x) => x.status === status)?.count;
const stanceCount = (s: GraphSchema, stance: string) => s.stances.find((x) => x.stance === stance)?.count;

describe('GET /api/schema statistics: after a write through this instance', () => {
  const api = useCurationApp(driver, testDatabase(), 'schema');
  const created = { actors: [] as string[], relationships: [] as string[], sources: [] as string[] };
  afterAll(async () => deleteCurated(driver, testDatabase(), created));

  it('counts the new relationship status and claim stance at the next call (the write drops this instance’s statistics)', async () => {
    const before = await getSchema(api.baseUrl());
    const actor = async (name: string) => {
      const { status, body } = await api.request('POST', '/api/actors', { body: { name, kind: 'Company', description: `${name}, made by the schema tests.` } });
      expect(status, JSON.stringify(body)).toBe(201);
      created.actors.push(body.data.actor.data.id);
      return body.data.actor.data.id as string;
    };
    const [a, b] = [await actor('Schema Stats Test A'), await actor('Schema Stats Test B')];
    const { status, body } = await api.request('POST', '/api/relationships', {
      body: {
        source: a,
        target: b,
        type: 'OWNS',
        status: 'alleged',
        summary: 'A owns B, per the schema tests.',
        claims: [{ quote: 'schema stats line', attributedTo: 'Schema Test Desk', stance: 'denied', source: { id: 'polygon-microsoft-unit-8200-report' } }],
      },
    });
    expect(status, JSON.stringify(body)).toBe(201);
    created.relationships.push(body.data.relationship.data.id);

    const after = await getSchema(api.baseUrl());
    expect(statusCount(after.schema, 'alleged')).toBe((statusCount(before.schema, 'alleged') ?? 0) + 1);
    expect(stanceCount(after.schema, 'denied')).toBe((stanceCount(before.schema, 'denied') ?? 0) + 1);
    expect(Date.parse(after.schema.statsAsOf ?? '')).toBeGreaterThan(Date.parse(before.schema.statsAsOf ?? ''));
    expect(after.cacheControl).toBe('public, max-age=60');
  });
});

describe('GET /api/schema statistics: a short TTL', () => {
  const ttlMs = 4_000;
  let short: RunningApp;
  const ids = ['zz-schema-ttl-a', 'zz-schema-ttl-b'];
  beforeAll(async () => {
    short = await startTestApp(driver, testDatabase(), { schemaStats: { ttlMs, budgetMs: 10_000 } });
  });
  afterAll(async () => {
    await driver.executeQuery('MATCH (n:Actor) WHERE n.id IN $ids DETACH DELETE n', { ids }, { database: testDatabase() });
    await short.close();
  });

  it('computes them at most once per TTL, then serves the stale ones (no-cache) while it recomputes, then the new ones', async () => {
    const first = await getSchema(short.baseUrl);
    const asOf = first.schema.statsAsOf;
    expect(asOf).not.toBeNull();
    // A write this instance does not see (another instance, the CLI): no invalidation.
    await driver.executeQuery(
      `CREATE (a:Actor:Company {id: $a, name: 'Schema TTL A', aliases: []})
       CREATE (b:Actor:Company {id: $b, name: 'Schema TTL B', aliases: []})
       CREATE (a)-[:OWNS {id: 'zz-schema-ttl-rel', status: 'disputed'}]->(b)`,
      { a: ids[0], b: ids[1] },
      { database: testDatabase() },
    );
    const cached = await getSchema(short.baseUrl);
    expect(Date.now() - Date.parse(asOf ?? '')).toBeLessThan(ttlMs); // else this check proves nothing
    expect(cached.schema.statsAsOf).toBe(asOf);
    expect(statusCount(cached.schema, 'disputed')).toBe(statusCount(first.schema, 'disputed'));
    // The exact counts are per request: the new relationship shows at once.
    expect(cached.schema.totals.relationships).toBe(first.schema.totals.relationships + 1);

    await sleep(Math.max(0, Date.parse(asOf ?? '') + ttlMs + 50 - Date.now()));
    const stale = await getSchema(short.baseUrl);
    expect(stale.schema.statsAsOf).toBe(asOf);
    expect(stale.cacheControl).toBe('no-cache');

    const fresh = await pollSchema(short.baseUrl, (s) => s.statsAsOf !== asOf);
    expect(Date.parse(fresh.schema.statsAsOf ?? '')).toBeGreaterThan(Date.parse(asOf ?? ''));
    expect(statusCount(fresh.schema, 'disputed')).toBe((statusCount(first.schema, 'disputed') ?? 0) + 1);
    expect(fresh.cacheControl).toBe('public, max-age=60');
  });
});

describe('GET /api/schema statistics: a budget of 0 ms', () => {
  let eager: RunningApp;
  beforeAll(async () => {
    eager = await startTestApp(driver, testDatabase(), { schemaStats: { budgetMs: 0 } });
  });
  afterAll(async () => eager.close());

  it('answers at once without them (null, not cacheable), and with them on a later call', async () => {
    const first = await getSchema(eager.baseUrl);
    expect(first.schema.statsAsOf).toBeNull();
    expect(first.schema.statuses.every((s) => s.count === null)).toBe(true);
    expect(first.schema.stances.every((s) => s.count === null)).toBe(true);
    expect(first.schema.properties).toBeNull();
    expect(first.cacheControl).toBe('no-cache');
    // The exact counts are there all the same.
    expect(first.schema.totals).toEqual(schema.totals);
    expect(first.schema.actorKinds.map((k) => k.count)).toEqual(schema.actorKinds.map((k) => k.count));

    const later = await pollSchema(eager.baseUrl, (s) => s.statsAsOf !== null);
    const statuses = await cypherCounts('MATCH (:Actor)-[r]->(:Actor) WHERE r.retractedAt IS NULL RETURN r.status AS key, count(*) AS n');
    for (const s of later.schema.statuses) expect(s.count, s.status).toBe(statuses.get(s.status) ?? 0);
    expect(later.schema.properties?.labels.Actor?.length).toBeGreaterThan(0);
    expect(later.cacheControl).toBe('public, max-age=60');
  });
});
