import { Router } from 'express';
import { RefreshingValue } from '../../cache/refreshing-value.js';
import { presentGraphSchema } from '../../presenters/graph-schema.js';
import { SchemaRepository } from '../../repositories/schema-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';
import { SCHEMA_STATS_DEFAULTS } from './options.js';

/** Clients may reuse GET /api/schema for this long (seconds) before revalidating. */
export const SCHEMA_MAX_AGE_SECONDS = 60;

/**
 * GET /api/schema — the vocabulary (actor kinds, relationship types, statuses, stances, with their
 * labels and descriptions) with live counts, and the property keys per label and type. Drives the
 * explorer's legend, filters and styling. Takes no parameters.
 *
 * Kind and type counts and totals are read at every request (count store and indexes: cheap at
 * any size). Status and stance counts and property keys read the whole graph, so they are
 * statistics kept per app instance (RefreshingValue): recomputed at most once per ttlMs in the
 * background, at once after this instance's own writes (GraphDb.onGraphWrite), reported with
 * `statsAsOf`; when none are known within budgetMs the answer has them null. Only an answer with
 * current statistics may be cached by clients (max-age); others say no-cache.
 */
export function schemaRoutes(ctx: RouteContext): Router {
  const repository = new SchemaRepository(ctx.db);
  const options = { ...SCHEMA_STATS_DEFAULTS, ...ctx.schemaStats };
  const stats = new RefreshingValue(
    () => repository.statistics(options.queryTimeoutMs),
    options,
    (error) => ctx.logger.warn({ err: error }, 'sightline/schema: computing the schema statistics failed'),
  );
  ctx.db.onGraphWrite(() => stats.invalidate());
  const router = Router();
  router.get('/schema', async (_req, res) => {
    const [counts, snapshot] = await Promise.all([repository.counts(), stats.get()]);
    sendData(res, presentGraphSchema({ counts, stats: snapshot?.value ?? null, statsAsOf: snapshot?.asOf ?? null }), {
      ...(snapshot?.current ? { maxAge: SCHEMA_MAX_AGE_SECONDS } : {}),
    });
  });
  return router;
}
