import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDriver } from '../../server/src/db/driver.js';
import { createLogger } from '../../server/src/logger.js';
import { EmbeddedNeo4j } from '../../server/src/neo4j/embedded.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { applySchema, applySeed } from '../../server/src/repositories/migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string; homeDir: string; cacheDir: string };
  }
}

/**
 * Starts one real Neo4j (the embedded runtime the app uses, in its own temporary folder on a free
 * port), applies schema and seed, and hands the connection to every test file. Set
 * SIGHTLINE_TEST_NEO4J_URI (+ _USER/_PASSWORD) to run the suite against an existing Neo4j instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger(process.env.SIGHTLINE_TEST_LOG_LEVEL ?? 'warn');
  const cacheDir = join(REPO_ROOT, process.env.SIGHTLINE_CACHE_DIR ?? '.cache');
  const database = process.env.SIGHTLINE_TEST_NEO4J_DATABASE ?? 'neo4j';
  let homeDir = '';
  let embedded: EmbeddedNeo4j | undefined;
  let connection: { uri: string; user: string; password: string };

  if (process.env.SIGHTLINE_TEST_NEO4J_URI) {
    connection = {
      uri: process.env.SIGHTLINE_TEST_NEO4J_URI,
      user: process.env.SIGHTLINE_TEST_NEO4J_USER ?? 'neo4j',
      password: process.env.SIGHTLINE_TEST_NEO4J_PASSWORD ?? '',
    };
  } else {
    homeDir = await mkdtemp(join(tmpdir(), 'sightline-test-neo4j-'));
    embedded = new EmbeddedNeo4j({ homeDir, cacheDir, logger, boltPort: 0 });
    const started = Date.now();
    connection = await embedded.start();
    console.log(`[global-setup] Neo4j ready at ${connection.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const driver = createDriver({ ...connection, logger });
  try {
    await applySchema(driver, { database });
    await applySeed(driver, { database });
  } finally {
    await driver.close();
  }
  project.provide('neo4j', { ...connection, database, homeDir, cacheDir });

  return async () => {
    await embedded?.stop();
    if (homeDir) await rm(homeDir, { recursive: true, force: true });
  };
}
