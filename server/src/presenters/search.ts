import type { ActorHit, SearchResult, SourceHit } from '../contracts/search.js';
import type { ActorSearchRow, SourceSearchRow } from '../repositories/search-repository.js';
import { findMatchedAlias } from '../search/matched-alias.js';
import { kindOf } from './elements.js';

/** Fields: id, name, kind, description, score, matchedOn, matchedAlias. */
export function presentActorHit(query: string, row: ActorSearchRow): ActorHit {
  const p = row.actor.properties;
  const name = p.name ?? p.id;
  const aliases = Array.isArray(p.aliases) ? p.aliases.map(String) : [];
  const match = findMatchedAlias(query, name, aliases);
  return {
    id: p.id,
    name,
    kind: kindOf(row.actor.labels),
    description: p.description ?? null,
    score: row.score,
    matchedOn: match.matchedOn,
    matchedAlias: match.matchedAlias,
  };
}

/** Fields: id, title, publisher, score. */
export function presentSourceHit(row: SourceSearchRow): SourceHit {
  const s = row.source;
  return { id: s.id, title: s.title ?? s.id, publisher: s.publisher ?? null, score: row.score };
}

/** Fields: query, actors, sources. */
export function presentSearchResult(query: string, actors: ActorSearchRow[], sources: SourceSearchRow[]): SearchResult {
  return {
    query,
    actors: actors.map((row) => presentActorHit(query, row)),
    sources: sources.map(presentSourceHit),
  };
}
