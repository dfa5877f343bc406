/**
 * Zod schemas of the graph-exploration endpoints' query strings and path parameters
 * (neighbourhood, paths, timeline). Exported under stable names: the OpenAPI document is
 * generated from them.
 *
 * Query values arrive from Express 5's simple parser as a string, or an array of strings when a
 * key repeats (`?ids=a&ids=b`). List parameters accept both forms and comma-separated values
 * (`?ids=a,b`); scalar parameters accept exactly one value (a repeated scalar is a 400).
 * Unknown query parameters are ignored.
 */
import { z } from 'zod';
import { cursorParam } from '../../contracts/cursor.js';
import {
  ACTOR_KIND_NAMES,
  RELATIONSHIP_TYPE_NAMES,
  comparePartialDates,
  partialDateSchema,
  slugSchema,
  type ActorKind,
  type RelationshipType,
} from '../../contracts/vocabulary.js';

/** Longest list of actor ids one request may name (centres of a neighbourhood, timeline filter). */
export const MAX_IDS = 50;
export const NEIGHBORHOOD_DEFAULTS = { depth: 1, maxDepth: 3, limit: 100, maxLimit: 1000 } as const;
export const PATHS_DEFAULTS = { maxHops: 4, maxMaxHops: 6, k: 3, maxK: 10 } as const;
export const TIMELINE_DEFAULTS = { limit: 1000, maxLimit: 5000 } as const;

/** A single query value: a string (a repeated key, i.e. an array, is rejected). */
const single = z.string({ error: 'must be given once, as a single value' });

/** A bounded integer written in decimal digits: `?depth=2`. */
function intParam(min: number, max: number) {
  return single
    .regex(/^\d{1,9}$/, `must be an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be an integer from ${min} to ${max}`).max(max, `must be an integer from ${min} to ${max}`));
}

/** A list parameter: `a,b`, `a&a=b` or both; trimmed, empties dropped, duplicates removed. */
function listParam<T extends z.ZodType<string, string>>(item: T, max: number) {
  return z
    .union([z.string(), z.array(z.string())], { error: 'must be a comma-separated list' })
    .transform((v) => {
      const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(','));
      return [...new Set(parts.map((s) => s.trim()).filter((s) => s.length > 0))];
    })
    .pipe(z.array(item).max(max, `must list at most ${max} values`));
}

const typesParam = listParam(
  z.enum(RELATIONSHIP_TYPE_NAMES, { error: `must be relationship types of the vocabulary (${RELATIONSHIP_TYPE_NAMES.join(', ')})` }),
  RELATIONSHIP_TYPE_NAMES.length,
);
const kindsParam = listParam(
  z.enum(ACTOR_KIND_NAMES, { error: `must be actor kinds of the vocabulary (${ACTOR_KIND_NAMES.join(', ')})` }),
  ACTOR_KIND_NAMES.length,
);
const idsParam = listParam(slugSchema, MAX_IDS);
const dateParam = single.pipe(partialDateSchema);
const directionParam = single.pipe(z.enum(['out', 'in', 'both'], { error: 'must be one of out, in, both' }));
/** A boolean written `true` or `false`. */
const booleanParam = single.pipe(z.enum(['true', 'false'], { error: 'must be true or false' })).transform((v) => v === 'true');

/** `/actors/:id/neighborhood` path parameters. */
export const actorIdParamsSchema = z.object({ id: slugSchema });

const neighborhoodOptions = {
  /** Hops from the centre actors, 1 to 3 (default 1). */
  depth: intParam(1, NEIGHBORHOOD_DEFAULTS.maxDepth).default(NEIGHBORHOOD_DEFAULTS.depth),
  /** Relationship types to follow (default: every type of the vocabulary). */
  types: typesParam.optional(),
  /** out: follow relationships from subject to object; in: the reverse; both (default). */
  direction: directionParam.default('both'),
  /** Kinds of the neighbours to include and traverse (the centres always stay). */
  kinds: kindsParam.optional(),
  /** Only relationships that hold on this date (partial dates count from their first day). */
  asOf: dateParam.optional(),
  /** Most nodes to return, centres included (default 100, max 1000). */
  limit: intParam(1, NEIGHBORHOOD_DEFAULTS.maxLimit).default(NEIGHBORHOOD_DEFAULTS.limit),
  /**
   * true (default): every filtered relationship among the returned actors (the subgraph they
   * induce); false: only the relationships the traversal follows (at depth 1, those touching a centre).
   */
  includeInterEdges: booleanParam.default(true),
};

/** GET /api/actors/:id/neighborhood query. */
export const neighborhoodQuerySchema = z.object(neighborhoodOptions);

/** GET /api/neighborhood query: the same options around several centre actors. */
export const multiNeighborhoodQuerySchema = z.object({
  /** Centre actors (1 to 50 ids). */
  ids: idsParam.refine((ids) => ids.length > 0, 'must name at least one actor id'),
  ...neighborhoodOptions,
});

export type NeighborhoodQuery = z.infer<typeof neighborhoodQuerySchema>;

/** GET /api/paths query. */
export const pathsQuerySchema = z
  .object({
    from: single.pipe(slugSchema),
    to: single.pipe(slugSchema),
    /** shortest (one path), allShortest (every path of the shortest length), k (the k shortest simple paths). */
    mode: single.pipe(z.enum(['shortest', 'allShortest', 'k'], { error: 'must be one of shortest, allShortest, k' })).default('shortest'),
    /** How many paths in mode k (default 3, max 10). */
    k: intParam(1, PATHS_DEFAULTS.maxK).default(PATHS_DEFAULTS.k),
    /** Longest path length in relationships (default 4, max 6). */
    maxHops: intParam(1, PATHS_DEFAULTS.maxMaxHops).default(PATHS_DEFAULTS.maxHops),
    types: typesParam.optional(),
    /** both (default) ignores relationship direction; out follows subject to object from `from`; in the reverse. */
    direction: directionParam.default('both'),
    asOf: dateParam.optional(),
  })
  .refine((q) => q.from !== q.to, { message: 'must differ from from', path: ['to'] });

export type PathsQuery = z.infer<typeof pathsQuerySchema>;

/** The sort key of a timeline event, carried by its cursor: [date, rank (0 since, 1 until, 2 published), id]. */
export const timelineCursorKeySchema = z.tuple([partialDateSchema, z.number().int().min(0).max(2), slugSchema]);

/** GET /api/timeline query. */
export const timelineQuerySchema = z
  .object({
    /** Only relationships touching these actors (and the sources of their claims). */
    ids: idsParam.optional(),
    /** First date to include (partial dates compare at their shared precision, inclusive). */
    from: dateParam.optional(),
    /** Last date to include (inclusive: `to=2025` includes 2025-12-31). */
    to: dateParam.optional(),
    /** Most events to return (default 1000, max 5000). */
    limit: intParam(1, TIMELINE_DEFAULTS.maxLimit).default(TIMELINE_DEFAULTS.limit),
    /** The previous page's `nextCursor`: events strictly after its last one (same ids/from/to). */
    cursor: cursorParam(timelineCursorKeySchema).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || comparePartialDates(q.from, q.to) <= 0, {
    message: 'must not be before from',
    path: ['to'],
  });

export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export type { ActorKind, RelationshipType };
