import { Router } from 'express';
import { clientGoneSignal } from '../../middlewares/client-gone.js';
import { parseQuery } from '../../middlewares/validate.js';
import { presentActorNode } from '../../presenters/elements.js';
import { ActorRankingRepository } from '../../repositories/actor-ranking-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { actorListQuerySchema } from './list-schema.js';

/**
 * GET /api/actors?sort=degree&limit= — the most connected actors, each as Cytoscape node data with
 * its degree. The explorer proposes them as starting points on an empty canvas.
 */
export function actorListRoutes(ctx: RouteContext): Router {
  const repository = new ActorRankingRepository(ctx.db);
  const router = Router();
  router.get('/actors', async (req, res) => {
    const query = parseQuery(actorListQuerySchema, req);
    const rows = await repository.mostConnected(query.limit, clientGoneSignal(res));
    sendData(res, { actors: rows.map((r) => ({ ...presentActorNode(r), degree: r.degree })) });
  });
  return router;
}
