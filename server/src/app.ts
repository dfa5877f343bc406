import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { apiNotFound, errorHandler } from './middlewares/error-handler.js';
import { REPO_ROOT } from './paths.js';
import { SystemRepository } from './repositories/system-repository.js';
import { healthRoutes } from './routes/health/health.js';

export interface AppDeps {
  driver: Driver;
  database: string;
  logger: Logger;
  neo4jMode: 'embedded' | 'external';
  /** Built web assets to serve; defaults to web/dist. */
  webDist?: string;
}

/** The Express app, without listening: tests mount it on an ephemeral port. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: deps.logger.child({ module: 'http' }),
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    }),
  );
  app.use(express.json({ limit: '1mb' }));

  const api = express.Router();
  api.use(healthRoutes(new SystemRepository(deps.driver, deps.database), deps.neo4jMode));
  api.use(apiNotFound);
  app.use('/api', api);

  const webDist = deps.webDist ?? join(REPO_ROOT, 'web', 'dist');
  if (existsSync(webDist)) {
    app.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
  }
  app.use(errorHandler(deps.logger));
  return app;
}
