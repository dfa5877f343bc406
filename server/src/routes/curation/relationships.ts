import { Router } from 'express';
import { requireRole } from '../../auth/require-role.js';
import { selfLoopAllowed } from '../../curation/self-loops.js';
import { AppError, notFound } from '../../errors.js';
import { parseBody, parseParams } from '../../middlewares/validate.js';
import { presentRelationshipDetail } from '../../presenters/relationship-detail.js';
import type { CurationRepository } from '../../repositories/curation-repository.js';
import { RelationshipRepository } from '../../repositories/relationship-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { principalOf } from './actors.js';
import { assertConfirmed } from './confirm.js';
import {
  addEvidenceBodySchema,
  createRelationshipBodySchema,
  endRelationshipBodySchema,
  relationshipIdParamsSchema,
} from './relationships.schema.js';

/**
 * Relationship curation (editor role): POST /relationships (with at least one claim),
 * POST /relationships/:id/claims (add evidence), POST /relationships/:id/end,
 * DELETE /relationships/:id?confirm=<id>. Each answers with the relationship as
 * GET /api/relationships/:id shows it (deletion: its id).
 */
export function curationRelationshipRoutes(ctx: RouteContext, curation: CurationRepository): Router {
  const relationships = new RelationshipRepository(ctx.db);
  const router = Router();
  const detail = async (id: string) => {
    const row = await relationships.findById(id);
    if (!row) throw notFound(`relationship ${JSON.stringify(id)}`);
    return presentRelationshipDetail(row);
  };

  router.post('/relationships', requireRole('editor'), async (req, res) => {
    const body = parseBody(createRelationshipBodySchema, req);
    if (body.source === body.target && !selfLoopAllowed(body.type)) {
      throw new AppError(400, 'SELF_LOOP', `curation: ${body.type} from an actor to itself has no meaning`, { field: 'target' });
    }
    const id = await curation.createRelationship(body, principalOf(req));
    res.location(`/api/relationships/${id}`);
    sendData(res, await detail(id), { status: 201 });
  });

  router.post('/relationships/:id/claims', requireRole('editor'), async (req, res) => {
    const { id } = parseParams(relationshipIdParamsSchema, req);
    const body = parseBody(addEvidenceBodySchema, req);
    const claimIds = await curation.addEvidence(id, body.claims, principalOf(req));
    sendData(res, { ...(await detail(id)), addedClaimIds: claimIds }, { status: 201 });
  });

  router.post('/relationships/:id/end', requireRole('editor'), async (req, res) => {
    const { id } = parseParams(relationshipIdParamsSchema, req);
    const { until } = parseBody(endRelationshipBodySchema, req);
    await curation.endRelationship(id, until, principalOf(req));
    sendData(res, await detail(id));
  });

  router.delete('/relationships/:id', requireRole('editor'), async (req, res) => {
    const { id } = parseParams(relationshipIdParamsSchema, req);
    assertConfirmed(req, id);
    await curation.deleteRelationship(id, principalOf(req));
    sendData(res, { id, deleted: true });
  });

  return router;
}
