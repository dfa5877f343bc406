import { z } from 'zod';
import { cursorParam } from '../../contracts/cursor.js';
import { pageQuerySchema } from '../../contracts/query-params.js';
import { slugSchema } from '../../contracts/vocabulary.js';

/** The sort key of a source in GET /api/sources, carried by its cursor: [title, id]. */
export const sourceCursorKeySchema = z.tuple([z.string(), z.string()]);

/**
 * Query of GET /api/sources: `limit` 1..100 (default 20); then either `cursor` (keyset: the
 * `nextCursor` of the previous page; stable while sources are added or removed) or `offset`
 * 0..100000 (default 0). Both at once is a 400 naming cursor.
 */
export const sourceListQuerySchema = pageQuerySchema
  .extend({ cursor: cursorParam(sourceCursorKeySchema).optional() })
  .refine((q) => q.cursor === undefined || q.offset === 0, { message: 'cannot be combined with offset', path: ['cursor'] });
export type SourceListQuery = z.infer<typeof sourceListQuerySchema>;

/** Path parameters of GET /api/sources/:id. */
export const sourceParamsSchema = z.object({ id: slugSchema });
export type SourceParams = z.infer<typeof sourceParamsSchema>;
