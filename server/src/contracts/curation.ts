import { z } from 'zod';
import { actorDetailSchema } from './actors.js';
import { relationshipDetailSchema } from './relationships.js';

/** One entry of the audit trail. `before` / `after`: snapshots of the record (null: did not exist yet). */
export const changeSchema = z.object({
  id: z.string(),
  /** ISO date-time. */
  at: z.string(),
  /** Who: the API token's name or the username. */
  by: z.string(),
  action: z.enum(['create', 'update', 'add-evidence', 'end', 'delete', 'merge', 'merged-into', 'merge-move']),
  targetKind: z.enum(['actor', 'relationship']),
  targetId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type Change = z.infer<typeof changeSchema>;

/** Body `data` of GET /api/actors/:id/history and /api/relationships/:id/history (newest first). */
export const historySchema = z.object({ targetKind: z.enum(['actor', 'relationship']), targetId: z.string(), changes: z.array(changeSchema) });

/** Body `data` of POST /api/mentions. Offsets are UTF-16 code units, `end` exclusive (String.prototype.slice). */
export const mentionsResultSchema = z.object({
  mentions: z.array(
    z.object({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      text: z.string(),
      actor: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
      matched: z.enum(['name', 'alias']),
      term: z.string(),
    }),
  ),
  actors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), count: z.number().int().positive() })),
});

/** Body `data` of POST /api/actors/merge. */
export const mergeResultSchema = z.object({
  survivor: actorDetailSchema,
  mergedId: z.string(),
  moved: z.array(z.object({ from: z.string(), to: z.string() })),
  combined: z.array(z.object({ from: z.string(), into: z.string() })),
  dropped: z.array(z.string()),
  claimsMoved: z.number().int().nonnegative(),
});

export const actorDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true), relationshipsDeleted: z.array(z.string()) });
export const relationshipDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });
export const evidenceAddedSchema = relationshipDetailSchema.extend({ addedClaimIds: z.array(z.string()) });
