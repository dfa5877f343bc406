import { Router } from 'express';
import { notFound } from '../../errors.js';
import { parseParams, parseQuery } from '../../middlewares/validate.js';
import { presentHistory } from '../../presenters/curation.js';
import { AuditRepository } from '../../repositories/audit-repository.js';
import type { CurationRepository } from '../../repositories/curation-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { actorIdParamsSchema } from './actors.schema.js';
import { historyQuerySchema } from './history.schema.js';
import { relationshipIdParamsSchema } from './relationships.schema.js';

/**
 * The audit trail (open to everyone, like every read): GET /actors/:id/history and
 * GET /relationships/:id/history, newest first; deleted and merged-away records keep theirs.
 */
export function historyRoutes(ctx: RouteContext, curation: CurationRepository): Router {
  const audit = new AuditRepository(ctx.db);
  const router = Router();
  router.get('/actors/:id/history', async (req, res) => {
    const { id } = parseParams(actorIdParamsSchema, req);
    const { limit } = parseQuery(historyQuerySchema, req);
    if (!(await audit.actorKnown(id))) throw notFound(`actor ${JSON.stringify(id)}`);
    sendData(res, presentHistory('actor', id, await audit.history('actor', id, limit)));
  });
  router.get('/relationships/:id/history', async (req, res) => {
    const { id } = parseParams(relationshipIdParamsSchema, req);
    const { limit } = parseQuery(historyQuerySchema, req);
    if (!(await curation.relationshipKnown(id))) throw notFound(`relationship ${JSON.stringify(id)}`);
    sendData(res, presentHistory('relationship', id, await audit.history('relationship', id, limit)));
  });
  return router;
}
