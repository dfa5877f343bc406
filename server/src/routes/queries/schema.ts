import { z } from 'zod';
import { SAVED_QUERY_ID } from '../../queries/header.js';

/** Path of /api/queries/:id and /api/queries/:id/run. */
export const savedQueryParamsSchema = z.object({
  id: z.string().max(100).regex(SAVED_QUERY_ID, 'must be a saved query id (kebab-case)'),
});

/** Body of POST /api/queries/:id/run (the body may be omitted). */
export const savedQueryRunBodySchema = z.object({
  /** Values of the query's declared parameters; missing ones take their defaults. */
  params: z.record(z.string(), z.unknown()).default({}),
});
