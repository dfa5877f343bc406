import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { GraphDb } from './db/graph-db.js';
import { errorHandler } from './middlewares/error-handler.js';
import { REPO_ROOT } from './paths.js';
import { DEFAULT_EXPORT_MAX_NODES } from './routes/export/export.js';
import { apiRouter } from './routes/index.js';

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
  /** Built web assets to serve; defaults to web/dist. */
  webDist?: string;
}

/** The Express app, without listening: tests mount it on an ephemeral port. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('etag', 'weak');
  app.use(helmet());
  app.use(compression());
  app.use(
    pinoHttp({
      logger: deps.logger.child({ module: 'http' }),
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    }),
  );
  if (deps.corsOrigins && deps.corsOrigins.length > 0) {
    app.use('/api', cors({ origin: deps.corsOrigins, methods: ['GET', 'HEAD', 'POST'] }));
  }
  app.use(express.json({ limit: '1mb' }));

  const db = new GraphDb(deps.driver, { database: deps.database, readTimeoutMs: deps.readTimeoutMs });
  app.use(
    '/api',
    apiRouter({ db, logger: deps.logger, neo4jMode: deps.neo4jMode, exportMaxNodes: deps.exportMaxNodes ?? DEFAULT_EXPORT_MAX_NODES }),
  );

  const webDist = deps.webDist ?? join(REPO_ROOT, 'web', 'dist');
  if (existsSync(webDist)) {
    app.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
  }
  app.use(errorHandler(deps.logger));
  return app;
}
