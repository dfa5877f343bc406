import type { ActorKind, ClaimStance, RelationshipStatus, RelationshipType } from '../contracts/vocabulary.js';

/**
 * The plain graph model every exporter reads: what the export repository returns, with no Neo4j
 * types in it. Optional stored properties are `null` when absent (the `json` exporter drops them
 * again, so its output has exactly the stored shape).
 */
export interface ExportActor {
  id: string;
  /** The actor's kind label (Company, Person…). */
  kind: ActorKind;
  name: string;
  aliases: string[];
  description: string | null;
  country: string | null;
  url: string | null;
  wikidata: string | null;
}

export interface ExportRelationship {
  id: string;
  /** The Neo4j relationship type, e.g. PROVIDES_SERVICES_TO. */
  type: RelationshipType;
  /** The vocabulary's reading of the type, e.g. "provides services to". */
  label: string;
  /** Subject actor id. */
  source: string;
  /** Object actor id. */
  target: string;
  status: RelationshipStatus;
  summary: string | null;
  since: string | null;
  until: string | null;
  /** How many claims support it. */
  evidenceCount: number;
}

export interface ExportClaim {
  id: string;
  quote: string;
  attributedTo: string;
  stance: ClaimStance;
  relationshipId: string;
  note: string | null;
  /** The id of the Source it CITES (null only for a claim that lost its source). */
  sourceId: string | null;
}

export interface ExportSource {
  id: string;
  title: string;
  titleNote: string | null;
  publisher: string;
  url: string | null;
  publishedAt: string | null;
  author: string | null;
  /** Ids of the sources this source cites (Source -[:CITES]-> Source), sorted. */
  cites: string[];
}

export interface ExportMeta {
  /** Human name of the export, e.g. "Sightline: microsoft (depth 1)". */
  name: string;
  /** ISO timestamp of the export. */
  exportedAt: string;
  /** The requested actor ids, or null for the whole graph. */
  ids: string[] | null;
  /** Neighbourhood depth, or null for the whole graph. */
  depth: number | null;
}

/** A subgraph with its evidence: actors, the relationships between them, their claims and sources. */
export interface ExportGraph {
  meta: ExportMeta;
  nodes: ExportActor[];
  edges: ExportRelationship[];
  claims: ExportClaim[];
  sources: ExportSource[];
}

/** One entry of the citation list: a source and how many exported edges it supports. */
export interface Citation extends Omit<ExportSource, 'cites'> {
  /** How many exported relationships have at least one claim citing this source. */
  edgeCount: number;
  /** How many exported claims cite it. */
  claimCount: number;
}

/** What an exporter produces: the body and how to serve it. */
export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  /** File extension without the dot, e.g. "graphml" or "citations.txt". */
  extension: string;
}

export const SIGHTLINE_NAME = 'Sightline';
