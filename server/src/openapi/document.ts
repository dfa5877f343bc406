import { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import { API_ROUTES } from './routes.js';
import type { RouteDescriptor } from './types.js';

export type JsonSchema = Record<string, unknown>;

/** Error codes the API answers with (and what they mean), for the document and the docs page. */
export const ERROR_CODES = {
  BAD_REQUEST: 'The request could not be read (e.g. malformed JSON body).',
  VALIDATION_FAILED: 'A parameter is invalid; `field` names it and `issues` lists every problem.',
  BAD_QUERY: 'The search text could not be turned into a full-text query.',
  NOT_FOUND: 'A named actor, relationship or source does not exist.',
  ROUTE_NOT_FOUND: 'No API route has this method and path.',
  METHOD_NOT_ALLOWED: 'The route exists but not with this method.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  EXPORT_TOO_LARGE: 'The export would exceed the export cap; export a neighbourhood instead.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body has an unsupported content type.',
  RATE_LIMITED: 'Too many requests; retry later.',
  UNAUTHENTICATED: 'This write needs credentials: `Authorization: Bearer <API token>` or a login session.',
  FORBIDDEN: 'The credentials are valid but their role is insufficient (admin ⊇ editor ⊇ reader).',
  INVALID_TOKEN: 'The Bearer API token is malformed, unknown or revoked.',
  CSRF_FAILED: 'A write with the session cookie lacks the X-CSRF-Token header from GET /api/auth/csrf.',
  INVALID_CREDENTIALS: 'Login failed: unknown username or wrong password (deliberately not said which).',
  CONFLICT: 'The record changed since it was read (its `updatedAt` differs): reload it and apply the edit again.',
  SELF_LOOP: 'A relationship from an actor to itself where its type makes no sense that way, or a merge of an actor into itself.',
  CONFIRMATION_REQUIRED: 'A deletion must repeat the id it deletes: `?confirm=<id>` or `{"confirm": "<id>"}`.',
  UNKNOWN_REFERENCE: 'The body names an actor, relationship or source that does not exist (or was deleted).',
  QUERY_NOT_ALLOWED: 'The console refused the query: a write, an administration command, or a clause, procedure or function outside its allow-list (the message says which and why).',
  CYPHER_SYNTAX_ERROR: 'Neo4j could not parse the console query; `position` { line, column, offset } points at the problem.',
  CYPHER_ERROR: 'Neo4j refused the console query (unknown function, type error, missing parameter…), with its message.',
  QUERY_TIMEOUT: 'The query ran longer than allowed and was stopped: a console query past SIGHTLINE_CONSOLE_TIMEOUT_MS (408), or an API read past SIGHTLINE_READ_TIMEOUT_MS (503).',
  CONSOLE_BUSY: 'The most console queries allowed at once (SIGHTLINE_CONSOLE_MAX_CONCURRENT) are running; retry shortly.',
  UNKNOWN_ACTOR: 'A view names actors that do not exist; `missing` lists their ids.',
  UNKNOWN_VIEW: 'A new view version names a `previousVersionOf` that does not exist.',
  UNKNOWN_QUERY: 'A query view names no saved query (POST /api/views: 400), or the saved query a live view runs was removed or changed its parameters (GET: 409).',
  NOT_IMPLEMENTED: 'oEmbed with format=xml (only json is served, as the oEmbed spec allows: 501).',
  IMPORT_JOB_FINISHED: 'The import job has already finished (done, failed or cancelled): there is nothing to cancel; `status` says how it ended.',
  NEO4J_UNAVAILABLE: 'Neo4j is not reachable, or every pooled connection stayed busy (overload): retry after the Retry-After header.',
  INTERNAL: 'An unexpected error; it has been logged.',
} as const;

// Every ErrorCode of errors.ts must be documented above (a compile error otherwise).
type Undocumented = Exclude<ErrorCode, keyof typeof ERROR_CODES>;
const everyCodeDocumented: [Undocumented] extends [never] ? true : Undocumented = true;
void everyCodeDocumented;

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid parameters (VALIDATION_FAILED, naming the field).',
  401: 'Not authenticated (UNAUTHENTICATED, INVALID_TOKEN, INVALID_CREDENTIALS).',
  403: 'Not allowed (FORBIDDEN, CSRF_FAILED; QUERY_NOT_ALLOWED for console queries).',
  408: 'The console query ran too long (QUERY_TIMEOUT).',
  429: 'Too many requests (RATE_LIMITED), or too many console queries at once (CONSOLE_BUSY).',
  404: 'Not found (NOT_FOUND).',
  409: 'Conflict with the current state (CONFLICT, UNKNOWN_QUERY, IMPORT_JOB_FINISHED).',
  413: 'Too large (EXPORT_TOO_LARGE).',
  500: 'Internal error (INTERNAL).',
  503: 'Neo4j unavailable or busy (NEO4J_UNAVAILABLE), or a read ran past the server’s timeout (QUERY_TIMEOUT).',
};

