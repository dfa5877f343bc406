/**
 * Keeps the zoom-dependent edge style (arrowheads on or off, see stylesheet.ts zoomDetailStyles)
 * in step with the zoom. The edges are restyled once the zoom has crossed DEFAULTS.arrowsFromZoom
 * and the gesture has settled: the zoom handler itself only compares two booleans, so zooming and
 * panning pay nothing per frame. Code that moves the view and the nodes together (a full
 * re-layout, graph/full-layout.ts) takes the restyle over with `takeZoomRestyle` and restyles each
 * edge with the batch that moves its nodes, so the edges are measured and drawn once, not again
 * 150 ms later (1.5 s more at 5k actors).
 */
import type { Core, EdgeCollection } from 'cytoscape';
import { DEFAULTS } from './defaults.js';
import { arrowsTooSmall } from './stylesheet.js';

const takeOver = new WeakMap<Core, () => boolean>();

export function restyleEdgesAcrossZoom(cy: Core): void {
  let applied = arrowsTooSmall(cy.zoom());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restyle = () => {
    timer = undefined;
    if (arrowsTooSmall(cy.zoom()) === applied) return;
    applied = arrowsTooSmall(cy.zoom());
    restyleEdges(cy.edges());
  };
  // The caller restyles the edges itself: whether they need it, and from now on they count as done.
  takeOver.set(cy, () => {
    clearTimeout(timer);
    timer = undefined;
    if (arrowsTooSmall(cy.zoom()) === applied) return false;
    applied = arrowsTooSmall(cy.zoom());
    return true;
  });
  cy.on('zoom', () => {
    if (arrowsTooSmall(cy.zoom()) === applied) {
      clearTimeout(timer);
      timer = undefined;
      return;
    }
    if (timer === undefined) timer = setTimeout(restyle, DEFAULTS.zoomRestyleDelayMs);
  });
}

/** Re-applies the stylesheet to `edges` (Cytoscape's eles.updateStyle(), missing from its typings). */
export function restyleEdges(edges: EdgeCollection): void {
  (edges as unknown as { updateStyle(): void }).updateStyle();
}

/**
 * For code about to restyle edges itself (with `restyleEdges`) at the current zoom: true if the zoom
 * has crossed the threshold since the edges were last styled, and the pending delayed restyle is
 * cancelled. False otherwise, or without restyleEdgesAcrossZoom.
 */
export function takeZoomRestyle(cy: Core): boolean {
  return takeOver.get(cy)?.() ?? false;
}
