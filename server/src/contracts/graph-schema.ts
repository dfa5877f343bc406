import { z } from 'zod';
import { actorKindSchema, claimStanceSchema, relationshipStatusSchema, relationshipTypeSchema } from './vocabulary.js';

const count = z.number().int().nonnegative();

/** A property key seen on a label or relationship type, with the value types seen. */
export const propertyKeySchema = z.object({
  key: z.string(),
  types: z.array(z.string()),
});
export type PropertyKey = z.infer<typeof propertyKeySchema>;

/** Body `data` of GET /api/schema: the vocabulary with live counts (every entry, 0 where none). */
export const graphSchemaSchema = z.object({
  actorKinds: z.array(
    z.object({ kind: actorKindSchema, label: z.string(), plural: z.string(), description: z.string(), count }),
  ),
  relationshipTypes: z.array(
    z.object({
      type: relationshipTypeSchema,
      label: z.string(),
      inverseLabel: z.string(),
      description: z.string(),
      count,
    }),
  ),
  statuses: z.array(z.object({ status: relationshipStatusSchema, label: z.string(), description: z.string(), count })),
  stances: z.array(z.object({ stance: claimStanceSchema, label: z.string(), description: z.string(), count })),
  /** Property keys per node label and per relationship type, from db.schema.*TypeProperties(). */
  properties: z.object({
    labels: z.record(z.string(), z.array(propertyKeySchema)),
    relationshipTypes: z.record(z.string(), z.array(propertyKeySchema)),
  }),
  totals: z.object({ actors: count, relationships: count, sources: count, claims: count }),
});
export type GraphSchema = z.infer<typeof graphSchemaSchema>;
