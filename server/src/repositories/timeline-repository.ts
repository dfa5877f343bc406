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
 * '2025-01-01', first-day semantics), then since < until < published, then id: the key
 * (date, rank, id) is unique, so a page ends at a key and the next page (the keyset `cursor`)
 * starts strictly after it.
 *
 * Over the whole graph nothing is scanned: cypher/schema/006-time-indexes.cypher has a range
 * index per relationship type on since and on until (and one on Source.publishedAt). Each
 * (type, bound) pair is read by a range seek on its index, from the later of `from` and the
 * cursor's date, in index order, at most $take rows (ORDER BY the indexed property + LIMIT: the
 * planner stops early); one query per type (TIMELINE_TYPE_QUERIES), merged here. The string bounds of the seek are a superset of
 * the shared-precision range (from's year .. to + U+FFFF); the exact predicate is applied to what
 * the seek returns. Counts: `total` counts the range through the same indexes; `undated` is the
 * count store's number of relationships per type minus the dated ones counted from the indexes.
 */
import neo4j from 'neo4j-driver';
import { RELATIONSHIP_TYPE_NAMES } from '../contracts/vocabulary.js';
import type { GraphDb } from '../db/graph-db.js';
import type { RelationshipRow } from '../presenters/elements.js';
import { ALL_RELATIONSHIP_TYPES, EVIDENCE_COUNT, TYPE_PREDICATE } from './graph-filters.js';

const byId = (a: RelationshipRow, b: RelationshipRow) => {
  const x = String(a.properties.id);
  const y = String(b.properties.id);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Event ranks within one date: the second part of the sort key. */
export const EVENT_RANK = { since: 0, until: 1, published: 2 } as const;
export type EventKind = keyof typeof EVENT_RANK;

/** Per-type whole-graph timeline queries in flight at once. */
export const TYPE_QUERY_CONCURRENCY = 6;

/** Most relationship ids listed on one `published` event (the source's claims can support thousands). */
export const MAX_SOURCE_RELATIONSHIP_IDS = 100;

/** `d` (a partial date) lies in [$from, $to] at the shared precision; null bounds are open. */
const dateInRange = (d: string) =>
  `(($from IS NULL OR left(${d}, size($from)) >= left($from, size(${d}))) AND ($to IS NULL OR left(${d}, size($to)) <= left($to, size(${d}))))`;

/** The event (date, rank `rank`, id) comes after the cursor key ($afterDate, $afterRank, $afterId); null cursor: always. */
const afterCursor = (date: string, rank: string, id: string) =>
  `($afterDate IS NULL OR ${date} > $afterDate OR (${date} = $afterDate AND (${rank} > $afterRank OR (${rank} = $afterRank AND ${id} > $afterId))))`;

const EDGE_MAP = `{type: type(r), source: a.id, target: b.id, properties: properties(r), evidenceCount: ${EVIDENCE_COUNT}}`;

/** The next $take events of one type and bound after the cursor, by a range seek on its index. */
function seekEvents(type: string, bound: 'since' | 'until'): string {
  const rank = EVENT_RANK[bound];
  return `CALL () {
  MATCH (a)-[r:${type}]->(b) WHERE r.${bound} >= $seekFrom AND r.${bound} <= $seekTo
  WITH a, r, b, r.${bound} AS date WHERE ${dateInRange('date')} AND ${afterCursor('date', String(rank), 'r.id')}
  WITH a, r, b, date ORDER BY date, r.id LIMIT $take
  RETURN collect({date: date, rank: ${rank}, edge: ${EDGE_MAP}}) AS ${bound}Events
}
CALL () {
  MATCH ()-[r:${type}]->() WHERE r.${bound} >= $seekFrom AND r.${bound} <= $seekTo AND ${dateInRange(`r.${bound}`)}
  RETURN count(r) AS ${bound}Total
}`;
}

/**
 * One relationship type over the whole graph: its first $take since events and $take until
 * events after the cursor (index seeks in index order), their totals in [from, to] (counted on
 * the indexes), and its undated relationships (the count store's total minus the dated ones).
 * One small query per type, run side by side and merged by the caller: a single UNION over every
 * type and bound took Neo4j seconds to plan.
 */
function typeQuery(type: string): string {
  return `
${seekEvents(type, 'since')}
${seekEvents(type, 'until')}
CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS all }
CALL () { MATCH ()-[r:${type}]->() WHERE r.since IS NOT NULL RETURN count(r) AS withSince }
CALL () { MATCH ()-[r:${type}]->() WHERE r.until IS NOT NULL AND r.since IS NULL RETURN count(r) AS onlyUntil }
RETURN sinceEvents + untilEvents AS events, sinceTotal + untilTotal AS total, all - withSince - onlyUntil AS undated`;
}

/** The whole-graph timeline query of each relationship type of the vocabulary. */
export const TIMELINE_TYPE_QUERIES: Readonly<Record<string, string>> = Object.fromEntries(
  RELATIONSHIP_TYPE_NAMES.map((type) => [type, typeQuery(type)]),
);

const SCOPE_IDS = `
UNWIND $ids AS id
MATCH (:Actor {id: id})-[r]-(:Actor) WHERE ${TYPE_PREDICATE}
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b`;

const IDS_EVENTS = `${SCOPE_IDS}
CALL (r) {
  WITH r WHERE r.since IS NOT NULL AND ${dateInRange('r.since')}
  RETURN r.since AS date, 0 AS rank
  UNION ALL
  WITH r WHERE r.until IS NOT NULL AND ${dateInRange('r.until')}
  RETURN r.until AS date, 1 AS rank
}`;

/** The first $take since/until events after the cursor of relationships touching $ids. */
export const TIMELINE_RELATIONSHIP_EVENTS_FOR_IDS = `${IDS_EVENTS}
WITH a, r, b, date, rank WHERE ${afterCursor('date', 'rank', 'r.id')}
WITH a, r, b, date, rank ORDER BY date, rank, r.id LIMIT $take
RETURN date, rank, ${EDGE_MAP} AS edge`;

/** Relationship events in [from, to] of relationships touching $ids. */
export const TIMELINE_RELATIONSHIP_TOTAL_FOR_IDS = `${IDS_EVENTS}
RETURN count(*) AS total`;

/** Relationships touching $ids with neither since nor until. */
export const TIMELINE_UNDATED_FOR_IDS = `${SCOPE_IDS}
WITH r WHERE r.since IS NULL AND r.until IS NULL
RETURN count(r) AS undated`;

const SOURCE_FIELDS = `COUNT { MATCH (c:Claim)-[:CITES]->(s) WHERE c.relationshipId IS NOT NULL RETURN DISTINCT c.relationshipId } AS relationshipCount,
       COLLECT { MATCH (c:Claim)-[:CITES]->(s) WHERE c.relationshipId IS NOT NULL WITH DISTINCT c.relationshipId AS id ORDER BY id LIMIT ${MAX_SOURCE_RELATIONSHIP_IDS} RETURN id } AS relationshipIds`;

/** Dated sources in range after the cursor (the source_published_at index), first $take, with the relationships their claims support. */
export const TIMELINE_SOURCES = `
MATCH (s:Source) WHERE s.publishedAt >= $seekFrom AND s.publishedAt <= $seekTo
WITH s, s.publishedAt AS date WHERE ${dateInRange('date')} AND ${afterCursor('date', '2', 's.id')}
WITH s, date ORDER BY date, s.id LIMIT $take
RETURN date, s {.*} AS source, ${SOURCE_FIELDS}`;

/** Dated sources in range over the whole graph. */
export const TIMELINE_SOURCE_TOTAL = `
MATCH (s:Source) WHERE s.publishedAt >= $seekFrom AND s.publishedAt <= $seekTo AND ${dateInRange('s.publishedAt')}
RETURN count(s) AS total`;

const IDS_SOURCES = `${SCOPE_IDS}
MATCH (c:Claim {relationshipId: r.id})-[:CITES]->(s:Source)
WHERE s.publishedAt IS NOT NULL AND ${dateInRange('s.publishedAt')}
WITH s, collect(DISTINCT r.id) AS relationshipIds`;

/** Dated sources in range cited by claims of relationships touching $ids, after the cursor, first $take. */
export const TIMELINE_SOURCES_FOR_IDS = `${IDS_SOURCES}
WITH s, s.publishedAt AS date, relationshipIds WHERE ${afterCursor('date', '2', 's.id')}
WITH s, date, relationshipIds ORDER BY date, s.id LIMIT $take
RETURN date, s {.*} AS source, size(relationshipIds) AS relationshipCount, relationshipIds`;

/** Dated sources in range cited by claims of relationships touching $ids. */
export const TIMELINE_SOURCE_TOTAL_FOR_IDS = `${IDS_SOURCES}
RETURN count(s) AS total`;

export interface TimelineFilters {
  ids?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  /** Start strictly after this event key (date, rank, id): the previous page's last event. */
  after?: readonly [date: string, rank: number, id: string] | undefined;
}

export interface RelationshipEventRow {
  date: string;
  kind: 'since' | 'until';
  edge: RelationshipRow;
}

export interface SourceEventRow {
  source: Record<string, unknown>;
  /** Relationships (in scope) that claims citing the source support: the first MAX_SOURCE_RELATIONSHIP_IDS by id. */
  relationshipIds: string[];
  relationshipCount: number;
}

export interface TimelineData {
  /** At most limit + 1 events of each kind after the cursor, in key order (one more tells whether another page exists). */
  relationshipEvents: RelationshipEventRow[];
  relationshipTotal: number;
  sources: SourceEventRow[];
  sourceTotal: number;
  undated: number;
}

type Rows = Awaited<ReturnType<GraphDb['read']>>;

/** The lowest string an index seek starts from for `from` (its year: '2025' counts for from=2025-04). */
function seekFrom(from: string | undefined, afterDate: string | undefined): string {
  const low = from ? from.slice(0, 4) : '';
  return afterDate !== undefined && afterDate > low ? afterDate : low;
}

export class TimelineRepository {
  constructor(private readonly db: GraphDb) {}

  /**
   * The per-type queries, TYPE_QUERY_CONCURRENCY at a time: a cold plan cache plans each of them
   * once (about a second each on a loaded 2-core machine), and all at once would make the last
   * ones wait past the read timeout. Warm, each runs in milliseconds.
   */
  private async perType(params: Record<string, unknown>, signal: AbortSignal | undefined): Promise<Rows[]> {
    const out: Rows[] = [];
    for (let i = 0; i < RELATIONSHIP_TYPE_NAMES.length; i += TYPE_QUERY_CONCURRENCY) {
      const batch = RELATIONSHIP_TYPE_NAMES.slice(i, i + TYPE_QUERY_CONCURRENCY);
      out.push(...(await Promise.all(batch.map((type) => this.db.read(TIMELINE_TYPE_QUERIES[type] as string, params, { signal })))));
    }
    return out;
  }

  /** The whole graph: one query per relationship type, merged here into the shapes of the scoped queries. */
  private async wholeGraph(
    params: Record<string, unknown> & { take: { toNumber(): number } },
    signal: AbortSignal | undefined,
  ): Promise<[Rows, Rows, Rows, Rows, Rows]> {
    const [perType, sources, sourceTotal] = await Promise.all([
      this.perType(params, signal),
      this.db.read(TIMELINE_SOURCES, params, { signal }),
      this.db.read(TIMELINE_SOURCE_TOTAL, params, { signal }),
    ]);
    const rows = perType.map((r) => r[0] ?? {});
    const events = rows
      .flatMap((r) => (r.events as Array<{ date: string; rank: number; edge: RelationshipRow }> | undefined) ?? [])
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.rank - y.rank || byId(x.edge, y.edge)))
      .slice(0, params.take.toNumber());
    const sum = (key: string) => rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);
    return [events, [{ total: sum('total') }], [{ undated: sum('undated') }], sources, sourceTotal];
  }

  /** `signal`: stops every read (GraphDb.read). */
  async timeline(filters: TimelineFilters, signal?: AbortSignal): Promise<TimelineData> {
    const scoped = filters.ids !== undefined && filters.ids.length > 0;
    const after = filters.after;
    const params = {
      ids: filters.ids ? [...filters.ids] : [],
      types: [...ALL_RELATIONSHIP_TYPES],
      from: filters.from ?? null,
      to: filters.to ?? null,
      seekFrom: seekFrom(filters.from, after?.[0]),
      seekTo: `${filters.to ?? ''}\uffff`,
      take: neo4j.int(filters.limit + 1),
      afterDate: after ? after[0] : null,
      afterRank: neo4j.int(after ? after[1] : 0),
      afterId: after ? after[2] : null,
    };
    const [rels, relTotal, undated, sources, sourceTotal] = scoped
      ? await Promise.all([
          this.db.read(TIMELINE_RELATIONSHIP_EVENTS_FOR_IDS, params, { signal }),
          this.db.read(TIMELINE_RELATIONSHIP_TOTAL_FOR_IDS, params, { signal }),
          this.db.read(TIMELINE_UNDATED_FOR_IDS, params, { signal }),
          this.db.read(TIMELINE_SOURCES_FOR_IDS, params, { signal }),
          this.db.read(TIMELINE_SOURCE_TOTAL_FOR_IDS, params, { signal }),
        ])
      : await this.wholeGraph(params, signal);
    return {
      relationshipEvents: rels.map((e) => ({
        date: String(e.date),
        kind: Number(e.rank) === EVENT_RANK.since ? 'since' : 'until',
        edge: e.edge as RelationshipRow,
      })),
      relationshipTotal: Number(relTotal[0]?.total ?? 0),
      sources: sources.map((s) => ({
        source: s.source as Record<string, unknown>,
        relationshipIds: ((s.relationshipIds as string[] | null) ?? []).slice().sort().slice(0, MAX_SOURCE_RELATIONSHIP_IDS),
        relationshipCount: Number(s.relationshipCount ?? 0),
      })),
      sourceTotal: Number(sourceTotal[0]?.total ?? 0),
      undated: Number(undated[0]?.undated ?? 0),
    };
  }
}
