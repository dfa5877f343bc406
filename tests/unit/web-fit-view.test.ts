import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../web/src/graph/defaults.js';
import { boxAround, viewportFor } from '../../web/src/graph/fit-view.js';

describe('graph/fit-view', () => {
  it('boxAround holds every node rectangle, and is null without nodes', () => {
    expect(boxAround([], [])).toBeNull();
    expect(boxAround([{ x: 0, y: 0 }, { x: 100, y: -50 }], [{ w: 20, h: 10 }, { w: 40, h: 40 }])).toEqual({ x1: -10, y1: -70, x2: 120, y2: 5 });
  });

  it('viewportFor fits the box with the padding and centres it (what cy.fit does)', () => {
    const v = viewportFor({ x1: 0, y1: 0, x2: 2000, y2: 1000 }, 1000, 700, 50, { min: 0.05, max: 3 });
    expect(v.zoom).toBeCloseTo(0.45); // (1000 - 100) / 2000 beats (700 - 100) / 1000
    // The box's centre (1000, 500) lands on the canvas's centre (500, 350).
    expect(v.pan.x + v.zoom * 1000).toBeCloseTo(500);
    expect(v.pan.y + v.zoom * 500).toBeCloseTo(350);
  });

  it('viewportFor never zooms beyond maxFitZoom nor below the canvas minimum', () => {
    expect(viewportFor({ x1: 0, y1: 0, x2: 0, y2: 0 }, 1000, 700, 50, { min: 0.05, max: 3 }).zoom).toBe(DEFAULTS.maxFitZoom);
    expect(viewportFor({ x1: 0, y1: 0, x2: 1e7, y2: 1e7 }, 1000, 700, 50, { min: 0.05, max: 3 }).zoom).toBe(0.05);
  });
});
