import { z } from 'zod';
import { cyNodeDataSchema } from './elements.js';

/** GET /api/actors: actors ranked by how many relationships (with other actors) they have. */
export const rankedActorsSchema = z.object({
  actors: z.array(
    z.object({
      data: cyNodeDataSchema,
      /** Relationships of a vocabulary type to or from other actors (both directions, retracted ones excluded). */
      degree: z.number().int().nonnegative(),
    }),
  ),
});
export type RankedActors = z.infer<typeof rankedActorsSchema>;
