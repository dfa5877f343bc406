import { Router } from 'express';
import type { SystemRepository } from '../../repositories/system-repository.js';
import { presentHealth } from '../../presenters/health.js';

/** How long the health check waits for Neo4j before answering 503. */
const HEALTH_TIMEOUT_MS = 3_000;

/**
 * GET /api/health — 200 { status: "ok", neo4j: { version, edition } } when Neo4j answers,
 * 503 { status: "unavailable", neo4j: null, error } while it does not. Load balancers poll it.
 */
export function healthRoutes(system: SystemRepository, mode: 'embedded' | 'external'): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      const info = await system.serverInfo(HEALTH_TIMEOUT_MS);
      res.set('Cache-Control', 'no-store').json(presentHealth({ ok: true, info, mode }));
    } catch (error) {
      res
        .status(503)
        .set('Cache-Control', 'no-store')
        .json(presentHealth({ ok: false, mode, reason: (error as Error).message }));
    }
  });
  return router;
}
