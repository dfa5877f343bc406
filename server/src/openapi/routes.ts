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
import { rankedActorsSchema } from '../contracts/actor-ranking.js';
import { actorListQuerySchema } from '../routes/actors/list-schema.js';
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
import { CURATION_API_ROUTES } from '../routes/curation/openapi.js';
import { createdViewSchema, viewResourceSchema } from '../views/contract.js';
import { createViewBodySchema, viewParamsSchema } from '../routes/views/schema.js';
import { consoleResultSchema, consoleSchemaSchema, savedQuerySchema, savedQuerySummarySchema } from '../contracts/console.js';
import { consoleRunBodySchema } from '../routes/console/schema.js';
import { savedQueryParamsSchema, savedQueryRunBodySchema } from '../routes/queries/schema.js';
import { importAcceptedSchema, importFieldsSchema, importJobActorsQuerySchema, importJobActorsSchema, importJobParamsSchema, importJobViewSchema } from '../routes/import/schema.js';
import { csrfResponseSchema, loginBodySchema, logoutResponseSchema, whoAmISchema } from '../routes/auth/schema.js';

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
  includeInterEdges:
    'true (default): every relationship (under the filters) among the returned actors, the subgraph they induce; false: only the relationships the traversal follows (at depth 1, those touching a centre).',
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
    path: '/api/actors',
    operationId: 'listActors',
    tag: 'Actors',
    summary: 'The most connected actors (starting points)',
    query: actorListQuerySchema,
    paramDescriptions: {
      sort: 'Ranking: degree (most relationships with other actors first). Default degree.',
      limit: 'Most actors returned: 1 to 100, default 10.',
    },
    response: rankedActorsSchema,
    errors: [400],
    example: 'sort=degree&limit=5',
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
    paramDescriptions: {
      limit: 'Page size, 1 to 100 (default 20).',
      offset: 'Items to skip, 0 to 100000 (default 0). Not with cursor.',
      cursor: 'Keyset paging: the previous page\'s page.nextCursor, passed back unchanged (stable order by title, then id).',
    },
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
      cursor: 'The previous page\'s nextCursor, passed back unchanged with the same ids, from and to: the events after that page.',
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
    method: 'post',
    path: '/api/auth/login',
    operationId: 'login',
    tag: 'Access',
    summary: 'Log in (web UI): starts a 12 h session cookie',
    description:
      'Sets the `sightline_session` cookie (HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS) and answers who is logged in with the session\'s `csrfToken`. Unknown user and wrong password both get 401 INVALID_CREDENTIALS; failed logins are rate limited per address (429 RATE_LIMITED).',
    body: loginBodySchema,
    response: whoAmISchema,
    errors: [400, 401, 429],
    exampleBody: '{"username":"alice","password":"…"}',
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    operationId: 'logout',
    tag: 'Access',
    summary: 'Log out: ends the session and clears its cookie',
    description: 'With a session cookie the X-CSRF-Token header is required (403 CSRF_FAILED otherwise).',
    response: logoutResponseSchema,
    errors: [403],
  },
  {
    method: 'get',
    path: '/api/auth/me',
    operationId: 'getMe',
    tag: 'Access',
    summary: 'Who is making this request',
    description: 'The logged-in user or the Bearer API token (name, role), or `data: null` for anonymous requests. Not cached.',
    response: whoAmISchema,
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/auth/csrf',
    operationId: 'getCsrfToken',
    tag: 'Access',
    summary: 'The CSRF token of the current login session',
    description: 'Send it as `X-CSRF-Token` with every write made with the session cookie. 401 UNAUTHENTICATED without a session (Bearer requests need no CSRF token).',
    response: csrfResponseSchema,
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/import',
    operationId: 'postImport',
    tag: 'Import',
    summary: 'Import a file (editor): FtM JSON lines, CSV, the boycott list, Cytoscape JSON',
    description:
      'multipart/form-data: `file` (and for CSV an optional `relationships` file), `format` (ftm, csv, boycott-csv, cyjs; guessed when omitted), `dryRun` (true: validate only, 200 with the report), `batchSize`, `namespace`, and for CSV in another column layout `map` (the column map as JSON, as the CLI’s --map). Otherwise 202 with the job id while the import runs; follow it with GET /api/import/{jobId} or its /events stream. 401/403 without an editor, 400 VALIDATION_FAILED for an unknown format, a missing file or a bad map (`field`: the part or field), 413 PAYLOAD_TOO_LARGE over the size limit.',
    multipart: {
      fields: importFieldsSchema,
      files: {
        file: { description: 'The file to import (for CSV: the actors file, or a relationships file alone).', required: true },
        relationships: { description: 'CSV only: the relationships file, besides the actors file.' },
      },
    },
    response: importAcceptedSchema,
    errors: [400, 401, 403, 413],
  },
  {
    method: 'get',
    path: '/api/import/:jobId',
    operationId: 'getImportJob',
    tag: 'Import',
    summary: 'Progress and report of an import job',
    description: 'Read from the (:ImportJob) node in Neo4j, so any app instance answers. `report` is set once the job is done (failed rows capped at 100).',
    params: importJobParamsSchema,
    response: importJobViewSchema,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/import/:jobId/actors',
    operationId: 'getImportJobActors',
    tag: 'Import',
    summary: 'Actors an import job created',
    description: 'The actors the job created that still exist, most connected first (Cytoscape node data with the degree), and how many there are.',
    params: importJobParamsSchema,
    query: importJobActorsQuerySchema,
    response: importJobActorsSchema,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/import/:jobId/events',
    operationId: 'getImportJobEvents',
    tag: 'Import',
    summary: 'Progress of an import job as Server-Sent Events',
    description: '`event: progress` with the job (same shape as GET /api/import/{jobId}) whenever it changes, then `event: end` once it is done, failed or cancelled.',
    params: importJobParamsSchema,
    content: { 'text/event-stream': { description: 'Server-Sent Events.', schema: { type: 'string' } } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/import/:jobId/cancel',
    operationId: 'cancelImportJob',
    tag: 'Import',
    summary: 'Cancel a running import (editor)',
    description:
      'Records the request on the job (any app instance may answer); the import stops at its next batch, rolling that batch back, and ends with status `cancelled`: whole batches only are written, and the same file resumes it (`npm run import -- <file> --resume`). 202 with the job as it is now (`cancelRequested` set; follow it with GET /api/import/{jobId} or /events). 401/403 without an editor, 404 NOT_FOUND for an unknown job, 409 IMPORT_JOB_FINISHED once it is done, failed or cancelled.',
    params: importJobParamsSchema,
    response: importJobViewSchema,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/api/console/run',
    operationId: 'runConsoleQuery',
    tag: 'Console',
    summary: 'Run one read-only Cypher statement (the Cypher console)',
    description:
      'The statement passes a safety gate first: a lexical check (no USE, LOAD CSV, SHOW USERS/ROLES/SETTINGS/DATABASES/TRANSACTIONS, administration commands, client commands, several statements, writes, or procedures and functions outside the allow-list), then EXPLAIN in a READ transaction (query type must be read-only; no LoadCSV, CALL {…} IN TRANSACTIONS or non-allowed procedure in the plan). It then runs in a READ transaction that is always rolled back, stopped after SIGHTLINE_CONSOLE_TIMEOUT_MS (408 QUERY_TIMEOUT), with at most SIGHTLINE_CONSOLE_MAX_ROWS rows and about SIGHTLINE_CONSOLE_MAX_BYTES bytes (`truncated: true`). Rate limited per client (429 RATE_LIMITED) and capped in concurrency (429 CONSOLE_BUSY). Closing the request stops the query. Errors carry `position` { line, column, offset } when Neo4j or the check located the problem.',
    body: consoleRunBodySchema,
    response: consoleResultSchema,
    errors: [400, 403, 408, 429],
    exampleBody: '{"query":"MATCH (a:Actor {id: $id})-[r]-(b) RETURN a, r, b","params":{"id":"microsoft"}}',
  },
  {
    method: 'get',
    path: '/api/console/schema',
    operationId: 'getConsoleSchema',
    tag: 'Console',
    summary: 'Labels, relationship types, property keys and the allowed functions and procedures (for autocompletion)',
    response: consoleSchemaSchema,
  },
  {
    method: 'get',
    path: '/api/queries',
    operationId: 'listSavedQueries',
    tag: 'Console',
    summary: 'The saved queries of cypher/queries/, with their parameters',
    response: z.array(savedQuerySummarySchema),
  },
  {
    method: 'get',
    path: '/api/queries/:id',
    operationId: 'getSavedQuery',
    tag: 'Console',
    summary: 'One saved query with its Cypher',
    params: savedQueryParamsSchema,
    paramDescriptions: { id: 'Saved query id (its file name without .cypher).' },
    response: savedQuerySchema,
    errors: [400, 404],
    exampleParams: { id: 'most-connected-actors' },
  },
  {
    method: 'post',
    path: '/api/queries/:id/run',
    operationId: 'runSavedQuery',
    tag: 'Console',
    summary: 'Run a saved query with its parameters',
    description:
      'Parameters are checked and converted to their declared types (integer, float, boolean, date, string, list<string>); missing ones take their defaults; unknown or ill-typed ones are 400 VALIDATION_FAILED naming `params.<name>`. Same safety gate, limits and answer as POST /api/console/run.',
    params: savedQueryParamsSchema,
    paramDescriptions: { id: 'Saved query id.' },
    body: savedQueryRunBodySchema,
    response: consoleResultSchema,
    errors: [400, 403, 404, 408, 429],
    exampleParams: { id: 'actor-service-relationships' },
    exampleBody: '{"params":{"actor":"microsoft"}}',
  },
  {
    method: 'post',
    path: '/api/views',
    operationId: 'createView',
    tag: 'Views',
    summary: 'Save a view (immutable; previousVersionOf makes a new version with a new id)',
    description:
      'A view names actors (stable ids, at most 200), a depth (0-2), filters (types, kinds, statuses of the vocabulary), asOf, or (kind "query") a saved query of cypher/queries by id with its parameters (checked against the query’s declared types; unknown query: 400 UNKNOWN_QUERY; a bad parameter: 400 VALIDATION_FAILED naming definition.params.<name>); a layout with optional positions (the layout computed at save time is stored with the view), a title (≤ 200) and caption (≤ 1000). mode "live" re-reads the graph on every load; "pinned" stores the elements as they are now. Unknown actors: 400 UNKNOWN_ACTOR naming them (`missing`); unknown previousVersionOf: 400 UNKNOWN_VIEW. Rate limited per client (SIGHTLINE_VIEWS_RATE_PER_MIN, 429 RATE_LIMITED). Answers 201 with the id and the URLs (view page, embed, oEmbed, PNG).',
    body: createViewBodySchema,
    response: createdViewSchema,
    errors: [400, 413, 429],
    exampleBody: '{"title":"Microsoft and Unit 8200","mode":"live","definition":{"kind":"actors","actorIds":["microsoft","unit-8200"],"depth":1},"layout":{"name":"fcose"}}',
  },
  {
    method: 'get',
    path: '/api/views/:id',
    operationId: 'getView',
    tag: 'Views',
    summary: 'A saved view: its definition, the elements it shows, their positions and the sources behind its edges',
    description: 'A live view is resolved now (dataAsOf = now); a pinned view returns its snapshot (dataAsOf = its creation). newerVersions lists views saved as new versions of it.',
    params: viewParamsSchema,
    paramDescriptions: { id: 'View id (16 letters and digits).' },
    response: viewResourceSchema,
    errors: [400, 404],
    exampleParams: { id: '0123456789abcdef' },
  },
  ...CURATION_API_ROUTES,
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
