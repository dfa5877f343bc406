import { z } from 'zod';
import { slugSchema } from '../../contracts/vocabulary.js';

/** Path parameters of GET /api/actors/:id. */
export const actorParamsSchema = z.object({ id: slugSchema });
export type ActorParams = z.infer<typeof actorParamsSchema>;
