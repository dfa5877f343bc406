import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorSchema, claimSchema, relationshipSchema, sourceSchema } from '../../server/src/contracts/vocabulary.js';
import { loadColumnMap } from '../../server/src/import/csv/column-map.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { inputChecksum, prepareImport } from '../../server/src/import/formats.js';
import { runImport } from '../../server/src/import/pipeline.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { ImportRepository } from '../../server/src/repositories/import-repository.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { count, deleteImported, importFiles, sourceIds } from './import-support.js';

const driver = getTestDriver();
const database = testDatabase();
const COMPANIES = join(REPO_ROOT, '..', 'shared', 'datasets', 'boycott-companies', 'companies.csv');
const dir = mkdtempSync(join(tmpdir(), 'sightline-import-csv-'));

let keepSources: string[] = [];
beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
});
afterAll(async () => {
  await deleteImported(driver, database, keepSources);
  rmSync(dir, { recursive: true, force: true });
});

// The list, read here with csv-parse and a regex of our own: footnote definitions "[^n]: URL".
const companies = parse(readFileSync(COMPANIES), { columns: true }) as Array<{ id: string; name: string; description: string; status: string }>;
const footnoteUrls = (description: string): string[] => [...description.matchAll(/^\[\^[^\]]+\]:\s*(https?:\/\/\S+)\s*$/gm)].map((m) => m[1] as string);

