import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnMapJsonSchema } from '../../server/src/import/csv/column-map.js';
import { inputChecksum } from '../../server/src/import/formats.js';
import { deleteImported, sourceIds } from '../integration/import-support.js';
import { csvLayouts } from '../support/csv-layouts.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { useCurationApp } from './curation-support.js';

// POST /api/import with a column map (`map`, JSON): another CSV layout read as Sightline's own.
const driver = getTestDriver();
const database = testDatabase();
const fixture = useCurationApp(driver, database, 'import-map');
const layouts = csvLayouts('imap-');
const dir = mkdtempSync(join(tmpdir(), 'sightline-import-map-'));
const enc = (text: string) => new TextEncoder().encode(text);

let keepSources: string[] = [];
beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
});
afterAll(async () => {
  await deleteImported(driver, database, keepSources);
  rmSync(dir, { recursive: true, force: true });
});

type Part = { name: string; body: Uint8Array };

async function upload(fields: Record<string, string>, file: Part, relationships?: Part) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(file.body)]), file.name);
  if (relationships) form.set('relationships', new Blob([new Uint8Array(relationships.body)]), relationships.name);
  const response = await fetch(`${fixture.baseUrl()}/api/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${fixture.editor()}` } });
  return { status: response.status, body: (await response.json()) as any };
}

const documented = (): [Part, Part] => [
  { name: 'actors.csv', body: enc(layouts.documented.actors) },
  { name: 'relationships.csv', body: enc(layouts.documented.relationships) },
];
const other = (): [Part, Part] => [
  { name: 'Companies export.csv', body: enc(layouts.other.actors) },
  { name: 'Links export.csv', body: enc(layouts.other.relationships) },
];

