import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { ImportRepository } from '../../server/src/repositories/import-repository.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { count, deleteImported, importFiles, sourceIds } from '../integration/import-support.js';
import { useCurationApp } from './curation-support.js';

const driver = getTestDriver();
const database = testDatabase();
const fixture = useCurationApp(driver, database, 'import-cancel');
const dir = mkdtempSync(join(tmpdir(), 'sightline-import-cancel-'));
const ACTORS = 150;
// Big enough to be still running when the cancel arrives: 200 relationship batches.
const RELATIONSHIPS = 20_000;
const BATCH = 100;
const ACTOR_BATCHES = Math.ceil(ACTORS / BATCH);
const files = { actors: join(dir, 'actors.csv'), relationships: join(dir, 'relationships.csv') };

let keepSources: string[] = [];
beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
  const actorRows = ['id,name,kind,description'];
  for (let i = 0; i < ACTORS; i++) actorRows.push(`cancel-a${i},Cancel actor ${i},Company,Generated actor ${i}.`);
  const relRows = ['id,source,target,type,quote,source_url,attributed_to,stance'];
  for (let i = 0; i < RELATIONSHIPS; i++) {
    const a = i % ACTORS;
    const b = (a + 1 + Math.floor(i / ACTORS)) % ACTORS;
    relRows.push(`cancel-r${i},cancel-a${a},cancel-a${b},PARTNERS_WITH,"Generated quote ${i}",https://cancel.example.org/${i % 41},Generator,reported`);
  }
  writeFileSync(files.actors, `${actorRows.join('\n')}\n`);
  writeFileSync(files.relationships, `${relRows.join('\n')}\n`);
});
afterAll(async () => {
  await deleteImported(driver, database, keepSources);
  rmSync(dir, { recursive: true, force: true });
});

const cancel = (jobId: string, token?: string | null) => fixture.request('POST', `/api/import/${jobId}/cancel`, token === undefined ? {} : { token });
const relCount = () => count(driver, database, "MATCH (:Actor)-[r:PARTNERS_WITH]->(:Actor) WHERE r.id STARTS WITH 'cancel-r' RETURN count(r)");
const distinctRelIds = () => count(driver, database, "MATCH (:Actor)-[r:PARTNERS_WITH]->(:Actor) WHERE r.id STARTS WITH 'cancel-r' RETURN count(DISTINCT r.id)");
const claimCount = () => count(driver, database, "MATCH (c:Claim)-[:CITES]->(:Source) WHERE c.relationshipId STARTS WITH 'cancel-r' RETURN count(c)");

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('POST /api/import/:jobId/cancel: access and state checks (before any success)', () => {
  it('401 UNAUTHENTICATED without a token, 403 FORBIDDEN with a reader token', async () => {
    const job = 'import-20990101000000-abcdef';
    const anonymous = await cancel(job, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const reader = await cancel(job, fixture.reader());
    expect(reader.status).toBe(403);
    expect(reader.body.error.code).toBe('FORBIDDEN');
  });

  it('404 NOT_FOUND for an unknown job, 400 for a malformed id', async () => {
    const unknown = await cancel('import-20990101000000-abcdef');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect((await cancel('NOT%20AN%20ID')).status).toBe(400);
  });

  it('409 IMPORT_JOB_FINISHED for a job that has already finished; the job is left as it was', async () => {
    const repo = new ImportRepository(new GraphDb(driver, { database }));
    const now = new Date().toISOString();
    const id = 'import-20000101000000-c0ffee';
    await repo.createJob({ id, sha256: 'x', format: 'csv', files: ['a.csv'], batchSize: 10, status: 'done', phase: 'done', lastCommittedBatch: 1, totalBatches: 1, rowsTotal: 1, rowsDone: 1, startedAt: now, updatedAt: now });
    const r = await cancel(id);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'IMPORT_JOB_FINISHED', status: 'done' });
    expect((await repo.getJob(id))?.cancelRequested).toBeUndefined();
  });
});

describe('POST /api/import/:jobId/cancel: a running import', () => {
  it('stops at the next batch with whole batches only, ends cancelled, and resume completes it without duplicates', async () => {
    const form = new FormData();
    form.set('format', 'csv');
    form.set('batchSize', String(BATCH));
    form.set('file', new Blob([readFileSync(files.actors)]), 'actors.csv');
    form.set('relationships', new Blob([readFileSync(files.relationships)]), 'relationships.csv');
    const upload = await fetch(`${fixture.baseUrl()}/api/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${fixture.editor()}` } });
    expect(upload.status).toBe(202);
    const { jobId, statusUrl } = ((await upload.json()) as { data: { jobId: string; statusUrl: string } }).data;
    const job = () => fixture.request('GET', statusUrl, { token: null }).then((r) => r.body.data);

    // a few relationship batches in, the share read is known by bytes before the number of rows is
    // 'queued' until the upload's run starts, then 'running': anything else has ended
    const ended = (j: { status: string }) => j.status !== 'queued' && j.status !== 'running';
    const running = await until(job, (j) => j.lastCommittedBatch >= ACTOR_BATCHES + 3 || ended(j), 'a few committed batches');
    expect(running.status).toBe('running');
    expect(running.bytesTotal).toBeGreaterThan(0);
    expect(running.fraction).toBeGreaterThan(0);
    expect(running.fraction).toBeLessThan(1);

    const asked = await cancel(jobId);
    expect(asked.status).toBe(202);
    expect(asked.body.data).toMatchObject({ id: jobId, status: 'running', cancelRequested: expect.any(String) });

    const cancelled = await until(job, (j) => ended(j), 'the job to stop');
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.report).toMatchObject({ status: 'cancelled', jobId });
    const committed = cancelled.lastCommittedBatch as number;
    expect(committed).toBeGreaterThanOrEqual(running.lastCommittedBatch);
    expect(committed).toBeLessThan(ACTOR_BATCHES + RELATIONSHIPS / BATCH);
    // whole batches only: exactly the committed ones, each relationship with its claim
    expect(await relCount()).toBe((committed - ACTOR_BATCHES) * BATCH);
    expect(await claimCount()).toBe((committed - ACTOR_BATCHES) * BATCH);
    // a finished job cannot be cancelled again
    expect((await cancel(jobId)).body.error.code).toBe('IMPORT_JOB_FINISHED');

    // resumable like a failed job: the same files continue after the last committed batch, under the same job
    const report = await importFiles(driver, database, 'csv', [files.actors, files.relationships], { batchSize: BATCH, resume: true });
    expect(report).toMatchObject({ jobId, status: 'done', failed: 0, batches: { resumedAfter: committed, total: ACTOR_BATCHES + RELATIONSHIPS / BATCH } });
    expect(report.batches.committed).toBe(ACTOR_BATCHES + RELATIONSHIPS / BATCH - committed);
    expect(await relCount()).toBe(RELATIONSHIPS);
    expect(await distinctRelIds()).toBe(RELATIONSHIPS);
    expect(await claimCount()).toBe(RELATIONSHIPS);
    expect(await job()).toMatchObject({ status: 'done', cancelRequested: null, fraction: 1, lastCommittedBatch: ACTOR_BATCHES + RELATIONSHIPS / BATCH });
  }, 300_000);
});
