import type { z } from 'zod';

/** One endpoint, as the OpenAPI generator and the docs page read it. */
export interface RouteDescriptor {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express-style path under the site root, e.g. `/api/actors/:id`. */
  path: string;
  operationId: string;
  /** Grouping in the document and on the docs page. */
  tag: string;
  summary: string;
  description?: string;
  /** zod object schema of the query string (its fields become `in: query` parameters). */
  query?: z.ZodType;
  /** zod object schema of the path parameters. */
  params?: z.ZodType;
  /** Descriptions of parameters whose schema carries none (`.describe()` wins when present). */
  paramDescriptions?: Record<string, string>;
  /** zod schema of the JSON request body (POST). */
  body?: z.ZodType;
  /** A multipart/form-data request body instead: zod object schema of its text fields, and its file parts. */
  multipart?: { fields: z.ZodType; files: Record<string, { description: string; required?: boolean }> };
  /** zod schema of the 200 JSON body. */
  response?: z.ZodType;
  /** Wraps `response` as `{ data: response }` (the API's usual envelope). Default true. */
  dataEnvelope?: boolean;
  /** Non-JSON (or several) 200 content types, by media type, with a description each. */
  content?: Record<string, { description: string; schema?: Record<string, unknown> }>;
  /** Error statuses the endpoint answers besides 500 (each with the error envelope). */
  errors?: number[];
  /** Query string for the docs page's example curl (without "?"). */
  example?: string;
  /** Example JSON body (POST) for the docs page's curl. */
  exampleBody?: string;
  /** Example path parameter values for the docs page's curl. */
  exampleParams?: Record<string, string>;
}
