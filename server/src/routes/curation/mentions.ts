import { Router } from 'express';
import type { MentionDictionary } from '../../curation/mention-dictionary.js';
import { parseBody } from '../../middlewares/validate.js';
import { presentMentions } from '../../presenters/curation.js';
import { sendData } from '../respond.js';
import { mentionsBodySchema } from './mentions.schema.js';

/**
 * POST /mentions { text }: the known actors a text names (by name or alias) with their UTF-16
 * offsets. Read-only, so open like every read; assisted extraction, the curator decides.
 */
export function mentionRoutes(dictionary: MentionDictionary): Router {
  const router = Router();
  router.post('/mentions', async (req, res) => {
    const { text } = parseBody(mentionsBodySchema, req);
    const finder = await dictionary.finder();
    sendData(res, presentMentions(finder.find(text)));
  });
  return router;
}
