import neo4j from 'neo4j-driver';
import type { GraphDb } from '../db/graph-db.js';
import { RELATIONSHIP_TYPE_NAMES } from '../contracts/vocabulary.js';
import type { ActorRow } from '../presenters/elements.js';

/**
 * The most connected actors: degree counted over vocabulary relationship types between actors,
 * retracted relationships and actors left out; ties by name, then id (a stable order).
 */
export const MOST_CONNECTED = `
MATCH (a:Actor) WHERE NOT a:Retracted
WITH a, COUNT { (a)-[r]-(:Actor) WHERE type(r) IN $types AND r.retractedAt IS NULL } AS degree
ORDER BY degree DESC, a.name, a.id
LIMIT $limit
RETURN labels(a) AS labels, a {.*} AS properties, degree`;

export interface RankedActorRow extends ActorRow {
  degree: number;
}

/** Actors ranked across the graph (starting points for the explorer's empty canvas). */
export class ActorRankingRepository {
  constructor(private readonly db: GraphDb) {}

  /** `signal`: stops the read (GraphDb.read). */
  async mostConnected(limit: number, signal?: AbortSignal): Promise<RankedActorRow[]> {
    const rows = await this.db.read(MOST_CONNECTED, { types: [...RELATIONSHIP_TYPE_NAMES], limit: neo4j.int(limit) }, { signal });
    return rows.map((r) => ({ labels: r.labels as string[], properties: r.properties as Record<string, unknown>, degree: Number(r.degree) }));
  }
}
