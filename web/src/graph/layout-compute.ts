/**
 * Computes a full layout from a LayoutRequest on a headless Cytoscape (no canvas, no DOM): run in
 * the layout worker (graph/layout-worker.ts), or on the main thread when no worker can be started.
 * The options are the page's own (graph/layouts.ts layoutOptions, quality by size); node sizes come
 * measured from the page, so labels are not measured here.
 */
import cytoscape from 'cytoscape';
import { layoutOptions } from './layouts.js';
import type { LayoutRequest, LayoutResponse } from './layout-job.js';
import type { Position } from './types.js';

export function computeLayout(request: LayoutRequest): LayoutResponse {
  const t0 = performance.now();
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', label: '' } }],
      elements: {
        nodes: request.nodes.map((n) => ({ data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x, y: n.y } })),
        edges: request.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
      },
    });
    const options = { ...layoutOptions(request.name, request.nodes.length, request.pinned), nodeDimensionsIncludeLabels: false };
    cy.layout(options as unknown as cytoscape.LayoutOptions).run();
    const positions: Record<string, Position> = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      positions[n.id()] = { x: p.x, y: p.y };
    });
    cy.destroy();
    return { seq: request.seq, ok: true, positions, ms: performance.now() - t0 };
  } catch (error) {
    return { seq: request.seq, ok: false, message: `layout-compute: ${error instanceof Error ? error.message : String(error)}` };
  }
}
