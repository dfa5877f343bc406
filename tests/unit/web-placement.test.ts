import { describe, expect, it } from 'vitest';
import { freeSpotsAround } from '../../web/src/graph/placement.js';
import type { Position } from '../../web/src/graph/types.js';

const dist = (a: Position, b: Position) => Math.hypot(a.x - b.x, a.y - b.y);

/** A jittered grid like the explorer benchmark's scenes (deterministic jitter). */
function grid(n: number, spacing: number): Position[] {
  const cols = Math.ceil(Math.sqrt(n));
  return Array.from({ length: n }, (_, i) => ({ x: (i % cols) * spacing + ((i * 37) % 50) - 25, y: Math.floor(i / cols) * spacing + ((i * 53) % 50) - 25 }));
}

describe('free spots for an expansion on a large canvas', () => {
  it('keeps every new spot at least `gap` from the nodes already there, from the centre and from each other', () => {
    const occupied = grid(2500, 110);
    const centre = occupied[1275] as Position;
    const spots = freeSpotsAround(centre, occupied, 50, 72);
    expect(spots).toHaveLength(50);
    for (const s of spots) {
      expect(dist(s, centre)).toBeGreaterThanOrEqual(72);
      for (const o of occupied) expect(dist(s, o)).toBeGreaterThanOrEqual(72);
    }
    for (let i = 0; i < spots.length; i++) for (let j = i + 1; j < spots.length; j++) expect(dist(spots[i] as Position, spots[j] as Position)).toBeGreaterThanOrEqual(72);
  });

  it('fills the space nearest the centre first (on an empty canvas, a compact disc around it)', () => {
    const centre = { x: 500, y: -200 };
    const spots = freeSpotsAround(centre, [], 30, 72);
    expect(spots).toHaveLength(30);
    // 30 discs of radius 36 fit in a disc of radius ~ 36·√(30/0.75) ≈ 230; allow the spiral some slack.
    for (const s of spots) expect(dist(s, centre)).toBeLessThan(500);
    const radii = spots.map((s) => dist(s, centre));
    expect(radii[0]).toBeLessThan(radii[radii.length - 1] as number);
  });

  it('goes around a crowded neighbourhood: a centre in the middle of a dense block gets spots at its edge, not on top of it', () => {
    const dense = grid(400, 40); // 20×20 block, 40 px apart: no free spot of 72 px inside
    const centre = { x: 380, y: 380 };
    const spots = freeSpotsAround(centre, dense, 10, 72);
    for (const s of spots) for (const o of dense) expect(dist(s, o)).toBeGreaterThanOrEqual(72);
    for (const s of spots) expect(dist(s, centre)).toBeGreaterThan(300);
  });

  it('is deterministic, and asks nothing of an empty request', () => {
    const occupied = grid(300, 110);
    expect(freeSpotsAround({ x: 1, y: 2 }, occupied, 12, 72)).toEqual(freeSpotsAround({ x: 1, y: 2 }, occupied, 12, 72));
    expect(freeSpotsAround({ x: 0, y: 0 }, occupied, 0, 72)).toEqual([]);
  });
});
