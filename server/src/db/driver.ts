import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from 'pino';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
  logger: Logger;
  /** Upper bound of pooled connections per server (the driver's default is 100). */
  maxConnectionPoolSize?: number;
  /**
   * How long a query waits for a pooled connection when all are busy before failing (ms; default
   * 10 s). The API answers that failure 503 NEO4J_UNAVAILABLE with Retry-After (middlewares/error-handler.ts).
   */
  connectionAcquisitionTimeoutMs?: number;
}

/**
 * The one neo4j-driver instance of the process. Works the same for the embedded server
 * (bolt://127.0.0.1) and for a cluster or Aura (neo4j:// or neo4j+s:// routes reads and writes).
 * Integers come back as JS numbers: Sightline's counts never reach 2^53.
 */
export function createDriver(options: DriverOptions): Driver {
  const log = options.logger.child({ module: 'neo4j-driver' });
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
    connectionAcquisitionTimeout: options.connectionAcquisitionTimeoutMs ?? 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 10_000,
    userAgent: 'sightline/0.1',
    logging: {
      level: 'warn',
      logger: (level, message) => (level === 'error' ? log.error(message) : log.warn(message)),
    },
  });
}
