import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../../server/src/contracts/vocabulary.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { ImportRepository } from '../../server/src/repositories/import-repository.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { count, deleteImported, importFiles, sourceIds } from './import-support.js';

const driver = getTestDriver();
const database = testDatabase();
const dir = mkdtempSync(join(tmpdir(), 'sightline-import-idem-'));
const ACTORS = 30;
const RELATIONSHIPS = 120;
const BATCH = 25;

let keepSources: string[] = [];
/** A relationship type with no relationship in the graph when the suite starts: the importer CREATEs those. */
let type: RelationshipType;
let files: string[] = [];

beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
  const empty = await new ImportRepository(new GraphDb(driver, { database })).emptyRelationshipTypes();
  const found = RELATIONSHIP_TYPE_NAMES.find((t) => empty.has(t));
  if (!found) throw new Error('import-idempotent: every relationship type already has relationships in the test graph');
  type = found;
  const actorRows = ['id,name,kind,description'];
  for (let i = 0; i < ACTORS; i++) actorRows.push(`idem-a${i},Idem actor ${i},Organization,Generated actor ${i}.`);
  const relRows = ['id,source,target,type,since,quote,source_url,attributed_to,stance'];
  for (let i = 0; i < RELATIONSHIPS; i++) {
    const a = i % ACTORS;
    const b = (a + 1 + Math.floor(i / ACTORS)) % ACTORS;
    relRows.push(`idem-r${i},idem-a${a},idem-a${b},${type},${i % 3 === 0 ? '2020' : ''},"Idem quote ${i}",https://idem.example.org/${i % 7},Idem Publisher,reported`);
  }
  files = [join(dir, 'actors.csv'), join(dir, 'relationships.csv')];
  writeFileSync(files[0]!, `${actorRows.join('\n')}\n`);
  writeFileSync(files[1]!, `${relRows.join('\n')}\n`);
});
afterAll(async () => {
  await deleteImported(driver, database, keepSources);
  rmSync(dir, { recursive: true, force: true });
});

const stored = async () => ({
  actors: await count(driver, database, "MATCH (n:Actor) WHERE n.id STARTS WITH 'idem-a' RETURN count(n)"),
  relationships: await count(driver, database, `MATCH (:Actor)-[r:${type}]->(:Actor) WHERE r.id STARTS WITH 'idem-r' RETURN count(r)`),
  claims: await count(driver, database, "MATCH (c:Claim)-[:CITES]->(:Source) WHERE c.relationshipId STARTS WITH 'idem-r' RETURN count(c)"),
  sources: await count(driver, database, "MATCH (s:Source) WHERE s.url STARTS WITH 'https://idem.example.org/' RETURN count(s)"),
  unsetSince: await count(driver, database, `MATCH ()-[r:${type}]->() WHERE r.id STARTS WITH 'idem-r' AND r.since IS NULL RETURN count(r)`),
});

describe('import: the same file twice (CREATE for a new type, then MERGE)', () => {
  it('first import of a type the graph does not have yet: everything created once, with its evidence', async () => {
    const report = await importFiles(driver, database, 'csv', files, { batchSize: BATCH });
    expect(report.failed).toBe(0);
    expect(report.actors.created).toBe(ACTORS);
    expect(report.relationships.created).toBe(RELATIONSHIPS);
    expect(report.claims.created).toBe(RELATIONSHIPS);
    expect(report.sources.created).toBe(7);
    const batches = Math.ceil(ACTORS / BATCH) + Math.ceil(RELATIONSHIPS / BATCH);
    expect(report.batches).toMatchObject({ total: batches, committed: batches });
    // absent values are left out, not stored as empty strings
    expect(await stored()).toEqual({ actors: ACTORS, relationships: RELATIONSHIPS, claims: RELATIONSHIPS, sources: 7, unsetSince: RELATIONSHIPS - RELATIONSHIPS / 3 });
    const { records } = await driver.executeQuery(
      "MATCH (c:Claim {relationshipId: 'idem-r0'}) RETURN c.importJob = $job AS stamped, c.importedFrom AS from, c.note IS NULL AS noNote",
      { job: report.jobId },
      { database },
    );
    expect(records[0]?.toObject()).toEqual({ stamped: true, from: 'relationships.csv, line 2', noNote: true });
  });

  it('importing the same files again creates nothing and changes nothing', async () => {
    const before = await graphFingerprint(driver, database);
    const report = await importFiles(driver, database, 'csv', files, { batchSize: BATCH });
    expect(report.failed).toBe(0);
    expect(report.actors.created + report.relationships.created + report.claims.created + report.sources.created).toBe(0);
    await driver.executeQuery('MATCH (j:ImportJob {id: $id}) DELETE j', { id: report.jobId }, { database });
    expect(await graphFingerprint(driver, database)).toEqual(before);
  });

  it('a batch written as "new type" whose relationships exist after all is refused by the constraint and written again with MERGE', async () => {
    const before = await graphFingerprint(driver, database);
    const repo = new ImportRepository(new GraphDb(driver, { database }));
    const made = await repo.writeRelationships(
      {
        sources: [],
        relationships: [{ type, rows: [{ id: 'idem-r0', source: 'idem-a0', target: 'idem-a1', status: 'active', summary: 'again', since: null, until: null }] }],
        claims: [],
      },
      null,
      new Set([type]),
    );
    expect(made).toEqual({ relationships: 0, claims: 0, sources: 0 });
    expect(await graphFingerprint(driver, database)).toEqual(before);

    // A new relationship whose claim id exists already: the claim's CREATE is refused, the MERGE keeps the claim as it is.
    const { records } = await driver.executeQuery(
      "MATCH (c:Claim {relationshipId: 'idem-r0'})-[:CITES]->(s:Source) RETURN c.id AS id, s.id AS sourceId, c.quote AS quote",
      {},
      { database },
    );
    const existing = records[0]!.toObject() as { id: string; sourceId: string; quote: string };
    const again = await repo.writeRelationships(
      {
        sources: [],
        relationships: [{ type, rows: [{ id: 'idem-extra', source: 'idem-a2', target: 'idem-a9', status: 'active', summary: 'Extra.', since: null, until: null }] }],
        claims: [
          {
            id: existing.id,
            sourceId: existing.sourceId,
            quote: 'A different quote',
            attributedTo: 'Someone',
            stance: 'reported',
            relationshipId: 'idem-extra',
            note: null,
            importJob: 'idem-test',
            importedFrom: 'test',
            retrievedAt: null,
          },
        ],
      },
      null,
      new Set([type]),
    );
    expect(again).toEqual({ relationships: 1, claims: 0, sources: 0 });
    expect(await count(driver, database, 'MATCH (c:Claim {id: $id}) WHERE c.quote = $quote RETURN count(c)', existing)).toBe(1);
    expect(await count(driver, database, `MATCH ()-[r:${type} {id: 'idem-extra'}]->() RETURN count(r)`)).toBe(1);
  });
});
