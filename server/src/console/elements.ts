/**
 * The graph view of a console result: every node and relationship found anywhere in the rows
 * (nested in lists, maps and paths too), deduplicated, as the explorer's Cytoscape elements.
 * Actors and relationships between actors use the explorer's presenters (presenters/elements.ts)
 * so the console's graph looks like the explorer's; claims, sources and anything else get a
 * generic node (id = their `id` property or element id, kind = first label, label = name, title
 * or quote).
 *
 * Nodes with a PRIVATE_LABELS label (write access control's :User, :ApiToken, :Session) are never
 * collected: they are left out of the elements (with any relationship touching them), and the rows
 * show them redacted (values.ts). Their stored values are useless without the server-side secret
 * anyway (auth/secret.ts); this keeps the console from even displaying them.
 */
import { ACTOR_KIND_NAMES, ACTOR_LABEL, PRIVATE_LABELS, RELATIONSHIP_TYPE_NAMES } from '../contracts/vocabulary.js';
import { toPlainObject } from '../db/plain.js';
import { presentActorNode, presentRelationshipEdge } from '../presenters/elements.js';

export interface RawNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface RawRelationship {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}

export interface ConsoleElements {
  nodes: Array<{ data: Record<string, unknown> }>;
  edges: Array<{ data: Record<string, unknown> }>;
}

const KINDS = new Set<string>(ACTOR_KIND_NAMES);
const VOCABULARY_TYPES = new Set<string>(RELATIONSHIP_TYPE_NAMES);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const isActor = (labels: string[]): boolean => labels.includes(ACTOR_LABEL) && labels.some((l) => KINDS.has(l));
const PRIVATE = new Set<string>(PRIVATE_LABELS);
/** True for a node of write access control (a PRIVATE_LABELS label): never shown by the console. */
export const isPrivateNode = (labels: readonly string[]): boolean => labels.some((l) => PRIVATE.has(l));
/** The id a private node has in rows (and relationship endpoints): nothing that identifies it. */
export const PRIVATE_ID = '[private]';

/** The id a node or relationship has in the elements and in the rows: its `id` property, else its element id. */
export const dataIdOf = (el: { elementId: string; properties: Record<string, unknown> }): string =>
  str(el.properties.id) ?? el.elementId;

/** Collects nodes and relationships while rows are converted; builds the elements at the end. */
export class ElementCollector {
  readonly nodes = new Map<string, RawNode>();
  readonly relationships = new Map<string, RawRelationship>();
  /** Element ids of private nodes met (kept out of `nodes`). */
  private readonly privateNodes = new Set<string>();
  /** Approximate JSON size of what has been collected (for the response-size cap). */
  bytes = 0;

  /** Collects a node and answers its data id; a private node is only remembered, as PRIVATE_ID. */
  addNode(node: RawNode): string {
    if (isPrivateNode(node.labels)) {
      this.privateNodes.add(node.elementId);
      return PRIVATE_ID;
    }
    if (!this.nodes.has(node.elementId)) {
      this.nodes.set(node.elementId, node);
      this.bytes += 120 + JSON.stringify(node.properties, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)).length;
    }
    return dataIdOf(node);
  }

  addRelationship(rel: RawRelationship): string {
    if (!this.relationships.has(rel.elementId)) {
      this.relationships.set(rel.elementId, rel);
      this.bytes += 200 + JSON.stringify(rel.properties, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)).length;
    }
    return dataIdOf(rel);
  }

  /** Element ids of relationship endpoints that are not among the collected nodes. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const r of this.relationships.values()) {
      for (const id of [r.startNodeElementId, r.endNodeElementId]) if (!this.nodes.has(id) && !this.privateNodes.has(id)) missing.add(id);
    }
    return [...missing];
  }

  /** Data id of a node by element id (its element id when the node is unknown). */
  nodeDataId(elementId: string): string {
    if (this.privateNodes.has(elementId)) return PRIVATE_ID;
    const node = this.nodes.get(elementId);
    return node ? dataIdOf(node) : elementId;
  }

  /** Relationship ids (`id` property) between actors, whose evidence counts the elements show. */
  actorRelationshipIds(): string[] {
    return [...this.relationships.values()].filter((r) => this.isActorEdge(r)).map(dataIdOf);
  }

  private isActorEdge(r: RawRelationship): boolean {
    const a = this.nodes.get(r.startNodeElementId);
    const b = this.nodes.get(r.endNodeElementId);
    return VOCABULARY_TYPES.has(r.type) && !!a && !!b && isActor(a.labels) && isActor(b.labels) && !!str(r.properties.id);
  }

  /** The Cytoscape elements; `evidence` maps actor-relationship ids to their claim counts. */
  build(evidence: ReadonlyMap<string, number>): ConsoleElements {
    const nodes = new Map<string, { data: Record<string, unknown> }>();
    for (const n of this.nodes.values()) {
      const id = dataIdOf(n);
      if (nodes.has(id)) continue;
      const properties = toPlainObject(n.properties);
      if (isActor(n.labels)) {
        nodes.set(id, { data: { ...presentActorNode({ labels: n.labels, properties }).data, elementId: n.elementId } });
      } else {
        const label = str(properties.name) ?? str(properties.title) ?? str(properties.quote) ?? n.labels[0] ?? id;
        nodes.set(id, { data: { id, label, kind: n.labels[0] ?? 'Node', labels: n.labels, elementId: n.elementId } });
      }
    }
    const edges = new Map<string, { data: Record<string, unknown> }>();
    for (const r of this.relationships.values()) {
      const id = dataIdOf(r);
      if (edges.has(id) || this.privateNodes.has(r.startNodeElementId) || this.privateNodes.has(r.endNodeElementId)) continue;
      const source = this.nodeDataId(r.startNodeElementId);
      const target = this.nodeDataId(r.endNodeElementId);
      const properties = toPlainObject(r.properties);
      if (this.isActorEdge(r)) {
        const edge = presentRelationshipEdge({ type: r.type, source, target, properties, evidenceCount: evidence.get(id) ?? 0 });
        edges.set(id, { data: { ...edge.data, elementId: r.elementId } });
      } else {
        edges.set(id, { data: { id, source, target, type: r.type, label: r.type.toLowerCase().replaceAll('_', ' '), elementId: r.elementId } });
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }
}
