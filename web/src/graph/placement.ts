/**
 * Where an expansion's new actors go on a large canvas, without running a layout: the free spots
 * nearest to the expanded actor. Candidates are taken in order along a sunflower (Vogel) spiral
 * around the centre, and a candidate is kept when no node (already there or just placed) lies
 * within `gap` of it; the nodes already there are looked up in a grid of `gap`-sized cells, so the
 * cost is one pass over the canvas plus a few checks per candidate, whatever the layout. Pure and
 * deterministic (same canvas, same answer), so it is unit-tested.
 */
import type { Position } from './types.js';

/** The golden angle: consecutive spiral points never line up, so the spiral covers the disc evenly. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Candidates are this fraction of `gap` apart (denser than the gap, so holes between nodes are found). */
const CANDIDATE_SPACING = 0.35;

/** Spatial hash of points in square cells of side `size`: "is any point within `size` of p?" checks 9 cells. */
class PointGrid {
  private readonly cells = new Map<string, Position[]>();

  constructor(private readonly size: number) {}

  private key(i: number, j: number): string {
    return `${i},${j}`;
  }

  add(p: Position): void {
    const k = this.key(Math.floor(p.x / this.size), Math.floor(p.y / this.size));
    const cell = this.cells.get(k);
    if (cell) cell.push(p);
    else this.cells.set(k, [p]);
  }

  /** True when a point lies closer than `size` to `p`. */
  crowded(p: Position): boolean {
    const i = Math.floor(p.x / this.size);
    const j = Math.floor(p.y / this.size);
    const limit = this.size * this.size;
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        for (const q of this.cells.get(this.key(i + di, j + dj)) ?? []) {
          const dx = q.x - p.x;
          const dy = q.y - p.y;
          if (dx * dx + dy * dy < limit) return true;
        }
      }
    }
    return false;
  }
}

/**
 * `count` positions around `centre`, nearest first, each at least `gap` from every `occupied`
 * position, from the centre and from each other.
 */
export function freeSpotsAround(centre: Position, occupied: Iterable<Position>, count: number, gap: number): Position[] {
  const out: Position[] = [];
  if (count <= 0) return out;
  const size = Math.max(1, gap);
  const grid = new PointGrid(size);
  for (const p of occupied) grid.add(p);
  grid.add(centre);
  // Vogel's spiral: point k at radius c·√k; neighbouring points are about c·√π apart.
  const c = (size * CANDIDATE_SPACING) / Math.sqrt(Math.PI);
  // Every candidate is a new spot of the disc, and beyond the occupied area every candidate is
  // free, so the loop ends; the bound only guards against a non-finite input.
  for (let k = 1; out.length < count && k < 50_000_000; k++) {
    const r = c * Math.sqrt(k);
    const angle = k * GOLDEN_ANGLE;
    const p = { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
    if (grid.crowded(p)) continue;
    grid.add(p);
    out.push(p);
  }
  return out;
}
