import { z } from 'zod';
import { actorKindSchema, claimStanceSchema, relationshipStatusSchema, relationshipTypeSchema } from './vocabulary.js';

const count = z.number().int().nonnegative();
/** A whole-graph statistic: null while this app instance has not computed it yet (see statsAsOf). */
const statCount = count.nullable().describe('null while the statistics are not known yet (statsAsOf null)');

/** A property key seen on a label or relationship type, with the value types seen. */
export const propertyKeySchema = z.object({
  key: z.string(),
  types: z.array(z.string()),
});
export type PropertyKey = z.infer<typeof propertyKeySchema>;

/**
 * Body `data` of GET /api/schema: the vocabulary with live counts (every entry, 0 where none).
 * Kind and type counts and totals are exact at every request; status and stance counts and the
 * property keys are statistics as of `statsAsOf` (recomputed at most once a minute per instance,
 * at once after its own writes), null until first known.
 */
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
  statuses: z.array(z.object({ status: relationshipStatusSchema, label: z.string(), description: z.string(), count: statCount })),
  stances: z.array(z.object({ stance: claimStanceSchema, label: z.string(), description: z.string(), count: statCount })),
  /** Property keys per node label and per relationship type, from db.schema.*TypeProperties(). */
  properties: z
    .object({
      labels: z.record(z.string(), z.array(propertyKeySchema)),
      relationshipTypes: z.record(z.string(), z.array(propertyKeySchema)),
    })
    .nullable()
    .describe('Property keys per node label and relationship type; null while the statistics are not known yet (statsAsOf null).'),
  totals: z.object({ actors: count, relationships: count, sources: count, claims: count }),
  statsAsOf: z.iso
    .datetime()
    .nullable()
    .describe(
      'When the statistics (status and stance counts, property keys) were computed: they reflect the graph as of then. null: not known yet (the answer is then not cacheable; ask again shortly).',
    ),
}).describe(
  'Kind and type counts and totals are exact at every request. Status and stance counts and property keys are statistics, recomputed in the background at most once per SIGHTLINE_SCHEMA_STATS_TTL_MS (default 60 s) per app instance and at once after its own writes, as of statsAsOf; null while not known yet. Only answers with current statistics carry Cache-Control max-age; others no-cache.',
);
export type GraphSchema = z.infer<typeof graphSchemaSchema>;
