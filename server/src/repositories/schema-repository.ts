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
 * input), backtick-quoted. counts(): single-label counts come from Neo4j's count store, so they
 * cost nothing however large the graph, minus the few :Retracted (deleted or merged-away) actors
 * and claims; so do relationship counts per type (TYPE_COUNTS), minus the retracted relationships
 * (`retractedAt`, see server/src/curation/retraction.ts) found through their indexes.
 * statistics(): status and stance counts and the property keys read every relationship and claim
 * (seconds on a large graph), so GET /api/schema computes them at most once a minute per instance
 * (server/src/routes/schema/schema.ts).
 */
const quote = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/**
 * Relationships per vocabulary type: the count store's total minus the retracted ones, which the
 * per-type `retractedAt` range indexes list (cypher/schema/007-retraction-indexes.cypher): no
 * relationship is read, however large the graph. Exported for the plan test.
 */
export const TYPE_COUNTS = `{${RELATIONSHIP_TYPE_NAMES.map(
  (t) => `${quote(t)}: COUNT { ()-[:${quote(t)}]->() } - COUNT { ()-[r:${quote(t)}]->() WHERE r.retractedAt IS NOT NULL }`,
).join(', ')}}`;

const COUNTS = `
RETURN
  {${ACTOR_KIND_NAMES.map((k) => `${quote(k)}: COUNT { (:${quote(k)}) } - COUNT { (:${quote(k)}:Retracted) }`).join(', ')}} AS kinds,
  ${TYPE_COUNTS} AS types,
  COUNT { (:${quote(ACTOR_LABEL)}) } - COUNT { (:${quote(ACTOR_LABEL)}:Retracted) } AS actors,
  COUNT { (:${quote(SOURCE_LABEL)}) } AS sources,
  COUNT { (:${quote(CLAIM_LABEL)}) } - COUNT { (:${quote(CLAIM_LABEL)}:Retracted) } AS claims`;

/** The statistics' queries, exported for the benchmark's baseline (tests/bench/schema.ts). */
export const STATUS_COUNTS = `
MATCH (:${quote(ACTOR_LABEL)})-[r]->(:${quote(ACTOR_LABEL)}) WHERE type(r) IN $types AND r.retractedAt IS NULL
RETURN r.status AS status, count(*) AS count`;

export const STANCE_COUNTS = `
MATCH (c:${quote(CLAIM_LABEL)}) WHERE NOT c:Retracted
RETURN c.stance AS stance, count(*) AS count`;

export const NODE_PROPERTIES = `
CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes
RETURN nodeLabels, propertyName, propertyTypes`;

export const REL_PROPERTIES = `
CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes
RETURN relType, propertyName, propertyTypes`;

/** The exact counts, cheap at any size. */
export interface SchemaCountsRow {
  kinds: Record<string, number>;
  types: Record<string, number>;
  actors: number;
  sources: number;
  claims: number;
}

/** The whole-graph statistics, costly on a large graph. */
export interface SchemaStatistics {
  statuses: Array<{ status: unknown; count: number }>;
  stances: Array<{ stance: unknown; count: number }>;
  nodeProperties: NodePropertyRow[];
  relProperties: RelPropertyRow[];
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

  /** Exact counts per kind and type, and totals: count store and indexes only. */
  async counts(): Promise<SchemaCountsRow> {
    const [row] = await this.db.read(COUNTS);
    if (!row) throw new Error('sightline/schema-repository: the counts query returned no row');
    return row as unknown as SchemaCountsRow;
  }

  /**
   * Counts per status and per stance, and property keys per label and type: reads the whole
   * graph. A background computation: its queries run one after another (one core of Neo4j, not
   * all), each within `timeoutMs`.
   */
  async statistics(timeoutMs?: number): Promise<SchemaStatistics> {
    const options = timeoutMs === undefined ? {} : { timeoutMs };
    const statuses = await this.db.read(STATUS_COUNTS, { types: RELATIONSHIP_TYPE_NAMES }, options);
    const stances = await this.db.read(STANCE_COUNTS, {}, options);
    const nodeProperties = await this.db.read(NODE_PROPERTIES, {}, options);
    const relProperties = await this.db.read(REL_PROPERTIES, {}, options);
    return {
      statuses: statuses as unknown as SchemaStatistics['statuses'],
      stances: stances as unknown as SchemaStatistics['stances'],
      nodeProperties: nodeProperties as unknown as NodePropertyRow[],
      relProperties: relProperties as unknown as RelPropertyRow[],
    };
  }
}
