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
  NEO4J_UNAVAILABLE: 'Neo4j is not reachable.',
  INTERNAL: 'An unexpected error; it has been logged.',
} as const;

// Every ErrorCode of errors.ts must be documented above (a compile error otherwise).
type Undocumented = Exclude<ErrorCode, keyof typeof ERROR_CODES>;
const everyCodeDocumented: [Undocumented] extends [never] ? true : Undocumented = true;
void everyCodeDocumented;

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid parameters (VALIDATION_FAILED, naming the field).',
  404: 'Not found (NOT_FOUND).',
  413: 'Too large (EXPORT_TOO_LARGE).',
  500: 'Internal error (INTERNAL).',
  503: 'Neo4j unavailable (NEO4J_UNAVAILABLE).',
};

/** JSON Schema (2020-12, which OpenAPI 3.1 uses) of a zod schema, without the `$schema` key. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
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

function operationOf(route: RouteDescriptor): Record<string, unknown> {
  const okContent: Record<string, unknown> = {};
  if (route.response) {
    const body = jsonSchemaOf(route.response, 'output');
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
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operationOf(route) };
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
      schemas: { Error: errorEnvelopeSchema },
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
