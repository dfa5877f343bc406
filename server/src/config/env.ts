import { resolve } from 'node:path';
import { z } from 'zod';
import { EMBEDDED_NEO4J_DEFAULTS } from '../neo4j/defaults.js';
import { REPO_ROOT } from '../paths.js';

const memorySize = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 1g');
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The environment Sightline reads, with its defaults. README.md's configuration table lists the
 * same variables; this schema is the one place they are parsed.
 */
const envSchema = z.object({
  /** HTTP port of the app. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface the app listens on; 0.0.0.0 behind a load balancer. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** An existing Neo4j (bolt://, neo4j://, neo4j+s://…): when set, nothing is started locally. */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'a bolt://, neo4j://, neo4j+s:// or bolt+s:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  /** Database name; Community and the embedded default have one user database, "neo4j". */
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** Local state (the embedded Neo4j's data, logs and password). */
  SIGHTLINE_DATA_DIR: z.string().min(1).default('.data'),
  /** Cache of resolved Neo4j jars, shared by every data folder. */
  SIGHTLINE_CACHE_DIR: z.string().min(1).default('.cache'),
  SIGHTLINE_NEO4J_BOLT_PORT: z.coerce.number().int().min(0).max(65535).default(EMBEDDED_NEO4J_DEFAULTS.boltPort),
  SIGHTLINE_NEO4J_HEAP: memorySize.default(EMBEDDED_NEO4J_DEFAULTS.heap),
  SIGHTLINE_NEO4J_PAGECACHE: memorySize.default(EMBEDDED_NEO4J_DEFAULTS.pageCache),
  SIGHTLINE_NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(EMBEDDED_NEO4J_DEFAULTS.startTimeoutMs),
  /** Comma-separated origins allowed to call the API from other sites (CORS); empty = off. */
  CORS_ORIGINS: z.string().default(''),
  /** Server-side timeout of the API's read queries, in ms. */
  SIGHTLINE_READ_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Most actors one export may contain (whole graph or neighbourhood); over it: 413 EXPORT_TOO_LARGE. */
  SIGHTLINE_EXPORT_MAX_NODES: z.coerce.number().int().positive().default(50_000),
  /** Apply cypher/seed/ at start (idempotent; never overwrites later edits). */
  SIGHTLINE_SEED: flag.default(true),
});

export type Env = z.infer<typeof envSchema>;

/** Typed configuration, resolved from the environment. */
export interface Config {
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  neo4j:
    | { mode: 'external'; uri: string; user: string; password: string; database: string }
    | {
        mode: 'embedded';
        homeDir: string;
        cacheDir: string;
        boltPort: number;
        heap: string;
        pageCache: string;
        startTimeoutMs: number;
        database: string;
      };
  seed: boolean;
  corsOrigins: string[];
  readTimeoutMs: number;
  exportMaxNodes: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(`sightline/config: ${message}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid environment: ${issues}`);
  }
  const e = parsed.data;
  const fromRoot = (p: string): string => resolve(REPO_ROOT, p);
  let neo4j: Config['neo4j'];
  if (e.NEO4J_URI) {
    if (e.NEO4J_PASSWORD === undefined) {
      throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not');
    }
    neo4j = { mode: 'external', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE };
  } else {
    neo4j = {
      mode: 'embedded',
      homeDir: resolve(fromRoot(e.SIGHTLINE_DATA_DIR), 'neo4j'),
      cacheDir: fromRoot(e.SIGHTLINE_CACHE_DIR),
      boltPort: e.SIGHTLINE_NEO4J_BOLT_PORT,
      heap: e.SIGHTLINE_NEO4J_HEAP,
      pageCache: e.SIGHTLINE_NEO4J_PAGECACHE,
      startTimeoutMs: e.SIGHTLINE_NEO4J_START_TIMEOUT_MS,
      database: e.NEO4J_DATABASE,
    };
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    neo4j,
    seed: e.SIGHTLINE_SEED,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    readTimeoutMs: e.SIGHTLINE_READ_TIMEOUT_MS,
    exportMaxNodes: e.SIGHTLINE_EXPORT_MAX_NODES,
  };
}
