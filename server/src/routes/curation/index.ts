import { Router } from 'express';
import { MentionDictionary } from '../../curation/mention-dictionary.js';
import { CurationRepository } from '../../repositories/curation-repository.js';
import type { RouteContext } from '../context.js';
import { curationActorRoutes } from './actors.js';
import { historyRoutes } from './history.js';
import { mentionRoutes } from './mentions.js';
import { curationRelationshipRoutes } from './relationships.js';

/** Curation: actor and relationship writes (editor), their history, and mention finding. */
export function curationRoutes(ctx: RouteContext): Router {
  const curation = new CurationRepository(ctx.db);
  const mentions = new MentionDictionary(curation);
  const router = Router();
  router.use(curationActorRoutes(ctx, curation, mentions));
  router.use(curationRelationshipRoutes(ctx, curation));
  router.use(historyRoutes(ctx, curation));
  router.use(mentionRoutes(mentions));
  return router;
}
