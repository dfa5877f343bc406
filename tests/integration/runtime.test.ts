import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../server/src/db/driver.js';
import { EmbeddedNeo4j, type Neo4jConnection } from '../../server/src/neo4j/embedded.js';
import { isAlive } from '../../server/src/neo4j/pidfile.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { testConnection } from '../support/neo4j.js';

/**
 * The embedded runtime on its own instance (not the suite's shared one, which other files use):
 * configuration, password handling, APOC, restart survival and leftover processes.
 */
const logLines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
let homeDir: string;
let embedded: EmbeddedNeo4j;
let connection: Neo4jConnection;
let driver: Driver;
let app: RunningApp;

beforeAll(async () => {
  homeDir = await mkdtemp(join(tmpdir(), 'sightline-runtime-test-'));
  embedded = new EmbeddedNeo4j({ homeDir, cacheDir: testConnection().cacheDir, logger, boltPort: 0 });
  connection = await embedded.start();
  driver = createDriver({ ...connection, logger });
  app = await startTestApp(driver, 'neo4j');
});

afterAll(async () => {
  await app?.close();
  await driver?.close();
  await embedded?.stop();
  await rm(homeDir, { recursive: true, force: true });
});

function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function health(): Promise<{ status: number; body: { status: string } }> {
  const response = await fetch(`${app.baseUrl}/api/health`);
  return { status: response.status, body: await response.json() };
}

describe('embedded Neo4j configuration', () => {
  it('runs the pinned Neo4j 5.26 Community with APOC Core installed', async () => {
    const { records } = await driver.executeQuery(
      "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition, apoc.version() AS apoc",
    );
    expect(records[0]?.get('version')).toBe('5.26.30');
    expect(records[0]?.get('edition')).toBe('community');
    expect(records[0]?.get('apoc')).toMatch(/^5\.26\./);
  });

  it('listens for Bolt on loopback only, with HTTP and HTTPS off', async () => {
    const conf = await readFile(join(homeDir, 'conf', 'neo4j.conf'), 'utf8');
    expect(conf).toMatch(/^server\.bolt\.listen_address=127\.0\.0\.1:\d+$/m);
    expect(conf).toMatch(/^server\.http\.enabled=false$/m);
    expect(conf).toMatch(/^server\.https\.enabled=false$/m);
    expect(conf).toMatch(/^server\.memory\.heap\.max_size=512m$/m);
    expect(conf).toMatch(/^server\.memory\.pagecache\.size=256m$/m);
    const { records } = await driver.executeQuery(
      "SHOW SETTINGS YIELD name, value WHERE name IN ['server.http.enabled', 'server.bolt.listen_address', 'dbms.security.auth_enabled'] RETURN name, value",
    );
    const settings = Object.fromEntries(records.map((r) => [r.get('name'), r.get('value')]));
    expect(settings).toMatchObject({ 'server.http.enabled': 'false', 'dbms.security.auth_enabled': 'true' });
    expect(settings['server.bolt.listen_address']).toMatch(/^127\.0\.0\.1:/);
    expect(await portOpen(7474)).toBe(false);
  });

  it('has auth on: a wrong password is refused', async () => {
    const intruder = neo4j.driver(connection.uri, neo4j.auth.basic('neo4j', 'not-the-password'));
    await expect(intruder.verifyConnectivity()).rejects.toThrow(/unauthorized|authentication/i);
    await intruder.close();
  });

  it('keeps the generated password in a 0600 file and never logs it', async () => {
    const file = join(homeDir, 'password');
    const mode = (await stat(file)).mode & 0o777;
    expect(mode).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(connection.password);
    expect(connection.password.length).toBeGreaterThanOrEqual(24);
    expect(logLines.join('\n')).not.toContain(connection.password);
  });
});

/** Each of these stops and starts a real Neo4j (10-20 s each on an idle 2-core machine, more under load). */
const RESTART_TIMEOUT_MS = 300_000;

describe('Neo4j stop and restart', { timeout: RESTART_TIMEOUT_MS }, () => {
  it('health goes 503 while Neo4j is down and back to 200 after a restart, without restarting the app', async () => {
    expect((await health()).status).toBe(200);
    await embedded.stop();
    expect(embedded.running).toBe(false);
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', neo4j: null, error: { code: 'NEO4J_UNAVAILABLE' } });

    const again = await embedded.start();
    expect(again.uri).toBe(connection.uri); // same port: the app's driver reconnects by itself
    expect(again.password).toBe(connection.password);
    const deadline = Date.now() + 60_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await health()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });

  it('finds a Neo4j left behind by a crashed Sightline process, stops it and starts cleanly', async () => {
    const orphanPid = embedded.pid;
    expect(orphanPid).toBeDefined();
    // Pretend the process that started it died without stopping it: its owner pid is gone.
    const deadOwner = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => deadOwner.once('exit', r));
    const pidFile = join(homeDir, 'run', 'sightline-neo4j.json');
    const record = JSON.parse(await readFile(pidFile, 'utf8'));
    await writeFile(pidFile, JSON.stringify({ ...record, ownerPid: deadOwner.pid }));

    const successor = new EmbeddedNeo4j({ homeDir, cacheDir: testConnection().cacheDir, logger, boltPort: 0 });
    const fresh = await successor.start();
    try {
      expect(isAlive(orphanPid as number)).toBe(false);
      expect(logLines.join('\n')).toMatch(/left running by an earlier Sightline process/);
      const check = createDriver({ ...fresh, logger });
      await expect(check.executeQuery('RETURN 1 AS one')).resolves.toBeDefined();
      await check.close();
    } finally {
      await successor.stop();
    }
  });

  it('refuses, with a clear message, to start a second Neo4j on a folder another live process uses', async () => {
    const owner = new EmbeddedNeo4j({ homeDir, cacheDir: testConnection().cacheDir, logger, boltPort: 0 });
    await owner.start();
    const pidFile = join(homeDir, 'run', 'sightline-neo4j.json');
    const record = JSON.parse(await readFile(pidFile, 'utf8'));
    // A live process that is not us "owns" it.
    const liveOwner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(pidFile, JSON.stringify({ ...record, ownerPid: liveOwner.pid }));
      const intruder = new EmbeddedNeo4j({ homeDir, cacheDir: testConnection().cacheDir, logger, boltPort: 0 });
      await expect(intruder.start()).rejects.toMatchObject({ code: 'NEO4J_ALREADY_RUNNING' });
      expect(owner.running).toBe(true);
    } finally {
      liveOwner.kill();
      await owner.stop();
    }
    expect(existsSync(pidFile)).toBe(false);
  });

  it('removes a stale pid file whose process is gone', async () => {
    const pidFile = join(homeDir, 'run', 'sightline-neo4j.json');
    await writeFile(pidFile, JSON.stringify({ pid: 2 ** 22 + 12345, ownerPid: 2 ** 22 + 12346, boltPort: 1, startedAt: 'x' }));
    await embedded.start();
    expect(logLines.join('\n')).toMatch(/stale pid file/);
  });
});
