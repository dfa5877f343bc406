/**
 * Cheap placement of the nodes a live view gained since it was saved. A view's layout is computed
 * once, when it is saved (layout.ts, fcose), and stored with it; on every later load the nodes
 * with a stored position keep it and each new node is put beside its already placed neighbours,
 * on the first free spot of a small spiral around their centre (nodes with no placed neighbour go
 * on a row under the drawing). No force-directed layout runs on the request path: this is linear
 * in the number of nodes for each new node, and deterministic (directions come from the ids).
 */
import { createHash } from 'node:crypto';
import type { CyElements } from '../contracts/elements.js';
import type { Position } from './definition.js';
import { LAYOUT_DEFAULTS } from './layout.js';

/** Placement tuning; one comment per option. */
export const PLACEMENT_DEFAULTS = {
  /** Distance of a new node from the centre of its placed neighbours (px; fcose's edge length). */
  distance: LAYOUT_DEFAULTS.idealEdgeLength,
  /** Closest a new node may come to any other node (px: a node and its label). */
  clearance: LAYOUT_DEFAULTS.nodeSize * 2,
  /** Spots tried on each ring before moving one ring out. */
  spotsPerRing: 12,
  /** Rings tried before giving up on clearance (the last spot tried is used). */
  rings: 6,
  /** Space between the nodes of the row of unconnected new nodes (px). */
  rowSpacing: LAYOUT_DEFAULTS.nodeSize + LAYOUT_DEFAULTS.spacing,
} as const;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const round = (v: number) => Math.round(v * 10) / 10;

/** A direction (radians) that depends only on the id: the same node always goes the same way. */
function angleOf(id: string): number {
  return (createHash('sha256').update(id).digest().readUInt32LE(0) / 4294967296) * 2 * Math.PI;
}

/**
 * Positions of every node of `elements`: `stored` where it has one, a cheap spot beside its
 * neighbours otherwise. `stored` must hold at least one of the nodes (else there is nothing to
 * place around: the caller lays the view out in full).
 */
export function placeAroundStored(elements: CyElements, stored: Readonly<Record<string, Position>>): Record<string, Position> {
  const out: Record<string, Position> = {};
  const pending: string[] = [];
  for (const n of elements.nodes) {
    const p = stored[n.data.id];
    if (p) out[n.data.id] = { x: p.x, y: p.y };
    else pending.push(n.data.id);
  }
  if (pending.length === 0) return out;
  const neighbours = new Map<string, string[]>();
  for (const e of elements.edges) {
    neighbours.set(e.data.source, [...(neighbours.get(e.data.source) ?? []), e.data.target]);
    neighbours.set(e.data.target, [...(neighbours.get(e.data.target) ?? []), e.data.source]);
  }
  const placed = Object.values(out);
  const isFree = (p: Position) => placed.every((q) => Math.hypot(q.x - p.x, q.y - p.y) >= PLACEMENT_DEFAULTS.clearance);
  const place = (id: string, p: Position) => {
    const at = { x: round(p.x), y: round(p.y) };
    out[id] = at;
    placed.push(at);
  };

  // Nodes next to placed ones first; each one placed may anchor the next (a chain of new nodes).
  let remaining = pending;
  for (let progress = true; progress && remaining.length > 0; ) {
    progress = false;
    const next: string[] = [];
    for (const id of remaining) {
      const anchors = (neighbours.get(id) ?? []).map((n) => out[n]).filter((p): p is Position => p !== undefined);
      if (anchors.length === 0) {
        next.push(id);
        continue;
      }
      const cx = anchors.reduce((s, p) => s + p.x, 0) / anchors.length;
      const cy = anchors.reduce((s, p) => s + p.y, 0) / anchors.length;
      const start = angleOf(id);
      let spot: Position = { x: cx + PLACEMENT_DEFAULTS.distance * Math.cos(start), y: cy + PLACEMENT_DEFAULTS.distance * Math.sin(start) };
      search: for (let ring = 0; ring < PLACEMENT_DEFAULTS.rings; ring += 1) {
        const r = PLACEMENT_DEFAULTS.distance * (1 + ring * 0.5);
        for (let k = 0; k < PLACEMENT_DEFAULTS.spotsPerRing; k += 1) {
          const a = start + k * GOLDEN_ANGLE;
          spot = { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
          if (isFree(spot)) break search;
        }
      }
      place(id, spot);
      progress = true;
    }
    remaining = next;
  }

  // Nodes with no placed neighbour at all: a row under the drawing, from its left edge.
  if (remaining.length > 0) {
    const minX = placed.length > 0 ? Math.min(...placed.map((p) => p.x)) : 0;
    const maxY = placed.length > 0 ? Math.max(...placed.map((p) => p.y)) : -PLACEMENT_DEFAULTS.distance;
    remaining.forEach((id, i) => place(id, { x: minX + i * PLACEMENT_DEFAULTS.rowSpacing, y: maxY + PLACEMENT_DEFAULTS.distance }));
  }
  return out;
}
