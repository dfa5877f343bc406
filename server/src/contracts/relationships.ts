import { z } from 'zod';
import { cyEdgeDataSchema, cyNodeDataSchema, evidenceSchema } from './elements.js';

/** Body `data` of GET /api/relationships/:id: subject -[relationship]-> object, with every claim. */
export const relationshipDetailSchema = z.object({
  relationship: z.object({ data: cyEdgeDataSchema }),
  subject: z.object({ data: cyNodeDataSchema }),
  object: z.object({ data: cyNodeDataSchema }),
  evidence: z.array(evidenceSchema),
});
export type RelationshipDetail = z.infer<typeof relationshipDetailSchema>;
