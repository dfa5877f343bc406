/**
 * A full layout as data: what the page sends to the layout worker (node ids, sizes, positions,
 * pinned nodes, edges) and how the answer becomes target positions. Pure (no Cytoscape, no DOM),
 * so both ends and the unit tests share it.
 */
import type { LayoutName } from './layout-names.js';
import type { Position } from './types.js';

export interface LayoutNodeInput {
  id: string;
  /** Width and height the layout reserves for the node (its label included where the layout counts labels). */
  w: number;
  h: number;
  /** Where the node is now (fcose starts from here when it keeps pinned nodes). */
  x: number;
  y: number;
}

export interface LayoutRequest {
  /** Sequence number: an answer is applied only to the request it belongs to. */
  seq: number;
  name: LayoutName;
  nodes: LayoutNodeInput[];
  edges: { id: string; source: string; target: string }[];
  /** Nodes every layout keeps exactly where they are. */
  pinned: { nodeId: string; position: Position }[];
}

export type LayoutResponse =
  | { seq: number; ok: true; positions: Record<string, Position>; ms: number }
  | { seq: number; ok: false; message: string };

/** Builds the request; edges whose ends are not among the nodes are left out (a layout would fail on them). */
export function buildLayoutRequest(
  seq: number,
  name: LayoutName,
  nodes: readonly LayoutNodeInput[],
  edges: readonly { id: string; source: string; target: string }[],
  pinnedIds: ReadonlySet<string>,
): LayoutRequest {
  const ids = new Set(nodes.map((n) => n.id));
  return {
    seq,
    name,
    nodes: nodes.map((n) => ({ ...n })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, source: e.source, target: e.target })),
    pinned: nodes.filter((n) => pinnedIds.has(n.id)).map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } })),
  };
}

/**
 * Where each node goes: the layout's position, except that pinned nodes keep theirs exactly (fcose
 * honours them as constraints up to rounding; the other layouts ignore them) and a node the answer
 * misses stays where it was.
 */
export function targetPositions(request: LayoutRequest, positions: Readonly<Record<string, Position>>): Map<string, Position> {
  const out = new Map<string, Position>();
  for (const n of request.nodes) {
    const p = positions[n.id];
    out.set(n.id, p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x, y: p.y } : { x: n.x, y: n.y });
  }
  for (const p of request.pinned) out.set(p.nodeId, { ...p.position });
  return out;
}
