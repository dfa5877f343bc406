/**
 * Saved views: (:View) nodes, created once and never changed (see cypher/schema/003-views.cypher).
 * Also the elements among a set of actors for depth-0 views, through the neighbourhood
 * repository's own Cypher (NEIGHBORHOOD_ELEMENTS), so a view resolves exactly as the explorer does.
 */
import type { GraphDb } from '../db/graph-db.js';
import type { ActorRow, RelationshipRow } from '../presenters/elements.js';
import { ALL_RELATIONSHIP_TYPES } from './graph-filters.js';
import { NEIGHBORHOOD_ELEMENTS } from './neighborhood-repository.js';

/** Creates a view; with $previousVersionOf, only if that view exists (no row otherwise), as its version + 1. */
export const CREATE_VIEW = `
OPTIONAL MATCH (p:View {id: $previousVersionOf})
WITH p WHERE $previousVersionOf IS NULL OR p IS NOT NULL
CREATE (v:View {
  id: $id,
  version: coalesce(p.version, 0) + 1,
  previousVersionOf: $previousVersionOf,
  createdAt: $createdAt,
  mode: $mode,
  title: $title,
  caption: $caption,
  definition: $definition,
  layout: $layout,
  style: $style,
  snapshot: $snapshot
})
RETURN properties(v) AS properties`;

/** One view with the ids of the views that are new versions of it. */
export const FIND_VIEW = `
MATCH (v:View {id: $id})
RETURN properties(v) AS properties,
  COLLECT { MATCH (n:View) WHERE n.previousVersionOf = v.id RETURN n.id } AS newerVersions`;

/**
 * The sources behind the given relationships, for a view's citation list: each claim of the
 * relationships counts for the (first) source it cites, as the exporters count them
 * (export-repository.ts EXPORT_CLAIMS); per source, how many of the relationships and claims.
 * One round trip instead of the export reader's three.
 */
export const VIEW_CITATIONS = `
MATCH (c:Claim) WHERE c.relationshipId IN $relationshipIds AND NOT c:Retracted
WITH c, [(c)-[:CITES]->(s:Source) | s][0] AS s
WITH s, count(DISTINCT c.relationshipId) AS edgeCount, count(c) AS claimCount
WHERE s IS NOT NULL
RETURN properties(s) AS properties, edgeCount, claimCount`;

/** One source of a view's citation list, as VIEW_CITATIONS reads it. */
export interface ViewCitationRow {
  properties: Record<string, unknown>;
  edgeCount: number;
  claimCount: number;
}

/** A new :View node's properties (JSON fields as strings); the version is counted when it is stored. */
export interface NewViewRow {
  id: string;
  previousVersionOf: string | null;
  createdAt: string;
  mode: string;
  title: string;
  caption: string | null;
  definition: string;
  layout: string;
  style: string;
  snapshot: string | null;
}

/** A :View node's stored properties (JSON fields still as strings). */
export interface ViewRow extends NewViewRow {
  version: number;
  /** Ids of the views created as new versions of this one. */
  newerVersions: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function toViewRow(properties: Record<string, unknown>, newerVersions: unknown): ViewRow {
  return {
    id: String(properties.id),
    version: Number(properties.version ?? 1),
    previousVersionOf: str(properties.previousVersionOf),
    createdAt: String(properties.createdAt),
    mode: String(properties.mode),
    title: String(properties.title ?? ''),
    caption: str(properties.caption),
    definition: String(properties.definition ?? '{}'),
    layout: String(properties.layout ?? '{}'),
    style: String(properties.style ?? '{}'),
    snapshot: str(properties.snapshot),
    newerVersions: Array.isArray(newerVersions) ? newerVersions.map(String).sort() : [],
  };
}

export class ViewRepository {
  constructor(private readonly db: GraphDb) {}

  /** Stores a new view; null when `previousVersionOf` names no view. */
  async create(view: NewViewRow): Promise<ViewRow | null> {
    const [row] = await this.db.write(CREATE_VIEW, { ...view });
    return row ? toViewRow(row.properties as Record<string, unknown>, []) : null;
  }

  async findById(id: string): Promise<ViewRow | null> {
    const [row] = await this.db.read(FIND_VIEW, { id });
    return row ? toViewRow(row.properties as Record<string, unknown>, row.newerVersions) : null;
  }

  /** The sources cited by the claims of `relationshipIds`, with how many relationships and claims each supports. */
  async citations(relationshipIds: readonly string[]): Promise<ViewCitationRow[]> {
    if (relationshipIds.length === 0) return [];
    const rows = await this.db.read(VIEW_CITATIONS, { relationshipIds: [...relationshipIds] });
    return rows.map((r) => ({
      properties: (r.properties ?? {}) as Record<string, unknown>,
      edgeCount: Number(r.edgeCount),
      claimCount: Number(r.claimCount),
    }));
  }

  /** The actors `ids` and the relationships between them under the type and date filters (depth 0). */
  async elementsAmong(ids: readonly string[], filters: { types?: readonly string[] | undefined; asOf?: string | undefined }): Promise<{ nodes: ActorRow[]; edges: RelationshipRow[] }> {
    const [row] = await this.db.read(NEIGHBORHOOD_ELEMENTS, {
      keep: [...ids],
      types: filters.types && filters.types.length > 0 ? [...filters.types] : [...ALL_RELATIONSHIP_TYPES],
      asOf: filters.asOf ?? null,
    });
    const order = new Map(ids.map((id, i) => [id, i]));
    const nodes = ((row?.nodes as ActorRow[] | undefined) ?? [])
      .slice()
      .sort((a, b) => (order.get(String(a.properties.id)) ?? 0) - (order.get(String(b.properties.id)) ?? 0));
    const edges = ((row?.edges as RelationshipRow[] | undefined) ?? []).slice().sort((a, b) => {
      const x = String(a.properties.id);
      const y = String(b.properties.id);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return { nodes, edges };
  }
}
