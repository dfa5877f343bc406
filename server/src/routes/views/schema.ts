/**
 * Zod schemas of /api/views: the creation body (server/src/views/definition.ts, where every bound
 * lives) and the path parameter.
 */
import { z } from 'zod';
import { createViewSchema, viewIdSchema } from '../../views/definition.js';

/** POST /api/views body. */
export const createViewBodySchema = createViewSchema;

/** GET /api/views/:id path parameters. */
export const viewParamsSchema = z.object({ id: viewIdSchema });
