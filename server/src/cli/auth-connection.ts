import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { loadConfig } from '../config/env.js';
import { GraphDb } from '../db/graph-db.js';
import { createDriver } from '../db/driver.js';
import { EmbeddedNeo4j } from '../neo4j/embedded.js';
import { readPassword } from '../neo4j/password.js';
import { isAlive, readPidRecord } from '../neo4j/pidfile.js';
import { applySchema } from '../repositories/migrations.js';

/**
 * Runs `work` against the Neo4j the app uses, for the auth CLIs (tokens, users):
 * - NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) set: that server;
 * - else the embedded Neo4j of SIGHTLINE_DATA_DIR: the running one when `npm start` is up (its Bolt
 *   port from run/sightline-neo4j.json, its password from the password file), otherwise it is
 *   started for the command and stopped after it.
 * The schema (constraints included) is applied first, so the CLI works before the first `npm start`.
 */
export async function withCliDb<T>(logger: Logger, work: (db: GraphDb) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let embedded: EmbeddedNeo4j | undefined;
  let connection: { uri: string; user: string; password: string };
  if (config.neo4j.mode === 'external') {
    connection = config.neo4j;
  } else {
    const running = await runningEmbedded(config.neo4j.homeDir);
    if (running) {
      connection = running;
    } else {
      embedded = new EmbeddedNeo4j({ ...config.neo4j, logger });
      connection = await embedded.start();
    }
  }
  let driver: Driver | undefined;
  try {
    driver = createDriver({ ...connection, logger });
    await driver.verifyConnectivity({ database: config.neo4j.database });
    await applySchema(driver, { database: config.neo4j.database });
    return await work(new GraphDb(driver, { database: config.neo4j.database }));
  } finally {
    await driver?.close();
    await embedded?.stop();
  }
}

/** The embedded Neo4j a live Sightline process is running on this data folder, if any. */
async function runningEmbedded(homeDir: string): Promise<{ uri: string; user: string; password: string } | undefined> {
  const record = await readPidRecord(join(homeDir, 'run', 'sightline-neo4j.json'));
  if (!record || !isAlive(record.pid) || !isAlive(record.ownerPid) || !record.boltPort) return undefined;
  const password = await readPassword(join(homeDir, 'password'));
  if (!password) return undefined;
  return { uri: `bolt://127.0.0.1:${record.boltPort}`, user: 'neo4j', password };
}
