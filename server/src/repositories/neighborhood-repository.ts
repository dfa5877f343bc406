/**
 * The subgraph around one or more actors, bounded so a hub never expands unboundedly.
 *
 * Approach: plain Cypher rather than apoc.path.subgraphNodes, because APOC's relationshipFilter
 * cannot express the asOf predicate (and a BFS `limit` there cannot order a hop by degree).
 * Depth 1 (the hot path) is ONE query (NEIGHBORHOOD_DEPTH_ONE). Depth 2-3 is a breadth-first
 * search driven from here, one Cypher query per hop, then one query for the kept nodes and the
 * relationships between them.
 *   - Each hop query expands the current frontier with the type / asOf / kind filters applied
 *     during the expansion (APOC's relationshipFilter cannot express asOf), skips nodes already
 *     seen (`NOT m.id IN $seen`, a hashed lookup on a list parameter), and stops after
 *     HOP_EXPANSION_BUDGET relationship rows (`LIMIT`), so the work per hop is bounded whatever the
 *     degree of the frontier. A hop that hits the budget makes `total` a lower bound
 *     (`totalExact: false`).
 *   - Nodes are kept closest hop first, then by degree (descending, all relationships of the
 *     actor, read from Neo4j's degree store), then by id: deterministic. Degrees are only read
 *     for hops that can still contribute kept nodes; later hops are only counted.
 * Relationships returned (includeInterEdges, the default): every relationship among the kept
 * nodes that matches the type and asOf filters, in either direction: the subgraph the kept nodes
 * induce. At depth 1 the ones among neighbours (not touching a centre) are read within
 * INTER_EDGE_BUDGET rows (`edgesExact: false` when cut). With includeInterEdges=false: only those
 * the traversal would follow: leaving (out) / entering (in) / touching (both) a kept node that is
 * less than `depth` hops from the centres (at depth 1, those touching a centre).
 */
import neo4j from 'neo4j-driver';
import type { GraphDb } from '../db/graph-db.js';
import type { ActorRow, RelationshipRow } from '../presenters/elements.js';
import {
  ALL_RELATIONSHIP_TYPES,
  AS_OF_PREDICATE,
  EVIDENCE_COUNT,
  HOP_PATTERNS,
  KIND_PREDICATE,
  TYPE_PREDICATE,
  type Direction,
} from './graph-filters.js';

/** Most relationship rows one hop may expand; beyond it the hop is cut and counts become lower bounds. */
export const HOP_EXPANSION_BUDGET = 20_000;
/**
 * Most relationship rows depth 1 reads to find the edges among the kept neighbours (not touching
 * a centre); beyond it some such edges may be missing and the answer says so (`edgesExact: false`).
 */
export const INTER_EDGE_BUDGET = 20_000;
/** Budget of a hop that can no longer contribute kept nodes (the limit is reached): it is only counted. */
export const COUNT_ONLY_HOP_BUDGET = 5_000;

/** The centre actors that exist. */
export const FIND_ACTOR_IDS = `
MATCH (a:Actor) WHERE a.id IN $ids AND NOT a:Retracted
RETURN a.id AS id`;

function hopQuery(direction: Direction): string {
  return `
UNWIND $frontier AS fid
MATCH (f:Actor {id: fid})
MATCH ${HOP_PATTERNS[direction]}
WHERE ${TYPE_PREDICATE} AND ${AS_OF_PREDICATE} AND ${KIND_PREDICATE} AND NOT m.id IN $seen
WITH m LIMIT $budget
WITH collect(DISTINCT m) AS found, count(*) AS rows
UNWIND found AS m
RETURN m.id AS id, CASE WHEN $withDegree THEN COUNT { (m)--() } ELSE 0 END AS degree, rows`;
}

/** One hop of the search, per direction: $frontier ids -> new neighbour ids with their degree. */
export const NEIGHBORHOOD_HOP: Readonly<Record<Direction, string>> = {
  out: hopQuery('out'),
  in: hopQuery('in'),
  both: hopQuery('both'),
};

