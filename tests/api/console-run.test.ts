import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { postJson } from './console-support.js';

const driver = getTestDriver();
const database = testDatabase();
let app: RunningApp;
let small: RunningApp;

beforeAll(async () => {
  app = await startTestApp(driver, database, { console: { ratePerMinute: 10_000 } });
  small = await startTestApp(driver, database, { console: { ratePerMinute: 10_000, maxRows: 10, maxBytes: 20_000 } });
});
afterAll(async () => {
  await app?.close();
  await small?.close();
});

const run = (target: RunningApp, query: string, extra: Record<string, unknown> = {}) =>
  postJson(target.baseUrl, '/api/console/run', { query, ...extra });

describe('POST /api/console/run: results', () => {
  it('answers columns, rows as plain JSON, and the summary', async () => {
    const r = await run(app, "MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.aliases AS aliases, 1 + 1 AS two, date('2025-04-10') AS d", {
      params: { id: 'microsoft' },
    });
    expect(r.status).toBe(200);
    const data = r.body.data;
    expect(data.columns).toEqual(['name', 'aliases', 'two', 'd']);
    expect(data.rows).toEqual([{ name: 'Microsoft', aliases: ['Microsoft Corporation'], two: 2, d: '2025-04-10' }]);
    expect(data.rowCount).toBe(1);
    expect(data.truncated).toBe(false);
    expect(data.summary.queryType).toBe('r');
    expect(data.summary.counters.nodesCreated).toBe(0);
    expect(typeof data.summary.resultAvailableAfterMs).toBe('number');
    expect(typeof data.summary.totalMs).toBe('number');
    expect(data.summary.notifications).toEqual([]);
    expect(r.body.data.summary.plan).toBeUndefined();
  });

  it('sends whole-number parameters as integers (LIMIT $n works)', async () => {
    const r = await run(app, 'MATCH (a:Actor) RETURN a.id AS id ORDER BY id LIMIT $n', { params: { n: 3 } });
    expect(r.status).toBe(200);
    expect(r.body.data.rowCount).toBe(3);
  });

  it('encodes nodes, relationships and paths, and extracts them as elements even when nested', async () => {
    const r = await run(
      app,
      "MATCH p = (a:Actor {id: 'microsoft'})-[r:PROVIDES_SERVICES_TO]->(b:Actor) WITH p, r ORDER BY r.id RETURN {paths: collect(p)} AS nested, collect([r]) AS rels",
    );
    expect(r.status).toBe(200);
    const row = r.body.data.rows[0];
    const path = row.nested.paths[0]['@path'];
    expect(path.nodes[0]).toMatchObject({ id: 'microsoft', labels: expect.arrayContaining(['Actor', 'Company']) });
    expect(path.relationships[0]).toMatchObject({ id: 'microsoft-provides-services-to-idf', type: 'PROVIDES_SERVICES_TO', start: 'microsoft', end: 'idf' });
    expect(row.rels[0][0]['@relationship'].properties.status).toBe('active');
    const { nodes, edges } = r.body.data.elements;
    expect(nodes.map((n: any) => n.data.id).sort()).toEqual(['idf', 'microsoft', 'unit-8200']);
    const microsoft = nodes.find((n: any) => n.data.id === 'microsoft').data;
    expect(microsoft).toMatchObject({ label: 'Microsoft', kind: 'Company', name: 'Microsoft' });
    const ended = edges.find((e: any) => e.data.id === 'microsoft-provides-services-to-unit-8200').data;
    expect(ended).toMatchObject({ source: 'microsoft', target: 'unit-8200', type: 'PROVIDES_SERVICES_TO', label: 'provides services to', status: 'ended', since: null, until: null });
    expect(ended.evidenceCount).toBeGreaterThan(0);
    expect(edges).toHaveLength(2);
  });

  it('draws relationships whose endpoints the rows left out, and non-actor nodes generically', async () => {
    const rels = await run(app, "MATCH ()-[r:PART_OF]->() RETURN r ORDER BY r.id");
    expect(rels.status).toBe(200);
    expect(rels.body.data.elements.nodes.map((n: any) => n.data.id).sort()).toEqual(['idf', 'israel-ministry-of-defense', 'unit-8200']);
    expect(rels.body.data.rows[0].r['@relationship']).toMatchObject({ start: 'unit-8200', end: 'idf' });
    const claims = await run(app, "MATCH (c:Claim {relationshipId: 'microsoft-provides-services-to-idf'})-[x:CITES]->(s:Source) RETURN c, x, s");
    expect(claims.status).toBe(200);
    const claimNode = claims.body.data.elements.nodes.find((n: any) => n.data.kind === 'Claim').data;
    expect(claimNode.id).toMatch(/^microsoft-provides-services-to-idf-c\d$/);
    expect(claimNode.label.length).toBeGreaterThan(10); // its quote
    expect(claims.body.data.elements.edges[0].data).toMatchObject({ type: 'CITES', source: claimNode.id, target: 'polygon-microsoft-unit-8200-report' });
  });

  it('honours the row cap with truncated: true', async () => {
    const over = await run(small, 'UNWIND range(1, 100) AS i RETURN i');
    expect(over.status).toBe(200);
    expect(over.body.data.rowCount).toBe(10);
    expect(over.body.data.rows.map((r: any) => r.i)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(over.body.data.truncated).toBe(true);
    const exact = await run(small, 'UNWIND range(1, 10) AS i RETURN i');
    expect(exact.body.data.rowCount).toBe(10);
    expect(exact.body.data.truncated).toBe(false);
  });

  it('honours the response-size cap with truncated: true', async () => {
    const r = await run(small, "UNWIND range(1, 9) AS i RETURN i, reduce(s = '', x IN range(1, 500) | s + 'xxxxxxxxxx') AS pad");
    expect(r.status).toBe(200);
    expect(r.body.data.truncated).toBe(true);
    expect(r.body.data.rowCount).toBeGreaterThan(0);
    expect(r.body.data.rowCount).toBeLessThan(9);
    expect(JSON.stringify(r.body.data.rows).length).toBeLessThanOrEqual(20_000);
  });

  it('EXPLAIN returns the plan tree without running the query', async () => {
    const r = await run(app, "MATCH (a:Actor {id: 'microsoft'})-[r]->(b) RETURN b.name", { mode: 'explain' });
    expect(r.status).toBe(200);
    const { plan } = r.body.data.summary;
    expect(r.body.data.rows).toEqual([]);
    expect(plan.operator).toBe('ProduceResults');
    expect(plan.children.length).toBeGreaterThan(0);
    const ops: any[] = [];
    const walk = (n: any) => {
      ops.push(n);
      n.children.forEach(walk);
    };
    walk(plan);
    expect(ops.some((o) => o.operator === 'NodeUniqueIndexSeek')).toBe(true);
    for (const o of ops) {
      expect(Array.isArray(o.identifiers)).toBe(true);
      expect(typeof o.estimatedRows).toBe('number');
      expect(o.dbHits).toBeUndefined();
      expect(o.arguments['string-representation']).toBeUndefined();
    }
  });

  it('PROFILE returns rows and the plan with rows and db hits per operator (also when written in the text)', async () => {
    for (const body of [
      { query: "MATCH (a:Actor {id: 'microsoft'})-[r]->(b) RETURN b.name AS name", mode: 'profile' },
      { query: "PROFILE MATCH (a:Actor {id: 'microsoft'})-[r]->(b) RETURN b.name AS name" },
    ]) {
      const r = await postJson(app.baseUrl, '/api/console/run', body);
      expect(r.status).toBe(200);
      expect(r.body.data.rowCount).toBeGreaterThan(3);
      const plan = r.body.data.summary.plan;
      expect(plan.operator).toBe('ProduceResults');
      expect(plan.rows).toBe(r.body.data.rowCount);
      let hits = 0;
      const walk = (n: any) => {
        expect(typeof n.rows).toBe('number');
        expect(typeof n.dbHits).toBe('number');
        hits += n.dbHits;
        n.children.forEach(walk);
      };
      walk(plan);
      expect(hits).toBeGreaterThan(0);
    }
  });

  it('answers a syntax error with its position in the analyst’s text', async () => {
    const r = await run(app, 'MATCH (n)\nRETRUN n');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CYPHER_SYNTAX_ERROR');
    expect(r.body.error.message).toMatch(/RETRUN/);
    expect(r.body.error.message).not.toMatch(/\n|\^/);
    expect(r.body.error.position).toEqual({ line: 2, column: 1, offset: 10 });
    // …also behind an EXPLAIN written in the text
    const prefixed = await run(app, 'EXPLAIN MATCH (n) RETRUN n');
    expect(prefixed.body.error.position).toEqual({ line: 1, column: 19, offset: 18 });
  });

  it('answers other Neo4j errors as CYPHER_ERROR with a readable message', async () => {
    const fn = await run(app, 'RETURN nosuchfunction(1) AS x');
    expect(fn.status).toBe(400);
    expect(fn.body.error.code).toBe('CYPHER_ERROR');
    expect(fn.body.error.message).toMatch(/Unknown function 'nosuchfunction'/);
    const missing = await run(app, 'RETURN $nope AS x');
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('CYPHER_ERROR');
    expect(missing.body.error.message).toMatch(/nope/);
    const type = await run(app, "RETURN toInteger([1]) AS x");
    expect(type.status).toBe(400);
    expect(type.body.error.code).toBe('CYPHER_ERROR');
  });

  it('validates the body', async () => {
    for (const body of [{}, { query: '' }, { query: '   ' }, { query: 1 }, { query: 'RETURN 1', mode: 'debug' }, { query: 'RETURN 1', params: [1] }, { query: 'x'.repeat(20_001) }]) {
      const r = await postJson(app.baseUrl, '/api/console/run', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    const big = await postJson(app.baseUrl, '/api/console/run', { query: 'RETURN $p', params: { p: 'x'.repeat(70_000) } });
    expect(big.status).toBe(400);
    expect(big.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/console/schema', () => {
  it('lists labels, types, property keys, and only allowed functions and procedures', async () => {
    const response = await fetch(`${app.baseUrl}/api/console/schema`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as any;
    expect(data.labels).toEqual(expect.arrayContaining(['Actor', 'Company', 'Claim', 'Source']));
    expect(data.relationshipTypes).toEqual(expect.arrayContaining(['PROVIDES_SERVICES_TO', 'CITES']));
    expect(data.propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'quote', 'attributedTo']));
    const procedures = data.procedures.map((p: any) => p.name);
    expect(procedures).toEqual(expect.arrayContaining(['db.labels', 'db.schema.visualization', 'apoc.path.expand']));
    expect(procedures.filter((n: string) => /^dbms\.|^apoc\.(load|export|import|periodic|cypher|trigger)\./.test(n))).toEqual([]);
    const functions = data.functions.map((f: any) => f.name);
    expect(functions).toEqual(expect.arrayContaining(['count', 'date.truncate', 'apoc.coll.sum']));
    expect(functions.filter((n: string) => n.startsWith('apoc.cypher.'))).toEqual([]);
    expect(data.functions[0]).toEqual({ name: expect.any(String), signature: expect.any(String), description: expect.any(String) });
  });
});