describe('import: the boycott companies list (companies.csv)', () => {
  it('imports every row as a Company actor and every footnoted URL as a source of a claim about it', async () => {
    const report = await importFiles(driver, database, 'boycott-csv', [COMPANIES], { batchSize: 40 });
    expect(report.failed).toBe(0);
    expect(report.records).toBe(companies.length);
    expect(report.bySchema['boycott company']?.actors).toBe(companies.length);
    for (const row of companies) {
      const id = `boycott-${row.id}`;
      const { records } = await driver.executeQuery(
        `MATCH (n:Actor:Company {id: $id})
         OPTIONAL MATCH (list:Actor)-[r:TARGETS_FOR_BOYCOTT]->(n)
         OPTIONAL MATCH (c:Claim {relationshipId: r.id})-[:CITES]->(s:Source)
         RETURN n.name AS name, n.description AS description, r.status AS status, collect(s.url) AS urls, collect(c.stance) AS stances, collect(c.attributedTo) AS by`,
        { id },
        { database },
      );
      expect(records.length, id).toBe(1);
      const r = records[0]!;
      expect(r.get('name')).toBe(row.name);
      // the actor's own description is neutral: the list's reasons live in claims
      expect(r.get('description')).toMatch(/^Company on the boycott list companies\.csv/);
      expect(r.get('status')).toBe('alleged');
      const urls = footnoteUrls(row.description);
      if (urls.length > 0) expect([...new Set(r.get('urls') as string[])].sort(), id).toEqual([...new Set(urls)].sort());
      else expect((r.get('urls') as unknown[]).length, id).toBe(0); // cites the list file itself (no URL)
      expect(new Set(r.get('stances') as string[])).toEqual(new Set(['alleged']));
      expect(new Set(r.get('by') as string[])).toEqual(new Set(['Boycott list (companies.csv)']));
    }
    const allUrls = new Set(companies.flatMap((c) => footnoteUrls(c.description)));
    expect(await count(driver, database, 'MATCH (s:Source) WHERE s.url IN $urls RETURN count(DISTINCT s.url)', { urls: [...allUrls] })).toBe(allUrls.size);
  });

  it('stores only valid vocabulary shapes', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (n:Actor) WHERE n.id STARTS WITH 'boycott-' WITH collect(properties(n)) AS actors
       MATCH (c:Claim) WHERE c.importJob IS NOT NULL WITH actors, collect(properties(c)) AS claims
       MATCH (:Actor)-[r:TARGETS_FOR_BOYCOTT]->(:Actor) WHERE r.id STARTS WITH 'boycott-' WITH actors, claims, collect(properties(r)) AS rels
       MATCH (s:Source) WHERE NOT s.id IN $keep
       RETURN actors, claims, rels, collect(properties(s)) AS sources`,
      { keep: keepSources },
      { database },
    );
    const row = records[0]!;
    for (const a of row.get('actors')) expect(actorSchema.safeParse(a).error?.message).toBeUndefined();
    for (const c of row.get('claims')) expect(claimSchema.safeParse(c).error?.message).toBeUndefined();
    for (const r of row.get('rels')) expect(relationshipSchema.safeParse(r).error?.message).toBeUndefined();
    for (const s of row.get('sources')) expect(sourceSchema.safeParse(s).error?.message).toBeUndefined();
  });

  it('imports the list again without duplicates', async () => {
    const before = await graphFingerprint(driver, database);
    const report = await importFiles(driver, database, 'boycott-csv', [COMPANIES]);
    expect(report.actors.created + report.relationships.created + report.claims.created + report.sources.created).toBe(0);
    await driver.executeQuery('MATCH (j:ImportJob {id: $id}) DELETE j', { id: report.jobId }, { database });
    expect(await graphFingerprint(driver, database)).toEqual(before);
  });
});

describe('import: CSV (actors.csv + relationships.csv)', () => {
  const actors = join(dir, 'actors.csv');
  const relationships = join(dir, 'relationships.csv');
  writeFileSync(
    actors,
    [
      'id,name,kind,aliases,description,country,url',
      'csv-acme,Acme Corp,Company,ACME|Acme Inc.,A maker of everything.,US,https://acme.example.com',
      'csv-jane,Jane Roe,person,,A person.,,',
      'csv-bad-kind,Nobody,Spaceship,,x,,', // line 4: unknown kind
      'csv-acme,Acme again,Company,,dup,,', // line 5: duplicate id
    ].join('\n'),
  );
  writeFileSync(
    relationships,
    [
      'id,source,target,type,status,summary,since,until,quote,source_url,source_title,source_publisher,source_published_at,attributed_to,stance,note',
      'csv-r1,csv-jane,csv-acme,OFFICER_OF,active,Jane Roe is an officer of Acme.,2020,,"Jane Roe, chief',
      'executive of Acme",https://news.example.com/a,Acme names a CEO,Example News,2020-01-02,Example News,reported,',
      'csv-r2,csv-jane,csv-acme,KNOWS,active,,,,"q",https://news.example.com/b,,,,,reported,', // line 4: unknown type
      'csv-r3,csv-jane,csv-acme,OWNS,active,,,,,https://news.example.com/c,,,,,reported,', // line 5: no quote
      'csv-r4,csv-jane,csv-nobody,OWNS,active,,,,"q",https://news.example.com/d,,,,,reported,', // line 6: dangling target
      'csv-r5,csv-jane,csv-acme,OWNS,active,,2021,2020,"q",https://news.example.com/e,,,,,reported,', // line 7: since after until
      'csv-r6,csv-acme,microsoft,PARTNERS_WITH,alleged,,,,"they partner",https://news.example.com/f,,,,Someone,alleged,', // line 8: ok, target in the graph (seed)
    ].join('\n'),
  );

  it('reports every bad row with its file, line number and reason, and imports the good ones', async () => {
    const report = await importFiles(driver, database, 'csv', [relationships, actors], { batchSize: 2 });
    const issues = report.issues.map((i) => `${i.file}:${i.line} ${i.reason}`);
    expect(issues).toEqual([
      expect.stringMatching(/^actors\.csv:4 unknown kind "Spaceship"/),
      expect.stringMatching(/^actors\.csv:5 duplicate actor id csv-acme/),
      expect.stringMatching(/^relationships\.csv:4 unknown relationship type "KNOWS"/),
      expect.stringMatching(/^relationships\.csv:5 no quote/),
      // in input order: a dangling reference is reported where it is read, like every other failed row
      expect.stringMatching(/^relationships\.csv:6 relationship csv-r4 references csv-nobody, which is neither in the input nor in the graph/),
      expect.stringMatching(/^relationships\.csv:7 relationship csv-r5: until: since must not be after until/),
    ]);
    expect(report.failed).toBe(6);
    expect(report.danglingReferences).toBe(1);
    expect(report.actors.created).toBe(2);
    expect(report.relationships.created).toBe(2);
    const { records } = await driver.executeQuery(
      `MATCH (a:Actor {id: 'csv-jane'})-[r:OFFICER_OF {id: 'csv-r1'}]->(b:Actor:Company {id: 'csv-acme'})
       MATCH (c:Claim {relationshipId: 'csv-r1'})-[:CITES]->(s:Source)
       RETURN a:Person AS person, b.aliases AS aliases, r.since AS since, c.quote AS quote, c.attributedTo AS by, c.importedFrom AS from, s.url AS url, s.publishedAt AS published`,
      {},
      { database },
    );
    expect(records[0]?.toObject()).toEqual({
      person: true,
      aliases: ['ACME', 'Acme Inc.'],
      since: '2020',
      quote: 'Jane Roe, chief\nexecutive of Acme',
      by: 'Example News',
      from: 'relationships.csv, line 2',
      url: 'https://news.example.com/a',
      published: '2020-01-02',
    });
    expect(await count(driver, database, "MATCH (:Actor {id: 'csv-acme'})-[r:PARTNERS_WITH {id: 'csv-r6'}]->(:Actor {id: 'microsoft'}) RETURN count(r)")).toBe(1);
  });

  it('reads another layout through a column map (--map)', async () => {
    const other = join(dir, 'links.csv');
    const people = join(dir, 'people.csv');
    writeFileSync(people, 'Who,Org\nMapped Person,Mapped Org\n');
    writeFileSync(other, 'from,to,evidence,link\ncsv-jane,csv-acme,"Jane owns Acme, says the filing",https://registry.example.org/acme\n');
    const mapFile = join(dir, 'map.json');
    writeFileSync(
      mapFile,
      JSON.stringify({
        actors: { name: 'Who', description: 'Org' },
        relationships: { source: 'from', target: 'to', quote: 'evidence', source_url: 'link' },
        defaults: { kind: 'Person', type: 'OWNS', stance: 'reported' },
      }),
    );
    const map = await loadColumnMap(mapFile);
    const prepared = await prepareImport('csv', [people, other], { map });
    const report = await runImport(prepared.reader, new ImportRepository(new GraphDb(driver, { database })), {
      format: 'csv',
      files: ['people.csv', 'links.csv'],
      sha256: await inputChecksum([people, other], { map }),
    });
    expect(report.failed).toBe(0);
    expect(await count(driver, database, "MATCH (n:Actor:Person {id: 'mapped-person', description: 'Mapped Org'}) RETURN count(n)")).toBe(1);
    expect(await count(driver, database, "MATCH (:Actor {id: 'csv-jane'})-[r:OWNS {id: 'csv-jane-owns-csv-acme'}]->(:Actor {id: 'csv-acme'}) RETURN count(r)")).toBe(1);
  });
});
