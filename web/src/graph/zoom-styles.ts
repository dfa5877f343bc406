/**
 * Keeps the zoom-dependent edge style (arrowheads on or off, see stylesheet.ts zoomDetailStyles)
 * in step with the zoom. The edges are restyled once the zoom has crossed DEFAULTS.arrowsFromZoom
 * and the gesture has settled: the zoom handler itself only compares two booleans, so zooming and
 * panning pay nothing per frame. Code that moves the view and the nodes together (a full
 * re-layout, graph/full-layout.ts) restyles at once with `restyleForZoomNow`, inside its own batch,
 * so the edges are measured and drawn once, not again 150 ms later (1.5 s more at 5k actors).
 */
import type { Core } from 'cytoscape';
import { DEFAULTS } from './defaults.js';
import { arrowsTooSmall } from './stylesheet.js';

const restyleNow = new WeakMap<Core, () => void>();

export function restyleEdgesAcrossZoom(cy: Core): void {
  let applied = arrowsTooSmall(cy.zoom());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restyle = () => {
    clearTimeout(timer);
    timer = undefined;
    if (arrowsTooSmall(cy.zoom()) === applied) return;
    applied = arrowsTooSmall(cy.zoom());
    // Cytoscape's eles.updateStyle() (re-applies the stylesheet) is missing from its typings.
    (cy.edges() as unknown as { updateStyle(): void }).updateStyle();
  };
  restyleNow.set(cy, restyle);
  cy.on('zoom', () => {
    if (arrowsTooSmall(cy.zoom()) === applied) {
      clearTimeout(timer);
      timer = undefined;
      return;
    }
    if (timer === undefined) timer = setTimeout(restyle, DEFAULTS.zoomRestyleDelayMs);
  });
}

/** Restyles the edges now if the zoom has crossed the threshold since they were last styled (no-op otherwise, or without restyleEdgesAcrossZoom). */
export function restyleForZoomNow(cy: Core): void {
  restyleNow.get(cy)?.();
}
