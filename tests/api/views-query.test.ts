/**
 * Views defined by a saved query and its parameters (definition kind "query"), and the layout a
 * view stores when it is saved (a live view does not lay itself out again on load).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { parseSavedQuery } from '../../server/src/queries/header.js';
import { VIEW_LIMITS } from '../../server/src/views/definition.js';
import { createViewsRuntime } from '../../server/src/views/runtime.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
let app: RunningApp;
const created: string[] = [];
const QUERY = 'actor-service-relationships';
const LATE_ACTOR = 'views-query-test-late-client';
const LATE_EDGE = 'views-query-test-microsoft-serves-late-client';
const MANY_PREFIX = 'views-query-test-many-';

async function write(cypher: string, params: Record<string, unknown> = {}) {
  await driver.executeQuery(cypher, params, { database: testDatabase() });
}

async function read(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const result = await driver.executeQuery(cypher, params, { database: testDatabase(), routing: 'READ' });
  return result.records.map((r) => r.toObject());
}

beforeAll(async () => {
  app = await startTestApp(driver, testDatabase(), { views: { ratePerMinute: 10_000 } });
});

afterAll(async () => {
  await app?.close();
  await write('MATCH (v:View) WHERE v.id IN $ids DETACH DELETE v', { ids: created });
  await write('MATCH (c:Claim) WHERE c.id STARTS WITH $p DETACH DELETE c', { p: 'views-query-test-' });
  await write('MATCH (a:Actor) WHERE a.id STARTS WITH $p DETACH DELETE a', { p: 'views-query-test-' });
});

async function post(body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.baseUrl}/api/views`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (response.status === 201) created.push(json.data.id);
  return { status: response.status, body: json };
}

const getView = async (id: string) => {
  const response = await fetch(`${app.baseUrl}/api/views/${id}`);
  return { status: response.status, body: await response.json() };
};

const queryView = (definition: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) => ({
  title: 'Microsoft’s service relationships',
  mode: 'live',
  definition: { kind: 'query', queryId: QUERY, params: { actor: 'microsoft' }, ...definition },
  ...overrides,
});

/** What the saved query returns, read directly: the actors and PROVIDES_SERVICES_TO edges around `actor`. */
async function expectedAround(actor: string) {
  const rows = await read(
    `MATCH (a:Actor {id: $actor})-[r:PROVIDES_SERVICES_TO]-(o:Actor)
     RETURN r.id AS id, COUNT { (c:Claim {relationshipId: r.id}) } AS evidence, o.id AS other`,
    { actor },
  );
  return {
    nodes: [...new Set([actor, ...rows.map((r) => r.other as string)])].sort(),
    edges: rows.map((r) => r.id as string).sort(),
    evidence: Object.fromEntries(rows.map((r) => [r.id as string, Number(r.evidence)])),
  };
}

