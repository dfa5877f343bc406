/**
 * Resolves a view definition into what a reader sees: the elements (Cytoscape JSON, exactly as
 * the explorer gets them from the neighbourhood endpoints), positions, and the citation list of
 * the sources behind the visible edges (the exporters' citation code). Live views resolve on every
 * load; pinned views resolve once, at save time, and store the result.
 */
import type { CyElements } from '../contracts/elements.js';
import { citationsOf } from '../exporters/citations.js';
import type { Citation } from '../exporters/model.js';
import { presentNeighborhood } from '../presenters/graph.js';
import { presentActorNode, presentRelationshipEdge } from '../presenters/elements.js';
import type { ExportRepository } from '../repositories/export-repository.js';
import type { NeighborhoodRepository } from '../repositories/neighborhood-repository.js';
import type { ViewRepository } from '../repositories/view-repository.js';
import { VIEW_LIMITS, type Position, type ViewDefinition, type ViewLayout } from './definition.js';
import { computePositions, elementsFingerprint } from './layout.js';

export interface ViewRepositories {
  views: ViewRepository;
  neighborhood: NeighborhoodRepository;
  exports: ExportRepository;
}

/** What a view shows at one moment. */
export interface ResolvedView {
  elements: CyElements;
  /** Position of every node (model coordinates). */
  positions: Record<string, Position>;
  /** Sources behind the visible edges, most-cited first. */
  citations: Citation[];
  /** When the graph was read (ISO timestamp): "data as of". */
  resolvedAt: string;
  /** Named actors that no longer exist (a live view of a merged or deleted actor). */
  missingActors: string[];
  /** True when the neighbourhood or the edges were cut to the view's bounds. */
  truncated: boolean;
}

/** Layouts are costly (fcose): kept per (layout, elements) so a live view reloads cheaply. */
export class LayoutCache {
  private readonly entries = new Map<string, Record<string, Position>>();
  constructor(private readonly max = 200) {}

  positions(elements: CyElements, layout: ViewLayout, scope: string): Record<string, Position> {
    const key = `${scope}:${elementsFingerprint(elements)}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const positions = computePositions(elements, layout);
    this.entries.set(key, positions);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return positions;
  }
}

/** Reads the elements a definition names, bounded by VIEW_LIMITS. */
async function resolveElements(definition: ViewDefinition, repos: ViewRepositories): Promise<{ elements: CyElements; missing: string[]; truncated: boolean }> {
  const missing = await repos.neighborhood.missingActors(definition.actorIds);
  const present = definition.actorIds.filter((id) => !missing.includes(id));
  if (present.length === 0) return { elements: { nodes: [], edges: [] }, missing, truncated: false };
  const { types, kinds, statuses } = definition.filters;
  let elements: CyElements;
  let truncated = false;
  if (definition.depth === 0) {
    const rows = await repos.views.elementsAmong(present, { types, asOf: definition.asOf });
    elements = { nodes: rows.nodes.map(presentActorNode), edges: rows.edges.map(presentRelationshipEdge) };
  } else {
    const result = presentNeighborhood(
      await repos.neighborhood.neighborhood(present, {
        depth: definition.depth,
        direction: 'both',
        types,
        kinds,
        asOf: definition.asOf,
        limit: Math.max(present.length, VIEW_LIMITS.nodesMax),
      }),
    );
    elements = result.elements;
    truncated = result.truncated;
  }
  let edges = statuses && statuses.length > 0 ? elements.edges.filter((e) => statuses.includes(e.data.status)) : elements.edges;
  if (edges.length > VIEW_LIMITS.edgesMax) {
    edges = edges.slice(0, VIEW_LIMITS.edgesMax);
    truncated = true;
  }
  return { elements: { nodes: elements.nodes, edges }, missing, truncated };
}

/** The citation list of the visible edges: the exporters' citationsOf over their claims and sources. */
async function citationsFor(elements: CyElements, repos: ViewRepositories, resolvedAt: string): Promise<Citation[]> {
  if (elements.edges.length === 0) return [];
  const data = await repos.exports.subgraph(elements.nodes.map((n) => n.data.id));
  const visible = new Set(elements.edges.map((e) => e.data.id));
  return citationsOf({
    meta: { name: 'Sightline view', exportedAt: resolvedAt, ids: null, depth: null },
    ...data,
    edges: data.edges.filter((e) => visible.has(e.id)),
  });
}

/** Reads the graph for a definition now: elements, positions (cached by `scope`), citations. */
export async function resolveView(
  definition: ViewDefinition,
  layout: ViewLayout,
  repos: ViewRepositories,
  layouts: LayoutCache,
  scope: string,
  now: Date = new Date(),
): Promise<ResolvedView> {
  const resolvedAt = now.toISOString();
  const { elements, missing, truncated } = await resolveElements(definition, repos);
  const citations = await citationsFor(elements, repos, resolvedAt);
  const positions = layouts.positions(elements, layout, scope);
  return { elements, positions, citations, resolvedAt, missingActors: missing, truncated };
}
