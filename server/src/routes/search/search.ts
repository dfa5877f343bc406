import { Router } from 'express';
import { clientGoneSignal } from '../../middlewares/client-gone.js';
import { parseQuery } from '../../middlewares/validate.js';
import { presentSearchResult } from '../../presenters/search.js';
import { SearchRepository } from '../../repositories/search-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { searchQuerySchema } from './schema.js';

/**
 * GET /api/search?q=&kinds=&limit= — actors ranked by full-text relevance over names, aliases and
 * descriptions (typos, prefixes, case and diacritics tolerated), each with the alias it matched
 * through; plus sources matching by title or publisher. The `kinds` filter applies to actors.
 */
export function searchRoutes(ctx: RouteContext): Router {
  const repository = new SearchRepository(ctx.db);
  const router = Router();
  router.get('/search', async (req, res) => {
    const { q, kinds, limit } = parseQuery(searchQuerySchema, req);
    const signal = clientGoneSignal(res); // a search typed over by the next keystroke stops on Neo4j too
    const [actors, sources] = await Promise.all([
      repository.searchActors(q, { kinds, limit }, signal),
      repository.searchSources(q, limit, signal),
    ]);
    sendData(res, presentSearchResult(q, actors, sources));
  });
  return router;
}
