import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { RELATIONSHIP_TYPE_NAMES } from '../../server/src/contracts/vocabulary.js';
import { TIMELINE_SOURCES, TIMELINE_SOURCE_TOTAL, TIMELINE_TYPE_QUERIES } from '../../server/src/repositories/timeline-repository.js';

const driver = getTestDriver();
const database = testDatabase();
let app: RunningApp;

const P = 'zz-timeline-test';
const A = `${P}-a`;
const B = `${P}-b`;
const REL = `${P}-a-partners-with-b`;
const SOURCE = `${P}-source`;

beforeAll(async () => {
  app = await startTestApp(driver, database);
  await driver.executeQuery(
    `CREATE (a:Actor:Company {id: $a, name: 'Timeline test A', aliases: [], description: 'test'})
     CREATE (b:Actor:Person {id: $b, name: 'Timeline test B', aliases: [], description: 'test'})
     CREATE (a)-[:PARTNERS_WITH {id: $rel, status: 'ended', summary: 'test', since: '2020-03', until: '2024-05'}]->(b)
     CREATE (a)-[:EMPLOYS {id: $rel2, status: 'active', summary: 'test'}]->(b)
     CREATE (s:Source {id: $source, title: 'Timeline test source', publisher: 'Test', publishedAt: '2024-06-01'})
     CREATE (c:Claim {id: $claim, quote: 'q', attributedTo: 'Test', stance: 'reported', relationshipId: $rel})-[:CITES]->(s)`,
    { a: A, b: B, rel: REL, rel2: `${P}-employs`, source: SOURCE, claim: `${P}-c1` },
    { database },
  );
});
afterAll(async () => {
  await driver.executeQuery(
    'MATCH (n) WHERE (n:Actor OR n:Source OR n:Claim) AND n.id IN $ids DETACH DELETE n',
    { ids: [A, B, SOURCE, `${P}-c1`] },
    { database },
  );
  await app.close();
});

const get = (path: string) => getJson(app.baseUrl, path);
async function timeline(query: string) {
  const { status, body } = await get(`/api/timeline${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data as { events: any[]; undated: number; total: number; truncated: boolean; nextCursor: string | null };
}

/** Every event of a query, page by page through nextCursor (and the number of pages). */
async function allPages(query: string, limit: number) {
  const events: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await timeline(`?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.events.length).toBeLessThanOrEqual(limit);
    expect(page.truncated).toBe(page.nextCursor !== null);
    events.push(...page.events);
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(1000);
  } while (cursor);
  return { events, pages };
}
const brief = (events: any[]) => events.map((e) => [e.date, e.kind, e.kind === 'published' ? e.source.id : e.edge.data.id]);

