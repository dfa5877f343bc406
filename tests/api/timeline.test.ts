import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

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
  return body.data as { events: any[]; undated: number; total: number; truncated: boolean };
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
    expect(d.events[2].source).toMatchObject({ title: 'Timeline test source', publishedAt: '2024-06-01', relationshipIds: [REL] });
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
  });

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
