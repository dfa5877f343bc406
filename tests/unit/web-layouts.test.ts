import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../web/src/graph/defaults.js';
import { effectiveLayout, fcoseQuality, LAYOUT_NAMES, layoutAvailable, layoutOptions } from '../../web/src/graph/layouts.js';

describe('layouts by canvas size', () => {
  it('fcose: proof quality on small canvases, default in between, draft above ~1k nodes', () => {
    expect(fcoseQuality(10)).toBe('proof');
    expect(fcoseQuality(DEFAULTS.fcoseProofUpTo)).toBe('proof');
    expect(fcoseQuality(DEFAULTS.fcoseProofUpTo + 1)).toBe('default');
    expect(fcoseQuality(DEFAULTS.fcoseDraftAbove)).toBe('default');
    expect(fcoseQuality(DEFAULTS.fcoseDraftAbove + 1)).toBe('draft');
    expect(layoutOptions('fcose', 20_000)).toMatchObject({ name: 'fcose', quality: 'draft', animate: false, fit: false });
  });

  it('dagre only up to dagreMaxNodes; the others at any size; a too-large choice falls back to fcose', () => {
    expect(layoutAvailable('dagre', DEFAULTS.dagreMaxNodes)).toBe(true);
    expect(layoutAvailable('dagre', DEFAULTS.dagreMaxNodes + 1)).toBe(false);
    for (const name of LAYOUT_NAMES.filter((n) => n !== 'dagre')) expect(layoutAvailable(name, 100_000)).toBe(true);
    expect(effectiveLayout('dagre', DEFAULTS.dagreMaxNodes + 1)).toBe('fcose');
    expect(layoutOptions('dagre', 1000)).toMatchObject({ name: 'fcose' });
    expect(layoutOptions('dagre', 10)).toMatchObject({ name: 'dagre' });
  });

  it('pinned nodes become fcose fixed-node constraints (copies); the others start afresh', () => {
    const pin = { nodeId: 'microsoft', position: { x: 10, y: -20 } };
    const options = layoutOptions('fcose', 5, [pin]) as { randomize: boolean; fixedNodeConstraint: unknown[] };
    expect(options.randomize).toBe(true);
    expect(options.fixedNodeConstraint).toEqual([pin]);
    expect(options.fixedNodeConstraint[0]).not.toBe(pin);
    expect(layoutOptions('fcose', 5)).not.toHaveProperty('fixedNodeConstraint');
    expect(layoutOptions('fcose', 5)).toMatchObject({ randomize: true });
  });

  it('every layout is computed without animation or fitting (the runner animates and fits)', () => {
    for (const name of LAYOUT_NAMES) expect(layoutOptions(name, 50)).toMatchObject({ name, animate: false, fit: false });
  });
});
