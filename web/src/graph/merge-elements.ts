/**
 * Pure operations on the set of elements on the canvas. Nothing here touches Cytoscape or the
 * DOM: the canvas is synced from the result (graph/canvas.ts), and undo/redo keeps the results.
 */
import type { GraphEdge, GraphElements, GraphNode } from './types.js';

export interface MergeResult {
  elements: GraphElements;
  /** Ids of the nodes and edges that were not there before, in the order they came. */
  addedNodes: string[];
  addedEdges: string[];
}

/**
 * Adds `incoming` to `current`: elements already present keep their data and position (the first
 * copy wins, so a node does not jump), new ones are appended in order, duplicates inside
 * `incoming` count once, and an edge whose ends are not both present after the merge is dropped
 * (the canvas never holds a dangling edge). Inputs are not modified.
 */
export function mergeElements(current: GraphElements, incoming: Partial<GraphElements>): MergeResult {
  const nodes: GraphNode[] = [...current.nodes];
  const nodeIds = new Set(nodes.map((n) => n.data.id));
  const addedNodes: string[] = [];
  for (const node of incoming.nodes ?? []) {
    if (nodeIds.has(node.data.id)) continue;
    nodeIds.add(node.data.id);
    nodes.push(node.position ? { data: node.data, position: { ...node.position } } : { data: node.data });
    addedNodes.push(node.data.id);
  }
  const edges: GraphEdge[] = current.edges.filter((e) => nodeIds.has(e.data.source) && nodeIds.has(e.data.target));
  const edgeIds = new Set(edges.map((e) => e.data.id));
  const addedEdges: string[] = [];
  for (const edge of incoming.edges ?? []) {
    if (edgeIds.has(edge.data.id)) continue;
    if (!nodeIds.has(edge.data.source) || !nodeIds.has(edge.data.target)) continue;
    edgeIds.add(edge.data.id);
    edges.push({ data: edge.data });
    addedEdges.push(edge.data.id);
  }
  return { elements: { nodes, edges }, addedNodes, addedEdges };
}

/** Removes nodes, and every edge touching them. */
export function removeNodes(current: GraphElements, ids: Iterable<string>): GraphElements {
  const gone = new Set(ids);
  return {
    nodes: current.nodes.filter((n) => !gone.has(n.data.id)),
    edges: current.edges.filter((e) => !gone.has(e.data.source) && !gone.has(e.data.target)),
  };
}

/** Keeps only the given nodes (in their given order) and the edges between them. */
export function restrictTo(elements: GraphElements, ids: readonly string[]): GraphElements {
  const byId = new Map(elements.nodes.map((n) => [n.data.id, n] as const));
  const nodes = ids.flatMap((id) => {
    const node = byId.get(id);
    return node ? [node] : [];
  });
  const keep = new Set(nodes.map((n) => n.data.id));
  const seen = new Set<string>();
  const edges = elements.edges.filter((e) => {
    if (seen.has(e.data.id) || !keep.has(e.data.source) || !keep.has(e.data.target)) return false;
    seen.add(e.data.id);
    return true;
  });
  return { nodes, edges };
}

/**
 * Records positions (e.g. after a layout) without changing anything else; unknown ids are ignored.
 * A node whose position does not change is kept as is (the same object), so the undo history's
 * snapshots of a large canvas share their unchanged nodes instead of copying them all.
 */
export function withPositions(elements: GraphElements, positions: ReadonlyMap<string, { x: number; y: number }>): GraphElements {
  return {
    nodes: elements.nodes.map((n) => {
      const p = positions.get(n.data.id);
      if (!p || (n.position && n.position.x === p.x && n.position.y === p.y)) return n;
      return { data: n.data, position: { x: p.x, y: p.y } };
    }),
    edges: elements.edges,
  };
}

export function nodeIds(elements: GraphElements): string[] {
  return elements.nodes.map((n) => n.data.id);
}
