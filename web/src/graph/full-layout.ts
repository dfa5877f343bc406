/**
 * The full re-layout of the canvas (first load, restore, "Re-layout"): positions computed off the
 * main thread (graph/layout-runner.ts), then applied in steps (or animated on small canvases).
 */
import type { Core } from 'cytoscape';
import { DEFAULTS } from './defaults.js';
import { boxAround, canvasViewportFor } from './fit-view.js';
import { holdLayer } from './layer-patch.js';
import { buildLayoutRequest, targetPositions } from './layout-job.js';
import type { LayoutName } from './layout-names.js';
import { requestLayout } from './layout-runner.js';
import { effectiveLayout, layoutOptions } from './layouts.js';
import type { Position } from './types.js';
import { restyleEdges, takeZoomRestyle } from './zoom-styles.js';

let layoutSeq = 0;

/** Resolves after the next frame has been drawn (a macrotask after it, so its work is not merged with what follows). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Moves the nodes to `target` in steps of about DEFAULTS.layoutApplyFrameMs of work each, one step
 * per frame, with Cytoscape's cached layer held (graph/layer-patch.ts holdLayer): the frames in
 * between show the canvas as it was while Cytoscape measures the moved nodes and their edges, and the
 * whole canvas is drawn once at the end. Each edge is restyled for the new zoom with the step that
 * moves its nodes (graph/zoom-styles.ts), not in a pass of its own. Where the layer cannot be held,
 * everything moves in one batch. Resolves false when a newer layout started meanwhile (it moves the
 * nodes from wherever they are).
 */
async function applyInSteps(cy: Core, target: ReadonlyMap<string, Position>, seq: number): Promise<boolean> {
  const nodes = cy.nodes().filter((n) => target.has(n.id()));
  const restyle = takeZoomRestyle(cy);
  const unstyled = new Set(restyle ? cy.edges().map((e) => e.id()) : []);
  const release = holdLayer(cy);
  try {
    let step = release ? DEFAULTS.layoutApplyFirstStep : nodes.length;
    for (let from = 0; from < nodes.length; ) {
      const to = Math.min(nodes.length, from + step);
      const t0 = performance.now();
      const moving = nodes.slice(from, to);
      cy.batch(() => {
        moving.forEach((n) => {
          n.position(target.get(n.id()) as Position);
        });
        if (unstyled.size === 0) return;
        const edges = moving.connectedEdges().filter((e) => unstyled.delete(e.id()));
        // The last step also restyles edges whose nodes did not move (between pinned actors).
        restyleEdges(to === nodes.length ? edges.union(cy.edges().filter((e) => unstyled.has(e.id()))) : edges);
      });
      from = to;
      // Their bounds now, while the layer is held: the frame that draws everything at the end then
      // finds them measured (Cytoscape measures bounds when first asked, mostly in that frame).
      if (release) moving.union(moving.connectedEdges()).boundingBox();
      if (from >= nodes.length) break;
      await nextFrame(); // Cytoscape measures this step's nodes and edges in that frame
      if (seq !== layoutSeq) return false;
      // The next step sized so that moving and measuring it takes about DEFAULTS.layoutApplyFrameMs.
      const spent = Math.max(1, performance.now() - t0);
      step = Math.max(DEFAULTS.layoutApplyMinStep, Math.round((step * DEFAULTS.layoutApplyFrameMs) / spent));
    }
    return true;
  } finally {
    // Cut short by a newer layout: the edges not restyled yet are now (the newer one will not).
    if (unstyled.size > 0) restyleEdges(cy.edges().filter((e) => unstyled.has(e.id())));
    release?.();
  }
}

/**
 * Lays out the whole canvas with `name`, keeping the `pinned` nodes exactly where they are
 * (fcose arranges the rest around them through its fixedNodeConstraint; for the other layouts the
 * pinned nodes are put back afterwards). The positions are computed in the layout worker
 * (graph/layout-runner.ts), so the page stays responsive; then the nodes move to them, animated on
 * small canvases, in steps over a few frames on large ones (applyInSteps). Resolves false when a
 * newer layout cancelled this one.
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
    // Every full layout is followed by a fit of the whole canvas (graph/canvas.ts fitTo). The view
    // goes where the nodes will be first, in a frame of its own (the nodes still stand where they
    // were); then the nodes move there in steps. The fit after it finds the view already there.
    const order = request.nodes.filter((n) => target.has(n.id));
    const box = boxAround(order.map((n) => target.get(n.id) as Position), order);
    if (box) {
      cy.viewport(canvasViewportFor(cy, box, DEFAULTS.fitPadding));
      await nextFrame();
      if (request.seq !== layoutSeq) return false; // a newer layout started meanwhile
    }
    return applyInSteps(cy, target, request.seq);
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
