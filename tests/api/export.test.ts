import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
let app: RunningApp;

const ENDED_EDGE = 'microsoft-provides-services-to-unit-8200';
const POLYGON = 'polygon-microsoft-unit-8200-report';
const DATE = /\d{4}-\d{2}-\d{2}/.source;

beforeAll(async () => {
  app = await startTestApp(driver, testDatabase());
});
afterAll(async () => app.close());

const get = (query: string, base = app.baseUrl) => fetch(`${base}/api/export?${query}`);

async function count(cypher: string): Promise<number> {
  const result = await driver.executeQuery(cypher, {}, { database: testDatabase(), routing: 'READ' });
  return Number(result.records[0]?.get('n'));
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

describe('GET /api/export: each format', () => {
  const cases = [
    { format: 'cyjs', type: 'application/json', ext: 'cyjs' },
    { format: 'graphml', type: 'application/graphml+xml', ext: 'graphml' },
    { format: 'gexf', type: 'application/gexf+xml', ext: 'gexf' },
    { format: 'csv', type: 'application/zip', ext: 'zip' },
    { format: 'json', type: 'application/json', ext: 'json' },
    { format: 'citations', type: 'application/json', ext: 'citations.json' },
    { format: 'citations&citationFormat=text', type: 'text/plain', ext: 'citations.txt' },
  ];
  it.each(cases)('$format: 200, $type, attachment sightline-microsoft-<date>.$ext', async ({ format, type, ext }) => {
    const response = await get(`format=${format}&ids=microsoft`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="sightline-microsoft-${DATE}\\.${ext.replace('.', '\\.')}"$`),
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('json: the Microsoft neighbourhood holds the ended Unit 8200 edge with its evidence and sources', async () => {
    const doc = await (await get('format=json&ids=microsoft')).json();
    const edge = doc.edges.find((e: { id: string }) => e.id === ENDED_EDGE);
    expect(edge).toMatchObject({ type: 'PROVIDES_SERVICES_TO', source: 'microsoft', target: 'unit-8200', status: 'ended' });
    expect(edge.evidenceCount).toBeGreaterThanOrEqual(1);
    expect(doc.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['microsoft', 'unit-8200']));
    const claims = doc.claims.filter((c: { relationshipId: string }) => c.relationshipId === ENDED_EDGE);
    expect(claims).toHaveLength(edge.evidenceCount);
    expect(claims[0].sourceId).toBe(POLYGON);
    const polygon = doc.sources.find((s: { id: string }) => s.id === POLYGON);
    expect(polygon).toMatchObject({ publisher: 'Polygon', cites: ['guardian-microsoft-unit-8200-report'] });
    // the source Polygon cites comes along, so `cites` resolves inside the file
    expect(doc.sources.map((s: { id: string }) => s.id)).toContain('guardian-microsoft-unit-8200-report');
    // every edge's endpoints are exported nodes
    const ids = new Set(doc.nodes.map((n: { id: string }) => n.id));
    for (const e of doc.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('cyjs: a Cytoscape document whose edges carry evidenceCount', async () => {
    const doc = await (await get('format=cyjs&ids=microsoft')).json();
    expect(doc).toMatchObject({ format_version: '1.0', generated_by: 'Sightline', data: { source: 'Sightline' } });
    const edge = doc.elements.edges.find((e: { data: { id: string } }) => e.data.id === ENDED_EDGE);
    expect(edge.data).toMatchObject({ source: 'microsoft', target: 'unit-8200', status: 'ended', interaction: 'PROVIDES_SERVICES_TO' });
    expect(edge.data.evidenceCount).toBeGreaterThanOrEqual(1);
  });

  it('graphml: parses, declares every attribute (NetworkX style) and carries evidenceCount', async () => {
    const xml = await (await get('format=graphml&ids=microsoft')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const graphml = xmlParser.parse(xml).graphml[0];
    const keys = new Map<string, Record<string, string>>(graphml.key.map((k: Record<string, string>) => [k['@_id'], k]));
    for (const k of keys.values()) {
      expect(k['@_attr.name']).toBeTruthy();
      expect(['string', 'int', 'boolean']).toContain(k['@_attr.type']);
    }
    const edge = graphml.graph[0].edge.find((e: Record<string, string>) => e['@_id'] === ENDED_EDGE);
    const data = Object.fromEntries(
      edge.data.map((d: Record<string, string>) => [keys.get(d['@_key']!)!['@_attr.name'], d['#text']]),
    );
    expect(data).toMatchObject({ status: 'ended', type: 'PROVIDES_SERVICES_TO', label: 'provides services to' });
    expect(Number(data.evidenceCount)).toBeGreaterThanOrEqual(1);
    for (const node of graphml.graph[0].node) for (const d of node.data) expect(keys.get(d['@_key'])?.['@_for']).toBe('node');
  });

  const networkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;
  it.runIf(networkx)('graphml: networkx.read_graphml reads the same graph, typed', async () => {
    const [xml, doc] = await Promise.all([
      (await get('format=graphml&ids=microsoft')).text(),
      (await get('format=json&ids=microsoft')).json(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'sightline-export-'));
    try {
      writeFileSync(join(dir, 'g.graphml'), xml);
      const out = spawnSync(
        'python3',
        [
          '-c',
          `import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, d.get("id"), d) for u, v, d in g.edges(data=True))
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "ended": [d for u, v, k, d in edges if k == "${ENDED_EDGE}"]}))`,
          join(dir, 'g.graphml'),
        ],
        { encoding: 'utf8' },
      );
      expect(out.stderr).toBe('');
      const result = JSON.parse(out.stdout);
      expect(result.nodes).toBe(doc.nodes.length);
      expect(result.edges).toBe(doc.edges.length);
      expect(result.ended[0]).toMatchObject({ status: 'ended', contested: false });
      expect(result.ended[0].evidenceCount).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gexf: GEXF 1.3 with node and edge attribute declarations', async () => {
    const xml = await (await get('format=gexf&ids=microsoft')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const gexf = xmlParser.parse(xml).gexf[0];
    expect(gexf['@_version']).toBe('1.3');
    expect(gexf.graph[0].attributes.map((a: Record<string, string>) => a['@_class'])).toEqual(['node', 'edge']);
    const edge = gexf.graph[0].edges[0].edge.find((e: Record<string, string>) => e['@_id'] === ENDED_EDGE);
    expect(edge).toMatchObject({ '@_label': 'provides services to', '@_kind': 'PROVIDES_SERVICES_TO' });
    const evidence = edge.attvalues[0].attvalue.find((v: Record<string, string>) => v['@_for'] === 'e_evidenceCount');
    expect(Number(evidence['@_value'])).toBeGreaterThanOrEqual(1);
  });

  it('csv: a zip of nodes, edges, claims and sources with the evidence', async () => {
    const response = await get('format=csv&ids=microsoft');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['nodes.csv', 'edges.csv', 'claims.csv', 'sources.csv']));
    const edges = strFromU8(files['edges.csv']!);
    expect(edges.split('\r\n')[0]).toBe('id,source,target,relationshipType,label,status,summary,since,until,evidenceCount');
    expect(edges).toMatch(new RegExp(`^${ENDED_EDGE},microsoft,unit-8200,PROVIDES_SERVICES_TO,provides services to,ended,".*",,,[1-9]\\d*$`, 'm'));
    expect(strFromU8(files['claims.csv']!)).toContain('“We do not provide technology to facilitate mass surveillance of civilians,”');
    expect(strFromU8(files['sources.csv']!)).toContain(POLYGON);
  });

  it('citations: the Polygon source with how many exported edges it supports', async () => {
    const [citations, doc] = await Promise.all([
      (await get('format=citations&ids=microsoft')).json(),
      (await get('format=json&ids=microsoft')).json(),
    ]);
    const polygon = citations.data.find((c: { id: string }) => c.id === POLYGON);
    const supported = new Set(
      doc.claims.filter((c: { sourceId: string }) => c.sourceId === POLYGON).map((c: { relationshipId: string }) => c.relationshipId),
    );
    expect(polygon).toMatchObject({ publisher: 'Polygon', url: null, publishedAt: null, author: null, edgeCount: supported.size });
    expect(polygon.edgeCount).toBeGreaterThanOrEqual(1);
    const text = await (await get('format=citations&citationFormat=text&ids=microsoft')).text();
    expect(text).toMatch(/^1\. Polygon\. “Microsoft cuts off Israeli military unit’s access to Azure/m);
  });
});

describe('GET /api/export: scope', () => {
  it('exports the whole graph without ids: counts equal a direct Cypher count', async () => {
    const response = await get('format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`filename="sightline-all-${DATE}\\.json"`));
    const doc = await response.json();
    expect(doc.nodes).toHaveLength(await count('MATCH (n:Actor) RETURN count(n) AS n'));
    expect(doc.edges).toHaveLength(await count('MATCH (:Actor)-[r]->(:Actor) RETURN count(r) AS n'));
    expect(doc.claims).toHaveLength(await count('MATCH (c:Claim) RETURN count(c) AS n'));
    expect(doc.sources).toHaveLength(await count('MATCH (s:Source) RETURN count(s) AS n'));
    const evidence = doc.edges.reduce((sum: number, e: { evidenceCount: number }) => sum + e.evidenceCount, 0);
    expect(evidence).toBe(await count('MATCH (c:Claim) WHERE EXISTS { MATCH (:Actor)-[r]->(:Actor) WHERE r.id = c.relationshipId } RETURN count(c) AS n'));
  });

  it('depth=0 exports just the actors and the edges between them; ids may repeat or be comma-separated', async () => {
    const a = await (await get('format=json&ids=microsoft,unit-8200&depth=0')).json();
    const b = await (await get('format=json&ids=microsoft&ids=unit-8200&depth=0')).json();
    expect(a.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['microsoft', 'unit-8200']);
    expect(a.edges.map((e: { id: string }) => e.id)).toEqual([ENDED_EDGE]);
    expect(b.nodes).toEqual(a.nodes);
    expect(b.edges).toEqual(a.edges);
  });

  it('depth grows the neighbourhood', async () => {
    const sizes = [];
    for (const depth of [0, 1, 2, 3]) sizes.push((await (await get(`format=json&ids=unit-8200&depth=${depth}`)).json()).nodes.length);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1]!);
    expect(sizes[0]).toBe(1);
    expect(sizes[1]).toBeGreaterThan(1);
  });
});

describe('GET /api/export: errors', () => {
  it.each([
    ['ids=microsoft', 'format'],
    ['format=pdf&ids=microsoft', 'format'],
    ['format=json&format=csv', 'format'],
    ['format=json&ids=microsoft&depth=4', 'depth'],
    ['format=json&ids=microsoft&depth=-1', 'depth'],
    ['format=json&ids=microsoft&depth=one', 'depth'],
    ['format=json&ids=Not_A_Slug', 'ids.0'],
    ['format=json&ids=', 'ids'],
    ['format=citations&citationFormat=bibtex', 'citationFormat'],
  ])('%s → 400 VALIDATION_FAILED naming %s', async (query, field) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(body.error.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
  });

  it('unknown ids → 404 NOT_FOUND listing them', async () => {
    const response = await get('format=json&ids=microsoft,no-such-actor');
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: 'NOT_FOUND', ids: ['no-such-actor'] });
  });

  it('over the cap → 413 EXPORT_TOO_LARGE (cap from SIGHTLINE_EXPORT_MAX_NODES)', async () => {
    const small = await startTestApp(driver, testDatabase(), { exportMaxNodes: 2 });
    try {
      const whole = await get('format=json', small.baseUrl);
      expect(whole.status).toBe(413);
      expect((await whole.json()).error).toMatchObject({ code: 'EXPORT_TOO_LARGE', limit: 2 });
      expect((await get('format=graphml&ids=microsoft&depth=1', small.baseUrl)).status).toBe(413);
      expect((await get('format=json&ids=microsoft,unit-8200&depth=0', small.baseUrl)).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('GET /api/export: property', () => {
  it('any parameters: never a 5xx, and the stored graph is unchanged', async () => {
    const before = await graphFingerprint(driver, testDatabase());
    const word = fc.oneof(
      fc.constantFrom('microsoft', 'unit-8200', 'azure', 'idf', 'no-such-actor', '', ' ', 'MICROSOFT', 'a,b', ',,', '%', '\u0000'),
      fc.string({ maxLength: 12 }),
    );
    const param = fc.record(
      {
        format: fc.oneof(fc.constantFrom('cyjs', 'graphml', 'gexf', 'csv', 'json', 'citations', 'xml', ''), fc.string({ maxLength: 6 })),
        ids: fc.array(word, { maxLength: 4 }),
        depth: fc.oneof(fc.constantFrom('0', '1', '2', '3', '4', '-1', '1.5', ''), fc.string({ maxLength: 3 })),
        citationFormat: fc.constantFrom('json', 'text', 'x'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(param, async (p) => {
        const q = new URLSearchParams();
        if (p.format !== undefined) q.append('format', p.format);
        for (const id of p.ids ?? []) q.append('ids', id);
        if (p.depth !== undefined) q.append('depth', p.depth);
        if (p.citationFormat !== undefined) q.append('citationFormat', p.citationFormat);
        const response = await get(q.toString());
        await response.arrayBuffer();
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect(await graphFingerprint(driver, testDatabase())).toEqual(before);
  });
});
