import type { GraphDb } from '../db/graph-db.js';
import type { ActorRow } from '../presenters/elements.js';
import { RELATIONSHIP_TYPE_NAMES } from '../contracts/vocabulary.js';

/**
 * A Cypher subquery body that finds the relationship between actors whose `id` equals `idExpr`,
 * returning `a` (subject), `r`, `b` (object). Relationship ids are indexed per type (one uniqueness
 * constraint per type), so it is one index seek per vocabulary type, UNION ALL-ed; a single
 * untyped `MATCH ()-[r]->() WHERE r.id = $id` would scan every relationship instead.
 * The types come from the vocabulary (never from a request); `idExpr` is a Cypher expression
 * written in this module (`$id`, `c.relationshipId`), never user text. Relationships deleted by
 * curation (`retractedAt` set) are not found.
 */
export function relationshipByIdUnion(idExpr: string): string {
  return RELATIONSHIP_TYPE_NAMES.map(
    (type) => `MATCH (a:Actor)-[r:${type}]->(b:Actor) WHERE r.id = ${idExpr} AND r.retractedAt IS NULL RETURN a, r, b`,
  ).join('\n  UNION ALL\n  ');
}

const RELATIONSHIP_DETAIL = `
CALL () {
  ${relationshipByIdUnion('$id')}
}
WITH a, r, b LIMIT 1
RETURN
  {labels: labels(a), properties: a {.*}} AS subject,
  {labels: labels(b), properties: b {.*}} AS object,
  type(r) AS type,
  r {.*} AS properties,
  COLLECT {
    MATCH (c:Claim {relationshipId: r.id})
    OPTIONAL MATCH (c)-[:CITES]->(s:Source)
    WITH c, s ORDER BY c.id, s.id
    RETURN {claim: c {.*}, source: s {.*}}
  } AS evidence`;

export interface EvidenceRow {
  claim: Record<string, unknown>;
  source: Record<string, unknown> | null;
}

export interface RelationshipDetailRow {
  subject: ActorRow;
  object: ActorRow;
  type: string;
  properties: Record<string, unknown>;
  evidence: EvidenceRow[];
}

/** Relationships between actors, with their evidence. */
export class RelationshipRepository {
  constructor(private readonly db: GraphDb) {}

  /** The relationship with this id, its endpoints and every claim (with its source); null if none. */
  async findById(id: string): Promise<RelationshipDetailRow | null> {
    const [row] = await this.db.read(RELATIONSHIP_DETAIL, { id });
    return row ? (row as unknown as RelationshipDetailRow) : null;
  }
}
