/**
 * Views defined by a saved query and its parameters (definition kind "query"). Only the files of
 * cypher/queries/ run, by id, never text from a request; they run through the console's safety
 * gate (console/service.ts: lexical check, EXPLAIN verdict, READ transaction rolled back, timeout,
 * row and size caps). The view keeps the graph part of the result: the actors and the
 * relationships between them (with their evidence counts, as the console computes them), cut to
 * the view's bounds in the order the query returned them.
 */
import type { Integer } from 'neo4j-driver';
import { cyEdgeDataSchema, cyNodeDataSchema, type CyEdgeData, type CyElements, type CyNodeData } from '../contracts/elements.js';
import type { ConsoleService } from '../console/service.js';
import { AppError } from '../errors.js';
import { coerceParams } from '../queries/coerce.js';
import type { SavedQuery } from '../queries/header.js';
import { VIEW_LIMITS, type QueryViewDefinition } from './definition.js';

/** Parameter values as a view stores them (plain JSON). */
type StoredParams = QueryViewDefinition['params'];

export class QueryViews {
  private readonly byId: Map<string, SavedQuery>;

  constructor(
    private readonly console: ConsoleService,
    queries: readonly SavedQuery[],
  ) {
    this.byId = new Map(queries.map((q) => [q.id, q]));
  }

  /**
   * The definition as it is stored: the query must exist and the parameters must fit its declared
   * types; every declared parameter is kept, with its default when not given. 400 UNKNOWN_QUERY,
   * or 400 VALIDATION_FAILED naming `definition.params.<name>`.
   */
  normalise(definition: QueryViewDefinition): QueryViewDefinition {
    const query = this.byId.get(definition.queryId);
    if (!query) {
      throw new AppError(400, 'UNKNOWN_QUERY', `no saved query with id '${definition.queryId}' (GET /api/queries lists them)`, {
        field: 'definition.queryId',
      });
    }
    let coerced: Record<string, unknown>;
    try {
      coerced = coerceParams(query, definition.params);
    } catch (error) {
      if (error instanceof AppError && typeof error.details?.field === 'string') {
        throw new AppError(400, 'VALIDATION_FAILED', `definition.${error.message}`, { field: `definition.${error.details.field}` });
      }
      throw error;
    }
    const params: StoredParams = {};
    for (const p of query.parameters) {
      const v = coerced[p.name];
      params[p.name] = p.type === 'integer' ? (v as Integer).toNumber() : (v as StoredParams[string]);
    }
    return { kind: 'query', queryId: query.id, params };
  }

  /** Runs the view's saved query now; its actors and relationships, bounded by VIEW_LIMITS. */
  async elements(definition: QueryViewDefinition): Promise<{ elements: CyElements; truncated: boolean }> {
    const query = this.byId.get(definition.queryId);
    if (!query) throw new AppError(409, 'UNKNOWN_QUERY', `the saved query '${definition.queryId}' this view runs no longer exists`);
    let params: Record<string, unknown>;
    try {
      params = coerceParams(query, definition.params);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(409, 'UNKNOWN_QUERY', `the saved query '${query.id}' changed its parameters since the view was saved: ${error.message}`);
    }
    const result = await this.console.run({ query: query.cypher, params, mode: 'run', typedParams: true });
    const nodes: Array<{ data: CyNodeData }> = [];
    for (const n of result.elements.nodes) {
      const parsed = cyNodeDataSchema.safeParse(n.data); // actors only (claims, sources… have no actor kind)
      if (parsed.success) nodes.push({ data: parsed.data });
    }
    let truncated = result.truncated || nodes.length > VIEW_LIMITS.nodesMax;
    const kept = nodes.slice(0, VIEW_LIMITS.nodesMax);
    const ids = new Set(kept.map((n) => n.data.id));
    const edges: Array<{ data: CyEdgeData }> = [];
    for (const e of result.elements.edges) {
      const parsed = cyEdgeDataSchema.safeParse(e.data); // relationships of the vocabulary between actors
      if (parsed.success && ids.has(parsed.data.source) && ids.has(parsed.data.target)) edges.push({ data: parsed.data });
    }
    if (edges.length > VIEW_LIMITS.edgesMax) truncated = true;
    return { elements: { nodes: kept, edges: edges.slice(0, VIEW_LIMITS.edgesMax) }, truncated };
  }
}
