import { describe, expect, it } from 'vitest';
import { decideRenderer, rendererOverride, type WebglProbe } from '../../web/src/graph/renderer.js';

const probe = (renderer: string | null, extra: Partial<WebglProbe> = {}): WebglProbe => ({ webgl2: true, renderer, vendor: 'Google Inc.', majorPerformanceCaveat: false, ...extra });

describe('renderer decision', () => {
  it('stays on canvas under software WebGL (SwiftShader, llvmpipe, …)', () => {
    for (const r of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Google SwiftShader',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
      'Mesa softpipe',
    ]) {
      const d = decideRenderer(probe(r));
      expect(d.webgl, r).toBe(false);
      expect(d.reason).toMatch(/^software WebGL renderer/);
    }
  });

  it('uses WebGL on a hardware renderer', () => {
    const d = decideRenderer(probe('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)'));
    expect(d).toEqual({ webgl: true, reason: expect.stringMatching(/^hardware WebGL renderer/), renderer: expect.stringContaining('NVIDIA') });
    expect(decideRenderer(probe('Apple M2')).webgl).toBe(true);
  });

  it('stays on canvas without WebGL2, with a performance caveat, or when the renderer is unknown', () => {
    expect(decideRenderer({ webgl2: false, renderer: null, vendor: null, majorPerformanceCaveat: false })).toMatchObject({ webgl: false, reason: 'no WebGL2 context: canvas' });
    expect(decideRenderer(probe('Apple M2', { majorPerformanceCaveat: true })).webgl).toBe(false);
    expect(decideRenderer(probe(null)).webgl).toBe(false);
  });

  it('honours ?renderer=canvas|webgl, but never WebGL without a WebGL2 context', () => {
    expect(decideRenderer(probe('Apple M2'), 'canvas').webgl).toBe(false);
    expect(decideRenderer(probe('Google SwiftShader'), 'webgl').webgl).toBe(true);
    expect(decideRenderer({ webgl2: false, renderer: null, vendor: null, majorPerformanceCaveat: false }, 'webgl').webgl).toBe(false);
    expect(rendererOverride('?renderer=webgl&a=x')).toBe('webgl');
    expect(rendererOverride('?renderer=gpu')).toBeNull();
    expect(rendererOverride('')).toBeNull();
  });
});