function depthOneQuery(direction: Direction, interEdges: boolean): string {
  // Edges touching a centre are read from the centres (expanding the kept neighbours instead
  // costs their whole degree: hubs). With the edges among the returned nodes (the induced
  // subgraph) every direction counts; without, only the direction the traversal follows.
  // `b IN nodes` (below) already makes b an actor: no label check on the far end (a store read per row).
  const edgePattern = interEdges || direction === 'both' ? '(a)-[r]-(b)' : direction === 'out' ? '(a)-[r]->(b)' : '(a)<-[r]-(b)';
  // Edges among the kept neighbours (the rest of the induced subgraph): each such edge is found
  // from either end, so the neighbours are expanded in ascending degree order and the one of
  // highest degree never is (every edge it has with another neighbour is found from that
  // neighbour). At most $interBudget relationship rows are read; beyond them the answer says so.
  // `b IN kept` makes b an actor, so the far end's label is not read (a store read per row: up to
  // $interBudget of them around a hub).
  const inter = interEdges
    ? `
CALL (kept) {
  UNWIND reverse(kept)[..-1] AS a
  MATCH (a)-[r]-(b)
  WITH kept, r, b LIMIT $interBudget
  WITH count(*) AS interRows, collect(DISTINCT CASE WHEN b IN kept AND ${TYPE_PREDICATE} AND ${AS_OF_PREDICATE} THEN r END) AS found
  RETURN interRows, [r IN found | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r), evidenceCount: ${EVIDENCE_COUNT}}] AS interEdges
}`
    : '';
  return `
MATCH (c:Actor) WHERE c.id IN $ids AND NOT c:Retracted
WITH collect(c) AS centres
CALL (centres) {
  UNWIND centres AS f
  MATCH ${HOP_PATTERNS[direction]}
  WHERE ${TYPE_PREDICATE} AND ${AS_OF_PREDICATE} AND ${KIND_PREDICATE} AND NOT m IN centres
  WITH m LIMIT $budget
  WITH collect(DISTINCT m) AS found, count(*) AS rows
  CALL (found) {
    UNWIND found AS m
    WITH m, COUNT { (m)--() } AS degree
    ORDER BY degree DESC, m.id
    LIMIT $capacity
    RETURN collect(m) AS kept
  }
  RETURN size(found) AS found, rows, kept
}
WITH centres, kept, centres + kept AS nodes, found, rows
CALL (centres, nodes) {
  UNWIND centres AS a
  MATCH ${edgePattern}
  WHERE b IN nodes AND ${TYPE_PREDICATE} AND ${AS_OF_PREDICATE}
  WITH DISTINCT r
  RETURN collect({type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r), evidenceCount: ${EVIDENCE_COUNT}}) AS edges
}${inter}
RETURN [c IN centres | c.id] AS centreIds, [n IN nodes | {labels: labels(n), properties: properties(n)}] AS nodes, edges, found, rows${
    interEdges ? ', interEdges, interRows' : ', [] AS interEdges, 0 AS interRows'
  }`;
}

/**
 * Depth 1 in a single round trip (the hot path): centres, neighbours under the filters (at most
 * HOP_EXPANSION_BUDGET relationship rows), the top $capacity of them by degree then id, the
 * relationships between a centre and a kept node and (`withInterEdges`, the default) the
 * relationships among the kept neighbours, read within INTER_EDGE_BUDGET rows.
 */
export const NEIGHBORHOOD_DEPTH_ONE: Readonly<Record<Direction, string>> = {
  out: depthOneQuery('out', true),
  in: depthOneQuery('in', true),
  both: depthOneQuery('both', true),
};

/** Depth 1 with `includeInterEdges=false`: only the relationships touching a centre. */
export const NEIGHBORHOOD_DEPTH_ONE_CENTRE_EDGES: Readonly<Record<Direction, string>> = {
  out: depthOneQuery('out', false),
  in: depthOneQuery('in', false),
  both: depthOneQuery('both', false),
};

