/**
 * How two actors connect, with Neo4j 5's GQL path selectors over a quantified path pattern:
 *
 *   MATCH p = <selector> ((a)(()-[r]-(x:Actor) WHERE <type + asOf>){1,maxHops}(b) [WHERE simple])
 *
 *   - shortest:    SHORTEST 1       one shortest path (shortest paths are always simple)
 *   - allShortest: ALL SHORTEST     every path of the shortest length (LIMIT MAX_ALL_SHORTEST_PATHS + 1)
 *   - k:           SHORTEST k       the k shortest paths, with a simple-path predicate (no repeated
 *                                  actor) inside the parenthesised pattern, where Neo4j applies it
 *                                  DURING the search (verified with PROFILE on 5.26: it shows up
 *                                  as a non-inlined predicate of StatefulShortestPath, not as a
 *                                  Filter after it), so k simple paths come back when they exist.
 * Only :Actor nodes and vocabulary relationship types are traversed; the upper bound of the
 * quantifier (maxHops <= 6) bounds the search. Neo4j 5.26 accepts neither a parameter for k nor
 * for the quantifier bounds, so the query text is built from the validated integers and the
 * validated direction enum (never from user text) and cached.
 */
import neo4j from 'neo4j-driver';
import type { GraphDb } from '../db/graph-db.js';
import type { ActorRow, RelationshipRow } from '../presenters/elements.js';
import { ALL_RELATIONSHIP_TYPES, AS_OF_PREDICATE, EVIDENCE_COUNT, TYPE_PREDICATE, type Direction } from './graph-filters.js';

/** Most paths allShortest returns (a graph of hubs can have thousands of equally short paths). */
export const MAX_ALL_SHORTEST_PATHS = 100;

export type PathMode = 'shortest' | 'allShortest' | 'k';

/** Whether the endpoints exist. */
export const FIND_PATH_ENDPOINTS = `
OPTIONAL MATCH (a:Actor {id: $from}) WHERE NOT a:Retracted
OPTIONAL MATCH (b:Actor {id: $to}) WHERE NOT b:Retracted
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound`;

/** One step of the quantified pattern, per direction (`out` follows subject -> object from `from`). */
const STEP: Readonly<Record<Direction, string>> = {
  out: `(()-[r]->(x:Actor) WHERE ${TYPE_PREDICATE} AND ${AS_OF_PREDICATE})`,
  in: `(()<-[r]-(x:Actor) WHERE ${TYPE_PREDICATE} AND ${AS_OF_PREDICATE})`,
  both: `(()-[r]-(x:Actor) WHERE ${TYPE_PREDICATE} AND ${AS_OF_PREDICATE})`,
};

/** No actor twice: x lists every node after the first; a is the first. */
const SIMPLE_PATH_PREDICATE = 'NOT a IN x AND all(i IN range(0, size(x) - 2) WHERE NOT x[i] IN x[i + 1..])';

const PATH_RETURN = `
RETURN [n IN nodes(p) | {labels: labels(n), properties: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id,
                                 properties: properties(r), evidenceCount: ${EVIDENCE_COUNT}}] AS rels`;

const cache = new Map<string, string>();

/** The path query for validated options (integers checked here again: they become Cypher text). */
export function pathQuery(mode: PathMode, direction: Direction, maxHops: number, k: number): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new RangeError(`maxHops out of range: ${maxHops}`);
  if (!Number.isInteger(k) || k < 1 || k > 10) throw new RangeError(`k out of range: ${k}`);
  if (!(direction in STEP)) throw new RangeError(`bad direction: ${direction}`);
  const key = `${mode}|${direction}|${maxHops}|${k}`;
  let text = cache.get(key);
  if (!text) {
    const selector = mode === 'allShortest' ? 'ALL SHORTEST' : mode === 'k' ? `SHORTEST ${k}` : 'SHORTEST 1';
    const where = mode === 'k' ? ` WHERE ${SIMPLE_PATH_PREDICATE}` : '';
    text = `
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = ${selector} ((a)${STEP[direction]}{1,${maxHops}}(b)${where})
WITH p LIMIT $maxPaths${PATH_RETURN}`;
    cache.set(key, text);
  }
  return text;
}

export interface PathFilters {
  mode: PathMode;
  direction: Direction;
  maxHops: number;
  k: number;
  types?: readonly string[] | undefined;
  asOf?: string | undefined;
}

export interface RawPath {
  nodes: ActorRow[];
  rels: RelationshipRow[];
}

export class PathRepository {
  constructor(private readonly db: GraphDb) {}

  /** `signal` (here and below): stops the read (GraphDb.read). */
  async endpointsFound(from: string, to: string, signal?: AbortSignal): Promise<{ fromFound: boolean; toFound: boolean }> {
    const [row] = await this.db.read(FIND_PATH_ENDPOINTS, { from, to }, { signal });
    return { fromFound: row?.fromFound === true, toFound: row?.toFound === true };
  }

  /** Paths in Neo4j's order (shortest first); at most MAX_ALL_SHORTEST_PATHS + 1 for allShortest. */
  async paths(from: string, to: string, filters: PathFilters, signal?: AbortSignal): Promise<RawPath[]> {
    const rows = await this.db.read(pathQuery(filters.mode, filters.direction, filters.maxHops, filters.k), {
      from,
      to,
      types: filters.types && filters.types.length > 0 ? [...filters.types] : [...ALL_RELATIONSHIP_TYPES],
      asOf: filters.asOf ?? null,
      maxPaths: neo4j.int(filters.mode === 'allShortest' ? MAX_ALL_SHORTEST_PATHS + 1 : filters.mode === 'k' ? filters.k : 1),
    }, { signal });
    return rows.map((r) => ({ nodes: r.nodes as ActorRow[], rels: r.rels as RelationshipRow[] }));
  }
}
