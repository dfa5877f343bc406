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
    expect(list.page).toEqual({ limit: 20, offset: 0, total: 2, nextOffset: null, nextCursor: null });
    expect(list.sources[0]).toMatchObject({ publisher: 'Polygon', titleNote: expect.stringContaining('Descriptive title') });
  });

  it('paginates with limit and offset', async () => {
    const first = sourceListSchema.parse((await get('/api/sources?limit=1')).body.data);
    expect(first.sources.map((s) => s.id)).toEqual([POLYGON]);
    expect(first.page).toMatchObject({ limit: 1, offset: 0, total: 2, nextOffset: 1 });
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
    ['cursor=abc', 'cursor'],
    ['cursor=' + Buffer.from('["a"]').toString('base64url'), 'cursor'],
    ['cursor=' + Buffer.from('[1,"b"]').toString('base64url'), 'cursor'],
    ['cursor=' + Buffer.from('["a","b"]').toString('base64url') + '&offset=1', 'cursor'],
    ['cursor=a&cursor=b', 'cursor'],
  ] as const) {
    it(`answers ?${query} with 400 naming ${field}`, async () => {
      const { status, body } = await get(`/api/sources?${query}`);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    });
  }
});

describe('GET /api/sources with a keyset cursor', () => {
  const P = 'zz-sources-cursor';
  // Seven more sources, two pairs sharing a title (the id breaks the tie).
  const extra = [
    ['a1', 'Aardvark report'],
    ['a2', 'Aardvark report'],
    ['m1', 'Middle report'],
    ['z2', 'Zulu report'],
    ['z1', 'Zulu report'],
    ['q1', 'Quebec report'],
    ['b1', 'Bravo report'],
  ].map(([id, title]) => ({ id: `${P}-${id}`, title: title as string }));
  beforeAll(async () => {
    await driver.executeQuery('UNWIND $rows AS row CREATE (:Source {id: row.id, title: row.title, publisher: "Test"})', { rows: extra }, { database: testDatabase() });
  });
  afterAll(async () => {
    await driver.executeQuery('MATCH (s:Source) WHERE s.id STARTS WITH $p DETACH DELETE s', { p: `${P}-` }, { database: testDatabase() });
  });

  async function walk(limit: number) {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/sources?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const list = sourceListSchema.parse(res.body.data);
      if (pages > 0) expect(list.page.offset).toBeNull();
      ids.push(...list.sources.map((s) => s.id));
      cursor = list.page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(50);
    } while (cursor);
    return ids;
  }

  it('walks every source once, in title then id order, at any page size, agreeing with offset paging', async () => {
    const all = sourceListSchema.parse((await get('/api/sources?limit=100')).body.data);
    expect(all.sources).toHaveLength(9);
    const expected = all.sources.map((s) => s.id);
    const titles = all.sources.map((s) => s.title);
    expect(titles).toEqual([...titles].sort());
    expect(expected.indexOf(`${P}-z1`)).toBe(expected.indexOf(`${P}-z2`) - 1);
    for (const limit of [1, 2, 3, 9, 10]) expect(await walk(limit), `limit ${limit}`).toEqual(expected);
  });

  it('keeps its place when sources are added or removed before it (offset paging would shift)', async () => {
    const first = sourceListSchema.parse((await get('/api/sources?limit=3')).body.data);
    const cursor = first.page.nextCursor;
    expect(cursor).not.toBeNull();
    const lastSeen = first.sources[2]!.id;
    await driver.executeQuery("CREATE (:Source {id: $id, title: 'AAA first of all', publisher: 'Test'})", { id: `${P}-aaa` }, { database: testDatabase() });
    try {
      const next = sourceListSchema.parse((await get(`/api/sources?limit=3&cursor=${cursor}`)).body.data);
      const all = sourceListSchema.parse((await get('/api/sources?limit=100')).body.data).sources.map((s) => s.id);
      expect(next.sources.map((s) => s.id)).toEqual(all.slice(all.indexOf(lastSeen) + 1, all.indexOf(lastSeen) + 4));
      expect(next.page).toMatchObject({ offset: null, nextOffset: null, total: 10 });
    } finally {
      await driver.executeQuery('MATCH (s:Source {id: $id}) DELETE s', { id: `${P}-aaa` }, { database: testDatabase() });
    }
  });
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
