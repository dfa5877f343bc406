/** An embedded Neo4j for a benchmark: its own folder, a free Bolt port, a bigger page cache. */
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../../server/src/db/driver.js';
import { createLogger } from '../../../server/src/logger.js';
import { EmbeddedNeo4j, type Neo4jConnection } from '../../../server/src/neo4j/embedded.js';
import { REPO_ROOT } from '../../../server/src/paths.js';

/** Memory of the benchmark's Neo4j (the app's defaults are 512m / 256m; the 100k graph's store is larger). */
export const BENCH_NEO4J_MEMORY = { heap: '1g', pageCache: '1g' } as const;

export interface BenchNeo4j {
  embedded: EmbeddedNeo4j;
  connection: Neo4jConnection;
  driver: Driver;
  stop(): Promise<void>;
}

export async function startBenchNeo4j(homeDir: string): Promise<BenchNeo4j> {
  const logger = createLogger('warn');
  const embedded = new EmbeddedNeo4j({
    homeDir,
    cacheDir: join(REPO_ROOT, '.cache'),
    logger,
    boltPort: 0,
    heap: BENCH_NEO4J_MEMORY.heap,
    pageCache: BENCH_NEO4J_MEMORY.pageCache,
    transactionTimeout: '600s',
  });
  const connection = await embedded.start();
  const driver = createDriver({ ...connection, logger });
  return {
    embedded,
    connection,
    driver,
    stop: async () => {
      await driver.close();
      await embedded.stop();
    },
  };
}
