import { Router } from 'express';
import { apiNotFound } from '../middlewares/error-handler.js';
import { SystemRepository } from '../repositories/system-repository.js';
import type { RouteContext } from './context.js';
import { healthRoutes } from './health/health.js';
import { searchRoutes } from './search/search.js';
import { actorRoutes } from './actors/actors.js';
import { actorListRoutes } from './actors/list.js';
import { relationshipRoutes } from './relationships/relationships.js';
import { sourceRoutes } from './sources/sources.js';
import { schemaRoutes } from './schema/schema.js';
import { ExportRepository } from '../repositories/export-repository.js';
import { exportRoutes } from './export/export.js';
import { ImportRepository } from '../repositories/import-repository.js';
import { importRoutes } from './import/import.js';
import { docsRoutes } from './docs/docs.js';
import { graphRoutes } from './graph/graph.js';
import { NeighborhoodRepository } from '../repositories/neighborhood-repository.js';
import { PathRepository } from '../repositories/path-repository.js';
import { TimelineRepository } from '../repositories/timeline-repository.js';
import { authenticate } from '../auth/authenticate.js';
import { authOptions } from '../auth/options.js';
import { AuthRepository } from '../repositories/auth-repository.js';
import { authRoutes } from './auth/auth.js';
import { curationRoutes } from './curation/index.js';
import { createConsoleRuntime } from '../console/runtime.js';
import { consoleRoutes } from './console/console.js';
import { queryRoutes } from './queries/queries.js';

import { createViewsRuntime } from '../views/runtime.js';
import { viewRoutes } from './views/views.js';

/** Mounts every /api resource. One line per resource. */
export function apiRouter(ctx: RouteContext): Router {
  const api = Router();
  api.use(healthRoutes(new SystemRepository(ctx.db.driver, ctx.db.database), ctx.neo4jMode));
  const auth = new AuthRepository(ctx.db);
  const authOpts = authOptions(ctx.auth);
  api.use(authenticate({ repository: auth, logger: ctx.logger, options: authOpts })); // sets req.auth for every route below
  api.use(authRoutes(auth, authOpts, ctx.logger)); // /auth/login, /auth/logout, /auth/me, /auth/csrf
  api.use(searchRoutes(ctx));
  // The explorer's hot reads next, before the other routers (Express tries every route in order;
  // none of these paths overlaps another router's): GET /actors/:id/neighborhood, /neighborhood, /paths, /timeline.
  api.use(graphRoutes({ neighborhood: new NeighborhoodRepository(ctx.db), paths: new PathRepository(ctx.db), timeline: new TimelineRepository(ctx.db) }));
  api.use(actorRoutes(ctx)); // GET /actors/:id only; /actors/:id/neighborhood is the graph routes'
  api.use(actorListRoutes(ctx)); // GET /actors?sort=degree (most connected actors)
  api.use(relationshipRoutes(ctx));
  api.use(curationRoutes(ctx)); // writes (editor): /actors, /actors/merge, /relationships…; /…/:id/history; POST /mentions
  api.use(sourceRoutes(ctx));
  api.use(schemaRoutes(ctx));
  api.use(exportRoutes(new ExportRepository(ctx.db), { maxNodes: ctx.exportMaxNodes }));
  api.use(importRoutes(new ImportRepository(ctx.db), ctx.logger, { maxBytes: ctx.importMaxBytes })); // POST /import (editor), GET /import/:jobId, /import/:jobId/events
  api.use(docsRoutes()); // GET /openapi.json, GET /docs
  const consoleRuntime = createConsoleRuntime(ctx); // one safety gate, rate limit and concurrency cap for both:
  api.use(consoleRoutes(consoleRuntime)); // POST /console/run, GET /console/schema
  api.use(queryRoutes(consoleRuntime)); // GET /queries, GET /queries/:id, POST /queries/:id/run
  const views = ctx.views ?? createViewsRuntime(ctx.db);
  api.use(viewRoutes(views.service, views.options, ctx.auth?.viewsRequireAuth ?? false)); // POST /views (editor with SIGHTLINE_VIEWS_REQUIRE_AUTH), GET /views/:id
  api.use(apiNotFound);
  return api;
}
