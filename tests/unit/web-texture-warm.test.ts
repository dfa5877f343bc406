import { describe, expect, it } from 'vitest';
import { textureLevel } from '../../web/src/graph/texture-warm.js';

describe('graph/texture-warm textureLevel: the element texture level a frame draws at', () => {
  it('is the zoom (times the pixel ratio) rounded up to a power of two', () => {
    expect(textureLevel(1, 1)).toBe(0);
    expect(textureLevel(0.3, 1)).toBe(-1); // 0.3 lies between 2^-2 and 2^-1
    expect(textureLevel(0.25, 1)).toBe(-2);
    expect(textureLevel(0.3, 2)).toBe(0); // a 2× screen draws at twice the scale
    expect(textureLevel(3, 1)).toBe(2);
  });

  it('stops at the coarsest level far out and uses no textures close in', () => {
    expect(textureLevel(0.01, 1)).toBe(-4);
    expect(textureLevel(6, 1)).toBe(3);
    expect(textureLevel(9, 1)).toBeNull(); // beyond 2^3
    expect(textureLevel(7.99, 1)).toBeNull(); // Cytoscape's own cut-off zoom
  });
});
