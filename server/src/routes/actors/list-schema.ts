import { z } from 'zod';
import { integerQueryParam } from '../../contracts/query-params.js';

/** Most actors one GET /api/actors returns. */
export const ACTOR_LIST_DEFAULTS = { limit: 10, maxLimit: 100 } as const;

/** GET /api/actors query: the ranking (only `degree` so far) and how many. */
export const actorListQuerySchema = z.object({
  sort: z
    .enum(['degree'], { error: 'must be degree' })
    .optional()
    .transform((v) => v ?? 'degree')
    .describe('Ranking: degree (most relationships with other actors first). Default degree.'),
  limit: integerQueryParam({ min: 1, max: ACTOR_LIST_DEFAULTS.maxLimit, default: ACTOR_LIST_DEFAULTS.limit }).describe(
    `Most actors returned: 1 to ${ACTOR_LIST_DEFAULTS.maxLimit}, default ${ACTOR_LIST_DEFAULTS.limit}.`,
  ),
});
export type ActorListQuery = z.infer<typeof actorListQuerySchema>;
