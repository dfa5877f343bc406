import { describe, expect, it } from 'vitest';
import { edgePolyline, polylineCover, type Rect } from '../../web/src/graph/edge-cover.js';

const contains = (rects: readonly Rect[], x: number, y: number) => rects.some((r) => r.x1 <= x && x <= r.x2 && r.y1 <= y && y <= r.y2);
const area = (rects: readonly Rect[]) => rects.reduce((s, r) => s + (r.x2 - r.x1) * (r.y2 - r.y1), 0);

describe('edge-cover: the area an edge line covers', () => {
  it('keeps a straight path as it is and samples quadratic Béziers through their end points', () => {
    expect(edgePolyline([0, 0, 100, 0], false)).toEqual([0, 0, 100, 0]);
    const curve = edgePolyline([0, 0, 50, 100, 100, 0], true, 4);
    expect(curve).toHaveLength(2 + 4 * 2);
    expect(curve.slice(-2)).toEqual([100, 0]);
    // The curve's middle (t = 0.5) is halfway to its control point: (50, 50).
    expect(curve.slice(4, 6)).toEqual([50, 50]);
    // Two joined curves (multibezier): start, control, end, control, end.
    expect(edgePolyline([0, 0, 10, 10, 20, 0, 30, -10, 40, 0], true, 2)).toEqual([0, 0, 10, 5, 20, 0, 30, -5, 40, 0]);
  });

  it('covers every point within pad of a long diagonal line with far less area than its bounding box', () => {
    const rects = polylineCover([0, 0, 1000, 800], 10, 100);
    for (let t = 0; t <= 1; t += 0.01) {
      const x = 1000 * t;
      const y = 800 * t;
      expect(contains(rects, x, y)).toBe(true);
      // A point pad away from the line, perpendicular to it.
      expect(contains(rects, x - (10 * 800) / Math.hypot(1000, 800), y + (10 * 1000) / Math.hypot(1000, 800))).toBe(true);
    }
    expect(area(rects)).toBeLessThan(0.2 * 1000 * 800);
    // Far from the line, nothing is covered.
    expect(contains(rects, 900, 100)).toBe(false);
  });

  it('covers a point path (a degenerate edge) with a square of side 2 × pad and nothing without points', () => {
    expect(polylineCover([5, 5], 3, 10)).toEqual([{ x1: 2, y1: 2, x2: 8, y2: 8 }]);
    expect(polylineCover([], 3, 10)).toEqual([]);
  });
});
