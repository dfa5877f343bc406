import type { Logger } from 'pino';
import type { AuthOptions } from '../auth/options.js';
import type { Driver } from 'neo4j-driver';
import type { ConsoleOptions } from '../console/options.js';
import type { GraphDb } from '../db/graph-db.js';
import type { ViewsRuntime } from '../views/runtime.js';
import type { SchemaStatsOptions } from './schema/options.js';

/** What every route factory gets: the graph database handle and a logger. */
export interface RouteContext {
  db: GraphDb;
  logger: Logger;
  neo4jMode: 'embedded' | 'external';
  /** Most actors one export may contain. */
  exportMaxNodes: number;
  /** Largest file POST /api/import accepts (bytes); default 50 MiB. */
  importMaxBytes?: number | undefined;
  /** Write access options (session length, login rate limit, SIGHTLINE_VIEWS_REQUIRE_AUTH…); default AUTH_DEFAULTS. */
  auth?: AuthOptions;
  /** Cypher console limits (timeout, row/size caps, rate, concurrency); default CONSOLE_DEFAULTS. */
  console?: Partial<ConsoleOptions>;
  /** Driver for console queries when a separate console user is configured; default: db.driver. */
  consoleDriver?: Driver;
  /** Saved views (service and options), shared with the embed routes; default: created from db with VIEW_DEFAULTS. */
  views?: ViewsRuntime;
  /** GET /api/schema's statistics (TTL, wait budget); default SCHEMA_STATS_DEFAULTS. */
  schemaStats?: Partial<SchemaStatsOptions>;
}
