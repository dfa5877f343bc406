import type { GraphDb } from '../db/graph-db.js';
import type { ActorRow } from '../presenters/elements.js';
import { RELATIONSHIP_TYPE_NAMES } from '../contracts/vocabulary.js';

/**
 * One actor with its degree per relationship type and direction, and the sources cited by the
 * claims on its relationships. Only vocabulary relationship types between actors count.
 */
const ACTOR_DETAIL = `
MATCH (a:Actor {id: $id}) WHERE NOT a:Retracted
RETURN
  labels(a) AS labels,
  a {.*} AS properties,
  COLLECT {
    MATCH (a)-[r]->(:Actor) WHERE type(r) IN $types AND r.retractedAt IS NULL
    WITH type(r) AS type, count(*) AS n
    RETURN {type: type, count: n}
  } AS outDegree,
  COLLECT {
    MATCH (a)<-[r]-(:Actor) WHERE type(r) IN $types AND r.retractedAt IS NULL
    WITH type(r) AS type, count(*) AS n
    RETURN {type: type, count: n}
  } AS inDegree,
  COLLECT {
    MATCH (a)-[r]-(:Actor) WHERE type(r) IN $types AND r.retractedAt IS NULL
    WITH DISTINCT r.id AS relationshipId
    MATCH (c:Claim {relationshipId: relationshipId})-[:CITES]->(s:Source)
    WITH s, count(DISTINCT c) AS actorClaims, count(DISTINCT relationshipId) AS relationships
    ORDER BY actorClaims DESC, s.title, s.id
    RETURN {
      source: s {.*},
      claimCount: COUNT { (x:Claim)-[:CITES]->(s) WHERE NOT x:Retracted },
      actorClaimCount: actorClaims,
      relationshipCount: relationships
    }
  } AS sources`;

export interface TypeCountRow {
  type: string;
  count: number;
}

export interface ActorSourceRow {
  source: Record<string, unknown>;
  claimCount: number;
  actorClaimCount: number;
  relationshipCount: number;
}

export interface ActorDetailRow extends ActorRow {
  outDegree: TypeCountRow[];
  inDegree: TypeCountRow[];
  sources: ActorSourceRow[];
}

/** Actors, read one at a time. (Neighbourhoods live in the graph repository.) */
export class ActorRepository {
  constructor(private readonly db: GraphDb) {}

  /** The actor with this id and its degree and sources; null if there is none. */
  async findDetail(id: string): Promise<ActorDetailRow | null> {
    const [row] = await this.db.read(ACTOR_DETAIL, { id, types: RELATIONSHIP_TYPE_NAMES });
    return row ? (row as unknown as ActorDetailRow) : null;
  }
}