/** The depth-1 Cypher for a direction, with or without the edges among the neighbours. */
export function depthOneCypher(direction: Direction, includeInterEdges: boolean): string {
  return (includeInterEdges ? NEIGHBORHOOD_DEPTH_ONE : NEIGHBORHOOD_DEPTH_ONE_CENTRE_EDGES)[direction];
}

/** The kept actors and every filtered relationship between them (both directions, each once). */
export const NEIGHBORHOOD_ELEMENTS = `
MATCH (n:Actor) WHERE n.id IN $keep
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Actor)
  WHERE b.id IN $keep AND ${TYPE_PREDICATE} AND ${AS_OF_PREDICATE}
  RETURN collect({type: type(r), source: a.id, target: b.id, properties: properties(r), evidenceCount: ${EVIDENCE_COUNT}}) AS edges
}
RETURN [n IN nodes | {labels: labels(n), properties: properties(n)}] AS nodes, edges`;

export interface NeighborhoodFilters {
  depth: number;
  direction: Direction;
  /** Relationship types to follow; undefined = every vocabulary type. */
  types?: readonly string[] | undefined;
  /** Kinds of neighbours; undefined = any. */
  kinds?: readonly string[] | undefined;
  asOf?: string | undefined;
  limit: number;
  /**
   * true (default): every filtered relationship among the returned nodes (the induced subgraph);
   * false: only those the traversal follows (at depth 1, those touching a centre).
   */
  includeInterEdges?: boolean | undefined;
}

export interface NeighborhoodData {
  nodes: ActorRow[];
  edges: RelationshipRow[];
  centre: string[];
  total: number;
  totalExact: boolean;
  /** False when the edges among the neighbours were cut by INTER_EDGE_BUDGET (some may be missing). */
  edgesExact: boolean;
}

interface Candidate {
  id: string;
  degree: number;
}

/** The filter parameters every neighbourhood query takes ($types, $kinds, $asOf). */
function filterParams(filters: NeighborhoodFilters) {
  return {
    types: filters.types && filters.types.length > 0 ? [...filters.types] : [...ALL_RELATIONSHIP_TYPES],
    kinds: filters.kinds && filters.kinds.length > 0 ? [...filters.kinds] : null,
    asOf: filters.asOf ?? null,
  };
}

/** Parameters of NEIGHBORHOOD_DEPTH_ONE for these centres and filters (exported for the benchmark). */
export function depthOneParams(centre: readonly string[], filters: NeighborhoodFilters): Record<string, unknown> {
  return {
    ...filterParams(filters),
    ids: [...centre],
    budget: neo4j.int(HOP_EXPANSION_BUDGET),
    capacity: neo4j.int(Math.max(0, filters.limit - centre.length)),
    interBudget: neo4j.int(INTER_EDGE_BUDGET),
  };
}

export class NeighborhoodRepository {
  constructor(private readonly db: GraphDb) {}

  /** Ids among `ids` that are not actors. `signal`: stops the read (GraphDb.read). */
  async missingActors(ids: readonly string[], signal?: AbortSignal): Promise<string[]> {
    const rows = await this.db.read(FIND_ACTOR_IDS, { ids }, { signal });
    const found = new Set(rows.map((r) => String(r.id)));
    return ids.filter((id) => !found.has(id));
  }

