import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/paths.js';
import { getTestDriver, testConnection, testDatabase } from '../support/neo4j.js';
import { count, deleteImported, sourceIds } from './import-support.js';

const driver = getTestDriver();
const database = testDatabase();
const dir = mkdtempSync(join(tmpdir(), 'sightline-import-kill-'));
const ACTORS = 150;
const RELATIONSHIPS = 2_400;
const BATCH = 100;
const ACTOR_BATCHES = Math.ceil(ACTORS / BATCH);

let keepSources: string[] = [];
beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
  // A generated dataset: actors kill-a0..; relationships kill-r0.. (a deterministic ring with strides).
  const actorRows = ['id,name,kind,description'];
  for (let i = 0; i < ACTORS; i++) actorRows.push(`kill-a${i},Actor ${i},Company,Generated actor ${i}.`);
  const relRows = ['id,source,target,type,quote,source_url,attributed_to,stance'];
  for (let i = 0; i < RELATIONSHIPS; i++) {
    const a = i % ACTORS;
    const b = (a + 1 + Math.floor(i / ACTORS)) % ACTORS;
    relRows.push(`kill-r${i},kill-a${a},kill-a${b},PARTNERS_WITH,"Generated quote ${i}",https://kill.example.org/${i % 37},Generator,reported`);
  }
  writeFileSync(join(dir, 'actors.csv'), `${actorRows.join('\n')}\n`);
  writeFileSync(join(dir, 'relationships.csv'), `${relRows.join('\n')}\n`);
});
afterAll(async () => {
  await deleteImported(driver, database, keepSources);
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run import -- …` as a child process against the suite's Neo4j. */
function cli(args: string[]) {
  const c = testConnection();
  return spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server', 'src', 'cli', 'import.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password, NEO4J_DATABASE: c.database, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const relCount = () => count(driver, database, "MATCH (:Actor)-[r:PARTNERS_WITH]->(:Actor) WHERE r.id STARTS WITH 'kill-r' RETURN count(r)");
const claimCount = () => count(driver, database, "MATCH (c:Claim) WHERE c.relationshipId STARTS WITH 'kill-r' RETURN count(c)");

describe('import: killed mid-way, then --resume', () => {
  it('leaves only whole batches (matching the checkpoint) and resumes to the exact final counts', async () => {
    const files = [join(dir, 'actors.csv'), join(dir, 'relationships.csv')];
    const child = cli([...files, '--batch-size', String(BATCH)]);
    const exited = new Promise((r) => child.once('exit', r));
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    // SIGKILL once a few relationship batches have committed (the CLI prints one line per committed batch).
    const killedAt = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += String(d);
        const m = [...out.matchAll(/\[import\] relationships: \d+ rows, batch (\d+) committed/g)].pop();
        if (m && Number(m[1]) >= ACTOR_BATCHES + 3 && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(Number(m[1]));
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`the import ended (${code}) before it was killed:\n${out}\n${err}`));
      });
    });
    await exited;
    expect(killedAt).toBeGreaterThanOrEqual(ACTOR_BATCHES + 3);

    const { records } = await driver.executeQuery("MATCH (j:ImportJob) WHERE 'relationships.csv' IN j.files AND j.status = 'running' RETURN properties(j) AS j", {}, { database });
    expect(records.length).toBe(1);
    const job = records[0]!.get('j') as { id: string; lastCommittedBatch: number; rowsDone: number };
    const committed = Number(job.lastCommittedBatch);
    expect(committed).toBeGreaterThanOrEqual(killedAt);
    expect(committed).toBeLessThan(ACTOR_BATCHES + RELATIONSHIPS / BATCH);
    // exactly the committed batches are there: no half-written batch
    const rels = await relCount();
    expect(rels).toBe((committed - ACTOR_BATCHES) * BATCH);
    expect(rels % BATCH).toBe(0);
    expect(await claimCount()).toBe(rels);
    expect(await count(driver, database, "MATCH (n:Actor) WHERE n.id STARTS WITH 'kill-a' RETURN count(n)")).toBe(ACTORS);

    // --resume: continues after the checkpoint, under the same job
    const resumed = cli([...files, '--batch-size', String(BATCH), '--resume', '--json']);
    let json = '';
    let resumedErr = '';
    resumed.stdout.on('data', (d) => (json += String(d)));
    resumed.stderr.on('data', (d) => (resumedErr += String(d)));
    const code = await new Promise<number | null>((r) => resumed.on('exit', r));
    expect(code, resumedErr).toBe(0);
    const report = JSON.parse(json.slice(json.indexOf('\n{') + 1));
    expect(report.jobId).toBe(job.id);
    expect(report.batches.resumedAfter).toBe(committed);
    expect(report.batches.committed).toBe(ACTOR_BATCHES + RELATIONSHIPS / BATCH - committed);
    expect(report.relationships.created).toBe(RELATIONSHIPS);
    expect(await relCount()).toBe(RELATIONSHIPS);
    expect(await claimCount()).toBe(RELATIONSHIPS);
    expect(await count(driver, database, "MATCH (s:Source) WHERE s.url STARTS WITH 'https://kill.example.org/' RETURN count(s)")).toBe(37);
    const done = await driver.executeQuery('MATCH (j:ImportJob {id: $id}) RETURN j.status AS s, j.lastCommittedBatch AS b', { id: job.id }, { database });
    expect(done.records[0]?.get('s')).toBe('done');
    expect(Number(done.records[0]?.get('b'))).toBe(ACTOR_BATCHES + RELATIONSHIPS / BATCH);
  }, 240_000);
});
