/**
 * The area an edge's line covers, as a chain of small rectangles along it. A long diagonal edge's
 * bounding box is most of the canvas; graph/layer-patch.ts repaints only what changed, so it needs
 * the line itself. Pure geometry, in model coordinates.
 */

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Whether two rectangles share a point (touching edges count). */
export const overlaps = (a: Rect, b: Rect): boolean => a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;

/**
 * Cytoscape's drawn path of an edge (`rscratch.allpts`: x0, y0, x1, y1, …) as a polyline. `curved`
 * paths are chains of quadratic Béziers (start, control, end, control, end…: Cytoscape's bezier,
 * multibezier and self-loop edges), sampled at `samples` points each; others are drawn as straight
 * segments between their points.
 */
export function edgePolyline(allpts: readonly number[], curved: boolean, samples = 8): number[] {
  if (!curved || allpts.length < 6) return [...allpts];
  const out = [allpts[0]!, allpts[1]!];
  for (let i = 0; i + 5 < allpts.length; i += 4) {
    const [x0, y0, cx, cy, x1, y1] = allpts.slice(i, i + 6) as [number, number, number, number, number, number];
    for (let s = 1; s <= samples; s++) {
      const t = s / samples;
      const a = (1 - t) * (1 - t);
      const b = 2 * (1 - t) * t;
      const c = t * t;
      out.push(a * x0 + b * cx + c * x1, a * y0 + b * cy + c * y1);
    }
  }
  return out;
}

/**
 * Rectangles covering a polyline widened by `pad` on each side: every segment is cut into pieces
 * no longer than `step`, one rectangle each. Their union contains every point within `pad` of the line.
 */
export function polylineCover(points: readonly number[], pad: number, step: number): Rect[] {
  const rects: Rect[] = [];
  if (points.length < 2) return rects;
  if (points.length < 4) {
    const [x, y] = points as [number, number];
    return [{ x1: x - pad, y1: y - pad, x2: x + pad, y2: y + pad }];
  }
  for (let i = 0; i + 3 < points.length; i += 2) {
    const [ax, ay, bx, by] = points.slice(i, i + 4) as [number, number, number, number];
    const pieces = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = 0; k < pieces; k++) {
      const px = ax + ((bx - ax) * k) / pieces;
      const py = ay + ((by - ay) * k) / pieces;
      const qx = ax + ((bx - ax) * (k + 1)) / pieces;
      const qy = ay + ((by - ay) * (k + 1)) / pieces;
      rects.push({ x1: Math.min(px, qx) - pad, y1: Math.min(py, qy) - pad, x2: Math.max(px, qx) + pad, y2: Math.max(py, qy) + pad });
    }
  }
  return rects;
}
