/**
 * What a saved view is made of, as POST /api/views receives it and :View nodes store it. Every
 * field is bounded (counts, lengths, numeric ranges) and every vocabulary value is checked against
 * the vocabulary, so a view stores nothing a reader could not be shown safely.
 */
import { z } from 'zod';
import {
  ACTOR_KIND_NAMES,
  RELATIONSHIP_STATUS_NAMES,
  RELATIONSHIP_TYPE_NAMES,
  partialDateSchema,
  slugSchema,
} from '../contracts/vocabulary.js';
import { SAVED_QUERY_ID } from '../queries/header.js';
import { VIEW_ID_PATTERN } from './view-id.js';

/** Bounds of a view; one comment per bound. */
export const VIEW_LIMITS = {
  /** Longest title (characters). */
  titleMax: 200,
  /** Longest caption (characters). */
  captionMax: 1000,
  /** Most actors a view may name. */
  actorsMax: 200,
  /** Deepest neighbourhood around the named actors (0 = just them and the edges between them). */
  depthMax: 2,
  /** Most node positions stored (one per actor shown at most; more are refused). */
  positionsMax: 500,
  /** Largest absolute coordinate of a stored position (model units, as Cytoscape reports them). */
  coordinateMax: 1_000_000,
  /** Most nodes a view shows (live or pinned): the neighbourhood is cut to the best-connected ones. */
  nodesMax: 300,
  /** Most edges a view shows; beyond it the view says it is truncated. */
  edgesMax: 1500,
  /** Longest saved-query id (characters; ids are cypher/queries file names). */
  queryIdMax: 100,
  /** Most parameters a query view stores (saved queries declare a handful). */
  queryParamsMax: 20,
  /** Longest string parameter value, and longest string in a list parameter (characters). */
  queryParamChars: 1000,
  /** Most items in a list parameter. */
  queryParamItems: 200,
  /** Largest parameters object, as JSON (bytes). */
  queryParamsBytes: 16 * 1024,
} as const;

/** Layouts a view may ask for; every one is computed on the server (the embed only draws). */
export const VIEW_LAYOUTS = ['fcose', 'preset', 'circle', 'concentric', 'grid', 'breadthfirst'] as const;
export type ViewLayoutName = (typeof VIEW_LAYOUTS)[number];

export const VIEW_THEMES = ['light', 'dark'] as const;
export const VIEW_MODES = ['live', 'pinned'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

const vocabularyList = <T extends string>(names: readonly [T, ...T[]], what: string) =>
  z
    .array(z.enum(names, { error: `must be ${what} of the vocabulary (${names.join(', ')})` }))
    .max(names.length)
    .transform((values) => [...new Set(values)]);

export const viewFiltersSchema = z.strictObject({
  /** Relationship types to follow and show (empty or absent: all). */
  types: vocabularyList(RELATIONSHIP_TYPE_NAMES, 'relationship types').optional(),
  /** Kinds of the neighbours to include (the named actors always stay). */
  kinds: vocabularyList(ACTOR_KIND_NAMES, 'actor kinds').optional(),
  /** Relationship statuses to show (empty or absent: all). */
  statuses: vocabularyList(RELATIONSHIP_STATUS_NAMES, 'relationship statuses').optional(),
});
export type ViewFilters = z.infer<typeof viewFiltersSchema>;

export const actorsDefinitionSchema = z.strictObject({
  kind: z.literal('actors'),
  /** Stable actor ids (never Neo4j internal ids). */
  actorIds: z
    .array(slugSchema)
    .min(1, 'must name at least one actor')
    .max(VIEW_LIMITS.actorsMax, `must name at most ${VIEW_LIMITS.actorsMax} actors`)
    .transform((ids) => [...new Set(ids)]),
  depth: z.number().int().min(0).max(VIEW_LIMITS.depthMax).default(0),
  filters: viewFiltersSchema.default({}),
  /** Only relationships that hold on this date. */
  asOf: partialDateSchema.optional(),
});

/** One parameter value as a client sends it (checked against the query's declared type when saved). */
const queryParamValueSchema = z.union([
  z.string().max(VIEW_LIMITS.queryParamChars),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(VIEW_LIMITS.queryParamChars)).max(VIEW_LIMITS.queryParamItems),
]);

