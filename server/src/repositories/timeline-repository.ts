/**
 * Dated relationships and dated sources, for the explorer's timeline and "as of" slider.
 *
 * Scope: every actor-to-actor relationship of a vocabulary type, or only those touching `$ids`.
 * A relationship yields one event per known bound (since, until). Sources yield a `published`
 * event when they have publishedAt: every such source, or (with `$ids`) those cited by claims of
 * in-scope relationships.
 *
 * [from, to] is inclusive at the precision both dates share (DATE_IN_RANGE): `to=2025` includes
 * '2025-12-31', `from=2025-04` includes '2025' (a year that overlaps April) and '2025-04-30'.
 * Events sort by date as a string, which puts a coarser date first ('2025' < '2025-01' <
 * '2025-01-01', first-day semantics), then since < until < published, then id.
 */
import neo4j from 'neo4j-driver';
import type { GraphDb } from '../db/graph-db.js';
import type { RelationshipRow } from '../presenters/elements.js';
import { ALL_RELATIONSHIP_TYPES, EVIDENCE_COUNT, TYPE_PREDICATE } from './graph-filters.js';

/** `d` (a partial date) lies in [$from, $to] at the shared precision; null bounds are open. */
const dateInRange = (d: string) =>
  `(($from IS NULL OR left(${d}, size($from)) >= left($from, size(${d}))) AND ($to IS NULL OR left(${d}, size($to)) <= left($to, size(${d}))))`;

const SCOPE_ALL = `
MATCH (a:Actor)-[r]->(b:Actor) WHERE ${TYPE_PREDICATE}`;
const SCOPE_IDS = `
UNWIND $ids AS id
MATCH (:Actor {id: id})-[r]-(:Actor) WHERE ${TYPE_PREDICATE}
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b`;

function relationshipEventsQuery(scope: string): string {
  const events = `${scope}
  WITH r, a, b
  CALL (r) {
    WITH r WHERE r.since IS NOT NULL AND ${dateInRange('r.since')}
    RETURN r.since AS date, 0 AS rank
    UNION ALL
    WITH r WHERE r.until IS NOT NULL AND ${dateInRange('r.until')}
    RETURN r.until AS date, 1 AS rank
  }`;
  return `
CALL () {${events}
  RETURN count(*) AS total
}
CALL () {${events}
  WITH r, a, b, date, rank ORDER BY date, rank, r.id LIMIT $limit
  RETURN collect({date: date, kind: CASE rank WHEN 0 THEN 'since' ELSE 'until' END,
    edge: {type: type(r), source: a.id, target: b.id, properties: properties(r), evidenceCount: ${EVIDENCE_COUNT}}}) AS events
}
RETURN total, events`;
}

function undatedQuery(scope: string): string {
  return `${scope}
WITH r WHERE r.since IS NULL AND r.until IS NULL
RETURN count(r) AS undated`;
}

/** since/until events of every relationship (ordered, first $limit, and their total). */
export const TIMELINE_RELATIONSHIP_EVENTS = relationshipEventsQuery(SCOPE_ALL);
/** since/until events of relationships touching $ids. */
export const TIMELINE_RELATIONSHIP_EVENTS_FOR_IDS = relationshipEventsQuery(SCOPE_IDS);
/** Relationships with neither since nor until. */
export const TIMELINE_UNDATED = undatedQuery(SCOPE_ALL);
export const TIMELINE_UNDATED_FOR_IDS = undatedQuery(SCOPE_IDS);

/** Dated sources in range, with the relationships their claims support. */
export const TIMELINE_SOURCES = `
MATCH (s:Source) WHERE s.publishedAt IS NOT NULL AND ${dateInRange('s.publishedAt')}
WITH s ORDER BY s.publishedAt, s.id
WITH collect(s) AS matches
UNWIND matches[..$limit] AS s
RETURN size(matches) AS total, s {.*} AS source,
       COLLECT { MATCH (c:Claim)-[:CITES]->(s) WHERE c.relationshipId IS NOT NULL RETURN DISTINCT c.relationshipId ORDER BY c.relationshipId } AS relationshipIds`;

/** Dated sources in range cited by claims of relationships touching $ids. */
export const TIMELINE_SOURCES_FOR_IDS = `${SCOPE_IDS}
MATCH (c:Claim {relationshipId: r.id})-[:CITES]->(s:Source)
WHERE s.publishedAt IS NOT NULL AND ${dateInRange('s.publishedAt')}
WITH s, collect(DISTINCT r.id) AS relationshipIds
WITH s, relationshipIds ORDER BY s.publishedAt, s.id
WITH collect({s: s, relationshipIds: relationshipIds}) AS matches
UNWIND matches[..$limit] AS e
WITH size(matches) AS total, e.s AS s, e.relationshipIds AS relationshipIds
RETURN total, s {.*} AS source, relationshipIds`;

export interface TimelineFilters {
  ids?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export interface RelationshipEventRow {
  date: string;
  kind: 'since' | 'until';
  edge: RelationshipRow;
}

export interface SourceEventRow {
  source: Record<string, unknown>;
  relationshipIds: string[];
}

export interface TimelineData {
  relationshipEvents: RelationshipEventRow[];
  relationshipTotal: number;
  sources: SourceEventRow[];
  sourceTotal: number;
  undated: number;
}

export class TimelineRepository {
  constructor(private readonly db: GraphDb) {}

  async timeline(filters: TimelineFilters): Promise<TimelineData> {
    const scoped = filters.ids !== undefined && filters.ids.length > 0;
    const params = {
      ids: filters.ids ? [...filters.ids] : [],
      types: [...ALL_RELATIONSHIP_TYPES],
      from: filters.from ?? null,
      to: filters.to ?? null,
      limit: neo4j.int(filters.limit),
    };
    const [rels, undated, sources] = await Promise.all([
      this.db.read(scoped ? TIMELINE_RELATIONSHIP_EVENTS_FOR_IDS : TIMELINE_RELATIONSHIP_EVENTS, params),
      this.db.read(scoped ? TIMELINE_UNDATED_FOR_IDS : TIMELINE_UNDATED, params),
      this.db.read(scoped ? TIMELINE_SOURCES_FOR_IDS : TIMELINE_SOURCES, params),
    ]);
    return {
      relationshipEvents: (rels[0]?.events as RelationshipEventRow[] | undefined) ?? [],
      relationshipTotal: Number(rels[0]?.total ?? 0),
      sources: sources.map((s) => ({
        source: s.source as Record<string, unknown>,
        relationshipIds: ((s.relationshipIds as string[] | null) ?? []).slice().sort(),
      })),
      sourceTotal: Number(sources[0]?.total ?? 0),
      undated: Number(undated[0]?.undated ?? 0),
    };
  }
}
