import neo4j from 'neo4j-driver';
import { RELATIONSHIP_TYPES, type ClaimStance, type RelationshipStatus, type RelationshipType } from '../contracts/vocabulary.js';
import type { GraphDb, Row } from '../db/graph-db.js';
import type { ExportActor, ExportClaim, ExportRelationship, ExportSource } from '../exporters/model.js';
import { kindOf } from '../presenters/elements.js';

// ---------------------------------------------------------------------------------------------
// Cypher (named constants; every value is a $parameter)
// ---------------------------------------------------------------------------------------------

/** Which of the requested actor ids exist. */
export const EXPORT_EXISTING_ACTOR_IDS = `
MATCH (n:Actor) WHERE n.id IN $ids AND NOT n:Retracted
RETURN n.id AS id`;

/** How many actors the whole graph has (checked against the export cap before reading it). */
export const EXPORT_COUNT_ACTORS = `
MATCH (n:Actor) WHERE NOT n:Retracted
RETURN count(n) AS count`;

/**
 * Ids of the actors within `depth` hops of the start actors, in either direction (the start actors
 * included), at most $limit of them. Variable-length bounds cannot be parameters, so there is one
 * constant per depth; `WITH DISTINCT n` lets Neo4j prune the expansion (breadth-first, each node once).
 */
export const EXPORT_NEIGHBOURHOOD_IDS: Readonly<Record<0 | 1 | 2 | 3, string>> = {
  0: `
MATCH (n:Actor) WHERE n.id IN $ids AND NOT n:Retracted
WITH DISTINCT n LIMIT $limit
RETURN n.id AS id`,
  1: `
MATCH (start:Actor) WHERE start.id IN $ids
MATCH (start)-[rs*0..1]-(n:Actor) WHERE NOT start:Retracted AND all(x IN rs WHERE x.retractedAt IS NULL)
WITH DISTINCT n LIMIT $limit
RETURN n.id AS id`,
  2: `
MATCH (start:Actor) WHERE start.id IN $ids
MATCH (start)-[rs*0..2]-(n:Actor) WHERE NOT start:Retracted AND all(x IN rs WHERE x.retractedAt IS NULL)
WITH DISTINCT n LIMIT $limit
RETURN n.id AS id`,
  3: `
MATCH (start:Actor) WHERE start.id IN $ids
MATCH (start)-[rs*0..3]-(n:Actor) WHERE NOT start:Retracted AND all(x IN rs WHERE x.retractedAt IS NULL)
WITH DISTINCT n LIMIT $limit
RETURN n.id AS id`,
};

const ACTOR_RETURN = `RETURN labels(n) AS labels, properties(n) AS properties
ORDER BY n.id`;

/** The given actors. */
export const EXPORT_ACTORS = `
MATCH (n:Actor) WHERE n.id IN $ids
${ACTOR_RETURN}`;

/** Every actor. */
export const EXPORT_ALL_ACTORS = `
MATCH (n:Actor) WHERE NOT n:Retracted
${ACTOR_RETURN}`;

const RELATIONSHIP_RETURN = `RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS properties,
  COUNT { MATCH (c:Claim) WHERE c.relationshipId = r.id } AS evidenceCount
ORDER BY r.id`;

/** The relationships between the given actors (the induced subgraph), with their claim counts. */
export const EXPORT_RELATIONSHIPS = `
MATCH (a:Actor)-[r]->(b:Actor) WHERE a.id IN $ids AND b.id IN $ids AND r.retractedAt IS NULL
${RELATIONSHIP_RETURN}`;

/** Every relationship between actors, with its claim count. */
export const EXPORT_ALL_RELATIONSHIPS = `
MATCH (a:Actor)-[r]->(b:Actor) WHERE r.retractedAt IS NULL
${RELATIONSHIP_RETURN}`;

const CLAIM_RETURN = `RETURN properties(c) AS properties, [(c)-[:CITES]->(s:Source) | s.id][0] AS sourceId
ORDER BY c.id`;

/** The claims supporting the given relationships, each with the id of the source it cites. */
export const EXPORT_CLAIMS = `
MATCH (c:Claim) WHERE c.relationshipId IN $relationshipIds
${CLAIM_RETURN}`;

/** Every claim (orphans included, so a whole-graph export loses nothing). */
export const EXPORT_ALL_CLAIMS = `
MATCH (c:Claim) WHERE NOT c:Retracted
${CLAIM_RETURN}`;

const SOURCE_RETURN = `RETURN properties(s) AS properties, [(s)-[:CITES]->(t:Source) | t.id] AS cites
ORDER BY s.id`;

/** The given sources and the sources they cite (one hop), each with the ids it cites. */
export const EXPORT_SOURCES = `
MATCH (cited:Source) WHERE cited.id IN $sourceIds
OPTIONAL MATCH (cited)-[:CITES]->(further:Source)
WITH collect(DISTINCT cited) + collect(DISTINCT further) AS found
UNWIND found AS s
WITH DISTINCT s
${SOURCE_RETURN}`;

/** Every source. */
export const EXPORT_ALL_SOURCES = `
MATCH (s:Source)
${SOURCE_RETURN}`;

