/**
 * The viewport that fits a box of the model in the canvas, computed without moving the view: what
 * `cy.fit(box, padding)` gives (zoom within the canvas's limits and never beyond
 * DEFAULTS.maxFitZoom, box centred). Lets the view go where nodes are about to be before they
 * move there (graph/full-layout.ts).
 */
import type { Core } from 'cytoscape';
import { DEFAULTS } from './defaults.js';
import type { Position } from './types.js';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Viewport {
  zoom: number;
  pan: Position;
}

/** The smallest box holding every rectangle centred at `positions[i]` with size `sizes[i]`; null when there is none. */
export function boxAround(positions: readonly Position[], sizes: readonly { w: number; h: number }[]): Box | null {
  if (positions.length === 0) return null;
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  positions.forEach((p, i) => {
    const s = sizes[i] ?? { w: 0, h: 0 };
    box.x1 = Math.min(box.x1, p.x - s.w / 2);
    box.y1 = Math.min(box.y1, p.y - s.h / 2);
    box.x2 = Math.max(box.x2, p.x + s.w / 2);
    box.y2 = Math.max(box.y2, p.y + s.h / 2);
  });
  return box;
}

/** Zoom and pan that fit `box` in a `width` × `height` canvas with `padding` px around it. */
export function viewportFor(box: Box, width: number, height: number, padding: number, limits: { min: number; max: number }): Viewport {
  const w = Math.max(box.x2 - box.x1, 1e-9);
  const h = Math.max(box.y2 - box.y1, 1e-9);
  const fit = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  const zoom = Math.min(Math.max(fit, limits.min), limits.max, DEFAULTS.maxFitZoom);
  return { zoom, pan: { x: (width - zoom * (box.x1 + box.x2)) / 2, y: (height - zoom * (box.y1 + box.y2)) / 2 } };
}

/** viewportFor on `cy`'s canvas and zoom limits. */
export function canvasViewportFor(cy: Core, box: Box, padding: number): Viewport {
  return viewportFor(box, cy.width(), cy.height(), padding, { min: cy.minZoom(), max: cy.maxZoom() });
}
