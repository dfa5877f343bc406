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
 * Relationships returned are those between kept nodes that the traversal would follow:
 * matching the filters, and leaving (out) / entering (in) / touching (both) a kept node that is
 * less than `depth` hops from the centres.
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
/** Budget of a hop that can no longer contribute kept nodes (the limit is reached): it is only counted. */
export const COUNT_ONLY_HOP_BUDGET = 5_000;

/** The centre actors that exist. */
export const FIND_ACTOR_IDS = `
MATCH (a:Actor) WHERE a.id IN $ids
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

function depthOneQuery(direction: Direction): string {
  // At depth 1 every returned relationship touches a centre, so the edges are read from the
  // centres only (expanding the kept neighbours instead costs their whole degree: hubs).
  const edgePattern = direction === 'out' ? '(a)-[r]->(b:Actor)' : direction === 'in' ? '(a)<-[r]-(b:Actor)' : '(a)-[r]-(b:Actor)';
  return `
MATCH (c:Actor) WHERE c.id IN $ids
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
WITH centres, centres + kept AS nodes, found, rows
CALL (centres, nodes) {
  UNWIND centres AS a
  MATCH ${edgePattern}
  WHERE b IN nodes AND ${TYPE_PREDICATE} AND ${AS_OF_PREDICATE}
  WITH DISTINCT r
  RETURN collect({type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r), evidenceCount: ${EVIDENCE_COUNT}}) AS edges
}
RETURN [c IN centres | c.id] AS centreIds, [n IN nodes | {labels: labels(n), properties: properties(n)}] AS nodes, edges, found, rows`;
}

/**
 * Depth 1 in a single round trip (the hot path): centres, neighbours under the filters (at most
 * HOP_EXPANSION_BUDGET relationship rows), the top $capacity of them by degree then id, and the
 * relationships between a centre and a kept node.
 */
export const NEIGHBORHOOD_DEPTH_ONE: Readonly<Record<Direction, string>> = {
  out: depthOneQuery('out'),
  in: depthOneQuery('in'),
  both: depthOneQuery('both'),
};

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
}

export interface NeighborhoodData {
  nodes: ActorRow[];
  edges: RelationshipRow[];
  centre: string[];
  total: number;
  totalExact: boolean;
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
  };
}

export class NeighborhoodRepository {
  constructor(private readonly db: GraphDb) {}

  /** Ids among `ids` that are not actors. */
  async missingActors(ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.read(FIND_ACTOR_IDS, { ids });
    const found = new Set(rows.map((r) => String(r.id)));
    return ids.filter((id) => !found.has(id));
  }

  /** The neighbourhood of existing centre actors (check them with missingActors first). */
  async neighborhood(centre: readonly string[], filters: NeighborhoodFilters): Promise<NeighborhoodData> {
    const base = filterParams(filters);
    if (filters.depth === 1) return this.depthOne(centre, filters);
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
      });
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

    const [row] = await this.db.read(NEIGHBORHOOD_ELEMENTS, { ...base, keep });
    const nodes = ((row?.nodes as ActorRow[] | undefined) ?? []).slice();
    const allEdges = (row?.edges as RelationshipRow[] | undefined) ?? [];
    const order = new Map(keep.map((id, i) => [id, i]));
    nodes.sort((a, b) => (order.get(String(a.properties.id)) ?? 0) - (order.get(String(b.properties.id)) ?? 0));
    const within = (id: string) => (hopOf.get(id) ?? Infinity) < filters.depth;
    const edges = allEdges
      .filter((e) => {
        if (filters.direction === 'out') return within(e.source);
        if (filters.direction === 'in') return within(e.target);
        return within(e.source) || within(e.target);
      })
      .sort((a, b) => {
        const x = String(a.properties.id);
        const y = String(b.properties.id);
        return x < y ? -1 : x > y ? 1 : 0;
      });
    return { nodes, edges, centre: [...centre], total, totalExact };
  }

  private async depthOne(centre: readonly string[], filters: NeighborhoodFilters): Promise<NeighborhoodData> {
    const [row] = await this.db.read(NEIGHBORHOOD_DEPTH_ONE[filters.direction], depthOneParams(centre, filters));
    const found = new Set((row?.centreIds as string[] | undefined) ?? []);
    const missing = centre.filter((id) => !found.has(id));
    if (missing.length > 0) throw new MissingActorsError(missing);
    const nodes = ((row?.nodes as ActorRow[] | undefined) ?? []).slice();
    const order = new Map(centre.map((id, i) => [id, i]));
    // Centres in the order requested, then the kept neighbours in the query's order.
    const centreNodes = nodes.filter((n) => order.has(String(n.properties.id)));
    centreNodes.sort((a, b) => (order.get(String(a.properties.id)) ?? 0) - (order.get(String(b.properties.id)) ?? 0));
    const others = nodes.filter((n) => !order.has(String(n.properties.id)));
    const edges = ((row?.edges as RelationshipRow[] | undefined) ?? []).slice().sort((a, b) => {
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
