import { Router } from 'express';
import { apiNotFound } from '../middlewares/error-handler.js';
import { SystemRepository } from '../repositories/system-repository.js';
import type { RouteContext } from './context.js';
import { healthRoutes } from './health/health.js';

/** Mounts every /api resource. One line per resource. */
export function apiRouter(ctx: RouteContext): Router {
  const api = Router();
  api.use(healthRoutes(new SystemRepository(ctx.db.driver, ctx.db.database), ctx.neo4jMode));
  api.use(apiNotFound);
  return api;
}
