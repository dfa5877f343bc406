import { Router } from 'express';
import { notFound } from '../../errors.js';
import { parseParams } from '../../middlewares/validate.js';
import { presentActorDetail } from '../../presenters/actor-detail.js';
import { ActorRepository } from '../../repositories/actor-repository.js';
import { CurationRepository } from '../../repositories/curation-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { actorParamsSchema } from './schema.js';

/**
 * GET /api/actors/:id — the actor (node data and every stored property), its degree by
 * relationship type and direction, and the sources its relationships' claims cite.
 * Only this exact path: /api/actors/:id/neighborhood belongs to the graph routes.
 * An id merged into another actor (curation) answers with the survivor and `mergedFrom: <id>`.
 */
export function actorRoutes(ctx: RouteContext): Router {
  const repository = new ActorRepository(ctx.db);
  const curation = new CurationRepository(ctx.db);
  const router = Router();
  router.get('/actors/:id', async (req, res) => {
    const { id } = parseParams(actorParamsSchema, req);
    const row = await repository.findDetail(id);
    if (!row) {
      const survivorId = await curation.resolveMerged(id);
      const survivor = survivorId === null ? null : await repository.findDetail(survivorId);
      if (!survivor) throw notFound(`actor ${JSON.stringify(id)}`);
      sendData(res, { ...presentActorDetail(survivor), mergedFrom: id });
      return;
    }
    sendData(res, presentActorDetail(row));
  });
  return router;
}
