import { Router } from 'express';
import { notFound } from '../../errors.js';
import { parseParams } from '../../middlewares/validate.js';
import { presentActorDetail } from '../../presenters/actor-detail.js';
import { ActorRepository } from '../../repositories/actor-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { actorParamsSchema } from './schema.js';

/**
 * GET /api/actors/:id — the actor (node data and every stored property), its degree by
 * relationship type and direction, and the sources its relationships' claims cite.
 * Only this exact path: /api/actors/:id/neighborhood belongs to the graph routes.
 */
export function actorRoutes(ctx: RouteContext): Router {
  const repository = new ActorRepository(ctx.db);
  const router = Router();
  router.get('/actors/:id', async (req, res) => {
    const { id } = parseParams(actorParamsSchema, req);
    const row = await repository.findDetail(id);
    if (!row) throw notFound(`actor ${JSON.stringify(id)}`);
    sendData(res, presentActorDetail(row));
  });
  return router;
}
