import { Router } from 'express';
import { apiNotFound } from '../middlewares/error-handler.js';
import { SystemRepository } from '../repositories/system-repository.js';
import type { RouteContext } from './context.js';
import { healthRoutes } from './health/health.js';
import { searchRoutes } from './search/search.js';
import { actorRoutes } from './actors/actors.js';
import { relationshipRoutes } from './relationships/relationships.js';
import { sourceRoutes } from './sources/sources.js';
import { schemaRoutes } from './schema/schema.js';
import { ExportRepository } from '../repositories/export-repository.js';
import { exportRoutes } from './export/export.js';
import { docsRoutes } from './docs/docs.js';
import { graphRoutes } from './graph/graph.js';
import { NeighborhoodRepository } from '../repositories/neighborhood-repository.js';
import { PathRepository } from '../repositories/path-repository.js';
import { TimelineRepository } from '../repositories/timeline-repository.js';

/** Mounts every /api resource. One line per resource. */
export function apiRouter(ctx: RouteContext): Router {
  const api = Router();
  api.use(healthRoutes(new SystemRepository(ctx.db.driver, ctx.db.database), ctx.neo4jMode));
  api.use(searchRoutes(ctx));
  api.use(actorRoutes(ctx)); // GET /actors/:id only; /actors/:id/neighborhood is the graph routes'
  api.use(relationshipRoutes(ctx));
  api.use(sourceRoutes(ctx));
  api.use(schemaRoutes(ctx));
  api.use(exportRoutes(new ExportRepository(ctx.db), { maxNodes: ctx.exportMaxNodes }));
  api.use(docsRoutes()); // GET /openapi.json, GET /docs
  api.use(graphRoutes({ neighborhood: new NeighborhoodRepository(ctx.db), paths: new PathRepository(ctx.db), timeline: new TimelineRepository(ctx.db) }));
  api.use(apiNotFound);
  return api;
}
