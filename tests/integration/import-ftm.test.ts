import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespacedId } from '../../server/src/import/ids.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { count, deleteImported, importFiles, sourceIds } from './import-support.js';

const driver = getTestDriver();
const database = testDatabase();
const ZALA = join(REPO_ROOT, '..', 'shared', 'datasets', 'opensanctions', 'zala.ftm.json');
const SCHEMA_DIR = join(REPO_ROOT, '..', 'shared', 'datasets', 'followthemoney', 'schema');

// ---- what the file holds, computed here from the file and the FtM YAMLs (not by the importer) ----
const entities = readFileSync(ZALA, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
const yaml: Record<string, { extends?: string[]; edge?: { source: string; target: string } }> = Object.assign(
  {},
  ...readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parseYaml(readFileSync(join(SCHEMA_DIR, f), 'utf8'))),
);
const ancestors = (s: string): string[] => [s, ...(yaml[s]?.extends ?? []).flatMap(ancestors)];
const bySchema = new Map<string, number>();
for (const e of entities) bySchema.set(e.schema, (bySchema.get(e.schema) ?? 0) + 1);
const fileIds = new Set(entities.map((e) => e.id));
const actorEntities = entities.filter((e) => ancestors(e.schema).includes('LegalEntity'));
/** Links: every edge schema's source/target (from the YAML), and Sanction's entity. */
const links = entities.flatMap((e) => {
  const edge = yaml[e.schema]?.edge;
  if (edge) return (e.properties[edge.source] ?? []).flatMap((s) => (e.properties[edge.target] ?? []).map((t) => ({ e, refs: [s, t] })));
  if (e.schema === 'Sanction') return (e.properties.entity ?? []).map((t) => ({ e, refs: [t] }));
  return [];
});
const dangling = links.flatMap((l) => l.refs).filter((id) => !fileIds.has(id)).length;
const authorities = new Set(entities.filter((e) => e.schema === 'Sanction').map((e) => e.properties.authority?.[0]));
const TYPE_OF: Record<string, string> = { Ownership: 'OWNS', Directorship: 'OFFICER_OF', Family: 'RELATIVE_OF', Sanction: 'SANCTIONS' };

let keepSources: string[] = [];
beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
});
afterAll(async () => deleteImported(driver, database, keepSources));