export const queryDefinitionSchema = z.strictObject({
  kind: z.literal('query'),
  /** A saved query's id: the name of a cypher/queries/<id>.cypher file (nothing else runs). */
  queryId: z.string().max(VIEW_LIMITS.queryIdMax).regex(SAVED_QUERY_ID, 'must be a saved query id (kebab-case)'),
  /**
   * Values of the query's declared parameters. On save they are checked and converted against the
   * declared types (server/src/queries/coerce.ts); the view stores every declared parameter, the
   * defaults filled in, so it keeps meaning the same thing.
   */
  params: z
    .record(z.string().max(64), queryParamValueSchema)
    .refine((p) => Object.keys(p).length <= VIEW_LIMITS.queryParamsMax, `must hold at most ${VIEW_LIMITS.queryParamsMax} parameters`)
    .refine((p) => Buffer.byteLength(JSON.stringify(p)) <= VIEW_LIMITS.queryParamsBytes, `must be at most ${VIEW_LIMITS.queryParamsBytes} bytes as JSON`)
    .default({}),
});
export type QueryViewDefinition = z.infer<typeof queryDefinitionSchema>;
export type ActorsViewDefinition = z.infer<typeof actorsDefinitionSchema>;

/** A view shows named actors (and their neighbourhood) or the graph result of a saved query. */
export const viewDefinitionSchema = z.discriminatedUnion('kind', [actorsDefinitionSchema, queryDefinitionSchema], {
  error: 'kind must be "actors" or "query"',
});
export type ViewDefinition = z.infer<typeof viewDefinitionSchema>;

const coordinate = z.number().finite().min(-VIEW_LIMITS.coordinateMax).max(VIEW_LIMITS.coordinateMax);
export const positionSchema = z.strictObject({ x: coordinate, y: coordinate });
export type Position = z.infer<typeof positionSchema>;

export const viewLayoutSchema = z.strictObject({
  name: z.enum(VIEW_LAYOUTS, { error: `must be one of ${VIEW_LAYOUTS.join(', ')}` }),
  /** Node positions by actor id (preset layouts; other layouts keep these nodes where they are). */
  positions: z
    .record(slugSchema, positionSchema)
    .refine((p) => Object.keys(p).length <= VIEW_LIMITS.positionsMax, `must hold at most ${VIEW_LIMITS.positionsMax} positions`)
    .optional(),
});
export type ViewLayout = z.infer<typeof viewLayoutSchema>;

export const viewStyleSchema = z.strictObject({
  /** The embed's default theme (the reader's ?theme= overrides it). */
  theme: z.enum(VIEW_THEMES).optional(),
});
export type ViewStyle = z.infer<typeof viewStyleSchema>;

/** A view id as it appears in URLs and in previousVersionOf. */
export const viewIdSchema = z.string().regex(VIEW_ID_PATTERN, 'must be a view id');

/** Body of POST /api/views. */
export const createViewSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(VIEW_LIMITS.titleMax, `must be at most ${VIEW_LIMITS.titleMax} characters`),
  caption: z.string().trim().max(VIEW_LIMITS.captionMax, `must be at most ${VIEW_LIMITS.captionMax} characters`).optional(),
  mode: z.enum(VIEW_MODES, { error: 'must be "live" or "pinned"' }),
  definition: viewDefinitionSchema,
  layout: viewLayoutSchema.default({ name: 'fcose' }),
  style: viewStyleSchema.default({}),
  /** The view this one is a new version of (the old one keeps working). */
  previousVersionOf: viewIdSchema.optional(),
});
export type CreateViewInput = z.infer<typeof createViewSchema>;
