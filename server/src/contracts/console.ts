/**
 * The console API's shapes (POST /api/console/run, GET /api/console/schema, saved queries), as zod
 * schemas for the OpenAPI document, and the TypeScript types inferred from them. This is the one
 * definition: the console service (console/service.ts, console/plan.ts) and the browser
 * (web/src/console/types.ts, type-only imports) use these types.
 */
import { z } from 'zod';

const position = z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() });
/** Where Neo4j located a syntax error or a notification (1-based line and column, 0-based offset). */
export type ErrorPosition = z.infer<typeof position>;

/** One operator of an EXPLAIN / PROFILE plan (console/plan.ts builds them); declared because it is recursive. */
export interface PlanNode {
  operator: string;
  identifiers: string[];
  arguments: Record<string, string | number>;
  rows?: number;
  dbHits?: number;
  estimatedRows?: number;
  children: PlanNode[];
}

export const planNodeSchema: z.ZodType<PlanNode> = z.lazy(() =>
  z.object({
    operator: z.string(),
    identifiers: z.array(z.string()),
    arguments: z.record(z.string(), z.union([z.string(), z.number()])),
    rows: z.number().optional(),
    dbHits: z.number().optional(),
    estimatedRows: z.number().optional(),
    children: z.array(planNodeSchema),
  }),
);

const notificationSchema = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
  position: position.optional(),
});
export type ConsoleNotification = z.infer<typeof notificationSchema>;

const resultSummarySchema = z.object({
  queryType: z.enum(['r', 'rw', 'w', 's']),
  counters: z.record(z.string(), z.number()),
  resultAvailableAfterMs: z.number(),
  resultConsumedAfterMs: z.number(),
  totalMs: z.number(),
  plan: planNodeSchema.optional(),
  notifications: z.array(notificationSchema),
});
export type ResultSummary = z.infer<typeof resultSummarySchema>;

export const consoleResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())).describe('Values as plain JSON; nodes {"@node":{id,labels,properties}}, relationships {"@relationship":{id,type,start,end,properties}}, paths {"@path":{nodes,relationships}}.'),
  elements: z.object({
    nodes: z.array(z.object({ data: z.record(z.string(), z.unknown()) })),
    edges: z.array(z.object({ data: z.record(z.string(), z.unknown()) })),
  }),
  truncated: z.boolean().describe('The row cap or the response-size cap cut the result.'),
  rowCount: z.number().int(),
  summary: resultSummarySchema,
});
export type ConsoleResult = z.infer<typeof consoleResultSchema>;

const catalogueEntry = z.object({ name: z.string(), signature: z.string(), description: z.string() });
export type SchemaEntry = z.infer<typeof catalogueEntry>;

export const consoleSchemaSchema = z.object({
  labels: z.array(z.string()),
  relationshipTypes: z.array(z.string()),
  propertyKeys: z.array(z.string()),
  functions: z.array(catalogueEntry),
  procedures: z.array(catalogueEntry),
});
export type ConsoleSchema = z.infer<typeof consoleSchemaSchema>;

export const savedQueryParameterSchema = z.object({
  name: z.string(),
  type: z.enum(['string', 'integer', 'float', 'boolean', 'date', 'list<string>']),
  default: z.unknown().optional(),
  description: z.string().optional(),
});
export type SavedQueryParameter = z.infer<typeof savedQueryParameterSchema>;
export type ParamType = SavedQueryParameter['type'];

export const savedQuerySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  parameters: z.array(savedQueryParameterSchema),
});
export type SavedQuerySummary = z.infer<typeof savedQuerySummarySchema>;

export const savedQuerySchema = savedQuerySummarySchema.extend({ cypher: z.string() });
export type SavedQuery = z.infer<typeof savedQuerySchema>;
