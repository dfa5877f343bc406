import neo4j from 'neo4j-driver';
import type { GraphDb } from '../db/graph-db.js';
import type { ActorRow } from '../presenters/elements.js';
import { relationshipByIdUnion } from './relationship-repository.js';

/**
 * One page of sources in (title, id) order: after the keyset cursor ($afterTitle, $afterId) when
 * given, else after $offset sources. Sources without a title (the model requires one) sort by
 * their id. Sources are few (thousands, against hundreds of thousands of claims): the top-k sort
 * of the ones after the cursor stays cheap.
 */
const SOURCE_PAGE = `
MATCH (s:Source)
WITH s, coalesce(s.title, s.id) AS title
WHERE $afterTitle IS NULL OR title > $afterTitle OR (title = $afterTitle AND s.id > $afterId)
WITH s, title ORDER BY title, s.id
SKIP $offset LIMIT $limit
RETURN s {.*} AS source, title AS sortTitle, COUNT { (c:Claim)-[:CITES]->(s) WHERE NOT c:Retracted } AS claimCount`;

const SOURCE_TOTAL = `MATCH (s:Source) RETURN count(s) AS total`;

/**
 * One source: its citations both ways and every claim citing it, each with the relationship it
 * supports (found by id with one index seek per type) and that relationship's endpoints.
 */
const SOURCE_DETAIL = `
MATCH (s:Source {id: $id})
RETURN
  s {.*} AS source,
  COUNT { (c:Claim)-[:CITES]->(s) WHERE NOT c:Retracted } AS claimCount,
  COLLECT { MATCH (s)-[:CITES]->(t:Source) WITH t ORDER BY t.title, t.id RETURN t {.id, .title, .publisher} } AS cites,
  COLLECT { MATCH (t:Source)-[:CITES]->(s) WITH t ORDER BY t.title, t.id RETURN t {.id, .title, .publisher} } AS citedBy,
  COLLECT {
    MATCH (c:Claim)-[:CITES]->(s) WHERE NOT c:Retracted
    WITH c ORDER BY c.relationshipId, c.id
    OPTIONAL CALL (c) {
      ${relationshipByIdUnion('c.relationshipId')}
    }
    RETURN {
      claim: c {.*},
      relationship: CASE WHEN r IS NULL THEN null ELSE {
        type: type(r),
        source: a.id,
        target: b.id,
        properties: r {.*},
        evidenceCount: COUNT { (x:Claim {relationshipId: r.id}) }
      } END,
      subject: CASE WHEN a IS NULL THEN null ELSE {labels: labels(a), properties: a {.*}} END,
      object: CASE WHEN b IS NULL THEN null ELSE {labels: labels(b), properties: b {.*}} END
    }
  } AS claims`;

export interface SourceRow {
  source: Record<string, unknown>;
  claimCount: number;
  /** The title the list sorts by (the id when a source has no title); with the id, the cursor key. */
  sortTitle?: string;
}

/** Where a page starts: after `offset` sources, or after the source with this sort key. */
export type PageStart = { offset: number } | { after: readonly [title: string, id: string] };

export interface SourceRefRow {
  id: string;
  title: string;
  publisher: string | null;
}

export interface SourceClaimRow {
  claim: Record<string, unknown>;
  relationship: {
    type: string;
    source: string;
    target: string;
    properties: Record<string, unknown>;
    evidenceCount: number;
  } | null;
  subject: ActorRow | null;
  object: ActorRow | null;
}

export interface SourceDetailRow extends SourceRow {
  cites: SourceRefRow[];
  citedBy: SourceRefRow[];
  claims: SourceClaimRow[];
}

/** Sources (published documents) and the claims drawn from them. */
export class SourceRepository {
  constructor(private readonly db: GraphDb) {}

  /** One page of sources ordered by title then id, with the total count. */
  async page(limit: number, start: PageStart): Promise<{ rows: SourceRow[]; total: number }> {
    const after = 'after' in start ? start.after : null;
    const [rows, totals] = await Promise.all([
      this.db.read(SOURCE_PAGE, {
        limit: neo4j.int(limit),
        offset: neo4j.int('offset' in start ? start.offset : 0),
        afterTitle: after ? after[0] : null,
        afterId: after ? after[1] : null,
      }),
      this.db.read(SOURCE_TOTAL),
    ]);
    return { rows: rows as unknown as SourceRow[], total: Number(totals[0]?.total ?? 0) };
  }

  /** The source with this id and its claims; null if there is none. */
  async findDetail(id: string): Promise<SourceDetailRow | null> {
    const [row] = await this.db.read(SOURCE_DETAIL, { id });
    return row ? (row as unknown as SourceDetailRow) : null;
  }
}