describe('query views: POST /api/views with kind "query"', () => {
  it('stores the saved query id and every declared parameter (defaults filled in, types converted); GET resolves its actors and relationships', async () => {
    const r = await post(queryView({ params: { actor: 'microsoft', limit: '40' } }, { caption: 'From a saved query' }));
    expect(r.status).toBe(201);
    const got = await getView(r.body.data.id);
    expect(got.status).toBe(200);
    const d = got.body.data;
    expect(d.definition).toEqual({ kind: 'query', queryId: QUERY, params: { actor: 'microsoft', limit: 40 } });
    const expected = await expectedAround('microsoft');
    expect(expected.edges.length).toBeGreaterThan(0);
    expect(d.elements.nodes.map((n: any) => n.data.id).sort()).toEqual(expected.nodes);
    expect(d.elements.edges.map((e: any) => e.data.id).sort()).toEqual(expected.edges);
    // Edges carry their evidence counts and the explorer's fields, like other view elements; only actors are shown.
    for (const e of d.elements.edges) {
      expect(e.data.evidenceCount).toBe(expected.evidence[e.data.id]);
      expect(e.data).toMatchObject({ type: 'PROVIDES_SERVICES_TO', label: 'provides services to' });
      expect(Object.keys(e.data)).not.toContain('elementId');
    }
    for (const n of d.elements.nodes) expect(Object.keys(n.data).sort()).toEqual(['aliases', 'country', 'description', 'id', 'kind', 'label', 'name', 'url', 'wikidata']);
    expect(Object.keys(d.positions).sort()).toEqual(expected.nodes);
    expect(d.citations.length).toBeGreaterThan(0);
    expect(d.missingActors).toEqual([]);
    expect(d.truncated).toBe(false);
  });

  it('400 UNKNOWN_QUERY for a query id with no saved query', async () => {
    const r = await post(queryView({ queryId: 'no-such-query' }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('UNKNOWN_QUERY');
    expect(r.body.error.field).toBe('definition.queryId');
    expect(r.body.error.message).toContain('no-such-query');
  });

  it.each([
    ['a wrong type', { params: { actor: 'microsoft', limit: 'many' } }, 'definition.params.limit', /integer/],
    ['an undeclared parameter', { params: { actor: 'microsoft', where: 'x' } }, 'definition.params.where', /unknown parameter/],
    ['a string where a string is declared, given a number', { params: { actor: 42 } }, 'definition.params.actor', /string/],
  ])('400 VALIDATION_FAILED naming the parameter: %s', async (_name, definition, field, message) => {
    const r = await post(queryView(definition));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.field).toBe(field);
    expect(r.body.error.message).toMatch(message);
  });

  it.each([
    ['Cypher as the query id', { queryId: 'MATCH (n) DETACH DELETE n' }, 'definition.queryId'],
    ['Cypher text beside the id', { cypher: 'MATCH (n) DETACH DELETE n' }, 'definition'],
    ['a path as the query id', { queryId: '../../etc/passwd' }, 'definition.queryId'],
    ['too many parameters', { params: Object.fromEntries(Array.from({ length: VIEW_LIMITS.queryParamsMax + 1 }, (_, i) => [`p${i}`, 1])) }, 'definition.params'],
    ['a parameter too long', { params: { actor: 'x'.repeat(VIEW_LIMITS.queryParamChars + 1) } }, 'definition.params.actor'],
    ['an object as a parameter', { params: { actor: { $ne: 1 } } }, 'definition.params.actor'],
  ])('400 VALIDATION_FAILED, nothing stored: %s', async (_name, definition, field) => {
    const before = (await read('MATCH (v:View) RETURN count(v) AS n'))[0]!.n;
    const r = await post(queryView(definition));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.field).toBe(field);
    expect((await read('MATCH (v:View) RETURN count(v) AS n'))[0]!.n).toEqual(before);
  });

  it('a live query view shows an edge added after saving (the new actor placed beside its neighbour, the others where they were); a pinned one does not', async () => {
    const live = (await post(queryView())).body.data;
    const pinned = (await post(queryView({}, { mode: 'pinned' }))).body.data;
    const liveBefore = (await getView(live.id)).body.data;
    const pinnedBefore = (await getView(pinned.id)).body.data;
    expect(liveBefore.elements.edges.map((e: any) => e.data.id)).not.toContain(LATE_EDGE);

    await write(
      `MATCH (m:Actor {id: 'microsoft'})
       MERGE (l:Actor:Company {id: $actor}) SET l.name = 'Late Client Ltd', l.aliases = [], l.description = 'test actor'
       MERGE (m)-[r:PROVIDES_SERVICES_TO {id: $edge}]->(l) SET r.status = 'alleged', r.summary = 'test'
       MERGE (c:Claim {id: 'views-query-test-claim'}) SET c.quote = 'serves Late Client', c.attributedTo = 'Test Wire', c.stance = 'reported', c.relationshipId = $edge`,
      { actor: LATE_ACTOR, edge: LATE_EDGE },
    );
    const liveNow = (await getView(live.id)).body.data;
    const pinnedNow = (await getView(pinned.id)).body.data;
    expect(liveNow.elements.edges.map((e: any) => e.data.id)).toContain(LATE_EDGE);
    expect(liveNow.elements.edges.find((e: any) => e.data.id === LATE_EDGE).data.evidenceCount).toBe(1);
    expect(liveNow.elements.nodes.map((n: any) => n.data.id)).toContain(LATE_ACTOR);
    for (const [id, p] of Object.entries(liveBefore.positions)) expect(liveNow.positions[id], id).toEqual(p);
    const m = liveNow.positions.microsoft;
    const late = liveNow.positions[LATE_ACTOR];
    expect(Math.hypot(late.x - m.x, late.y - m.y)).toBeLessThan(500);
    for (const [id, p] of Object.entries(liveBefore.positions) as Array<[string, { x: number; y: number }]>) {
      expect(Math.hypot(late.x - p.x, late.y - p.y), `clear of ${id}`).toBeGreaterThan(30);
    }
    expect(pinnedNow.elements).toEqual(pinnedBefore.elements);
    expect(pinnedNow.elements.nodes.map((n: any) => n.data.id)).not.toContain(LATE_ACTOR);
    expect(pinnedNow.dataAsOf).toBe(pinned.createdAt);
  });
});

