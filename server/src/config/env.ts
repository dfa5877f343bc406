import { resolve } from 'node:path';
import { z } from 'zod';
import { AUTH_DEFAULTS, type AuthOptions, authOptions } from '../auth/options.js';
import { AUTH_SECRET_FILE, parseAuthSecret } from '../auth/secret-format.js';
import { CONSOLE_DEFAULTS, type ConsoleOptions } from '../console/options.js';
import { EMBEDDED_NEO4J_DEFAULTS } from '../neo4j/defaults.js';
import { REPO_ROOT } from '../paths.js';
import { VIEW_DEFAULTS, type ViewOptions } from '../views/options.js';
import { SCHEMA_STATS_DEFAULTS, type SchemaStatsOptions } from '../routes/schema/options.js';

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
  /** Largest file POST /api/import accepts, in bytes; over it: 413 PAYLOAD_TOO_LARGE. */
  SIGHTLINE_IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  /** GET /api/schema: its status/stance counts and property keys are recomputed (in the background) once older than this, per app instance (ms). */
  SIGHTLINE_SCHEMA_STATS_TTL_MS: z.coerce.number().int().positive().default(SCHEMA_STATS_DEFAULTS.ttlMs),
  /** GET /api/schema: how long a request waits for statistics not known yet before answering without them (ms; 0 = never waits). */
  SIGHTLINE_SCHEMA_STATS_BUDGET_MS: z.coerce.number().int().nonnegative().default(SCHEMA_STATS_DEFAULTS.budgetMs),
  /** Apply cypher/seed/ at start (idempotent; never overwrites later edits). */
  SIGHTLINE_SEED: flag.default(true),
  /** Write access: hours a web UI login lasts (fixed from login). */
  SIGHTLINE_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(AUTH_DEFAULTS.sessionTtlMs / 3_600_000),
  /** Write access: failed logins per client IP per 15 minutes, per app instance (then 429 RATE_LIMITED). */
  SIGHTLINE_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(AUTH_DEFAULTS.loginRateLimit.limit),
  /** Write access: secret keying stored password and API-token hashes (≥ 32 bytes, hex or base64); the same on every instance. Default: generated into SIGHTLINE_DATA_DIR/auth-secret. */
  SIGHTLINE_AUTH_SECRET: z.string().min(1).optional(),
  /** Write access: saving views needs an editor too (other writes always do). */
  SIGHTLINE_VIEWS_REQUIRE_AUTH: flag.default(AUTH_DEFAULTS.viewsRequireAuth),
  /** Saved views: creations per client (IP) per minute (POST /api/views; over it 429 RATE_LIMITED). */
  SIGHTLINE_VIEWS_RATE_PER_MIN: z.coerce.number().int().positive().default(VIEW_DEFAULTS.ratePerMinute),
  /** Embeds: origins allowed to frame /embed/* (CSP frame-ancestors), space- or comma-separated; `*` = any. */
  SIGHTLINE_EMBED_FRAME_ANCESTORS: z
    .string()
    .default(VIEW_DEFAULTS.frameAncestors.join(' '))
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\*|'self'|https?:\/\/[^\s;,']+)$/, "must be *, 'self' or http(s) origins")).min(1)),
  /** Public origin of the app for absolute URLs in embed snippets, oEmbed and social cards (default: from each request). */
  SIGHTLINE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Cypher console: a query is stopped after this many ms (server-side transaction timeout). */
  SIGHTLINE_CONSOLE_TIMEOUT_MS: z.coerce.number().int().positive().default(CONSOLE_DEFAULTS.timeoutMs),
  /** Cypher console: most rows in one answer (then truncated: true). */
  SIGHTLINE_CONSOLE_MAX_ROWS: z.coerce.number().int().positive().default(CONSOLE_DEFAULTS.maxRows),
  /** Cypher console: most bytes of rows and elements in one answer, about (then truncated: true). */
  SIGHTLINE_CONSOLE_MAX_BYTES: z.coerce.number().int().positive().default(CONSOLE_DEFAULTS.maxBytes),
  /** Cypher console: runs per client (IP) per minute, saved queries included. */
  SIGHTLINE_CONSOLE_RATE_PER_MIN: z.coerce.number().int().positive().default(CONSOLE_DEFAULTS.ratePerMinute),
  /** Cypher console: queries running at once, all clients together (then 429 CONSOLE_BUSY). */
  SIGHTLINE_CONSOLE_MAX_CONCURRENT: z.coerce.number().int().positive().default(CONSOLE_DEFAULTS.maxConcurrent),
  /** Cypher console: a separate Neo4j user for console queries (a read-only role on Enterprise/Aura). */
  SIGHTLINE_CONSOLE_NEO4J_USER: z.string().min(1).optional(),
  SIGHTLINE_CONSOLE_NEO4J_PASSWORD: z.string().optional(),
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
  /** Write access options (server/src/auth/options.ts). */
  auth: AuthOptions;
  /** Where the write-access secret comes from (server/src/auth/secret.ts): the variable, else the file. */
  authSecret: { value: string | undefined; file: string };
  corsOrigins: string[];
  readTimeoutMs: number;
  exportMaxNodes: number;
  importMaxBytes: number;
  /** GET /api/schema's statistics (server/src/routes/schema/options.ts). */
  schemaStats: SchemaStatsOptions;
  views: ViewOptions;
  console: ConsoleOptions;
  /** Credentials of the console's own Neo4j user, when set (a second driver). */
  consoleNeo4jUser: { user: string; password: string } | undefined;
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
  if (e.SIGHTLINE_CONSOLE_NEO4J_USER && e.SIGHTLINE_CONSOLE_NEO4J_PASSWORD === undefined) {
    throw new ConfigError('SIGHTLINE_CONSOLE_NEO4J_USER is set but SIGHTLINE_CONSOLE_NEO4J_PASSWORD is not');
  }
  if (e.SIGHTLINE_AUTH_SECRET !== undefined) {
    try {
      parseAuthSecret(e.SIGHTLINE_AUTH_SECRET);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
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
    auth: authOptions({
      sessionTtlMs: e.SIGHTLINE_SESSION_HOURS * 3_600_000,
      loginRateLimit: { ...AUTH_DEFAULTS.loginRateLimit, limit: e.SIGHTLINE_LOGIN_MAX_FAILURES },
      viewsRequireAuth: e.SIGHTLINE_VIEWS_REQUIRE_AUTH,
    }),
    authSecret: { value: e.SIGHTLINE_AUTH_SECRET, file: resolve(fromRoot(e.SIGHTLINE_DATA_DIR), AUTH_SECRET_FILE) },
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    readTimeoutMs: e.SIGHTLINE_READ_TIMEOUT_MS,
    exportMaxNodes: e.SIGHTLINE_EXPORT_MAX_NODES,
    importMaxBytes: e.SIGHTLINE_IMPORT_MAX_BYTES,
    schemaStats: { ...SCHEMA_STATS_DEFAULTS, ttlMs: e.SIGHTLINE_SCHEMA_STATS_TTL_MS, budgetMs: e.SIGHTLINE_SCHEMA_STATS_BUDGET_MS },
    views: {
      ratePerMinute: e.SIGHTLINE_VIEWS_RATE_PER_MIN,
      frameAncestors: e.SIGHTLINE_EMBED_FRAME_ANCESTORS,
      publicUrl: e.SIGHTLINE_PUBLIC_URL ?? null,
    },
    console: {
      timeoutMs: e.SIGHTLINE_CONSOLE_TIMEOUT_MS,
      maxRows: e.SIGHTLINE_CONSOLE_MAX_ROWS,
      maxBytes: e.SIGHTLINE_CONSOLE_MAX_BYTES,
      ratePerMinute: e.SIGHTLINE_CONSOLE_RATE_PER_MIN,
      maxConcurrent: e.SIGHTLINE_CONSOLE_MAX_CONCURRENT,
    },
    consoleNeo4jUser: e.SIGHTLINE_CONSOLE_NEO4J_USER
      ? { user: e.SIGHTLINE_CONSOLE_NEO4J_USER, password: e.SIGHTLINE_CONSOLE_NEO4J_PASSWORD as string }
      : undefined,
  };
}
