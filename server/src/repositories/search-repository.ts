import neo4j from 'neo4j-driver';
import type { GraphDb } from '../db/graph-db.js';
import { AppError } from '../errors.js';
import { buildLuceneQuery, type LuceneField } from '../search/lucene-query.js';

/** Index names and searched fields, from cypher/schema/002-indexes.cypher. */
export const ACTOR_SEARCH_INDEX = 'actor_search';
export const SOURCE_SEARCH_INDEX = 'source_search';

/** A match in the name counts most, then an alias, then the description. */
export const ACTOR_SEARCH_FIELDS: readonly LuceneField[] = [
  { name: 'name', weight: 3 },
  { name: 'aliases', weight: 2.5 },
  { name: 'description', weight: 1, expand: false },
];
export const SOURCE_SEARCH_FIELDS: readonly LuceneField[] = [
  { name: 'title', weight: 2 },
  { name: 'publisher', weight: 1 },
];

/**
 * How many top-scoring hits Lucene hands over per hit asked for (more when a kinds filter drops
 * some): Lucene then keeps a top-k instead of returning every match to be sorted in Cypher.
 */
export const SEARCH_CANDIDATES_PER_HIT = 5;
export const SEARCH_CANDIDATES_PER_HIT_FILTERED = 25;

// Hits tied on score are ordered by name then id, so equal queries give equal answers.
export const SEARCH_ACTORS = `
CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score
WHERE NOT node:Retracted AND (size($kinds) = 0 OR any(label IN labels(node) WHERE label IN $kinds))
WITH node, score ORDER BY score DESC, node.name, node.id LIMIT $limit
RETURN {labels: labels(node), properties: node {.id, .name, .aliases, .description}} AS actor, score`;

export const SEARCH_SOURCES = `
CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score
WITH node, score ORDER BY score DESC, node.title, node.id LIMIT $limit
RETURN node {.id, .title, .publisher} AS source, score`;

export interface ActorSearchRow {
  actor: { labels: string[]; properties: { id: string; name: string; aliases: string[] | null; description: string | null } };
  score: number;
}

export interface SourceSearchRow {
  source: { id: string; title: string; publisher: string | null };
  score: number;
}

export interface SearchOptions {
  /** Actor kinds to keep (already checked against the vocabulary); empty keeps all. */
  kinds: readonly string[];
  limit: number;
}

/** Parameters of SEARCH_ACTORS for a text, or null when it has no searchable word. */
export function actorSearchParams(text: string, options: SearchOptions): Record<string, unknown> | null {
  const query = buildLuceneQuery(text, ACTOR_SEARCH_FIELDS);
  if (query === null) return null;
  const perHit = options.kinds.length > 0 ? SEARCH_CANDIDATES_PER_HIT_FILTERED : SEARCH_CANDIDATES_PER_HIT;
  return {
    index: ACTOR_SEARCH_INDEX,
    query,
    kinds: [...options.kinds],
    limit: neo4j.int(options.limit),
    candidates: neo4j.int(options.limit * perHit),
  };
}

/** Parameters of SEARCH_SOURCES for a text, or null when it has no searchable word. */
export function sourceSearchParams(text: string, limit: number): Record<string, unknown> | null {
  const query = buildLuceneQuery(text, SOURCE_SEARCH_FIELDS);
  if (query === null) return null;
  return { index: SOURCE_SEARCH_INDEX, query, limit: neo4j.int(limit), candidates: neo4j.int(limit * SEARCH_CANDIDATES_PER_HIT) };
}

/** Neo4j's code when a procedure throws, which is how a Lucene ParseException surfaces. */
const PROCEDURE_CALL_FAILED = 'Neo.ClientError.Procedure.ProcedureCallFailed';

/**
 * Full-text search over actors and sources. The Lucene query is built from the user's words by
 * buildLuceneQuery (escaped, structure fixed); should Lucene still refuse it, the caller gets a
 * 400 BAD_QUERY instead of a 500.
 */
export class SearchRepository {
  constructor(private readonly db: GraphDb) {}

  /** `signal` (here and below): stops the read (GraphDb.read). */
  async searchActors(text: string, options: SearchOptions, signal?: AbortSignal): Promise<ActorSearchRow[]> {
    const params = actorSearchParams(text, options);
    if (params === null) return [];
    return (await this.run(SEARCH_ACTORS, params, signal)) as unknown as ActorSearchRow[];
  }

  async searchSources(text: string, limit: number, signal?: AbortSignal): Promise<SourceSearchRow[]> {
    const params = sourceSearchParams(text, limit);
    if (params === null) return [];
    return (await this.run(SEARCH_SOURCES, params, signal)) as unknown as SourceSearchRow[];
  }

  private async run(cypher: string, params: Record<string, unknown>, signal: AbortSignal | undefined) {
    try {
      return await this.db.read(cypher, params, { signal });
    } catch (error) {
      if ((error as { code?: unknown }).code === PROCEDURE_CALL_FAILED) {
        throw new AppError(400, 'BAD_QUERY', 'search: the search text could not be turned into a full-text query');
      }
      throw error;
    }
  }
}
