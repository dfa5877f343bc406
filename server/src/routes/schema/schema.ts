import { Router } from 'express';
import { presentGraphSchema } from '../../presenters/graph-schema.js';
import { SchemaRepository } from '../../repositories/schema-repository.js';
import type { RouteContext } from '../context.js';
import { sendData } from '../respond.js';

/** Clients may reuse GET /api/schema for this long (seconds) before revalidating. */
export const SCHEMA_MAX_AGE_SECONDS = 60;

/**
 * GET /api/schema — the vocabulary (actor kinds, relationship types, statuses, stances, with their
 * labels and descriptions) with live counts, and the property keys per label and type. Drives the
 * explorer's legend, filters and styling. Takes no parameters.
 */
export function schemaRoutes(ctx: RouteContext): Router {
  const repository = new SchemaRepository(ctx.db);
  const router = Router();
  router.get('/schema', async (_req, res) => {
    const [counts, properties] = await Promise.all([repository.counts(), repository.propertyKeys()]);
    sendData(
      res,
      presentGraphSchema({ counts, nodeProperties: properties.nodes, relProperties: properties.relationships }),
      { maxAge: SCHEMA_MAX_AGE_SECONDS },
    );
  });
  return router;
}