async function waitForJob(jobId: string): Promise<any> {
  for (;;) {
    const job = await fixture.request('GET', `/api/import/${jobId}`, { token: null });
    if (job.body.data.status === 'done' || job.body.data.status === 'failed') return job.body.data;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What the import wrote under a namespace, with the namespace taken off the ids (the files' names aside). */
async function written(namespace: string): Promise<unknown> {
  const strip = `${namespace}-`;
  const { records } = await driver.executeQuery(
    `MATCH (a:Actor) WHERE a.id STARTS WITH $prefix
     WITH a ORDER BY a.id
     WITH collect([substring(a.id, size($prefix)), [l IN labels(a) WHERE l <> 'Actor'], a.name, a.aliases, a.description, a.country]) AS actors
     OPTIONAL MATCH (s:Actor)-[r]->(t:Actor) WHERE r.id STARTS WITH $prefix
     OPTIONAL MATCH (c:Claim {relationshipId: r.id})-[:CITES]->(src:Source)
     WITH actors, r, s, t, c, src ORDER BY r.id
     RETURN actors, collect([substring(r.id, size($prefix)), type(r), substring(s.id, size($prefix)), substring(t.id, size($prefix)), r.status, r.summary,
                             c.quote, c.attributedTo, c.stance, src.id, src.url, src.publisher]) AS relationships`,
    { prefix: strip },
    { database, routing: 'READ' },
  );
  return records[0]!.toObject();
}

/** A report's figures that depend on what was read, not on the files' names or the clock. */
const figures = (report: any) => ({
  records: report.records,
  failed: report.failed,
  skipped: report.skipped,
  danglingReferences: report.danglingReferences,
  actors: report.actors,
  relationships: report.relationships,
  claims: report.claims,
  sources: report.sources,
  bySchema: report.bySchema,
  issues: report.issues,
});

async function storedCounts(): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) WHERE NOT n:User AND NOT n:Session AND NOT n:ApiToken RETURN count(n) AS nodes }
     CALL () { MATCH (a)-[r]->() WHERE NOT a:User AND NOT a:Session AND NOT a:ApiToken RETURN count(r) AS rels }
     RETURN nodes, rels`,
    {},
    { database, routing: 'READ' },
  );
  return { nodes: Number(records[0]!.get('nodes')), rels: Number(records[0]!.get('rels')) };
}

describe('POST /api/import with a column map: bad maps are 400 VALIDATION_FAILED naming "map", nothing stored', () => {
  const [actors, links] = other();
  const cases: Array<{ name: string; fields: Record<string, string>; files: Part[]; message: RegExp }> = [
    { name: 'malformed JSON', fields: { format: 'csv', map: '{"actors": {"name": "Name"' }, files: [actors], message: /^map: not valid JSON/ },
    {
      name: 'an unknown Sightline column',
      fields: { format: 'csv', map: JSON.stringify({ actors: { nmae: 'Name' }, delimiter: ';' }) },
      files: [actors],
      message: /^map: actors: unknown Sightline column "nmae" \(one of id, name, kind,/,
    },
    {
      name: 'a mapped header the file lacks',
      fields: { format: 'csv', map: JSON.stringify({ ...layouts.map, relationships: { ...layouts.map.relationships, quote: 'Quote' } }) },
      files: [actors, links],
      message: /^map: Links_export\.csv \(read as relationships\) has no column "Quote" \(mapped to quote\); its columns are "Ref", "From",/,
    },
    {
      name: 'a map for another format',
      fields: { format: 'boycott-csv', map: JSON.stringify({ actors: { name: 'name' } }) },
      files: [{ name: 'companies.csv', body: enc('id,name,description,status\nx,X,"X is listed.",avoid\n') }],
      message: /^map: a column map is only read with format csv \(this is boycott-csv\)/,
    },
    {
      name: 'a map for a format guessed from the file',
      fields: { map: JSON.stringify({ actors: { name: 'name' } }) },
      files: [{ name: 'x.cyjs', body: enc('{"elements": {"nodes": [], "edges": []}}') }],
      message: /^map: a column map is only read with format csv \(this is cyjs\)/,
    },
    { name: 'an unknown delimiter', fields: { format: 'csv', map: JSON.stringify({ delimiter: ':' }) }, files: [actors], message: /^map: delimiter: / },
    { name: 'a map that is no object', fields: { format: 'csv', map: '["Name"]' }, files: [actors], message: /^map: expected object|^map: Invalid input: expected object/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = await storedCounts();
      for (const dryRun of ['true', 'false']) {
        const r = await upload({ ...c.fields, dryRun }, c.files[0]!, c.files[1]);
        expect(r.status).toBe(400);
        expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'map' });
        expect(r.body.error.message).toMatch(c.message);
      }
      expect(await storedCounts()).toEqual(before);
    });
  }
});

describe('POST /api/import with a column map: another layout gives what the documented one gives', () => {
  it('a dry run of each layout reports the same records, counts and issues', async () => {
    const plain = await upload({ format: 'csv', dryRun: 'true' }, ...documented());
    const mapped = await upload({ format: 'csv', dryRun: 'true', map: JSON.stringify(layouts.map) }, ...other());
    expect(plain.status).toBe(200);
    expect(mapped.status).toBe(200);
    expect(mapped.body.data.files).toEqual(['Companies_export.csv', 'Links_export.csv']);
    expect(figures(mapped.body.data)).toEqual(figures(plain.body.data));
    expect(mapped.body.data).toMatchObject({
      failed: 0,
      danglingReferences: 0,
      actors: { toWrite: layouts.actors },
      relationships: { toWrite: layouts.relationships },
    });
    // Without the map, the other layout gives nothing.
    const unmapped = await upload({ format: 'csv', dryRun: 'true' }, other()[0]);
    expect(unmapped.status).toBe(200);
    expect(unmapped.body.data).toMatchObject({ actors: { toWrite: 0 }, relationships: { toWrite: 0 } });
    expect(unmapped.body.data.failed).toBeGreaterThan(0);
  });

  it('imports the other layout with the map: the same actors, relationships, claims and sources as the documented layout', async () => {
    const mapped = await upload({ format: 'csv', namespace: 'mapped', map: JSON.stringify(layouts.map), batchSize: '25' }, ...other());
    expect(mapped.status).toBe(202);
    const mappedJob = await waitForJob(mapped.body.data.jobId);
    const plain = await upload({ format: 'csv', namespace: 'plain', batchSize: '25' }, ...documented());
    expect(plain.status).toBe(202);
    const plainJob = await waitForJob(plain.body.data.jobId);
    expect(mappedJob.status).toBe('done');
    expect(plainJob.status).toBe('done');
    expect(mappedJob.report).toMatchObject({ failed: 0, actors: { created: layouts.actors }, relationships: { created: layouts.relationships }, claims: { created: layouts.relationships } });
    expect(plainJob.report).toMatchObject({ failed: 0, actors: { created: layouts.actors }, relationships: { created: layouts.relationships }, claims: { created: layouts.relationships } });
    const fromMapped = (await written('mapped')) as { actors: unknown[]; relationships: unknown[] };
    expect(fromMapped.actors).toHaveLength(layouts.actors);
    expect(fromMapped.relationships).toHaveLength(layouts.relationships);
    expect(fromMapped).toEqual(await written('plain'));
    // Kinds and the relationship type were read from words in lower case, status and stance from the map's defaults.
    expect(fromMapped.actors).toContainEqual(['imap-adidas', ['Company'], 'Adidas', [], expect.stringMatching(/^Adidas Underwear Partnership/), null]);
    expect(fromMapped.relationships).toContainEqual(['imap-adidas-listed', 'TARGETS_FOR_BOYCOTT', 'imap-list', 'imap-adidas', 'alleged', expect.any(String), expect.any(String), 'Boycott companies list', 'alleged', expect.any(String), 'https://adidasunderwear.com/pages/adidas-underwear-partnership', 'adidasunderwear.com']);

    // The map is part of the job's identity (resume and idempotency): the checksum the CLI would
    // compute for these files and this map (read by the same parser, whatever the order of its keys).
    const map = columnMapJsonSchema.parse(JSON.stringify(layouts.map));
    const reordered = { defaults: layouts.map.defaults, relationships: layouts.map.relationships, actors: { description: 'About', kind: 'Type', name: 'Name', id: 'Ref' }, delimiter: ';' };
    expect(JSON.stringify(columnMapJsonSchema.parse(JSON.stringify(reordered)))).toBe(JSON.stringify(map));
    const names = ['Companies_export.csv', 'Links_export.csv'];
    writeFileSync(join(dir, names[0]!), layouts.other.actors);
    writeFileSync(join(dir, names[1]!), layouts.other.relationships);
    const paths = names.map((n) => join(dir, n));
    expect(mappedJob.report.sha256).toBe(await inputChecksum(paths, { format: 'csv', namespace: 'mapped', map }));
    expect(mappedJob.report.sha256).not.toBe(await inputChecksum(paths, { format: 'csv', namespace: 'mapped', map: null }));

    // The same upload again creates nothing.
    const again = await upload({ format: 'csv', namespace: 'mapped', map: JSON.stringify(layouts.map) }, ...other());
    const againJob = await waitForJob(again.body.data.jobId);
    expect(againJob.report).toMatchObject({ status: 'done', actors: { created: 0 }, relationships: { created: 0 }, claims: { created: 0 }, sources: { created: 0 } });
  });
});
