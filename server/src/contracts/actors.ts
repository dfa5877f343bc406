import { z } from 'zod';
import { cyNodeDataSchema } from './elements.js';
import { sourceSummarySchema } from './sources.js';
import { relationshipTypeSchema } from './vocabulary.js';

/** Relationships of one type at an actor: outgoing (actor is the subject) and incoming. */
export const degreeByTypeSchema = z.object({
  type: relationshipTypeSchema,
  label: z.string(),
  inverseLabel: z.string(),
  out: z.number().int().nonnegative(),
  in: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type DegreeByType = z.infer<typeof degreeByTypeSchema>;

export const actorDegreeSchema = z.object({
  out: z.number().int().nonnegative(),
  in: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Only the types the actor has, most frequent first. */
  byType: z.array(degreeByTypeSchema),
});
export type ActorDegree = z.infer<typeof actorDegreeSchema>;

/** A source that mentions the actor: cited by claims on the actor's relationships. */
export const actorSourceSchema = sourceSummarySchema.extend({
  /** Claims on this actor's relationships that cite the source (claimCount counts all of them). */
  actorClaimCount: z.number().int().nonnegative(),
  /** This actor's relationships those claims support. */
  relationshipCount: z.number().int().nonnegative(),
});
export type ActorSource = z.infer<typeof actorSourceSchema>;

/** Body `data` of GET /api/actors/:id. */
export const actorDetailSchema = z.object({
  /** Cytoscape node data, ready for cy.add. */
  actor: z.object({ data: cyNodeDataSchema }),
  /** Every stored property of the actor node, as stored. */
  properties: z.record(z.string(), z.unknown()),
  degree: actorDegreeSchema,
  sources: z.array(actorSourceSchema),
  /** Set when the id asked for was merged into this actor (curation): the id asked for. */
  mergedFrom: z.string().optional(),
});
export type ActorDetail = z.infer<typeof actorDetailSchema>;
