import { Router } from 'express';
import { isAllowedFunction, isAllowedProcedure } from '../../console/allow-list.js';
import { isPrivateLabel, isPrivatePropertyKey } from '../../console/private-names.js';
import type { ConsoleRuntime } from '../../console/runtime.js';
import { parseBody } from '../../middlewares/validate.js';
import { sendData } from '../respond.js';
import { consoleRunBodySchema } from './schema.js';

/** Clients may reuse GET /api/console/schema for this long (seconds). */
export const CONSOLE_SCHEMA_MAX_AGE_SECONDS = 60;

/**
 * POST /api/console/run — one read-only Cypher statement through the console's safety gate
 * (server/src/console/service.ts), answered with rows, graph elements and the result summary.
 * GET /api/console/schema — labels, relationship types, property keys, and the functions and
 * procedures the console allows (for the editor's autocompletion); write access control's labels
 * and property keys are left out (console/private-names.ts).
 */
export function consoleRoutes(runtime: ConsoleRuntime): Router {
  const router = Router();
  router.post('/console/run', runtime.rateLimit, async (req, res) => {
    const body = parseBody(consoleRunBodySchema, req);
    await runtime.respond(req, res, { query: body.query, params: body.params, mode: body.mode });
  });
  router.get('/console/schema', async (_req, res) => {
    const schema = await runtime.repository.schema();
    sendData(
      res,
      {
        ...schema,
        labels: schema.labels.filter((l) => !isPrivateLabel(l)),
        propertyKeys: schema.propertyKeys.filter((k) => !isPrivatePropertyKey(k)),
        functions: schema.functions.filter((f) => isAllowedFunction(f.name)),
        procedures: schema.procedures.filter((p) => isAllowedProcedure(p.name)),
      },
      { maxAge: CONSOLE_SCHEMA_MAX_AGE_SECONDS },
    );
  });
  return router;
}
