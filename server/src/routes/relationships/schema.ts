import { z } from 'zod';
import { slugSchema } from '../../contracts/vocabulary.js';

/** Path parameters of GET /api/relationships/:id. */
export const relationshipParamsSchema = z.object({ id: slugSchema });
export type RelationshipParams = z.infer<typeof relationshipParamsSchema>;
