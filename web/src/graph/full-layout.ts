/**
 * The full re-layout of the canvas (first load, restore, "Re-layout"): positions computed off the
 * main thread (graph/layout-runner.ts), then applied in one batch.
 */
import type { Core } from 'cytoscape';
import { DEFAULTS } from './defaults.js';
import { buildLayoutRequest, targetPositions } from './layout-job.js';
import type { LayoutName } from './layout-names.js';
import { requestLayout } from './layout-runner.js';
import { effectiveLayout, layoutOptions } from './layouts.js';
import type { Position } from './types.js';

let layoutSeq = 0;

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
    cy.batch(() => {
      present.forEach((n) => {
        n.position(target.get(n.id()) as Position);
      });
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
