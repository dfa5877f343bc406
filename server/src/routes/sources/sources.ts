import { Router } from 'express';
import { notFound } from '../../errors.js';
import { parseParams, parseQuery } from '../../middlewares/validate.js';
import { presentSourceDetail, presentSourceList } from '../../presenters/sources.js';
import { SourceRepository } from '../../repositories/source-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { sourceListQuerySchema, sourceParamsSchema } from './schema.js';

/**
 * GET /api/sources — sources by title, with claim counts, paginated by keyset cursor (`cursor`,
 * the previous page's `nextCursor`) or by limit/offset.
 * GET /api/sources/:id — a source, the sources it cites and that cite it, and every claim drawn
 * from it with the relationship (edge data) the claim supports and those edges' endpoint nodes.
 */
export function sourceRoutes(ctx: RouteContext): Router {
  const repository = new SourceRepository(ctx.db);
  const router = Router();
  router.get('/sources', async (req, res) => {
    const { limit, offset, cursor } = parseQuery(sourceListQuerySchema, req);
    const { rows, total } = await repository.page(limit, cursor ? { after: cursor } : { offset });
    sendData(res, presentSourceList(rows, { limit, offset: cursor ? null : offset, total }));
  });
  router.get('/sources/:id', async (req, res) => {
    const { id } = parseParams(sourceParamsSchema, req);
    const row = await repository.findDetail(id);
    if (!row) throw notFound(`source ${JSON.stringify(id)}`);
    sendData(res, presentSourceDetail(row));
  });
  return router;
}
