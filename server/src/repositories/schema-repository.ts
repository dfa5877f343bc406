import type { GraphDb } from '../db/graph-db.js';
import {
  ACTOR_KIND_NAMES,
  ACTOR_LABEL,
  CLAIM_LABEL,
  RELATIONSHIP_TYPE_NAMES,
  SOURCE_LABEL,
} from '../contracts/vocabulary.js';

/**
 * Live counts for the vocabulary. Labels and types are the vocabulary's constants (never request
 * input), backtick-quoted; single-label counts come from Neo4j's count store, so they cost nothing
 * however large the graph, minus the few :Retracted (deleted or merged-away) actors and claims.
 * Type, status and stance counts scan relationships and claims, skipping retracted relationships
 * (`retractedAt`, see server/src/curation/retraction.ts) (GET /api/schema is cached for a minute).
 */
const quote = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

const COUNTS = `
RETURN
  {${ACTOR_KIND_NAMES.map((k) => `${quote(k)}: COUNT { (:${quote(k)}) } - COUNT { (:${quote(k)}:Retracted) }`).join(', ')}} AS kinds,
  {${RELATIONSHIP_TYPE_NAMES.map((t) => `${quote(t)}: COUNT { ()-[r:${quote(t)}]->() WHERE r.retractedAt IS NULL }`).join(', ')}} AS types,
  COUNT { (:${quote(ACTOR_LABEL)}) } - COUNT { (:${quote(ACTOR_LABEL)}:Retracted) } AS actors,
  COUNT { (:${quote(SOURCE_LABEL)}) } AS sources,
  COUNT { (:${quote(CLAIM_LABEL)}) } - COUNT { (:${quote(CLAIM_LABEL)}:Retracted) } AS claims,
  COLLECT {
    MATCH (:${quote(ACTOR_LABEL)})-[r]->(:${quote(ACTOR_LABEL)}) WHERE type(r) IN $types AND r.retractedAt IS NULL
    WITH r.status AS status, count(*) AS n
    RETURN {status: status, count: n}
  } AS statuses,
  COLLECT {
    MATCH (c:${quote(CLAIM_LABEL)}) WHERE NOT c:Retracted
    WITH c.stance AS stance, count(*) AS n
    RETURN {stance: stance, count: n}
  } AS stances`;

const NODE_PROPERTIES = `
CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes
RETURN nodeLabels, propertyName, propertyTypes`;

const REL_PROPERTIES = `
CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes
RETURN relType, propertyName, propertyTypes`;

export interface SchemaCountsRow {
  kinds: Record<string, number>;
  types: Record<string, number>;
  actors: number;
  sources: number;
  claims: number;
  statuses: Array<{ status: unknown; count: number }>;
  stances: Array<{ stance: unknown; count: number }>;
}

export interface NodePropertyRow {
  nodeLabels: string[];
  propertyName: string | null;
  propertyTypes: string[] | null;
}

export interface RelPropertyRow {
  /** As Neo4j writes it: ":`PROVIDES_SERVICES_TO`". */
  relType: string;
  propertyName: string | null;
  propertyTypes: string[] | null;
}

/** What the graph holds, per vocabulary entry. */
export class SchemaRepository {
  constructor(private readonly db: GraphDb) {}

  async counts(): Promise<SchemaCountsRow> {
    const [row] = await this.db.read(COUNTS, { types: RELATIONSHIP_TYPE_NAMES });
    if (!row) throw new Error('sightline/schema-repository: the counts query returned no row');
    return row as unknown as SchemaCountsRow;
  }

  async propertyKeys(): Promise<{ nodes: NodePropertyRow[]; relationships: RelPropertyRow[] }> {
    const [nodes, relationships] = await Promise.all([this.db.read(NODE_PROPERTIES), this.db.read(REL_PROPERTIES)]);
    return { nodes: nodes as unknown as NodePropertyRow[], relationships: relationships as unknown as RelPropertyRow[] };
  }
}