  /** The neighbourhood of existing centre actors (check them with missingActors first). `signal`: stops every read (GraphDb.read). */
  async neighborhood(centre: readonly string[], filters: NeighborhoodFilters, signal?: AbortSignal): Promise<NeighborhoodData> {
    const base = filterParams(filters);
    if (filters.depth === 1) return this.depthOne(centre, filters, signal);
    const hopOf = new Map<string, number>(centre.map((id) => [id, 0]));
    const keep: string[] = [...centre];
    let total = centre.length;
    let totalExact = true;
    let frontier: string[] = [...centre];

    for (let hop = 1; hop <= filters.depth && frontier.length > 0; hop++) {
      const capacity = filters.limit - keep.length;
      const budget = capacity > 0 ? HOP_EXPANSION_BUDGET : COUNT_ONLY_HOP_BUDGET;
      const rows = await this.db.read(NEIGHBORHOOD_HOP[filters.direction], {
        ...base,
        frontier,
        seen: [...hopOf.keys()],
        budget: neo4j.int(budget),
        withDegree: capacity > 0,
      }, { signal });
      const level: Candidate[] = rows.map((r) => ({ id: String(r.id), degree: Number(r.degree) }));
      if (rows.length > 0 && Number(rows[0]?.rows) >= budget) totalExact = false;
      for (const c of level) hopOf.set(c.id, hop);
      total += level.length;
      if (capacity > 0) {
        level.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        for (const c of level.slice(0, capacity)) keep.push(c.id);
      }
      frontier = level.map((c) => c.id);
    }

    const [row] = await this.db.read(NEIGHBORHOOD_ELEMENTS, { ...base, keep }, { signal });
    const nodes = ((row?.nodes as ActorRow[] | undefined) ?? []).slice();
    const allEdges = (row?.edges as RelationshipRow[] | undefined) ?? [];
    const order = new Map(keep.map((id, i) => [id, i]));
    nodes.sort((a, b) => (order.get(String(a.properties.id)) ?? 0) - (order.get(String(b.properties.id)) ?? 0));
    const within = (id: string) => (hopOf.get(id) ?? Infinity) < filters.depth;
    const edges = allEdges
      .filter((e) => {
        if (filters.includeInterEdges !== false) return true;
        if (filters.direction === 'out') return within(e.source);
        if (filters.direction === 'in') return within(e.target);
        return within(e.source) || within(e.target);
      })
      .sort((a, b) => {
        const x = String(a.properties.id);
        const y = String(b.properties.id);
        return x < y ? -1 : x > y ? 1 : 0;
      });
    return { nodes, edges, centre: [...centre], total, totalExact, edgesExact: true };
  }

  private async depthOne(centre: readonly string[], filters: NeighborhoodFilters, signal: AbortSignal | undefined): Promise<NeighborhoodData> {
    const includeInterEdges = filters.includeInterEdges !== false;
    const [row] = await this.db.read(depthOneCypher(filters.direction, includeInterEdges), depthOneParams(centre, filters), { signal });
    const found = new Set((row?.centreIds as string[] | undefined) ?? []);
    const missing = centre.filter((id) => !found.has(id));
    if (missing.length > 0) throw new MissingActorsError(missing);
    const nodes = ((row?.nodes as ActorRow[] | undefined) ?? []).slice();
    const order = new Map(centre.map((id, i) => [id, i]));
    // Centres in the order requested, then the kept neighbours in the query's order.
    const centreNodes = nodes.filter((n) => order.has(String(n.properties.id)));
    centreNodes.sort((a, b) => (order.get(String(a.properties.id)) ?? 0) - (order.get(String(b.properties.id)) ?? 0));
    const others = nodes.filter((n) => !order.has(String(n.properties.id)));
    const centreEdges = (row?.edges as RelationshipRow[] | undefined) ?? [];
    const interEdges = (row?.interEdges as RelationshipRow[] | undefined) ?? [];
    const edges = [...centreEdges, ...interEdges].sort((a, b) => {
      const x = String(a.properties.id);
      const y = String(b.properties.id);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return {
      nodes: [...centreNodes, ...others],
      edges,
      centre: [...centre],
      total: centre.length + Number(row?.found ?? 0),
      totalExact: Number(row?.rows ?? 0) < HOP_EXPANSION_BUDGET,
      edgesExact: !includeInterEdges || Number(row?.interRows ?? 0) < INTER_EDGE_BUDGET,
    };
  }
}

/** Thrown by neighborhood() when a centre id is not an actor. */
export class MissingActorsError extends Error {
  constructor(readonly missing: string[]) {
    super(`no actor with id ${missing.join(', ')}`);
    this.name = 'MissingActorsError';
  }
}