describe('the layout is computed once, when a view is saved', () => {
  it('stores the positions of an fcose layout with the view; every load answers exactly them', async () => {
    const r = await post({ title: 'Unit 8200 and neighbours', mode: 'live', definition: { kind: 'actors', actorIds: ['unit-8200'], depth: 1 }, layout: { name: 'fcose' } });
    expect(r.status).toBe(201);
    const [row] = await read('MATCH (v:View {id: $id}) RETURN v.layout AS layout', { id: r.body.data.id });
    const stored = JSON.parse(row!.layout as string);
    expect(stored.name).toBe('fcose');
    const first = (await getView(r.body.data.id)).body.data;
    expect(first.layout).toEqual({ name: 'fcose' });
    expect(stored.positions).toEqual(first.positions);
    expect(Object.keys(stored.positions).sort()).toEqual(first.elements.nodes.map((n: any) => n.data.id).sort());
    const second = (await getView(r.body.data.id)).body.data;
    expect(second.positions).toEqual(first.positions);
  });

  it('a view stored without positions (saved before they were stored) is still laid out on load', async () => {
    const r = await post({ title: 'Legacy', mode: 'live', definition: { kind: 'actors', actorIds: ['microsoft', 'unit-8200'] }, layout: { name: 'fcose' } });
    await write(`MATCH (v:View {id: $id}) SET v.layout = '{"name":"fcose"}'`, { id: r.body.data.id });
    const d = (await getView(r.body.data.id)).body.data;
    expect(Object.keys(d.positions).sort()).toEqual(['microsoft', 'unit-8200']);
  });
});

describe('query views are bounded', () => {
  it(`keeps at most ${VIEW_LIMITS.nodesMax} actors, in the query's order, and says it is truncated`, async () => {
    const count = VIEW_LIMITS.nodesMax + 20;
    await write(
      `UNWIND range(1, $count) AS i
       MERGE (a:Actor:Company {id: $prefix + right('000' + toString(i), 3)})
       SET a.name = 'Many ' + toString(i), a.aliases = []`,
      { count, prefix: MANY_PREFIX },
    );
    const many = parseSavedQuery(
      'test-many-actors',
      `// title: Test actors by prefix\n// param: prefix string\nMATCH (a:Actor) WHERE a.id STARTS WITH $prefix RETURN a ORDER BY a.id`,
      'test-many-actors.cypher',
    );
    const db = new GraphDb(driver, { database: testDatabase() });
    const runtime = createViewsRuntime(db, {}, { queries: [many] });
    const loaded = await runtime.service.create({ title: 'Many', mode: 'pinned', definition: { kind: 'query', queryId: many.id, params: { prefix: MANY_PREFIX } }, layout: { name: 'grid' }, style: {} });
    created.push(loaded.view.id);
    expect(loaded.resolved.truncated).toBe(true);
    expect(loaded.resolved.elements.nodes).toHaveLength(VIEW_LIMITS.nodesMax);
    expect(loaded.resolved.elements.nodes[0]!.data.id).toBe(`${MANY_PREFIX}001`);
    expect(loaded.resolved.elements.nodes.at(-1)!.data.id).toBe(`${MANY_PREFIX}${String(VIEW_LIMITS.nodesMax).padStart(3, '0')}`);
  });
});
