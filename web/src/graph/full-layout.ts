/**
 * The full re-layout of the canvas (first load, restore, "Re-layout"): positions computed off the
 * main thread (graph/layout-runner.ts), then applied in one batch.
 */
import type { Core } from 'cytoscape';
import { DEFAULTS } from './defaults.js';
import { boxAround, canvasViewportFor } from './fit-view.js';
import { buildLayoutRequest, targetPositions } from './layout-job.js';
import type { LayoutName } from './layout-names.js';
import { requestLayout } from './layout-runner.js';
import { effectiveLayout, layoutOptions } from './layouts.js';
import type { Position } from './types.js';
import { restyleForZoomNow } from './zoom-styles.js';

let layoutSeq = 0;

/** Resolves after the next frame has been drawn (a macrotask after it, so its work is not merged with what follows). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Lays out the whole canvas with `name`, keeping the `pinned` nodes exactly where they are
 * (fcose arranges the rest around them through its fixedNodeConstraint; for the other layouts the
 * pinned nodes are put back afterwards). The positions are computed in the layout worker
 * (graph/layout-runner.ts), so the page stays responsive; then the nodes move to them in one
 * batch, animated on small canvases. Resolves false when a newer layout cancelled this one
 * (nothing moved).
 */
export async function runFullLayout(cy: Core, name: LayoutName, pinnedIds: ReadonlySet<string>): Promise<boolean> {
  const nodes = cy.nodes();
  if (nodes.empty()) return true;
  // Sizes as the layout would measure them (labels counted where the options say so).
  const includeLabels = Boolean(layoutOptions(name, nodes.length).nodeDimensionsIncludeLabels);
  const request = buildLayoutRequest(
    ++layoutSeq,
    effectiveLayout(name, nodes.length),
    nodes.map((n) => {
      const d = n.layoutDimensions({ nodeDimensionsIncludeLabels: includeLabels });
      const p = n.position();
      return { id: n.id(), w: d.w, h: d.h, x: p.x, y: p.y };
    }),
    cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    pinnedIds,
  );
  const response = await requestLayout(request);
  if (response === null) return false;
  if (!response.ok) throw new Error(response.message);
  const target = targetPositions(request, response.positions);
  // Nodes removed while the layout ran are skipped.
  const present = cy.nodes().filter((n) => target.has(n.id()));
  const animate = DEFAULTS.animationMs > 0 && present.length <= DEFAULTS.animateUpTo;
  if (!animate) {
    // Every full layout is followed by a fit of the whole canvas (graph/canvas.ts fitTo). Moving
    // the view to where the nodes will be first, in a frame of its own, splits one long frame in
    // two: the frame at the new zoom (Cytoscape draws each node's texture at the new scale; the
    // nodes still stand where they were, mostly out of view) and the frame that moves every node
    // (positions, edge paths, bounds, then the whole canvas drawn once). The fit after it finds
    // the view already there.
    const order = request.nodes.filter((n) => target.has(n.id));
    const box = boxAround(order.map((n) => target.get(n.id) as Position), order);
    if (box) {
      cy.viewport(canvasViewportFor(cy, box, DEFAULTS.fitPadding));
      await nextFrame();
      if (request.seq !== layoutSeq) return false; // a newer layout started meanwhile
    }
    const still = cy.nodes().filter((n) => target.has(n.id()));
    cy.batch(() => {
      still.forEach((n) => {
        n.position(target.get(n.id()) as Position);
      });
      // The new zoom's edge style now, measured and drawn with the move, not in a second pass.
      restyleForZoomNow(cy);
    });
    return true;
  }
  await Promise.all(
    present.map((n) => {
      if (pinnedIds.has(n.id())) return Promise.resolve();
      const options = { position: target.get(n.id()), duration: DEFAULTS.animationMs, easing: 'ease-out' };
      return n.animation(options as unknown as Parameters<typeof n.animation>[0]).play().promise();
    }),
  );
  return true;
}
