import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceDetailSchema, sourceListSchema } from '../../server/src/contracts/sources.js';
import { useTestApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const get = useTestApp(driver, testDatabase());

const POLYGON = 'polygon-microsoft-unit-8200-report';
const GUARDIAN = 'guardian-microsoft-unit-8200-report';

describe('GET /api/sources', () => {
  it('lists sources by title with claim counts', async () => {
    const { status, body } = await get('/api/sources');
    expect(status).toBe(200);
    const list = sourceListSchema.parse(body.data);
    expect(list.sources.map((s) => [s.id, s.claimCount])).toEqual([
      [POLYGON, 26],
      [GUARDIAN, 0],
    ]);
    expect(list.page).toEqual({ limit: 20, offset: 0, total: 2, nextOffset: null });
    expect(list.sources[0]).toMatchObject({ publisher: 'Polygon', titleNote: expect.stringContaining('Descriptive title') });
  });

  it('paginates with limit and offset', async () => {
    const first = sourceListSchema.parse((await get('/api/sources?limit=1')).body.data);
    expect(first.sources.map((s) => s.id)).toEqual([POLYGON]);
    expect(first.page).toEqual({ limit: 1, offset: 0, total: 2, nextOffset: 1 });
    const second = sourceListSchema.parse((await get('/api/sources?limit=1&offset=1')).body.data);
    expect(second.sources.map((s) => s.id)).toEqual([GUARDIAN]);
    expect(second.page.nextOffset).toBeNull();
    const past = sourceListSchema.parse((await get('/api/sources?offset=50')).body.data);
    expect(past.sources).toEqual([]);
    expect(past.page).toMatchObject({ total: 2, nextOffset: null });
  });

  for (const [query, field] of [
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=100001', 'offset'],
    ['offset=abc', 'offset'],
  ] as const) {
    it(`answers ?${query} with 400 naming ${field}`, async () => {
      const { status, body } = await get(`/api/sources?${query}`);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    });
  }
});

describe('GET /api/sources/:id', () => {
  it('returns the Polygon report with every claim drawn from it and the edge each supports', async () => {
    const { status, body } = await get(`/api/sources/${POLYGON}`);
    expect(status).toBe(200);
    const detail = sourceDetailSchema.parse(body.data);
    expect(detail.source).toMatchObject({ id: POLYGON, claimCount: 26 });
    expect(detail.cites).toEqual([
      { id: GUARDIAN, title: 'The Guardian’s report on Microsoft ending services to Unit 8200', publisher: 'The Guardian' },
    ]);
    expect(detail.citedBy).toEqual([]);
    expect(detail.claims).toHaveLength(26);
    for (const claim of detail.claims) {
      expect(claim.relationship, claim.id).not.toBeNull();
      expect(claim.id.startsWith(claim.relationship!.data.id)).toBe(true);
    }
    const edges = new Set(detail.claims.map((c) => c.relationship!.data.id));
    expect(edges.size).toBe(22);

    const ended = detail.claims.find((c) => c.id === 'microsoft-provides-services-to-unit-8200-c2');
    expect(ended).toMatchObject({
      attributedTo: 'Brad Smith',
      stance: 'stated',
      relationship: { data: { source: 'microsoft', target: 'unit-8200', status: 'ended', evidenceCount: 4 } },
    });

    const nodeIds = new Set(detail.nodes.map((n) => n.data.id));
    for (const claim of detail.claims) {
      expect(nodeIds.has(claim.relationship!.data.source)).toBe(true);
      expect(nodeIds.has(claim.relationship!.data.target)).toBe(true);
    }
    // Every actor of the seed but the Palestinian BDS National Committee, which no edge has.
    expect(nodeIds.size).toBe(16);
    expect(nodeIds.has('palestinian-bds-national-committee')).toBe(false);
  });

  it('returns the Guardian report, cited by Polygon, with no claims', async () => {
    const detail = sourceDetailSchema.parse((await get(`/api/sources/${GUARDIAN}`)).body.data);
    expect(detail.source).toMatchObject({ id: GUARDIAN, publisher: 'The Guardian', claimCount: 0 });
    expect(detail.citedBy.map((s) => s.id)).toEqual([POLYGON]);
    expect(detail.claims).toEqual([]);
    expect(detail.nodes).toEqual([]);
  });

  it('answers an unknown id with 404 NOT_FOUND', async () => {
    const { status, body } = await get('/api/sources/no-such-source');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it('answers a malformed id with 400 naming id', async () => {
    const { status, body } = await get('/api/sources/NOT_A_SLUG');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
  });
});
