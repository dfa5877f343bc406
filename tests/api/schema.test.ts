import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphSchemaSchema, type GraphSchema } from '../../server/src/contracts/graph-schema.js';
import {
  ACTOR_KINDS,
  CLAIM_STANCES,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_TYPES,
} from '../../server/src/contracts/vocabulary.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

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
    expect(keys(schema.properties.labels.Actor)).toEqual(
      expect.arrayContaining(['id', 'name', 'aliases', 'description', 'country', 'url', 'wikidata']),
    );
    expect(schema.properties.labels.Actor?.find((p) => p.key === 'aliases')?.types).toEqual(['StringArray']);
    expect(keys(schema.properties.labels.Claim)).toEqual(
      expect.arrayContaining(['id', 'quote', 'attributedTo', 'stance', 'relationshipId', 'note']),
    );
    expect(keys(schema.properties.labels.Source)).toEqual(expect.arrayContaining(['id', 'title', 'publisher']));
    expect(keys(schema.properties.relationshipTypes.PROVIDES_SERVICES_TO)).toEqual(['id', 'status', 'summary']);
  });
});
