/**
 * Shapes of the console API (POST /api/console/run, GET /api/console/schema, GET /api/queries…).
 * The API shapes come from the server's console contract (server/src/contracts/console.ts, type-only
 * imports: no zod in the bundle); declared here: the browser-side views of them (values in rows,
 * Cytoscape elements) and the run mode.
 */
import type { ConsoleResult as ConsoleResultContract } from '../../../server/src/contracts/console.js';
import type { GraphElements } from '../graph/types.js';

export type {
  ConsoleNotification,
  ConsoleSchema,
  ErrorPosition,
  ParamType,
  PlanNode,
  ResultSummary,
  SavedQuery,
  SavedQueryParameter,
  SavedQuerySummary,
  SchemaEntry,
} from '../../../server/src/contracts/console.js';

/** How a query runs: plainly, or prefixed with EXPLAIN / PROFILE (the server adds the prefix). */
export type RunMode = 'run' | 'explain' | 'profile';

/** A value in a result row: plain JSON, with graph entities wrapped in tagged objects. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export interface NodeValue {
  id: string;
  labels: string[];
  properties: Record<string, Value>;
}
export interface RelationshipValue {
  id: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, Value>;
}
export interface PathValue {
  nodes: NodeValue[];
  relationships: RelationshipValue[];
}

/** The contract's result, with row values and elements typed as the browser reads them. */
export type ConsoleResult = Omit<ConsoleResultContract, 'rows' | 'elements'> & {
  rows: Record<string, Value>[];
  elements: GraphElements;
};
