import { encodeCursor } from '../contracts/cursor.js';
import type { CyElements } from '../contracts/elements.js';
import type { NeighborhoodResult, PathResult, PathsResult, TimelineEvent, TimelineResult } from '../contracts/graph.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../contracts/vocabulary.js';
import type { NeighborhoodData } from '../repositories/neighborhood-repository.js';
import type { PathMode, RawPath } from '../repositories/path-repository.js';
import { EVENT_RANK, type TimelineData } from '../repositories/timeline-repository.js';
import { presentActorNode, presentRelationshipEdge, type ActorRow, type RelationshipRow } from './elements.js';

const TYPE_LABELS = new Map<string, string>(RELATIONSHIP_TYPES.map((t) => [t.type, t.label]));
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Fields: elements { nodes, edges }, centre, truncated, total, omitted, totalExact, edgesExact. */
export function presentNeighborhood(data: NeighborhoodData): NeighborhoodResult {
  const omitted = Math.max(0, data.total - data.nodes.length);
  return {
    elements: { nodes: data.nodes.map(presentActorNode), edges: data.edges.map(presentRelationshipEdge) },
    centre: data.centre,
    truncated: omitted > 0,
    total: data.total,
    omitted,
    totalExact: data.totalExact,
    edgesExact: data.edgesExact,
  };
}

function presentPath(raw: RawPath): PathResult {
  const nodes = raw.nodes.map((n) => String(n.properties.id));
  const steps = raw.rels.map((r, i) => {
    const from = nodes[i] ?? '';
    const to = nodes[i + 1] ?? '';
    return {
      from,
      to,
      edgeId: String(r.properties.id),
      type: r.type as RelationshipType,
      label: TYPE_LABELS.get(r.type) ?? r.type,
      direction: r.source === from ? ('forward' as const) : ('backward' as const),
    };
  });
  return { length: raw.rels.length, nodes, edges: steps.map((s) => s.edgeId), steps };
}

/** Fields: elements (union of the paths), paths [{ length, nodes, edges, steps }], mode, truncated. */
export function presentPaths(raws: RawPath[], mode: PathMode, maxPaths: number): PathsResult {
  const paths = raws
    .map(presentPath)
    // Deterministic order: length, then actor ids, then relationship ids.
    .sort((a, b) => a.length - b.length || byString(a.nodes.join('\u0000'), b.nodes.join('\u0000')) || byString(a.edges.join('\u0000'), b.edges.join('\u0000')));
  const kept = paths.slice(0, maxPaths);
  const keptKeys = new Set(kept.map((p) => p.edges.join('\u0000')));
  const nodes = new Map<string, ActorRow>();
  const edges = new Map<string, RelationshipRow>();
  for (const raw of raws) {
    if (!keptKeys.has(raw.rels.map((r) => String(r.properties.id)).join('\u0000'))) continue;
    for (const n of raw.nodes) nodes.set(String(n.properties.id), n);
    for (const r of raw.rels) edges.set(String(r.properties.id), r);
  }
  const elements: CyElements = {
    nodes: [...nodes.values()].map(presentActorNode).sort((a, b) => byString(a.data.id, b.data.id)),
    edges: [...edges.values()].map(presentRelationshipEdge).sort((a, b) => byString(a.data.id, b.data.id)),
  };
  return { elements, paths: kept, mode, truncated: paths.length > maxPaths };
}

/**
 * Fields: events [{ date, kind, edge | source }] in time order, undated, total, truncated,
 * nextCursor. The repository hands over up to limit + 1 events of each kind after the cursor;
 * the first `limit` of the merge are this page, and one more means a next page.
 */
export function presentTimeline(data: TimelineData, limit: number): TimelineResult {
  const events: TimelineEvent[] = [
    ...data.relationshipEvents.map((e) => ({ date: e.date, kind: e.kind, edge: presentRelationshipEdge(e.edge) })),
    ...data.sources.map((s) => {
      const p = s.source;
      return {
        date: String(p.publishedAt),
        kind: 'published' as const,
        source: {
          id: String(p.id),
          title: str(p.title) ?? String(p.id),
          publisher: str(p.publisher),
          url: str(p.url),
          publishedAt: String(p.publishedAt),
          author: str(p.author),
          relationshipIds: s.relationshipIds,
          relationshipCount: s.relationshipCount,
        },
      };
    }),
  ];
  const idOf = (e: TimelineEvent) => (e.kind === 'published' ? e.source.id : e.edge.data.id);
  events.sort((a, b) => byString(a.date, b.date) || EVENT_RANK[a.kind] - EVENT_RANK[b.kind] || byString(idOf(a), idOf(b)));
  const kept = events.slice(0, limit);
  const last = kept[kept.length - 1];
  const more = events.length > kept.length;
  return {
    events: kept,
    undated: data.undated,
    total: data.relationshipTotal + data.sourceTotal,
    truncated: more,
    nextCursor: more && last ? encodeCursor([last.date, EVENT_RANK[last.kind], idOf(last)]) : null,
  };
}
