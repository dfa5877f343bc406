import { Router } from 'express';
import { notFound } from '../../errors.js';
import { parseParams } from '../../middlewares/validate.js';
import { presentRelationshipDetail } from '../../presenters/relationship-detail.js';
import { RelationshipRepository } from '../../repositories/relationship-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { relationshipParamsSchema } from './schema.js';

/** GET /api/relationships/:id — the edge, its subject and object, and all its evidence. */
export function relationshipRoutes(ctx: RouteContext): Router {
  const repository = new RelationshipRepository(ctx.db);
  const router = Router();
  router.get('/relationships/:id', async (req, res) => {
    const { id } = parseParams(relationshipParamsSchema, req);
    const row = await repository.findById(id);
    if (!row) throw notFound(`relationship ${JSON.stringify(id)}`);
    sendData(res, presentRelationshipDetail(row));
  });
  return router;
}
