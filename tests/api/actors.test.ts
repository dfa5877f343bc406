import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorDetailSchema } from '../../server/src/contracts/actors.js';
import { useTestApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const get = useTestApp(driver, testDatabase());

describe('GET /api/actors/:id', () => {
  it('returns the actor as node data with every stored property', async () => {
    const { status, body } = await get('/api/actors/microsoft');
    expect(status).toBe(200);
    const detail = actorDetailSchema.parse(body.data);
    expect(detail.actor.data).toEqual({
      id: 'microsoft',
      label: 'Microsoft',
      kind: 'Company',
      name: 'Microsoft',
      aliases: ['Microsoft Corporation'],
      description: 'American technology company headquartered in Redmond, Washington.',
      country: 'US',
      url: 'https://www.microsoft.com',
      wikidata: 'Q2283',
    });
    expect(detail.properties).toEqual({
      id: 'microsoft',
      name: 'Microsoft',
      aliases: ['Microsoft Corporation'],
      description: 'American technology company headquartered in Redmond, Washington.',
      country: 'US',
      url: 'https://www.microsoft.com',
      wikidata: 'Q2283',
    });
  });

  it("gives Microsoft's degree by relationship type and direction", async () => {
    const { body } = await get('/api/actors/microsoft');
    const degree = actorDetailSchema.parse(body.data).degree;
    const byType = Object.fromEntries(degree.byType.map((d) => [d.type, { out: d.out, in: d.in }]));
    expect(byType).toEqual({
      PROVIDES_SERVICES_TO: { out: 2, in: 0 },
      PARTNERS_WITH: { out: 2, in: 0 },
      OPERATES: { out: 2, in: 0 },
      MAKES: { out: 1, in: 0 },
      LOCATED_IN: { out: 1, in: 0 },
      USES: { out: 0, in: 2 },
      REPORTED_ON: { out: 0, in: 2 },
      OFFICER_OF: { out: 0, in: 1 },
      TARGETS_FOR_BOYCOTT: { out: 0, in: 1 },
    });
    expect(degree).toMatchObject({ out: 8, in: 6, total: 14 });
    expect(degree.byType.find((d) => d.type === 'USES')).toMatchObject({ label: 'uses', inverseLabel: 'is used by', total: 2 });
  });

  it('agrees with a direct Cypher count of the degree', async () => {
    const result = await driver.executeQuery(
      `MATCH (a:Actor {id: 'idf'})
       RETURN COUNT { (a)-[]->(:Actor) } AS out, COUNT { (a)<-[]-(:Actor) } AS in`,
      {},
      { database: testDatabase() },
    );
    const record = result.records[0]!;
    const { body } = await get('/api/actors/idf');
    expect(body.data.degree.out).toBe(Number(record.get('out')));
    expect(body.data.degree.in).toBe(Number(record.get('in')));
  });

  it('lists the sources cited by claims on its relationships, with claim counts', async () => {
    const { body } = await get('/api/actors/microsoft');
    const { sources } = actorDetailSchema.parse(body.data);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({
      id: 'polygon-microsoft-unit-8200-report',
      publisher: 'Polygon',
      claimCount: 26,
      actorClaimCount: 17,
      relationshipCount: 14,
    });
  });

  it('answers an actor without relationships-with-claims with empty lists, not an error', async () => {
    const { status, body } = await get('/api/actors/redmond');
    expect(status).toBe(200);
    expect(body.data.degree).toMatchObject({ out: 0, in: 1, total: 1 });
  });

  it('answers an unknown id with 404 NOT_FOUND', async () => {
    const { status, body } = await get('/api/actors/no-such-actor');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: 'actor "no-such-actor" was not found' } });
  });

  for (const id of ['Microsoft', 'unit_8200', 'a--b', '-a', 'ü', 'a%20b', `${'a'.repeat(121)}`]) {
    it(`answers a malformed id ${JSON.stringify(id.slice(0, 20))} with 400 naming id`, async () => {
      const { status, body } = await get(`/api/actors/${encodeURIComponent(id)}`);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
    });
  }

  it('does not claim the neighbourhood path /api/actors/:id/neighborhood', async () => {
    const { body } = await get('/api/actors/microsoft/neighborhood');
    expect(body.data?.degree).toBeUndefined();
    expect(body.error?.field).not.toBe('id');
  });
});
