import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipDetailSchema } from '../../server/src/contracts/relationships.js';
import { useTestApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const get = useTestApp(driver, testDatabase());

describe('GET /api/relationships/:id', () => {
  it('returns Microsoft → Unit 8200 as ended, with both endpoints and all four claims', async () => {
    const { status, body } = await get('/api/relationships/microsoft-provides-services-to-unit-8200');
    expect(status).toBe(200);
    const detail = relationshipDetailSchema.parse(body.data);
    expect(detail.relationship.data).toMatchObject({
      id: 'microsoft-provides-services-to-unit-8200',
      source: 'microsoft',
      target: 'unit-8200',
      type: 'PROVIDES_SERVICES_TO',
      label: 'provides services to',
      status: 'ended',
      since: null,
      until: null,
      evidenceCount: 4,
    });
    expect(detail.subject.data).toMatchObject({ id: 'microsoft', kind: 'Company' });
    expect(detail.object.data).toMatchObject({ id: 'unit-8200', kind: 'MilitaryUnit' });
    expect(detail.evidence.map((e) => e.id)).toEqual([1, 2, 3, 4].map((n) => `microsoft-provides-services-to-unit-8200-c${n}`));

    const ceased = detail.evidence.find((e) => e.quote.includes('ceased and disabled'));
    expect(ceased).toEqual({
      id: 'microsoft-provides-services-to-unit-8200-c2',
      quote: 'ceased and disabled a set of services to a unit within the Israel Ministry of Defense',
      attributedTo: 'Brad Smith',
      stance: 'stated',
      note: expect.stringContaining('email to Microsoft employees'),
      source: {
        id: 'polygon-microsoft-unit-8200-report',
        title: 'Microsoft cuts off Israeli military unit’s access to Azure, citing The Guardian',
        publisher: 'Polygon',
        url: null,
        publishedAt: null,
        author: null,
      },
    });
  });

  it('returns every relationship of the seed, each with as many claims as Cypher counts', async () => {
    const result = await driver.executeQuery(
      `MATCH (:Actor)-[r]->(:Actor) RETURN r.id AS id, type(r) AS type, COUNT { (c:Claim {relationshipId: r.id}) } AS claims`,
      {},
      { database: testDatabase() },
    );
    expect(result.records).toHaveLength(22);
    for (const record of result.records) {
      const { status, body } = await get(`/api/relationships/${record.get('id')}`);
      expect(status).toBe(200);
      expect(body.data.relationship.data.type).toBe(record.get('type'));
      expect(body.data.evidence).toHaveLength(Number(record.get('claims')));
      expect(body.data.relationship.data.evidenceCount).toBe(Number(record.get('claims')));
    }
  });

  it('answers an unknown id with 404 NOT_FOUND', async () => {
    const { status, body } = await get('/api/relationships/microsoft-owns-the-moon');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it('answers a claim id (not a relationship id) with 404', async () => {
    const { status } = await get('/api/relationships/microsoft-provides-services-to-unit-8200-c1');
    expect(status).toBe(404);
  });

  it('answers a malformed id with 400 naming id', async () => {
    const { status, body } = await get(`/api/relationships/${encodeURIComponent('Bad Id')}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
  });
});
