/**
 * Response contracts of the graph-exploration endpoints: neighbourhood, paths, timeline.
 * Graph elements travel as Cytoscape element JSON (contracts/elements.ts).
 */
import { z } from 'zod';
import { cyEdgeDataSchema, cyElementsSchema } from './elements.js';
import { relationshipTypeSchema } from './vocabulary.js';

/** GET /api/actors/:id/neighborhood and GET /api/neighborhood. */
export const neighborhoodResultSchema = z.object({
  elements: cyElementsSchema,
  /** The centre actors' ids, in the order requested. */
  centre: z.array(z.string()),
  /** True when `limit` left reachable nodes out. */
  truncated: z.boolean(),
  /** Reachable nodes (centres included) under the filters; a lower bound when `totalExact` is false. */
  total: z.number().int().nonnegative(),
  /** total - returned nodes. */
  omitted: z.number().int().nonnegative(),
  /**
   * False when a hop was too wide to count in full (more than the traversal budget of
   * relationships): `total` and `omitted` are then lower bounds.
   */
  totalExact: z.boolean(),
  /**
   * False when the relationships among the neighbours (not touching a centre) were too many to
   * read within the depth-1 budget: some of those may be missing. Edges touching a centre are
   * always complete.
   */
  edgesExact: z.boolean(),
});
export type NeighborhoodResult = z.infer<typeof neighborhoodResultSchema>;

export const pathStepSchema = z.object({
  from: z.string(),
  to: z.string(),
  edgeId: z.string(),
  type: relationshipTypeSchema,
  label: z.string(),
  /** forward: the step follows the relationship from subject to object; backward: against it. */
  direction: z.enum(['forward', 'backward']),
});
export type PathStep = z.infer<typeof pathStepSchema>;

export const pathSchema = z.object({
  /** Number of relationships. */
  length: z.number().int().positive(),
  /** Actor ids in walking order, from `from` to `to`. */
  nodes: z.array(z.string()),
  /** Relationship ids in walking order. */
  edges: z.array(z.string()),
  steps: z.array(pathStepSchema),
});
export type PathResult = z.infer<typeof pathSchema>;

/** GET /api/paths. */
export const pathsResultSchema = z.object({
  /** Union of the nodes and edges of every path. */
  elements: cyElementsSchema,
  paths: z.array(pathSchema),
  mode: z.enum(['shortest', 'allShortest', 'k']),
  /** True when allShortest found more paths than it returns (see MAX_ALL_SHORTEST_PATHS). */
  truncated: z.boolean(),
});
export type PathsResult = z.infer<typeof pathsResultSchema>;

export const timelineSourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string(),
  author: z.string().nullable(),
  /** Relationships (in the timeline's scope) that claims citing this source support: the first 100 by id. */
  relationshipIds: z.array(z.string()),
  /** How many relationships (in scope) claims citing this source support (relationshipIds may list fewer). */
  relationshipCount: z.number().int().nonnegative(),
});

export const timelineEventSchema = z.discriminatedUnion('kind', [
  z.object({ date: z.string(), kind: z.literal('since'), edge: z.object({ data: cyEdgeDataSchema }) }),
  z.object({ date: z.string(), kind: z.literal('until'), edge: z.object({ data: cyEdgeDataSchema }) }),
  z.object({ date: z.string(), kind: z.literal('published'), source: timelineSourceSchema }),
]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** GET /api/timeline. */
export const timelineResultSchema = z.object({
  /** In date order (partial dates first-day: `2025` before `2025-01-01`), then since, until, published, then id. */
  events: z.array(timelineEventSchema),
  /** Relationships in scope with neither since nor until. */
  undated: z.number().int().nonnegative(),
  /** Events matching the query (ids, from, to), whatever the page. */
  total: z.number().int().nonnegative(),
  /** True when more events follow this page: ask again with `cursor` = nextCursor. */
  truncated: z.boolean(),
  /** Opaque cursor of the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TimelineResult = z.infer<typeof timelineResultSchema>;
