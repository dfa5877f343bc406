import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../server/src/auth/authenticate.js';
import { authOptions } from '../../server/src/auth/options.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { createLogger } from '../../server/src/logger.js';
import { errorHandler } from '../../server/src/middlewares/error-handler.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { AuthRepository } from '../../server/src/repositories/auth-repository.js';
import { ImportRepository } from '../../server/src/repositories/import-repository.js';
import { importRoutes } from '../../server/src/routes/import/import.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { deleteImported, sourceIds } from '../integration/import-support.js';
import { useCurationApp } from './curation-support.js';

const driver = getTestDriver();
const database = testDatabase();
const fixture = useCurationApp(driver, database, 'import');
const ZALA = join(REPO_ROOT, '..', 'shared', 'datasets', 'opensanctions', 'zala.ftm.json');
const zala = readFileSync(ZALA);

let keepSources: string[] = [];
beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
});
afterAll(async () => deleteImported(driver, database, keepSources));

/** Every node and relationship but the auth bookkeeping (a token's lastUsedAt moves when it is used). */
async function dataFingerprint(): Promise<string> {
  const { records } = await driver.executeQuery(
    `MATCH (n) WHERE NOT n:ApiToken AND NOT n:Session AND NOT n:User
     WITH n ORDER BY elementId(n)
     WITH collect([labels(n), properties(n)]) AS nodes
     OPTIONAL MATCH (a)-[r]->(b) WHERE NOT a:ApiToken AND NOT a:Session AND NOT a:User
     WITH nodes, a, r, b ORDER BY elementId(r)
     RETURN nodes, collect([type(r), elementId(a), elementId(b), properties(r)]) AS rels`,
    {},
    { database, routing: 'READ' },
  );
  return JSON.stringify(records[0]?.toObject(), (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
}

async function upload(baseUrl: string, fields: Record<string, string>, file: { name: string; body: Uint8Array } | null, token: string | null) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([new Uint8Array(file.body)]), file.name);
  const response = await fetch(`${baseUrl}/api/import`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as any };
}

describe('POST /api/import: write access and input checks (before any success)', () => {
  it('401 UNAUTHENTICATED without a token', async () => {
    const r = await upload(fixture.baseUrl(), { format: 'ftm' }, { name: 'zala.ftm.json', body: zala }, null);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('403 FORBIDDEN with a reader token', async () => {
    const r = await upload(fixture.baseUrl(), { format: 'ftm' }, { name: 'zala.ftm.json', body: zala }, fixture.reader());
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
  });

  it('400 VALIDATION_FAILED for an unknown format, a bad batch size or no file; nothing stored', async () => {
    const before = await dataFingerprint();
    const unknown = await upload(fixture.baseUrl(), { format: 'xlsx' }, { name: 'zala.ftm.json', body: zala }, fixture.editor());
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'format' });
    const batch = await upload(fixture.baseUrl(), { format: 'ftm', batchSize: '0' }, { name: 'zala.ftm.json', body: zala }, fixture.editor());
    expect(batch.status).toBe(400);
    expect(batch.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'batchSize' });
    const none = await upload(fixture.baseUrl(), { format: 'ftm' }, null, fixture.editor());
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const guess = await upload(fixture.baseUrl(), {}, { name: 'notes.txt', body: new TextEncoder().encode('hello') }, fixture.editor());
    expect(guess.status).toBe(400);
    expect(guess.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'format' });
    expect(await dataFingerprint()).toEqual(before);
  });

  it('413 PAYLOAD_TOO_LARGE over the size limit', async () => {
    const logger = createLogger('silent');
    const app = express();
    app.use('/api', authenticate({ repository: new AuthRepository(new GraphDb(driver, { database })), logger, options: authOptions() }));
    app.use('/api', importRoutes(new ImportRepository(new GraphDb(driver, { database })), logger, { maxBytes: 1_000 }));
    app.use(errorHandler(logger));
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const r = await upload(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { format: 'ftm' }, { name: 'zala.ftm.json', body: zala }, fixture.editor());
      expect(r.status).toBe(413);
      expect(r.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 1_000 });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('POST /api/import: dry run, then the import as a job', () => {
  it('a dry run answers the report at once and writes nothing', async () => {
    const before = await dataFingerprint();
    const r = await upload(fixture.baseUrl(), { format: 'ftm', dryRun: 'true' }, { name: 'zala.ftm.json', body: zala }, fixture.editor());
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ dryRun: true, status: 'validated', records: 91, failed: 0, danglingReferences: 0, jobId: null });
    expect(await dataFingerprint()).toEqual(before);
  });

  it('202 with a job; its progress is readable (JSON and Server-Sent Events) until done, with the report', async () => {
    const r = await upload(fixture.baseUrl(), { batchSize: '20' }, { name: 'zala.ftm.json', body: zala }, fixture.editor());
    expect(r.status).toBe(202);
    const { jobId, statusUrl, eventsUrl } = r.body.data;
    expect(jobId).toMatch(/^import-\d{14}-[0-9a-f]{6}$/);
    // Server-Sent Events: progress events, then end
    const events = await fetch(`${fixture.baseUrl()}${eventsUrl}`);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const text = await events.text();
    const progress = [...text.matchAll(/event: progress\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ id: jobId, status: 'done', fraction: 1 });
    expect(text).toMatch(/event: end\ndata: \{"status":"done"\}/);
    const job = await fixture.request('GET', statusUrl, { token: null });
    expect(job.status).toBe(200);
    expect(job.body.data).toMatchObject({ id: jobId, status: 'done', format: 'ftm', files: ['zala.ftm.json'], batchSize: 20 });
    expect(job.body.data.rowsTotal).toBe(job.body.data.report.actors.toWrite + job.body.data.report.relationships.toWrite);
    expect(job.body.data.lastCommittedBatch).toBe(job.body.data.totalBatches);
    expect(job.body.data.report).toMatchObject({ records: 91, failed: 0, danglingReferences: 0, relationships: { toWrite: 62, created: 62 } });
    // The actors it created, most connected first (open to readers, like every read)
    const listed = await fixture.request('GET', `/api/import/${jobId}/actors?limit=5`, { token: null });
    expect(listed.status).toBe(200);
    const created = job.body.data.report.actors.created as number;
    expect(created).toBeGreaterThan(5);
    expect(listed.body.data).toMatchObject({ jobId, total: created });
    expect(listed.body.data.actors).toHaveLength(5);
    const degrees = listed.body.data.actors.map((a: { degree: number }) => a.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    expect(degrees[0]).toBeGreaterThan(0);
    for (const a of listed.body.data.actors) expect(a.data).toMatchObject({ id: expect.stringMatching(/^ftm-/), kind: expect.any(String) });
    expect((await fixture.request('GET', `/api/import/${jobId}/actors?limit=0`)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await fixture.request('GET', '/api/import/import-20990101000000-abcdef/actors')).body.error.code).toBe('NOT_FOUND');
  });

  it('GET /api/import/:jobId: 404 for an unknown job, 400 for a malformed id', async () => {
    expect((await fixture.request('GET', '/api/import/import-20990101000000-abcdef')).body.error.code).toBe('NOT_FOUND');
    expect((await fixture.request('GET', '/api/import/NOT%20AN%20ID')).status).toBe(400);
  });
});
