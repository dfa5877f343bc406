import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { RELATIONSHIP_TYPE_NAMES } from '../../server/src/contracts/vocabulary.js';

const driver = getTestDriver();
const database = testDatabase();
let app: RunningApp;

// Own test data (the seed has no dated edges): two actors and an ended partnership with a claim.
const P = 'zz-nbh-test';
const A = `${P}-a`;
const B = `${P}-b`;
const REL = `${P}-a-partners-with-b`;

beforeAll(async () => {
  app = await startTestApp(driver, database);
  await driver.executeQuery(
    `CREATE (a:Actor:Company {id: $a, name: 'Nbh test A', aliases: [], description: 'test'})
     CREATE (b:Actor:Person {id: $b, name: 'Nbh test B', aliases: [], description: 'test'})
     CREATE (a)-[:PARTNERS_WITH {id: $rel, status: 'ended', summary: 'test', since: '2020-03', until: '2024-05'}]->(b)
     CREATE (s:Source {id: $source, title: 'Nbh test source', publisher: 'Test', publishedAt: '2024-06-01'})
     CREATE (c:Claim {id: $claim, quote: 'q', attributedTo: 'Test', stance: 'reported', relationshipId: $rel})-[:CITES]->(s)`,
    { a: A, b: B, rel: REL, source: `${P}-source`, claim: `${P}-c1` },
    { database },
  );
});
afterAll(async () => {
  await driver.executeQuery(
    'MATCH (n) WHERE (n:Actor OR n:Source OR n:Claim) AND n.id IN $ids DETACH DELETE n',
    { ids: [A, B, `${P}-source`, `${P}-c1`] },
    { database },
  );
  await app.close();
});

interface Body {
  data: {
    elements: { nodes: Array<{ data: { id: string; kind: string } }>; edges: Array<{ data: { id: string; source: string; target: string; type: string } }> };
    centre: string[];
    truncated: boolean;
    total: number;
    omitted: number;
    totalExact: boolean;
    edgesExact: boolean;
  };
}

const get = (path: string) => getJson(app.baseUrl, path);
async function nbh(path: string): Promise<Body['data']> {
  const { status, body } = await get(path);
  expect(status, JSON.stringify(body)).toBe(200);
  return (body as Body).data;
}
const ids = (d: Body['data']) => d.elements.nodes.map((n) => n.data.id).sort();

function expectConsistent(d: Body['data']) {
  const kept = new Set(d.elements.nodes.map((n) => n.data.id));
  expect(kept.size).toBe(d.elements.nodes.length);
  for (const e of d.elements.edges) {
    expect(kept.has(e.data.source)).toBe(true);
    expect(kept.has(e.data.target)).toBe(true);
    expect(e.data.type).not.toBe('CITES');
  }
  expect(d.omitted).toBe(d.total - d.elements.nodes.length);
  expect(d.truncated).toBe(d.omitted > 0);
}

const MICROSOFT_OUT = ['azure', 'idf', 'israel', 'israeli-prison-system', 'redmond', 'unit-8200', 'xbox', 'xbox-game-pass'];
const MICROSOFT_IN = ['bds-movement', 'brad-smith', 'idf', 'israel', 'polygon', 'the-guardian'];

