import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import cors from 'cors';
import express, { type Express } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { type AuthOptions, authOptions } from './auth/options.js';
import type { ConsoleOptions } from './console/options.js';
import { GraphDb } from './db/graph-db.js';
import { errorHandler } from './middlewares/error-handler.js';
import { requestLog } from './middlewares/request-log.js';
import { REPO_ROOT } from './paths.js';
import { DEFAULT_EXPORT_MAX_NODES } from './routes/export/export.js';
import { apiRouter } from './routes/index.js';
import { embedRoutes } from './routes/embed/embed.js';
import { securityHeaders } from './routes/embed/security.js';
import { viewOptions, type ViewOptions } from './views/options.js';
import { createViewsRuntime } from './views/runtime.js';
import type { SchemaStatsOptions } from './routes/schema/options.js';

export interface AppDeps {
  driver: Driver;
  database: string;
  logger: Logger;
  neo4jMode: 'embedded' | 'external';
  /** Origins allowed to call the API from a browser (CORS). Empty: CORS off (same origin only). */
  corsOrigins?: string[];
  /** Server-side timeout of API read queries (ms). */
  readTimeoutMs?: number;
  /** Most actors one export may contain (default 50,000). */
  exportMaxNodes?: number;
  /** Largest file POST /api/import accepts (bytes); default 50 MiB. */
  importMaxBytes?: number;
  /** Write access options (server/src/auth/options.ts); defaults: AUTH_DEFAULTS. */
  auth?: Partial<AuthOptions>;
  /** Cypher console limits (server/src/console/options.ts); defaults: CONSOLE_DEFAULTS. */
  console?: Partial<ConsoleOptions>;
  /** Driver logged in as SIGHTLINE_CONSOLE_NEO4J_USER, for console queries only; default: `driver`. */
  consoleDriver?: Driver;
  /** Built web assets to serve; defaults to web/dist. */
  webDist?: string;
  /** Saved views and embeds (server/src/views/options.ts); defaults: VIEW_DEFAULTS. */
  views?: Partial<ViewOptions>;
  /** GET /api/schema's statistics (server/src/routes/schema/options.ts); defaults: SCHEMA_STATS_DEFAULTS. */
  schemaStats?: Partial<SchemaStatsOptions>;
}

/** The Express app, without listening: tests mount it on an ephemeral port. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('etag', 'weak');
  // helmet's defaults for the app; embed pages get their own policy (frameable, strict CSP).
  app.use(securityHeaders({ frameAncestors: viewOptions(deps.views).frameAncestors }));
  // Server-Sent Events (GET /api/import/:jobId/events) go uncompressed: compression buffers the
  // writes, so a browser would get the progress events only once the stream ends.
  app.use(compression({ filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res) }));
  const logRequests = requestLog(deps.logger); // none above `info` (middlewares/request-log.ts)
  if (logRequests) app.use(logRequests);
  if (deps.corsOrigins && deps.corsOrigins.length > 0) {
    app.use('/api', cors({ origin: deps.corsOrigins, methods: ['GET', 'HEAD', 'POST'] }));
  }
  app.use(express.json({ limit: '1mb' }));

  const db = new GraphDb(deps.driver, { database: deps.database, readTimeoutMs: deps.readTimeoutMs });
  const views = createViewsRuntime(db, deps.views, { console: deps.console, consoleDriver: deps.consoleDriver }); // query views run saved queries with the console's limits
  app.use(
    '/api',
    apiRouter({ db, logger: deps.logger, neo4jMode: deps.neo4jMode, exportMaxNodes: deps.exportMaxNodes ?? DEFAULT_EXPORT_MAX_NODES, importMaxBytes: deps.importMaxBytes, auth: authOptions(deps.auth), console: deps.console, consoleDriver: deps.consoleDriver, views, schemaStats: deps.schemaStats }),
  );

  const webDist = deps.webDist ?? join(REPO_ROOT, 'web', 'dist');
  app.use(embedRoutes(views.service, { ...views.options, webDist, logger: deps.logger })); // /embed/:id(.png|.svg), /oembed, /?view=:id
  if (existsSync(webDist)) {
    // `extensions`: a page is reachable without its .html too (/console serves console.html).
    app.use(express.static(webDist, { index: 'index.html', maxAge: '1h', extensions: ['html'] }));
  }
  app.use(errorHandler(deps.logger));
  return app;
}
