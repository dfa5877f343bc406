import { Router } from 'express';
import { requireRole } from '../../auth/require-role.js';
import type { MentionDictionary } from '../../curation/mention-dictionary.js';
import { AppError, notFound } from '../../errors.js';
import { parseBody, parseParams } from '../../middlewares/validate.js';
import { presentActorDetail } from '../../presenters/actor-detail.js';
import { presentMergeResult } from '../../presenters/curation.js';
import { ActorRepository } from '../../repositories/actor-repository.js';
import type { CurationRepository } from '../../repositories/curation-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { actorIdParamsSchema, createActorBodySchema, mergeActorsBodySchema, patchActorBodySchema } from './actors.schema.js';
import { assertConfirmed } from './confirm.js';

/** The principal recorded as "who" in the audit trail (requireRole guarantees there is one). */
export const principalOf = (req: { auth?: { principal: string } | undefined }): string => req.auth?.principal ?? 'unknown';

/**
 * Actor curation (editor role): POST /actors, PATCH /actors/:id, DELETE /actors/:id?confirm=<id>,
 * POST /actors/merge. Each answers with the actor as GET /api/actors/:id shows it.
 */
export function curationActorRoutes(ctx: RouteContext, curation: CurationRepository, mentions: MentionDictionary): Router {
  const actors = new ActorRepository(ctx.db);
  const router = Router();
  const detail = async (id: string) => {
    const row = await actors.findDetail(id);
    if (!row) throw notFound(`actor ${JSON.stringify(id)}`);
    return presentActorDetail(row);
  };

  router.post('/actors/merge', requireRole('editor'), async (req, res) => {
    const body = parseBody(mergeActorsBodySchema, req);
    if (body.survivorId === body.mergedId) throw new AppError(400, 'SELF_LOOP', 'curation: an actor cannot be merged into itself');
    const result = await curation.mergeActors(body.survivorId, body.mergedId, principalOf(req));
    mentions.invalidate();
    sendData(res, { survivor: await detail(body.survivorId), ...presentMergeResult(result) });
  });

  router.post('/actors', requireRole('editor'), async (req, res) => {
    const body = parseBody(createActorBodySchema, req);
    const id = await curation.createActor(body, principalOf(req));
    mentions.invalidate();
    res.location(`/api/actors/${id}`);
    sendData(res, await detail(id), { status: 201 });
  });

  router.patch('/actors/:id', requireRole('editor'), async (req, res) => {
    const { id } = parseParams(actorIdParamsSchema, req);
    const { updatedAt, ...patch } = parseBody(patchActorBodySchema, req);
    await curation.updateActor(id, patch, updatedAt, principalOf(req));
    mentions.invalidate();
    sendData(res, await detail(id));
  });

  router.delete('/actors/:id', requireRole('editor'), async (req, res) => {
    const { id } = parseParams(actorIdParamsSchema, req);
    assertConfirmed(req, id);
    const result = await curation.deleteActor(id, principalOf(req));
    mentions.invalidate();
    sendData(res, { id, deleted: true, relationshipsDeleted: result.relationships });
  });

  return router;
}
