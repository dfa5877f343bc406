import type { Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { createApp } from './app.js';
import { authSecret } from './auth/secret.js';
import { loadConfig } from './config/env.js';
import { createDriver } from './db/driver.js';
import { createLogger } from './logger.js';
import { EmbeddedNeo4j } from './neo4j/embedded.js';
import { Neo4jRuntimeError } from './neo4j/errors.js';
import { applySchema, applySeed } from './repositories/migrations.js';
import { ensureWebBuild } from './web-build.js';

/**
 * `npm start`: start (or connect to) Neo4j, apply schema and seed, serve the app. Ctrl-C / SIGTERM
 * stops Express, then the driver, then the embedded Neo4j.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedNeo4j | undefined;
  let driver: Driver | undefined;
  /** Console queries' own driver when SIGHTLINE_CONSOLE_NEO4J_USER is set (a read-only user on Enterprise/Aura). */
  let consoleDriver: Driver | undefined;
  let server: Server | undefined;
  let stopping = false;

  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) {
      logger.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    if (server) {
      const closing = new Promise<void>((resolve) => server?.close(() => resolve()));
      server.closeIdleConnections();
      const forced = setTimeout(() => server?.closeAllConnections(), 5_000);
      await closing;
      clearTimeout(forced);
    }
    await consoleDriver?.close();
    await driver?.close();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const webBuild = ensureWebBuild(logger);
    await authSecret(); // write access's secret: SIGHTLINE_AUTH_SECRET, else SIGHTLINE_DATA_DIR/auth-secret (created once); fails early if unusable
    let connection: { uri: string; user: string; password: string };
    if (config.neo4j.mode === 'external') {
      connection = config.neo4j;
      logger.info({ uri: config.neo4j.uri, database: config.neo4j.database }, 'using the Neo4j at NEO4J_URI');
    } else {
      embedded = new EmbeddedNeo4j({ ...config.neo4j, logger });
      connection = await embedded.start();
    }
    driver = createDriver({ ...connection, logger });
    await driver.verifyConnectivity({ database: config.neo4j.database });
    const schema = await applySchema(driver, { database: config.neo4j.database });
    logger.info(schema, 'schema applied');
    if (config.seed) {
      const seed = await applySeed(driver, { database: config.neo4j.database });
      logger.info(seed, 'seed applied');
    }
    if (config.consoleNeo4jUser) {
      consoleDriver = createDriver({ uri: connection.uri, ...config.consoleNeo4jUser, logger, maxConnectionPoolSize: config.console.maxConcurrent + 2 });
      await consoleDriver.verifyConnectivity({ database: config.neo4j.database });
      logger.info({ user: config.consoleNeo4jUser.user }, 'console queries use their own Neo4j user');
    }
    await webBuild;
    const app = createApp({
      driver,
      database: config.neo4j.database,
      logger,
      neo4jMode: config.neo4j.mode,
      corsOrigins: config.corsOrigins,
      readTimeoutMs: config.readTimeoutMs,
      exportMaxNodes: config.exportMaxNodes,
      auth: config.auth,
      importMaxBytes: config.importMaxBytes,
      views: config.views,
      schemaStats: config.schemaStats,
      console: config.console,
      consoleDriver,
    });
    server = app.listen(config.port, config.host, () => {
      logger.info(`Sightline is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
    });
    server.on('error', (error) => {
      logger.fatal({ err: error }, 'the HTTP server could not listen');
      void shutdown('listen-error');
    });
  } catch (error) {
    if (error instanceof Neo4jRuntimeError) logger.fatal(`${error.code}: ${error.message}`);
    else logger.fatal({ err: error }, 'start-up failed');
    await driver?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