describe('GET /api/timeline', () => {
  it('lists since, until and published events in time order for the given actors', async () => {
    const d = await timeline(`?ids=${A}`);
    expect(brief(d.events)).toEqual([
      ['2020-03', 'since', REL],
      ['2024-05', 'until', REL],
      ['2024-06-01', 'published', SOURCE],
    ]);
    expect(d.undated).toBe(1);
    expect(d.total).toBe(3);
    expect(d.truncated).toBe(false);
    expect(d.events[0].edge.data).toMatchObject({ source: A, target: B, type: 'PARTNERS_WITH', since: '2020-03', until: '2024-05', evidenceCount: 1 });
    expect(d.events[2].source).toMatchObject({ title: 'Timeline test source', publishedAt: '2024-06-01', relationshipIds: [REL], relationshipCount: 1 });
    expect(d.nextCursor).toBeNull();
  });

  it('restricts to [from, to], inclusive at the precision both dates share', async () => {
    expect(brief((await timeline(`?ids=${A}&from=2024`)).events).map((e) => e[1])).toEqual(['until', 'published']);
    expect(brief((await timeline(`?ids=${A}&to=2020`)).events).map((e) => e[1])).toEqual(['since']);
    expect(brief((await timeline(`?ids=${A}&from=2024-05&to=2024-05`)).events).map((e) => e[1])).toEqual(['until']);
    expect((await timeline(`?ids=${A}&from=2030`)).events).toEqual([]);
    expect((await timeline(`?ids=${A}&from=2030`)).undated).toBe(1);
  });

  it('counts the undated seed relationships and includes every dated one without ids', async () => {
    const d = await timeline('');
    expect(d.undated).toBeGreaterThanOrEqual(23); // 22 seed relationships + 1 of ours
    expect(brief(d.events)).toEqual(expect.arrayContaining([['2020-03', 'since', REL], ['2024-06-01', 'published', SOURCE]]));
    const seedOnly = await timeline('?ids=microsoft');
    expect(seedOnly.events).toEqual([]);
    expect(seedOnly.undated).toBe(14);
  });

  it('caps events with limit and says so', async () => {
    const d = await timeline(`?ids=${A}&limit=2`);
    expect(d.events).toHaveLength(2);
    expect(d.total).toBe(3);
    expect(d.truncated).toBe(true);
    expect(typeof d.nextCursor).toBe('string');
    const rest = await timeline(`?ids=${A}&limit=2&cursor=${d.nextCursor}`);
    expect(brief(rest.events)).toEqual([['2024-06-01', 'published', SOURCE]]);
    expect(rest.total).toBe(3);
    expect(rest.truncated).toBe(false);
    expect(rest.nextCursor).toBeNull();
  });

  it('pages through the whole graph and through an actor scope with the cursor: every event once, in order', async () => {
    // The whole graph costs one query per relationship type per page: fewer pages there.
    for (const [query, limits] of [[`ids=${A}`, [1, 2]], [`ids=${A},${B}&to=2024-05`, [1]], ['from=2000', [2]], ['', [3]]] as const) {
      const whole = await timeline(`?${query}&limit=5000`);
      expect(whole.truncated).toBe(false);
      for (const limit of limits) {
        const { events, pages } = await allPages(query, limit);
        expect(brief(events), `${query} by ${limit}`).toEqual(brief(whole.events));
        expect(pages).toBe(Math.max(1, Math.ceil(whole.events.length / limit)));
      }
    }
  }, 240_000);

  it('pages through many dated relationships with ties on the date', async () => {
    const M = `${P}-many`;
    // 7 relationships with the same since, 3 ended on the same until: ties broken by rank then id.
    await driver.executeQuery(
      `MATCH (a:Actor {id: $a}), (b:Actor {id: $b})
       UNWIND range(1, 7) AS i
       CREATE (a)-[:OWNS {id: $m + '-' + i, status: 'active', summary: 'test', since: '2019-07', until: CASE WHEN i <= 3 THEN '2019-07' END}]->(b)`,
      { a: A, b: B, m: M },
      { database },
    );
    try {
      const whole = await timeline(`?ids=${A}&limit=100`);
      expect(whole.total).toBe(3 + 10);
      for (const limit of [1, 4]) {
        const { events } = await allPages(`ids=${A}`, limit);
        expect(brief(events)).toEqual(brief(whole.events));
      }
      const global = await timeline('?from=2019-07&to=2019-07&limit=100');
      expect(global.total).toBe(10);
      expect(brief((await allPages('from=2019-07&to=2019-07', 4)).events)).toEqual(brief(global.events));
      expect(brief(global.events).slice(0, 2)).toEqual([['2019-07', 'since', `${M}-1`], ['2019-07', 'since', `${M}-2`]]);
    } finally {
      await driver.executeQuery('MATCH ()-[r:OWNS]->() WHERE r.id STARTS WITH $m DELETE r', { m: `${M}-` }, { database });
    }
  }, 240_000);

  it('answers 400 naming cursor for a cursor it did not hand out', async () => {
    const foreign = Buffer.from(JSON.stringify(['2024', 9, 'x'])).toString('base64url');
    for (const cursor of ['nope', '%%%', foreign, 'x'.repeat(3000), Buffer.from('[1,2,3]').toString('base64url')]) {
      const { status, body } = await get(`/api/timeline?cursor=${encodeURIComponent(cursor)}`);
      expect(status, cursor).toBe(400);
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
    }
  });

  it('has a since and an until range index for every relationship type of the vocabulary, and Source.publishedAt', async () => {
    const { records } = await driver.executeQuery(
      "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state WHERE type = 'RANGE' RETURN entityType, labelsOrTypes[0] AS on, properties[0] AS property, state",
      {},
      { database },
    );
    const have = new Set(records.map((r) => `${r.get('entityType')}:${r.get('on')}.${r.get('property')}:${r.get('state')}`));
    for (const type of RELATIONSHIP_TYPE_NAMES) {
      for (const bound of ['since', 'until']) expect(have.has(`RELATIONSHIP:${type}.${bound}:ONLINE`), `${type}.${bound}`).toBe(true);
    }
    expect(have.has('NODE:Source.publishedAt:ONLINE')).toBe(true);
  });

  it('reads the whole-graph timeline through index seeks and the count store, never a scan of every relationship', async () => {
    const params = {
      types: RELATIONSHIP_TYPE_NAMES, from: '2020', to: null, seekFrom: '2020', seekTo: '\uffff', take: neo4j.int(11),
      afterDate: '2020-03', afterRank: 0, afterId: 'a', ids: [],
    };
    for (const [name, cypher] of Object.entries({ ...TIMELINE_TYPE_QUERIES, TIMELINE_SOURCES, TIMELINE_SOURCE_TOTAL })) {
      const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, params, { database });
      const operators: string[] = [];
      const walk = (p: any) => {
        operators.push(String(p.operatorType));
        for (const c of p.children ?? []) walk(c);
      };
      walk(summary.plan);
      const scans = operators.filter((o) => /AllNodesScan|NodeByLabelScan|RelationshipTypeScan|AllRelationshipsScan/.test(o));
      expect(scans, `${name}: ${operators.join(', ')}`).toEqual([]);
      const seeks = operators.filter((o) => /IndexSeekByRange/.test(o)).length;
      // A type: since and until events, since and until totals; sources: one seek.
      expect(seeks, `${name}: ${operators.join(', ')}`).toBe(name.startsWith('TIMELINE_') ? 1 : 4);
      if (!name.startsWith('TIMELINE_')) expect(operators.filter((o) => /RelationshipCountFromCountStore/.test(o)), name).toHaveLength(1);
    }
  }, 240_000);

  it('answers 400 for bad dates or ranges, 404 for unknown ids', async () => {
    for (const [q, field] of [['from=2025-13-40', 'from'], ['to=20255', 'to'], ['from=2025&to=2024', 'to'], ['limit=0', 'limit'], ['ids=Not%20A%20Slug', 'ids']] as const) {
      const { status, body } = await get(`/api/timeline?${q}`);
      expect(status, q).toBe(400);
      expect(String(body.error.field).split('.')[0]).toBe(field);
    }
    const missing = await get('/api/timeline?ids=microsoft,nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.missing).toEqual(['nope']);
  });
});
