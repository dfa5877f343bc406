import { Router } from 'express';
import type { ConsoleRuntime } from '../../console/runtime.js';
import { notFound } from '../../errors.js';
import { parse, parseParams } from '../../middlewares/validate.js';
import { coerceParams } from '../../queries/coerce.js';
import type { SavedQuery } from '../../queries/header.js';
import { loadSavedQueries } from '../../queries/loader.js';
import { sendData } from '../respond.js';
import { savedQueryParamsSchema, savedQueryRunBodySchema } from './schema.js';

/** Fields of a saved query in the list: id, title, description, parameters. */
const summaryOf = (q: SavedQuery) => ({ id: q.id, title: q.title, description: q.description, parameters: q.parameters });

/**
 * GET /api/queries — the saved queries of cypher/queries/ (loaded once; a bad header stops the app
 * with an error naming the file). GET /api/queries/:id — one, with its Cypher.
 * POST /api/queries/:id/run — runs it with its parameters coerced to their declared types, through
 * the same safety gate, rate limit and concurrency cap as POST /api/console/run.
 */
export function queryRoutes(runtime: ConsoleRuntime, queries: SavedQuery[] = loadSavedQueries()): Router {
  const byId = new Map(queries.map((q) => [q.id, q]));
  const find = (id: string): SavedQuery => {
    const q = byId.get(id);
    if (!q) throw notFound(`saved query "${id}"`);
    return q;
  };
  const router = Router();
  router.get('/queries', (_req, res) => {
    sendData(res, queries.map(summaryOf));
  });
  router.get('/queries/:id', (req, res) => {
    const { id } = parseParams(savedQueryParamsSchema, req);
    const q = find(id);
    sendData(res, { ...summaryOf(q), cypher: q.cypher });
  });
  router.post('/queries/:id/run', runtime.rateLimit, async (req, res) => {
    const { id } = parseParams(savedQueryParamsSchema, req);
    const q = find(id);
    const { params } = parse(savedQueryRunBodySchema, req.body ?? {}, 'body');
    await runtime.respond(req, res, { query: q.cypher, params: coerceParams(q, params), mode: 'run', typedParams: true });
  });
  return router;
}