describe('GET /api/actors/:id/neighborhood', () => {
  it('returns the centre and its direct neighbours, actors only, with the edges touching the centre (includeInterEdges=false)', async () => {
    const d = await nbh('/api/actors/microsoft/neighborhood?includeInterEdges=false');
    expect(d.centre).toEqual(['microsoft']);
    expect(d.elements.nodes[0]?.data.id).toBe('microsoft');
    expect(ids(d)).toEqual([...new Set(['microsoft', ...MICROSOFT_OUT, ...MICROSOFT_IN])].sort());
    expect(d.truncated).toBe(false);
    expect(d.totalExact).toBe(true);
    expect(d.total).toBe(d.elements.nodes.length);
    // Every relationship of microsoft in the seed (idf has two, israel two).
    expect(d.elements.edges.every((e) => e.data.source === 'microsoft' || e.data.target === 'microsoft')).toBe(true);
    expect(d.elements.edges.map((e) => e.data.id)).toContain('idf-uses-microsoft');
    expect(d.elements.edges.map((e) => e.data.id)).toContain('microsoft-provides-services-to-idf');
    expectConsistent(d);
  });

  it('filters by direction', async () => {
    const out = await nbh('/api/actors/microsoft/neighborhood?direction=out&includeInterEdges=false');
    expect(ids(out)).toEqual(['microsoft', ...MICROSOFT_OUT].sort());
    expect(out.elements.edges.every((e) => e.data.source === 'microsoft')).toBe(true);
    const inn = await nbh('/api/actors/microsoft/neighborhood?direction=in&includeInterEdges=false');
    expect(ids(inn)).toEqual(['microsoft', ...MICROSOFT_IN].sort());
    expect(inn.elements.edges.every((e) => e.data.target === 'microsoft')).toBe(true);
  });

  it('filters by relationship types (comma-separated or repeated)', async () => {
    const d = await nbh('/api/actors/microsoft/neighborhood?types=OPERATES');
    expect(ids(d)).toEqual(['azure', 'microsoft', 'xbox-game-pass']);
    expect(d.elements.edges.map((e) => e.data.type)).toEqual(['OPERATES', 'OPERATES']);
    // Edges among the neighbours obey the type filter too.
    expect((await nbh('/api/actors/microsoft/neighborhood?types=OPERATES,STORES_DATA_ON')).elements.edges.every((e) => ['OPERATES', 'STORES_DATA_ON'].includes(e.data.type))).toBe(true);
    const two = await nbh('/api/actors/microsoft/neighborhood?types=OPERATES&types=MAKES');
    expect(ids(two)).toEqual(['azure', 'microsoft', 'xbox', 'xbox-game-pass']);
    const comma = await nbh('/api/actors/microsoft/neighborhood?types=OPERATES,MAKES');
    expect(comma).toEqual(two);
  });

  it('filters neighbours by kind but always keeps the centre', async () => {
    const d = await nbh('/api/actors/microsoft/neighborhood?kinds=Product');
    expect(ids(d)).toEqual(['azure', 'microsoft', 'xbox', 'xbox-game-pass']);
    const none = await nbh('/api/actors/microsoft/neighborhood?kinds=Group');
    expect(ids(none)).toEqual(['microsoft']);
    expect(none.elements.edges).toEqual([]);
  });

  it('goes deeper with depth: BDS reaches Unit 8200 at depth 2, through Microsoft', async () => {
    const one = await nbh('/api/actors/bds-movement/neighborhood?depth=1');
    expect(ids(one)).not.toContain('unit-8200');
    const two = await nbh('/api/actors/bds-movement/neighborhood?depth=2');
    expect(ids(two)).toContain('unit-8200');
    expect(ids(two)).toContain('microsoft');
    expect(two.elements.edges.map((e) => e.data.id)).toContain('microsoft-provides-services-to-unit-8200');
    expectConsistent(two);
    const three = await nbh('/api/actors/bds-movement/neighborhood?depth=3');
    expect(ids(three)).toContain('palestinian-civilians');
    expect(ids(three)).not.toContain(A);
    expectConsistent(three);
  });

  it('truncates to limit, says how many nodes were omitted, and picks nodes deterministically', async () => {
    const full = await nbh('/api/actors/microsoft/neighborhood?limit=1000');
    const cut = await nbh('/api/actors/microsoft/neighborhood?limit=4');
    expect(cut.elements.nodes).toHaveLength(4);
    expect(cut.truncated).toBe(true);
    expect(cut.total).toBe(full.total);
    expect(cut.omitted).toBe(full.total - 4);
    expect(cut.elements.nodes[0]?.data.id).toBe('microsoft');
    // Highest degree first: idf (5 relationships in the seed), then unit-8200 (4).
    expect(cut.elements.nodes.slice(1, 3).map((n) => n.data.id)).toEqual(['idf', 'unit-8200']);
    expectConsistent(cut);
    expect(await nbh('/api/actors/microsoft/neighborhood?limit=4')).toEqual(cut);

    // At depth 2 closest hops come first: every depth-1 neighbour before any depth-2 node.
    const deep = await nbh('/api/actors/brad-smith/neighborhood?depth=2&limit=3');
    expect(deep.elements.nodes.map((n) => n.data.id).slice(0, 2)).toEqual(['brad-smith', 'microsoft']);
    const deepFull = await nbh('/api/actors/brad-smith/neighborhood?depth=2&limit=1000');
    expect(deep.omitted).toBe(deepFull.total - 3);
    expect(deepFull.truncated).toBe(false);
  });

  it('honours asOf: an ended relationship is there before its until date and gone after it', async () => {
    expect(ids(await nbh(`/api/actors/${A}/neighborhood`))).toEqual([A, B]);
    expect(ids(await nbh(`/api/actors/${A}/neighborhood?asOf=2023-01-15`))).toEqual([A, B]);
    expect(ids(await nbh(`/api/actors/${A}/neighborhood?asOf=2024-04-30`))).toEqual([A, B]);
    // until '2024-05' ends at the start of May.
    expect(ids(await nbh(`/api/actors/${A}/neighborhood?asOf=2024-05`))).toEqual([A]);
    expect(ids(await nbh(`/api/actors/${A}/neighborhood?asOf=2024-06-01`))).toEqual([A]);
    // since '2020-03' starts on 1 March: asOf 2020 (1 January) is before it.
    expect(ids(await nbh(`/api/actors/${A}/neighborhood?asOf=2020`))).toEqual([A]);
    expect(ids(await nbh(`/api/actors/${A}/neighborhood?asOf=2020-03`))).toEqual([A, B]);
    // Undated relationships count on every date.
    expect(ids(await nbh('/api/actors/microsoft/neighborhood?asOf=1999'))).toContain('azure');
    // Also at depth > 1.
    expect(ids(await nbh(`/api/actors/${B}/neighborhood?depth=2&asOf=2025`))).toEqual([B]);
    expect(ids(await nbh(`/api/actors/${B}/neighborhood?depth=2&asOf=2021`))).toEqual([A, B]);
  });

  it('returns the subgraph the kept nodes induce by default: edges among neighbours too (depth 1 and 2)', async () => {
    for (const path of [
      '/api/actors/microsoft/neighborhood',
      '/api/actors/microsoft/neighborhood?direction=out',
      '/api/actors/microsoft/neighborhood?limit=5',
      '/api/neighborhood?ids=bds-movement,unit-8200',
      '/api/actors/brad-smith/neighborhood?depth=2',
    ]) {
      const d = await nbh(path);
      expectConsistent(d);
      expect(d.edgesExact, path).toBe(true);
      // Independently: every vocabulary relationship among the returned actors.
      const kept = ids(d);
      const { records } = await driver.executeQuery(
        `MATCH (a:Actor)-[r]->(b:Actor) WHERE a.id IN $kept AND b.id IN $kept AND type(r) IN $types RETURN r.id AS id ORDER BY id`,
        { kept, types: RELATIONSHIP_TYPE_NAMES },
        { database },
      );
      const induced = records.map((r) => r.get('id') as string);
      expect(d.elements.edges.map((e) => e.data.id).sort(), path).toEqual(induced);
    }
    // Microsoft's neighbourhood has edges between neighbours (Unit 8200 is part of the IDF, and
    // stored data on Azure), absent with includeInterEdges=false.
    const all = await nbh('/api/actors/microsoft/neighborhood');
    const centreOnly = await nbh('/api/actors/microsoft/neighborhood?includeInterEdges=false');
    const among = all.elements.edges.filter((e) => e.data.source !== 'microsoft' && e.data.target !== 'microsoft');
    expect(among.length).toBeGreaterThan(0);
    expect(among.map((e) => e.data.id)).toContain('unit-8200-part-of-idf');
    expect(centreOnly.elements.edges).toHaveLength(all.elements.edges.length - among.length);
    expect(ids(centreOnly)).toEqual(ids(all));
  });

  it('applies asOf to the edges among neighbours', async () => {
    // A triangle: C owns A and B; A-B is the dated partnership (2020-03 to 2024-05).
    const C = `${P}-c`;
    await driver.executeQuery(
      `MATCH (a:Actor {id: $a}), (b:Actor {id: $b})
       CREATE (c:Actor:Company {id: $c, name: 'Nbh test C', aliases: [], description: 'test'})
       CREATE (c)-[:OWNS {id: $c + '-owns-a', status: 'active', summary: 'test'}]->(a)
       CREATE (c)-[:OWNS {id: $c + '-owns-b', status: 'active', summary: 'test'}]->(b)`,
      { a: A, b: B, c: C },
      { database },
    );
    try {
      const now = await nbh(`/api/actors/${C}/neighborhood`);
      expect(now.elements.edges.map((e) => e.data.id).sort()).toEqual([REL, `${C}-owns-a`, `${C}-owns-b`].sort());
      const after = await nbh(`/api/actors/${C}/neighborhood?asOf=2024-06`);
      expect(after.elements.edges.map((e) => e.data.id).sort()).toEqual([`${C}-owns-a`, `${C}-owns-b`]);
      const typed = await nbh(`/api/actors/${C}/neighborhood?types=OWNS`);
      expect(typed.elements.edges.map((e) => e.data.id).sort()).toEqual([`${C}-owns-a`, `${C}-owns-b`]);
    } finally {
      await driver.executeQuery('MATCH (c:Actor {id: $c}) DETACH DELETE c', { c: C }, { database });
    }
  });

  it('answers 404 for an unknown actor', async () => {
    const { status, body } = await get('/api/actors/no-such-actor/neighborhood');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
    const deep = await get('/api/actors/no-such-actor/neighborhood?depth=3');
    expect(deep.status).toBe(404);
  });

  it.each([
    ['depth=0', 'depth'],
    ['depth=4', 'depth'],
    ['depth=two', 'depth'],
    ['depth=1&depth=2', 'depth'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=99999999999999999999', 'limit'],
    ['asOf=2025-13-40', 'asOf'],
    ['asOf=2025-02-30', 'asOf'],
    ['asOf=yesterday', 'asOf'],
    ['types=FRIENDS_WITH', 'types'],
    ['types=CITES', 'types'],
    ['direction=up', 'direction'],
    ['kinds=Alien', 'kinds'],
    ['includeInterEdges=yes', 'includeInterEdges'],
    ['includeInterEdges=true&includeInterEdges=false', 'includeInterEdges'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await get(`/api/actors/microsoft/neighborhood?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    // A list names the item too: types.0
    expect(String(body.error.field).split('.')[0]).toBe(field);
    expect(body.error.message).toContain(field);
  });

  it('answers 400 for an id that cannot be an actor id', async () => {
    const { status, body } = await get(`/api/actors/${encodeURIComponent('Ünïcode id')}/neighborhood`);
    expect(status).toBe(400);
    expect(body.error.field).toBe('id');
  });
});

describe('GET /api/neighborhood?ids=', () => {
  it('returns the union around several centres', async () => {
    const d = await nbh('/api/neighborhood?ids=bds-movement,unit-8200');
    expect(d.centre).toEqual(['bds-movement', 'unit-8200']);
    expect(d.elements.nodes.slice(0, 2).map((n) => n.data.id)).toEqual(['bds-movement', 'unit-8200']);
    expect(ids(d)).toEqual(['azure', 'bds-movement', 'idf', 'israel-ministry-of-defense', 'microsoft', 'unit-8200', 'xbox', 'xbox-game-pass']);
    expectConsistent(d);
    const repeated = await nbh('/api/neighborhood?ids=bds-movement&ids=unit-8200');
    expect(repeated).toEqual(d);
  });

  it('keeps every centre even with a kind filter, and works at depth 2', async () => {
    const d = await nbh('/api/neighborhood?ids=bds-movement,unit-8200&kinds=Company&depth=2');
    expect(ids(d)).toEqual(['bds-movement', 'microsoft', 'unit-8200']);
  });

  it('answers 404 naming the unknown ids, 400 without ids', async () => {
    const missing = await get('/api/neighborhood?ids=microsoft,nope-1,nope-2');
    expect(missing.status).toBe(404);
    expect(missing.body.error.missing).toEqual(['nope-1', 'nope-2']);
    for (const q of ['', '?ids=', '?ids=,,', '?ids=Bad_Id']) {
      const { status, body } = await get(`/api/neighborhood${q}`);
      expect(status).toBe(400);
      expect(body.error.field).toMatch(/^ids/);
    }
  });
});
