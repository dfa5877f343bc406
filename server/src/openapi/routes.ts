/**
 * Every /api endpoint, for the OpenAPI document (GET /api/openapi.json) and the docs page
 * (GET /api/docs). Query and path schemas are the ones the routes validate with, imported from
 * server/src/routes/<resource>/schema.ts, so the document cannot drift from validation.
 * A new endpoint needs one entry here (tests/api/openapi.test.ts compares the list with the
 * routes mounted in the app).
 */
import { z } from 'zod';
import { actorDetailSchema } from '../contracts/actors.js';
import { graphSchemaSchema } from '../contracts/graph-schema.js';
import { neighborhoodResultSchema, pathsResultSchema, timelineResultSchema } from '../contracts/graph.js';
import { relationshipDetailSchema } from '../contracts/relationships.js';
import { searchResultSchema } from '../contracts/search.js';
import { sourceDetailSchema, sourceListSchema } from '../contracts/sources.js';
import { actorParamsSchema } from '../routes/actors/schema.js';
import { exportQuerySchema } from '../routes/export/schema.js';
import {
  actorIdParamsSchema,
  multiNeighborhoodQuerySchema,
  neighborhoodQuerySchema,
  pathsQuerySchema,
  timelineQuerySchema,
} from '../routes/graph/schema.js';
import { relationshipParamsSchema } from '../routes/relationships/schema.js';
import { searchQuerySchema } from '../routes/search/schema.js';
import { sourceListQuerySchema, sourceParamsSchema } from '../routes/sources/schema.js';
import type { RouteDescriptor } from './types.js';

/** Body of GET /api/health (not wrapped in `data`: load balancers read it). */
const healthResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  neo4j: z.object({ version: z.string(), edition: z.string(), mode: z.enum(['embedded', 'external']) }).nullable(),
  error: z.object({ code: z.literal('NEO4J_UNAVAILABLE'), message: z.string() }).optional(),
});

const ID_DESCRIPTION = 'Stable id (lowercase slug).';

const NEIGHBORHOOD_PARAMS = {
  depth: 'Hops from the centre actors, 1 to 3 (default 1).',
  types: 'Relationship types to follow, comma-separated or repeated (default: every type).',
  direction: 'out: subject to object; in: the reverse; both (default).',
  kinds: 'Actor kinds of the neighbours to include and traverse (the centres always stay).',
  asOf: 'Only relationships that hold on this date (YYYY, YYYY-MM or YYYY-MM-DD).',
  limit: 'Most nodes to return, centres included (default 100, max 1000).',
};

