import { z } from 'zod';
import {
  actorKindSchema,
  claimStanceSchema,
  relationshipStatusSchema,
  relationshipTypeSchema,
} from './vocabulary.js';

/**
 * Graph results travel as Cytoscape.js element JSON, so the web side adds them with no reshaping:
 * `{ nodes: [{ data: CyNodeData }], edges: [{ data: CyEdgeData }] }`.
 */
export const cyNodeDataSchema = z.object({
  /** The actor's stable id (never a Neo4j internal id). */
  id: z.string(),
  /** Display label: the actor's name. */
  label: z.string(),
  kind: actorKindSchema,
  name: z.string(),
  aliases: z.array(z.string()),
  description: z.string().nullable(),
  country: z.string().nullable(),
  url: z.string().nullable(),
  wikidata: z.string().nullable(),
});
export type CyNodeData = z.infer<typeof cyNodeDataSchema>;

export const cyEdgeDataSchema = z.object({
  /** The relationship's stable id. */
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: relationshipTypeSchema,
  /** The vocabulary's reading of the type, e.g. "provides services to". */
  label: z.string(),
  status: relationshipStatusSchema,
  since: z.string().nullable(),
  until: z.string().nullable(),
  summary: z.string().nullable(),
  /** How many claims support it. */
  evidenceCount: z.number().int().nonnegative(),
});
export type CyEdgeData = z.infer<typeof cyEdgeDataSchema>;

export const cyElementsSchema = z.object({
  nodes: z.array(z.object({ data: cyNodeDataSchema })),
  edges: z.array(z.object({ data: cyEdgeDataSchema })),
});
export type CyElements = z.infer<typeof cyElementsSchema>;

export const evidenceSchema = z.object({
  id: z.string(),
  quote: z.string(),
  attributedTo: z.string(),
  stance: claimStanceSchema,
  note: z.string().nullable(),
  source: z
    .object({
      id: z.string(),
      title: z.string(),
      publisher: z.string().nullable(),
      url: z.string().nullable(),
      publishedAt: z.string().nullable(),
      author: z.string().nullable(),
    })
    .nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;
