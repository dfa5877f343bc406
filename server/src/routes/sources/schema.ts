import { z } from 'zod';
import { pageQuerySchema } from '../../contracts/query-params.js';
import { slugSchema } from '../../contracts/vocabulary.js';

/** Query of GET /api/sources: `limit` 1..100 (default 20), `offset` 0..100000 (default 0). */
export const sourceListQuerySchema = pageQuerySchema;
export type SourceListQuery = z.infer<typeof sourceListQuerySchema>;

/** Path parameters of GET /api/sources/:id. */
export const sourceParamsSchema = z.object({ id: slugSchema });
export type SourceParams = z.infer<typeof sourceParamsSchema>;
