import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULTS } from '../../web/src/graph/defaults.js';
import { zoomDetailStyles } from '../../web/src/graph/stylesheet.js';
import { restyleEdges, restyleEdgesAcrossZoom, takeZoomRestyle } from '../../web/src/graph/zoom-styles.js';

/** Headless Cytoscape with the zoom-dependent edge style and two linked nodes, at zoom 1 (arrowheads shown). */
function canvas() {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: zoomDetailStyles() as unknown as cytoscape.StylesheetJson,
    elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'ab', source: 'a', target: 'b' } }],
  });
  restyleEdgesAcrossZoom(cy);
  return cy;
}
const arrow = (cy: cytoscape.Core) => cy.getElementById('ab').style('target-arrow-shape');
const far = DEFAULTS.arrowsFromZoom / 2;

afterEach(() => {
  vi.useRealTimers();
});

describe('graph/zoom-styles', () => {
  it('restyles the edges once the zoom has crossed the threshold and rested there', () => {
    vi.useFakeTimers();
    const cy = canvas();
    expect(arrow(cy)).toBe('triangle');
    cy.zoom(far);
    expect(arrow(cy)).toBe('triangle'); // not during the gesture
    vi.advanceTimersByTime(DEFAULTS.zoomRestyleDelayMs + 1);
    expect(arrow(cy)).toBe('none');
    cy.zoom(1);
    vi.advanceTimersByTime(DEFAULTS.zoomRestyleDelayMs + 1);
    expect(arrow(cy)).toBe('triangle');
  });

  it('takeZoomRestyle hands the restyle to its caller: true once per crossing, and the delayed one is cancelled', () => {
    vi.useFakeTimers();
    const cy = canvas();
    expect(takeZoomRestyle(cy)).toBe(false); // nothing crossed
    cy.zoom(far);
    expect(takeZoomRestyle(cy)).toBe(true);
    expect(takeZoomRestyle(cy)).toBe(false); // taken: now counts as done
    let restyled = 0;
    cy.on('style', 'edge', () => restyled++);
    vi.advanceTimersByTime(DEFAULTS.zoomRestyleDelayMs * 4);
    expect(restyled).toBe(0); // no second pass behind the caller's back
    restyleEdges(cy.edges());
    expect(restyled).toBe(1);
    expect(arrow(cy)).toBe('none');
  });

  it('takeZoomRestyle is false on a canvas without restyleEdgesAcrossZoom', () => {
    const cy = cytoscape({ headless: true, elements: [] });
    cy.zoom(far);
    expect(takeZoomRestyle(cy)).toBe(false);
  });
});
