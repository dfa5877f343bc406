/**
 * Resolves a view definition into what a reader sees: the elements (Cytoscape JSON, exactly as
 * the explorer gets them from the neighbourhood endpoints), positions, and the citation list of
 * the sources behind the visible edges (as the exporters' citation list has them). Live views
 * resolve on every load; pinned views resolve once, at save time, and store the result.
 */
import type { CyElements } from '../contracts/elements.js';
import type { Citation } from '../exporters/model.js';
import { presentNeighborhood } from '../presenters/graph.js';
import { presentActorNode, presentRelationshipEdge } from '../presenters/elements.js';
import type { NeighborhoodRepository } from '../repositories/neighborhood-repository.js';
import type { ViewRepository } from '../repositories/view-repository.js';
import { VIEW_LIMITS, type ActorsViewDefinition, type Position, type ViewDefinition, type ViewLayout } from './definition.js';
import { computePositions, elementsFingerprint } from './layout.js';
import { placeAroundStored } from './placement.js';
import type { QueryViews } from './query-view.js';

export interface ViewRepositories {
  views: ViewRepository;
  neighborhood: NeighborhoodRepository;
  /** Saved queries, run through the console's safety gate, for views of kind "query". */
  queries: QueryViews;
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
  if (definition.kind === 'query') return { ...(await repos.queries.elements(definition)), missing: [] };
  return resolveActorElements(definition, repos);
}

/** The named actors (and their neighbourhood to the definition's depth), filtered. */
async function resolveActorElements(definition: ActorsViewDefinition, repos: ViewRepositories): Promise<{ elements: CyElements; missing: string[]; truncated: boolean }> {
  const { types, kinds, statuses } = definition.filters;
  // Depth 0 (the usual embed): the elements among the named ids are read while the missing ones
  // are looked up (an id that is no actor matches nothing): one round trip on the page's path.
  const among = definition.depth === 0 ? repos.views.elementsAmong(definition.actorIds, { types, asOf: definition.asOf }) : null;
  among?.catch(() => undefined); // awaited below; a failure is reported there
  const missing = await repos.neighborhood.missingActors(definition.actorIds);
  const present = definition.actorIds.filter((id) => !missing.includes(id));
  if (present.length === 0) return { elements: { nodes: [], edges: [] }, missing, truncated: false };
  let elements: CyElements;
  let truncated = false;
  if (among) {
    const rows = await among;
    const kept = new Set(present); // a retracted actor is missing, though the elements query matched it
    elements = {
      nodes: rows.nodes.map(presentActorNode).filter((n) => kept.has(n.data.id)),
      edges: rows.edges.map(presentRelationshipEdge).filter((e) => kept.has(e.data.source) && kept.has(e.data.target)),
    };
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

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The citation list of the visible edges: the sources their claims cite, with the fields and the
 * order of the exporters' citation list (exporters/citations.ts: most edges supported first, then
 * publisher, title, id), read in one query.
 */
async function citationsFor(elements: CyElements, repos: ViewRepositories): Promise<Citation[]> {
  if (elements.edges.length === 0) return [];
  const rows = await repos.views.citations(elements.edges.map((e) => e.data.id));
  return rows
    .map(({ properties: p, edgeCount, claimCount }): Citation => ({
      id: String(p.id),
      title: String(p.title ?? p.id),
      titleNote: str(p.titleNote),
      publisher: String(p.publisher ?? ''),
      url: str(p.url),
      publishedAt: str(p.publishedAt),
      author: str(p.author),
      edgeCount,
      claimCount,
    }))
    .sort((a, b) => b.edgeCount - a.edgeCount || a.publisher.localeCompare(b.publisher) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/**
 * How positions are found: `full` lays the elements out under the layout (fcose etc.; when a view
 * is saved, and for views saved without stored positions), `stored` keeps the positions stored
 * with the view and places only the nodes that appeared since, cheaply (placement.ts).
 */
export type Placement = 'full' | 'stored';

function positionsOf(elements: CyElements, layout: ViewLayout, layouts: LayoutCache, scope: string, placement: Placement): Record<string, Position> {
  const stored = layout.positions;
  if (placement === 'stored' && stored && elements.nodes.some((n) => stored[n.data.id])) return placeAroundStored(elements, stored);
  return layouts.positions(elements, layout, scope);
}

/** Reads the graph for a definition now: elements, positions, citations. */
export async function resolveView(
  definition: ViewDefinition,
  layout: ViewLayout,
  repos: ViewRepositories,
  layouts: LayoutCache,
  scope: string,
  now: Date = new Date(),
  placement: Placement = 'stored',
): Promise<ResolvedView> {
  const resolvedAt = now.toISOString();
  const { elements, missing, truncated } = await resolveElements(definition, repos);
  // The citations' read and the layout are independent: the layout runs while Neo4j answers.
  const citing = citationsFor(elements, repos);
  let positions: Record<string, Position>;
  try {
    positions = positionsOf(elements, layout, layouts, scope, placement);
  } catch (error) {
    citing.catch(() => undefined); // reported through `error`, not as an unhandled rejection
    throw error;
  }
  return { elements, positions, citations: await citing, resolvedAt, missingActors: missing, truncated };
}
