import type { Driver } from 'neo4j-driver';
import { afterAll, inject } from 'vitest';
import { createDriver } from '../../server/src/db/driver.js';
import { createLogger } from '../../server/src/logger.js';

let driver: Driver | undefined;

/** The connection to the suite's real Neo4j (started by tests/support/global-setup.ts). */
export function testConnection() {
  return inject('neo4j');
}

/** A driver to the suite's Neo4j, shared by the tests of one file and closed after them. */
export function getTestDriver(): Driver {
  if (!driver) {
    const c = inject('neo4j');
    driver = createDriver({ uri: c.uri, user: c.user, password: c.password, logger: createLogger('warn') });
    afterAll(async () => {
      await driver?.close();
      driver = undefined;
    });
  }
  return driver;
}

/** Database name the suite uses. */
export function testDatabase(): string {
  return inject('neo4j').database;
}