describe('import: FollowTheMoney JSON lines (zala.ftm.json)', () => {
  it('has the expected shape (sanity of the independent counts)', () => {
    expect(entities.length).toBe(91);
    expect(actorEntities.length).toBe((bySchema.get('Person') ?? 0) + (bySchema.get('Company') ?? 0));
    expect(links.length).toBe(62);
  });

  it('a dry run validates every record, reports counts by schema, and writes nothing', async () => {
    const before = await graphFingerprint(driver, database);
    const report = await importFiles(driver, database, 'ftm', [ZALA], { dryRun: true, batchSize: 7 });
    expect(await graphFingerprint(driver, database)).toEqual(before);
    expect(report.status).toBe('validated');
    expect(report.jobId).toBeNull();
    expect(report.records).toBe(entities.length);
    for (const [schema, n] of bySchema) expect(report.bySchema[schema]?.records, schema).toBe(n);
    expect(report.failed).toBe(0);
    expect(report.danglingReferences).toBe(dangling);
  });

  it('imports every entity and every link, accounted for by schema, with zero dangling references', async () => {
    const report = await importFiles(driver, database, 'ftm', [ZALA], { batchSize: 10 });
    expect(report.status).toBe('done');
    expect(report.failed).toBe(0);
    expect(dangling).toBe(0);
    expect(report.danglingReferences).toBe(0);
    // every record is an actor, a relationship or a reasoned skip
    for (const [schema, n] of bySchema) {
      const c = report.bySchema[schema]!;
      expect(c.records, schema).toBe(n);
      const fromRecords = actorEntities.some((e) => e.schema === schema) ? c.actors : TYPE_OF[schema] ? c.relationships : c.skipped;
      expect(fromRecords, schema).toBe(schema === 'Sanction' || TYPE_OF[schema] ? links.filter((l) => l.e.schema === schema).length : n);
    }
    expect(report.bySchema.Address?.skipped).toBe(bySchema.get('Address'));
    expect(report.bySchema.Passport?.skipped).toBe(bySchema.get('Passport'));
    expect(report.derivedActors).toBe(authorities.size);
    expect(report.actors).toEqual({ toWrite: actorEntities.length + authorities.size, created: actorEntities.length + authorities.size });
    expect(report.relationships).toEqual({ toWrite: links.length, created: links.length });

    // in the graph: every actor under its namespaced id with the matching kind
    const ids = actorEntities.map((e) => namespacedId('ftm', e.id));
    const { records } = await driver.executeQuery('MATCH (n:Actor) WHERE n.id IN $ids RETURN n.id AS id, labels(n) AS labels, n.name AS name', { ids }, { database });
    expect(records.length).toBe(actorEntities.length);
    const kindOf = new Map(records.map((r) => [r.get('id') as string, (r.get('labels') as string[]).filter((l) => l !== 'Actor')[0]]));
    for (const e of actorEntities) expect(kindOf.get(namespacedId('ftm', e.id)), e.id).toBe(e.schema === 'Person' ? 'Person' : 'Company');
    // every link as a relationship of its type, between the right actors
    for (const [schema, type] of Object.entries(TYPE_OF)) {
      const expected = links.filter((l) => l.e.schema === schema).length;
      expect(await count(driver, database, `MATCH (:Actor)-[r:${type}]->(:Actor) WHERE r.id STARTS WITH 'ftm-' RETURN count(r)`), type).toBe(expected);
    }
    const ownership = entities.find((e) => e.schema === 'Ownership')!;
    expect(
      await count(driver, database, 'MATCH (a:Actor {id: $a})-[r:OWNS {id: $id}]->(b:Actor {id: $b}) RETURN count(r)', {
        a: namespacedId('ftm', ownership.properties.owner![0]!),
        b: namespacedId('ftm', ownership.properties.asset![0]!),
        id: namespacedId('ftm', ownership.id),
      }),
    ).toBe(1);
  });

  it('keeps the evidence of every imported relationship: a claim citing a source, with file, dataset and retrieval date', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (:Actor)-[r]->(:Actor) WHERE r.id STARTS WITH 'ftm-'
       OPTIONAL MATCH (c:Claim {relationshipId: r.id})-[:CITES]->(s:Source)
       RETURN r.id AS id, type(r) AS type, collect({quote: c.quote, stance: c.stance, attributedTo: c.attributedTo, importedFrom: c.importedFrom, retrievedAt: c.retrievedAt, url: s.url}) AS claims`,
      {},
      { database },
    );
    expect(records.length).toBe(links.length);
    for (const r of records) {
      const claims = r.get('claims') as Array<Record<string, string | null>>;
      expect(claims.length, r.get('id')).toBeGreaterThan(0);
      for (const c of claims) {
        expect(c.quote).toBeTruthy();
        expect(c.stance).toBe('reported');
        expect(c.importedFrom).toMatch(/^zala\.ftm\.json, dataset /);
        expect(c.retrievedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    // a sanction's sourceUrl becomes its source; its summary is the quote
    const sanction = entities.find((e) => e.schema === 'Sanction' && e.properties.sourceUrl?.length && e.properties.summary?.length)!;
    const { records: evidence } = await driver.executeQuery(
      'MATCH (c:Claim {relationshipId: $id})-[:CITES]->(s:Source) RETURN c.quote AS quote, s.url AS url',
      { id: namespacedId('ftm', sanction.id) },
      { database },
    );
    expect(evidence.map((e) => e.get('url'))).toEqual(expect.arrayContaining(sanction.properties.sourceUrl!));
    expect(evidence[0]?.get('quote')).toBe(sanction.properties.summary![0]!.replace(/\s+/g, ' ').trim().slice(0, 300).trim());
  });

  it('importing the same file again creates nothing (MERGE on stable ids)', async () => {
    const before = await graphFingerprint(driver, database);
    const report = await importFiles(driver, database, 'ftm', [ZALA], { batchSize: 25 });
    expect(report.actors.created).toBe(0);
    expect(report.relationships.created).toBe(0);
    expect(report.claims.created).toBe(0);
    expect(report.sources.created).toBe(0);
    await driver.executeQuery('MATCH (j:ImportJob {id: $id}) DELETE j', { id: report.jobId }, { database });
    expect(await graphFingerprint(driver, database)).toEqual(before);
  });

  it('never overwrites an existing actor’s curated fields', async () => {
    const id = namespacedId('ftm', actorEntities[0]!.id);
    await driver.executeQuery('MATCH (n:Actor {id: $id}) SET n.name = $name, n.description = $d', { id, name: 'Curated name', d: 'Curated description.' }, { database });
    await importFiles(driver, database, 'ftm', [ZALA]);
    const { records } = await driver.executeQuery('MATCH (n:Actor {id: $id}) RETURN n.name AS name, n.description AS d', { id }, { database });
    expect(records[0]?.get('name')).toBe('Curated name');
    expect(records[0]?.get('d')).toBe('Curated description.');
  });
});