// ---------------------------------------------------------------------------------------------
// Row mapping
// ---------------------------------------------------------------------------------------------

const TYPE_LABELS = new Map<string, string>(RELATIONSHIP_TYPES.map((t) => [t.type, t.label]));
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const props = (row: Row): Record<string, unknown> => (row.properties ?? {}) as Record<string, unknown>;

/** An actor node row ({labels, properties}) as its exported fields; also the curation audit's base snapshot. */
export function toActor(row: Row): ExportActor {
  const p = props(row);
  return {
    id: String(p.id),
    kind: kindOf((row.labels ?? []) as string[]),
    name: str(p.name) ?? String(p.id),
    aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
    description: str(p.description),
    country: str(p.country),
    url: str(p.url),
    wikidata: str(p.wikidata),
  };
}

function toRelationship(row: Row): ExportRelationship {
  const p = props(row);
  const type = String(row.type);
  return {
    id: String(p.id),
    type: type as RelationshipType,
    label: TYPE_LABELS.get(type) ?? type.toLowerCase().replaceAll('_', ' '),
    source: String(row.source),
    target: String(row.target),
    status: (str(p.status) ?? 'active') as RelationshipStatus,
    summary: str(p.summary),
    since: str(p.since),
    until: str(p.until),
    evidenceCount: Number(row.evidenceCount ?? 0),
  };
}

function toClaim(row: Row): ExportClaim {
  const p = props(row);
  return {
    id: String(p.id),
    quote: String(p.quote ?? ''),
    attributedTo: String(p.attributedTo ?? ''),
    stance: String(p.stance ?? 'reported') as ClaimStance,
    relationshipId: String(p.relationshipId ?? ''),
    note: str(p.note),
    sourceId: str(row.sourceId),
  };
}

function toSource(row: Row): ExportSource {
  const p = props(row);
  return {
    id: String(p.id),
    title: String(p.title ?? p.id),
    titleNote: str(p.titleNote),
    publisher: String(p.publisher ?? ''),
    url: str(p.url),
    publishedAt: str(p.publishedAt),
    author: str(p.author),
    cites: Array.isArray(row.cites) ? row.cites.map(String).sort() : [],
  };
}

export interface ExportData {
  nodes: ExportActor[];
  edges: ExportRelationship[];
  claims: ExportClaim[];
  sources: ExportSource[];
}

/** Reads what exports contain. Every query is a read through GraphDb; `signal` stops it (GraphDb.read). */
export class ExportRepository {
  constructor(private readonly db: GraphDb) {}

  /** The subset of `ids` that are actors. */
  async existingActorIds(ids: readonly string[], signal?: AbortSignal): Promise<string[]> {
    const rows = await this.db.read(EXPORT_EXISTING_ACTOR_IDS, { ids: [...ids] }, { signal });
    return rows.map((r) => String(r.id));
  }

  async countActors(signal?: AbortSignal): Promise<number> {
    const rows = await this.db.read(EXPORT_COUNT_ACTORS, {}, { signal });
    return Number(rows[0]?.count ?? 0);
  }

  /** Actor ids within `depth` hops of `ids` (included), at most `limit`. */
  async neighbourhoodIds(ids: readonly string[], depth: 0 | 1 | 2 | 3, limit: number, signal?: AbortSignal): Promise<string[]> {
    const rows = await this.db.read(EXPORT_NEIGHBOURHOOD_IDS[depth], { ids: [...ids], limit: neo4j.int(limit) }, { signal });
    return rows.map((r) => String(r.id));
  }

  /**
   * The actors `actorIds` with the relationships between them, their claims and the sources those
   * cite (plus the sources those cite); `null` reads the whole graph, orphan claims and uncited
   * sources included.
   */
  async subgraph(actorIds: readonly string[] | null, signal?: AbortSignal): Promise<ExportData> {
    const options = { signal };
    if (actorIds === null) {
      const [actors, relationships, claims, sources] = await Promise.all([
        this.db.read(EXPORT_ALL_ACTORS, {}, options),
        this.db.read(EXPORT_ALL_RELATIONSHIPS, {}, options),
        this.db.read(EXPORT_ALL_CLAIMS, {}, options),
        this.db.read(EXPORT_ALL_SOURCES, {}, options),
      ]);
      return {
        nodes: actors.map(toActor),
        edges: relationships.map(toRelationship),
        claims: claims.map(toClaim),
        sources: sources.map(toSource),
      };
    }
    const ids = [...actorIds];
    const [actors, relationships] = await Promise.all([
      this.db.read(EXPORT_ACTORS, { ids }, options),
      this.db.read(EXPORT_RELATIONSHIPS, { ids }, options),
    ]);
    const edges = relationships.map(toRelationship);
    const claims = edges.length === 0 ? [] : (await this.db.read(EXPORT_CLAIMS, { relationshipIds: edges.map((e) => e.id) }, options)).map(toClaim);
    const sourceIds = [...new Set(claims.map((c) => c.sourceId).filter((id): id is string => id !== null))];
    const sources = sourceIds.length === 0 ? [] : (await this.db.read(EXPORT_SOURCES, { sourceIds }, options)).map(toSource);
    return { nodes: actors.map(toActor), edges, claims, sources };
  }
}
