/**
 * The real app (createApp) served on an ephemeral loopback port, in its own process so the load
 * generator (autocannon, in the bench's process) does not share its event loop. Started by
 * tests/bench/api.ts; prints `LISTENING <port>` on stdout, stops on SIGTERM.
 *
 * Env: BENCH_NEO4J_URI, BENCH_NEO4J_USER, BENCH_NEO4J_PASSWORD, LOG_LEVEL (the bench uses warn,
 * as the start-up bench does: pino-http's per-request info lines are then skipped).
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../server/src/app.js';
import { createDriver } from '../../../server/src/db/driver.js';
import { createLogger } from '../../../server/src/logger.js';

const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
const driver = createDriver({
  uri: process.env.BENCH_NEO4J_URI ?? '',
  user: process.env.BENCH_NEO4J_USER ?? 'neo4j',
  password: process.env.BENCH_NEO4J_PASSWORD ?? '',
  logger,
});
await driver.verifyConnectivity();
const app = createApp({ driver, database: 'neo4j', logger, neo4jMode: 'embedded' });
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    void driver.close().then(() => process.exit(0));
  });
});