/**
 * JSON Schema (2020-12, which OpenAPI 3.1 uses) of a zod schema, without the `$schema` key.
 * Recursive schemas (the console's plan tree, nested values) come out of zod with local `$defs`;
 * given a sink, those are hoisted into `components.schemas` under `<prefix>.<name>` and their
 * `$ref`s rewritten, because a `#/$defs/…` pointer inside an OpenAPI document resolves against
 * the document's root, not the schema.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output', defs?: { prefix: string; sink: Record<string, JsonSchema> }): JsonSchema {
  const { $schema: _ignored, $defs, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  if (!$defs || !defs) return $defs ? { ...rest, $defs } : rest;
  const rewrite = (json: string) => json.replace(/"#\/\$defs\/([^"]+)"/g, (_m, name: string) => `"#/components/schemas/${defs.prefix}.${name}"`);
  for (const [name, def] of Object.entries($defs as Record<string, JsonSchema>)) defs.sink[`${defs.prefix}.${name}`] = JSON.parse(rewrite(JSON.stringify(def)));
  return JSON.parse(rewrite(JSON.stringify(rest))) as JsonSchema;
}

export interface ParameterDoc {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** The fields of a zod object schema (refined objects included), or none. */
function fieldsOf(schema: z.ZodType | undefined): Array<[string, z.ZodType]> {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> } | undefined)?.shape;
  return shape ? Object.entries(shape) : [];
}

/** OpenAPI parameters of a route: path parameters first, then the query string. */
export function parametersOf(route: RouteDescriptor): ParameterDoc[] {
  const out: ParameterDoc[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    for (const [name, field] of fieldsOf(schema)) {
      const json = jsonSchemaOf(field, 'input');
      const description = (json.description as string | undefined) ?? route.paramDescriptions?.[name];
      delete json.description;
      out.push({
        name,
        in: where,
        // A field that accepts "absent" is optional (optional() or default()); path parameters never are.
        required: where === 'path' || !field.safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: json,
      });
    }
  }
  return out;
}

/** `/api/actors/:id` → `/api/actors/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const errorEnvelopeSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_CODES) },
        message: { type: 'string' },
        field: { type: 'string', description: 'With VALIDATION_FAILED: the first invalid parameter.' },
        issues: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
      additionalProperties: true,
    },
  },
};

/** A multipart/form-data request body: the text fields' JSON Schema plus the file parts (binary). */
function multipartBodyOf(route: RouteDescriptor, multipart: NonNullable<RouteDescriptor['multipart']>, sink: Record<string, JsonSchema>): Record<string, unknown> {
  const fields = jsonSchemaOf(multipart.fields, 'input', { prefix: `${route.operationId}.body`, sink }) as { properties?: Record<string, unknown>; required?: string[] };
  const files = Object.entries(multipart.files);
  const schema = {
    type: 'object',
    properties: {
      ...Object.fromEntries(files.map(([name, f]) => [name, { type: 'string', contentMediaType: 'application/octet-stream', description: f.description }])),
      ...fields.properties,
    },
    required: [...files.filter(([, f]) => f.required).map(([name]) => name), ...(fields.required ?? [])],
  };
  return { required: true, content: { 'multipart/form-data': { schema } } };
}

function operationOf(route: RouteDescriptor, sink: Record<string, JsonSchema>): Record<string, unknown> {
  const okContent: Record<string, unknown> = {};
  if (route.response) {
    const body = jsonSchemaOf(route.response, 'output', { prefix: `${route.operationId}.response`, sink });
    okContent['application/json'] = {
      schema: route.dataEnvelope === false ? body : { type: 'object', required: ['data'], properties: { data: body } },
    };
  }
  for (const [type, c] of Object.entries(route.content ?? {})) okContent[type] = c.schema ? { schema: c.schema } : {};
  const responses: Record<string, unknown> = {
    200: {
      description: Object.values(route.content ?? {}).map((c) => c.description).join(' ') || route.summary,
      content: okContent,
    },
  };
  for (const status of [...(route.errors ?? []), 500]) {
    responses[status] = {
      description: STATUS_DESCRIPTIONS[status] ?? 'Error.',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const parameters = parametersOf(route);
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input', { prefix: `${route.operationId}.body`, sink }) } } } } : {}),
    ...(route.multipart ? { requestBody: multipartBodyOf(route, route.multipart, sink) } : {}),
    responses,
  };
}

export interface OpenApiInfo {
  title: string;
  version: string;
}

/** The OpenAPI 3.1 document of the given routes. */
export function buildOpenApiDocument(routes: readonly RouteDescriptor[] = API_ROUTES, info: OpenApiInfo = { title: 'Sightline API', version: '0.1.0' }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const hoisted: Record<string, JsonSchema> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operationOf(route, hoisted) };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      ...info,
      summary: 'A knowledge-graph explorer of actors and relationships; every edge carries its evidence.',
      description:
        'Read-only JSON API. Successful answers are `{ "data": ... }` (health, openapi.json, docs and export downloads excepted); every error is `{ "error": { "code", "message" } }` with a stable code.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: errorEnvelopeSchema, ...hoisted },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: OpenApiDocument | undefined;
/** The app's document, built once. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
