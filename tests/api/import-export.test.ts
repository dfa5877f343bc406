import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/paths.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { count, deleteImported, importFiles, sourceIds } from '../integration/import-support.js';

const driver = getTestDriver();
const database = testDatabase();
let app: RunningApp | undefined;
const dir = mkdtempSync(join(tmpdir(), 'sightline-import-export-'));
const SCHEMA_DIR = join(REPO_ROOT, '..', 'shared', 'datasets', 'followthemoney', 'schema');

let keepSources: string[] = [];
beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
  app = await startTestApp(driver, database);
});
afterAll(async () => {
  await app?.close();
  await deleteImported(driver, database, keepSources);
  rmSync(dir, { recursive: true, force: true });
});

/** GET an export as text. */
async function download(path: string): Promise<{ status: number; type: string; text: string }> {
  if (!app) throw new Error('sightline/tests: the app is not started');
  const response = await fetch(`${app.baseUrl}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** Actors, relationships and claims of `ids`, by id, without import provenance: what a round trip must keep. */
async function contentOf(ids: string[]): Promise<string> {
  const { records } = await driver.executeQuery(
    `MATCH (n:Actor) WHERE n.id IN $ids
     WITH n ORDER BY n.id
     WITH collect([labels(n), properties(n)]) AS actors
     OPTIONAL MATCH (a:Actor)-[r]->(b:Actor) WHERE a.id IN $ids AND b.id IN $ids
     WITH actors, r, a, b ORDER BY r.id
     WITH actors, collect([type(r), a.id, b.id, properties(r)]) AS rels, collect(r.id) AS relIds
     OPTIONAL MATCH (c:Claim)-[:CITES]->(s:Source) WHERE c.relationshipId IN relIds
     WITH actors, rels, c, s ORDER BY c.id
     RETURN actors, rels, collect([properties(c), s.id]) AS claims`,
    { ids },
    { database },
  );
  // import provenance (importJob) is expected to differ; everything else must not
  return JSON.stringify(records[0]?.toObject(), (k, v) =>
    k === 'importJob' ? undefined : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );
}

describe('export -> import round trip (Cytoscape JSON)', () => {
  it('importing the whole graph’s own export changes nothing (same graph fingerprint)', async () => {
    const before = await graphFingerprint(driver, database);
    const cyjs = await download('/api/export?format=cyjs');
    expect(cyjs.status).toBe(200);
    const file = join(dir, 'whole.cyjs');
    writeFileSync(file, cyjs.text);
    const report = await importFiles(driver, database, 'cyjs', [file], { batchSize: 7 });
    expect(report.failed).toBe(0);
    expect(report.actors.toWrite).toBe(JSON.parse(cyjs.text).elements.nodes.length);
    expect(report.relationships.toWrite).toBe(JSON.parse(cyjs.text).elements.edges.length);
    expect(report.actors.created + report.relationships.created + report.claims.created + report.sources.created).toBe(0);
    await driver.executeQuery('MATCH (j:ImportJob {id: $id}) DELETE j', { id: report.jobId }, { database });
    expect(await graphFingerprint(driver, database)).toEqual(before);
  });

  it('export, delete the actors, import: the same actors and relationships come back, evidence still attached', async () => {
    const actors = join(dir, 'rt-actors.csv');
    const rels = join(dir, 'rt-relationships.csv');
    writeFileSync(actors, 'id,name,kind,aliases,description,country,url,wikidata\nrt-a,Round Trip A,Company,RTA|Arr Tee,First.,FR,https://a.example.com,Q42\nrt-b,Round Trip B,Person,,Second.,,,\nrt-c,Round Trip C,Organization,,Third.,,,\n');
    writeFileSync(
      rels,
      'id,source,target,type,status,summary,since,until,quote,source_url,attributed_to,stance\n' +
        'rt-r1,rt-b,rt-a,OFFICER_OF,ended,B was an officer of A.,2019-04,2021,"B, officer",https://rt.example.org/1,RT News,reported\n' +
        'rt-r2,rt-a,rt-c,MEMBER_OF,alleged,C says A is a member.,,,"A is one of us",https://rt.example.org/2,Round Trip C,alleged\n',
    );
    const setup = await importFiles(driver, database, 'csv', [actors, rels]);
    expect(setup.failed).toBe(0);
    const ids = ['rt-a', 'rt-b', 'rt-c'];
    const before = await contentOf(ids);
    const cyjs = await download(`/api/export?format=cyjs&ids=${ids.join(',')}&depth=0`);
    const file = join(dir, 'rt.cyjs');
    writeFileSync(file, cyjs.text);
    await driver.executeQuery('MATCH (n:Actor) WHERE n.id IN $ids DETACH DELETE n', { ids }, { database });
    expect(await count(driver, database, 'MATCH (n:Actor) WHERE n.id IN $ids RETURN count(n)', { ids })).toBe(0);
    const report = await importFiles(driver, database, 'cyjs', [file]);
    expect(report).toMatchObject({ failed: 0, actors: { created: 3 }, relationships: { created: 2 }, claims: { created: 0 } });
    expect(await contentOf(ids)).toBe(before);
  });

  it('a relationship the graph has no evidence for gets a claim citing the file, saying it is not a quotation', async () => {
    await driver.executeQuery("MATCH (c:Claim {relationshipId: 'rt-r2'}) DETACH DELETE c", {}, { database });
    await driver.executeQuery("MATCH ()-[r:MEMBER_OF {id: 'rt-r2'}]->() DELETE r", {}, { database });
    const report = await importFiles(driver, database, 'cyjs', [join(dir, 'rt.cyjs')]);
    expect(report).toMatchObject({ failed: 0, relationships: { created: 1 }, claims: { created: 1 } });
    const { records } = await driver.executeQuery("MATCH (c:Claim {relationshipId: 'rt-r2'})-[:CITES]->(s:Source) RETURN c.note AS note, c.quote AS quote, s.title AS title", {}, { database });
    expect(records.length).toBe(1);
    expect(records[0]?.get('note')).toMatch(/^Not a quotation/);
    expect(records[0]?.get('quote')).toBe('C says A is a member.');
    expect(records[0]?.get('title')).toBe('rt.cyjs');
  });
});

// ---- FtM export: checked against the FtM schema YAMLs, read here ----
type Yaml = Record<string, { extends?: string[]; abstract?: boolean; properties?: Record<string, { type?: string } | null> }>;
const yaml: Yaml = Object.assign({}, ...readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.yaml')).map((f) => parseYaml(readFileSync(join(SCHEMA_DIR, f), 'utf8'))));
const lineage = (s: string): string[] => [s, ...(yaml[s]?.extends ?? []).flatMap(lineage)];
const propertiesOf = (s: string): Map<string, string | undefined> =>
  new Map(lineage(s).flatMap((x) => Object.entries(yaml[x]?.properties ?? {}).map(([k, v]) => [k, v?.type] as [string, string | undefined])));

describe('GET /api/export?format=ftm', () => {
  it('writes FtM JSON lines: known, concrete schemata, only their property names, references that resolve', async () => {
    const ftm = await download('/api/export?format=ftm');
    expect(ftm.status).toBe(200);
    expect(ftm.type).toContain('application/x-ndjson');
    const lines = ftm.text.trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    const cyjs = JSON.parse((await download('/api/export?format=cyjs')).text);
    expect(lines.length).toBe(cyjs.elements.nodes.length + cyjs.elements.edges.length);
    const ids = new Set(lines.map((l) => l.id));
    for (const line of lines) {
      expect(yaml[line.schema], line.schema).toBeDefined();
      expect(yaml[line.schema]?.abstract ?? false, line.schema).toBe(false);
      const allowed = propertiesOf(line.schema);
      for (const [name, values] of Object.entries(line.properties)) {
        expect(allowed.has(name), `${line.schema}.${name}`).toBe(true);
        expect(Array.isArray(values) && values.every((v) => typeof v === 'string')).toBe(true);
        if (allowed.get(name) === 'entity') for (const ref of values) expect(ids.has(ref), `${line.id} ${name} -> ${ref}`).toBe(true);
      }
    }
    const file = join(dir, 'whole.ftm.json');
    writeFileSync(file, ftm.text);
    // and it re-imports: every line read, no failed row, no dangling reference (dry run: the graph stays as it is)
    const report = await importFiles(driver, database, 'ftm', [file], { namespace: '', dryRun: true });
    expect(report).toMatchObject({ records: lines.length, failed: 0, danglingReferences: 0, skipped: 0 });
    expect(report.relationships.toWrite).toBe(cyjs.elements.edges.length);
  });
});

// ---- GraphML and GEXF in NetworkX ----
const python = spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' });
const networkx = python.status === 0 ? python.stdout.trim() : null;
const reason = networkx ? `networkx ${networkx}` : 'SKIPPED: python3 with networkx is not installed (apt-get install python3-networkx)';
if (!networkx) console.warn(`[import-export.test] ${reason}`);

describe(`GraphML and GEXF open in NetworkX with the same node and edge counts (${reason})`, () => {
  it.skipIf(!networkx)('reads both exports of the whole graph', async () => {
    const cyjs = JSON.parse((await download('/api/export?format=cyjs')).text);
    const graphml = join(dir, 'g.graphml');
    const gexf = join(dir, 'g.gexf');
    writeFileSync(graphml, (await download('/api/export?format=graphml')).text);
    writeFileSync(gexf, (await download('/api/export?format=gexf')).text);
    const script = [
      'import json, sys, networkx as nx',
      'g = nx.read_graphml(sys.argv[1], force_multigraph=True)',
      'x = nx.read_gexf(sys.argv[2])',
      'print(json.dumps({"graphml": [g.number_of_nodes(), g.number_of_edges(), g.is_directed()], "gexf": [x.number_of_nodes(), x.number_of_edges(), x.is_directed()]}))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script, graphml, gexf], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const counts = JSON.parse(run.stdout);
    const expected = [cyjs.elements.nodes.length, cyjs.elements.edges.length, true];
    expect(counts).toEqual({ graphml: expected, gexf: expected });
  });
});