export const API_ROUTES: readonly RouteDescriptor[] = [
  {
    method: 'get',
    path: '/api/health',
    operationId: 'getHealth',
    tag: 'System',
    summary: 'Health of the app and its Neo4j',
    description: '200 with the Neo4j version and edition when Neo4j answers, 503 while it does not. Not cached.',
    response: healthResponseSchema,
    dataEnvelope: false,
    errors: [503],
  },
  {
    method: 'get',
    path: '/api/search',
    operationId: 'search',
    tag: 'Search',
    summary: 'Full-text search of actors and sources',
    query: searchQuerySchema,
    paramDescriptions: {
      q: 'The search text: words, prefixes, typos; any characters.',
      kinds: 'Actor kinds to keep, comma-separated or repeated.',
      limit: 'Most actors (and, separately, most sources) returned: 1 to 50, default 10.',
    },
    response: searchResultSchema,
    errors: [400],
    example: 'q=microsoft',
  },
  {
    method: 'get',
    path: '/api/actors/:id',
    operationId: 'getActor',
    tag: 'Actors',
    summary: 'One actor with its degree and sources',
    params: actorParamsSchema,
    paramDescriptions: { id: ID_DESCRIPTION },
    response: actorDetailSchema,
    errors: [400, 404],
    exampleParams: { id: 'microsoft' },
  },
  {
    method: 'get',
    path: '/api/actors/:id/neighborhood',
    operationId: 'getActorNeighborhood',
    tag: 'Graph',
    summary: 'The neighbourhood of one actor, as Cytoscape elements',
    params: actorIdParamsSchema,
    query: neighborhoodQuerySchema,
    paramDescriptions: { id: ID_DESCRIPTION, ...NEIGHBORHOOD_PARAMS },
    response: neighborhoodResultSchema,
    errors: [400, 404],
    exampleParams: { id: 'microsoft' },
    example: 'depth=1',
  },
  {
    method: 'get',
    path: '/api/neighborhood',
    operationId: 'getNeighborhood',
    tag: 'Graph',
    summary: 'The neighbourhood of several actors, as Cytoscape elements',
    query: multiNeighborhoodQuerySchema,
    paramDescriptions: { ids: 'Centre actors: 1 to 50 ids, comma-separated or repeated.', ...NEIGHBORHOOD_PARAMS },
    response: neighborhoodResultSchema,
    errors: [400, 404],
    example: 'ids=microsoft,unit-8200&depth=1',
  },
  {
    method: 'get',
    path: '/api/paths',
    operationId: 'getPaths',
    tag: 'Graph',
    summary: 'Paths between two actors',
    query: pathsQuerySchema,
    paramDescriptions: {
      from: 'Start actor id.',
      to: 'End actor id (must differ from from).',
      mode: 'shortest (one path, default), allShortest (every shortest path) or k (the k shortest simple paths).',
      k: 'How many paths in mode k (default 3, max 10).',
      maxHops: 'Longest path length in relationships (default 4, max 6).',
      types: 'Relationship types to follow, comma-separated or repeated.',
      direction: 'both (default) ignores direction; out follows subject to object from `from`; in the reverse.',
      asOf: 'Only relationships that hold on this date.',
    },
    response: pathsResultSchema,
    errors: [400, 404],
    example: 'from=microsoft&to=palestinian-civilians',
  },
  {
    method: 'get',
    path: '/api/relationships/:id',
    operationId: 'getRelationship',
    tag: 'Relationships',
    summary: 'One relationship with its evidence (claims and their sources)',
    params: relationshipParamsSchema,
    paramDescriptions: { id: ID_DESCRIPTION },
    response: relationshipDetailSchema,
    errors: [400, 404],
    exampleParams: { id: 'microsoft-provides-services-to-unit-8200' },
  },
  {
    method: 'get',
    path: '/api/sources',
    operationId: 'listSources',
    tag: 'Sources',
    summary: 'Sources, a page at a time',
    query: sourceListQuerySchema,
    paramDescriptions: { limit: 'Page size, 1 to 100 (default 20).', offset: 'Items to skip, 0 to 100000 (default 0).' },
    response: sourceListSchema,
    errors: [400],
    example: 'limit=20&offset=0',
  },
  {
    method: 'get',
    path: '/api/sources/:id',
    operationId: 'getSource',
    tag: 'Sources',
    summary: 'One source with the claims that cite it',
    params: sourceParamsSchema,
    paramDescriptions: { id: ID_DESCRIPTION },
    response: sourceDetailSchema,
    errors: [400, 404],
    exampleParams: { id: 'polygon-microsoft-unit-8200-report' },
  },
  {
    method: 'get',
    path: '/api/timeline',
    operationId: 'getTimeline',
    tag: 'Graph',
    summary: 'Dated relationships and sources in time order',
    query: timelineQuerySchema,
    paramDescriptions: {
      ids: 'Only relationships touching these actors (comma-separated or repeated).',
      from: 'First date to include (YYYY, YYYY-MM or YYYY-MM-DD, inclusive).',
      to: 'Last date to include (inclusive).',
      limit: 'Most events to return (default 1000, max 5000).',
    },
    response: timelineResultSchema,
    errors: [400, 404],
    example: 'ids=microsoft',
  },
  {
    method: 'get',
    path: '/api/schema',
    operationId: 'getSchema',
    tag: 'Schema',
    summary: 'The vocabulary and the graph schema (kinds, types, statuses, stances, counts)',
    response: graphSchemaSchema,
  },
  {
    method: 'get',
    path: '/api/export',
    operationId: 'exportGraph',
    tag: 'Export',
    summary: 'Download a subgraph (or the whole graph) with its evidence',
    description:
      'The actors `ids` and their neighbourhood up to `depth` (the relationships between them, their claims and sources), or without ids the whole graph (413 EXPORT_TOO_LARGE over the export cap, default 50,000 actors, SIGHTLINE_EXPORT_MAX_NODES). Served as an attachment named sightline-<ids or all>-<YYYY-MM-DD>.<ext>. Every format carries evidence counts. Lists (aliases) are JSON array strings in GraphML, GEXF and CSV.',
    query: exportQuerySchema,
    content: {
      'application/json': { description: 'format=cyjs (Cytoscape.js JSON), json (Sightline JSON) or citations (JSON `{ data }`).' },
      'application/graphml+xml': { description: 'format=graphml.', schema: { type: 'string' } },
      'application/gexf+xml': { description: 'format=gexf (GEXF 1.3).', schema: { type: 'string' } },
      'application/zip': { description: 'format=csv: nodes.csv, edges.csv, claims.csv, sources.csv.', schema: { type: 'string', contentMediaType: 'application/zip' } },
      'text/plain': { description: 'format=citations&citationFormat=text: a numbered list.', schema: { type: 'string' } },
    },
    errors: [400, 404, 413],
    example: 'format=graphml&ids=microsoft&depth=1',
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    tag: 'System',
    summary: 'This OpenAPI 3.1 document',
    content: { 'application/json': { description: 'An OpenAPI 3.1 document.', schema: { type: 'object' } } },
  },
  {
    method: 'get',
    path: '/api/docs',
    operationId: 'getDocs',
    tag: 'System',
    summary: 'Human-readable API documentation (HTML, rendered from this document)',
    content: { 'text/html': { description: 'An HTML page.', schema: { type: 'string' } } },
  },
];
