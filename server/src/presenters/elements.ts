import type { CyEdgeData, CyNodeData } from '../contracts/elements.js';
import {
  ACTOR_KIND_NAMES,
  ACTOR_LABEL,
  RELATIONSHIP_TYPES,
  type ActorKind,
  type RelationshipStatus,
  type RelationshipType,
} from '../contracts/vocabulary.js';

const TYPE_LABELS = new Map<string, string>(RELATIONSHIP_TYPES.map((t) => [t.type, t.label]));
const KINDS = new Set<string>(ACTOR_KIND_NAMES);

/** An actor as repositories return it: its labels and properties (plain JSON). */
export interface ActorRow {
  labels: string[];
  properties: Record<string, unknown>;
}

/** A relationship as repositories return it: type, endpoint actor ids, properties, claim count. */
export interface RelationshipRow {
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  evidenceCount: number;
}

/** The kind of an actor: its one label besides :Actor. */
export function kindOf(labels: string[]): ActorKind {
  const kind = labels.find((l) => l !== ACTOR_LABEL && KINDS.has(l));
  return (kind ?? 'Organization') as ActorKind;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Cytoscape node data of an actor. Fields: id, label, kind, name, aliases, description, country, url, wikidata. */
export function presentActorNode(row: ActorRow): { data: CyNodeData } {
  const p = row.properties;
  const name = str(p.name) ?? String(p.id);
  return {
    data: {
      id: String(p.id),
      label: name,
      kind: kindOf(row.labels),
      name,
      aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
      description: str(p.description),
      country: str(p.country),
      url: str(p.url),
      wikidata: str(p.wikidata),
    },
  };
}

/** Cytoscape edge data of a relationship. Fields: id, source, target, type, label, status, since, until, summary, evidenceCount. */
export function presentRelationshipEdge(row: RelationshipRow): { data: CyEdgeData } {
  const p = row.properties;
  return {
    data: {
      id: String(p.id),
      source: row.source,
      target: row.target,
      type: row.type as RelationshipType,
      label: TYPE_LABELS.get(row.type) ?? row.type.toLowerCase().replaceAll('_', ' '),
      status: (str(p.status) ?? 'active') as RelationshipStatus,
      since: str(p.since),
      until: str(p.until),
      summary: str(p.summary),
      evidenceCount: row.evidenceCount,
    },
  };
}
