import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../web/src/graph/layout-compute.js';
import { buildLayoutRequest, targetPositions, type LayoutNodeInput } from '../../web/src/graph/layout-job.js';

/** A ring of n nodes, all at the origin's right, each linked to the next. */
function ring(n: number): { nodes: LayoutNodeInput[]; edges: { id: string; source: string; target: string }[] } {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, w: 34, h: 34, x: i * 3, y: (i % 5) * 2 }));
  const edges = nodes.map((node, i) => ({ id: `e${i}`, source: node.id, target: `n${(i + 1) % n}` }));
  return { nodes, edges };
}

describe('layout jobs (what the page sends to the layout worker, and what comes back)', () => {
  it('builds a request: copies of the nodes, edges with both ends present only, pinned nodes at their current place', () => {
    const { nodes, edges } = ring(4);
    const request = buildLayoutRequest(7, 'fcose', nodes, [...edges, { id: 'dangling', source: 'n0', target: 'gone' }], new Set(['n2', 'absent']));
    expect(request.seq).toBe(7);
    expect(request.name).toBe('fcose');
    expect(request.nodes).toEqual(nodes);
    expect(request.nodes[0]).not.toBe(nodes[0]);
    expect(request.edges.map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'e3']);
    expect(request.pinned).toEqual([{ nodeId: 'n2', position: { x: 6, y: 4 } }]);
    // Structured-clone safe: plain data only (no functions), so postMessage carries it as is.
    expect(structuredClone(request)).toEqual(request);
  });

  it('target positions: the layout’s, pinned nodes exactly where they were, a node the answer misses (or a NaN) stays put', () => {
    const { nodes, edges } = ring(3);
    const request = buildLayoutRequest(1, 'grid', nodes, edges, new Set(['n1']));
    const target = targetPositions(request, { n0: { x: 100, y: 200 }, n1: { x: 5, y: 5 }, n2: { x: Number.NaN, y: 1 } });
    expect(target.get('n0')).toEqual({ x: 100, y: 200 });
    expect(target.get('n1')).toEqual({ x: 3, y: 2 });
    expect(target.get('n2')).toEqual({ x: 6, y: 4 });
  });

  it('computes fcose on a headless Cytoscape (as the worker does): every node placed, pinned nodes kept, the rest spread out', () => {
    const { nodes, edges } = ring(40);
    const request = buildLayoutRequest(3, 'fcose', nodes, edges, new Set(['n0', 'n20']));
    const response = computeLayout(request);
    if (!response.ok) throw new Error(response.message);
    expect(response.seq).toBe(3);
    expect(Object.keys(response.positions)).toHaveLength(40);
    const target = targetPositions(request, response.positions);
    expect(target.get('n0')).toEqual({ x: 0, y: 0 });
    expect(target.get('n20')).toEqual({ x: 60, y: 0 });
    // fcose honours its fixed-node constraints itself (within a pixel), before targetPositions pins them exactly.
    expect(Math.hypot(response.positions.n0!.x - 0, response.positions.n0!.y - 0)).toBeLessThan(1);
    const xs = Object.values(response.positions).map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(200);
  });

  it('fcose with pinned nodes spreads a grid in two dimensions (started from the grid itself, it once collapsed onto a line)', () => {
    const n = 600;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `g${i}`, w: 34, h: 34, x: (i % 25) * 40, y: Math.floor(i / 25) * 40 }));
    const edges = nodes.flatMap((_, i) => [i + 1, i + 25].filter((j) => j < n && (j !== i + 1 || (i + 1) % 25 !== 0)).map((j) => ({ id: `e${i}-${j}`, source: `g${i}`, target: `g${j}` })));
    const response = computeLayout(buildLayoutRequest(1, 'fcose', nodes, edges, new Set(['g0', 'g312'])));
    if (!response.ok) throw new Error(response.message);
    const ps = Object.values(response.positions);
    const spread = (f: (p: { x: number; y: number }) => number) => Math.max(...ps.map(f)) - Math.min(...ps.map(f));
    expect(spread((p) => p.x + p.y)).toBeGreaterThan(1000);
    expect(spread((p) => p.x - p.y)).toBeGreaterThan(1000);
    expect(Math.hypot(response.positions.g312!.x - 480, response.positions.g312!.y - 480)).toBeLessThan(1);
  }, 60_000);

  it('computes the other layouts too, and reports a failure as a message naming the module', () => {
    const { nodes, edges } = ring(12);
    for (const name of ['grid', 'concentric', 'breadthfirst', 'dagre'] as const) {
      const response = computeLayout(buildLayoutRequest(1, name, nodes, edges, new Set()));
      expect(response.ok, name).toBe(true);
      if (response.ok) expect(new Set(Object.values(response.positions).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size, name).toBe(12);
    }
    const bad = computeLayout({ seq: 9, name: 'grid', nodes: [{ id: 'a', w: 1, h: 1, x: 0, y: 0 }], edges: [{ id: 'e', source: 'a', target: 'missing' }], pinned: [] });
    expect(bad).toMatchObject({ seq: 9, ok: false });
    if (!bad.ok) expect(bad.message).toMatch(/^layout-compute: /);
  });
});
