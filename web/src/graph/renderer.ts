/**
 * Which Cytoscape renderer the explorer uses. Cytoscape 3.31+ can draw through WebGL
 * (`renderer: { name: 'canvas', webgl: true }`), which pays off only on a real GPU: under a
 * software WebGL implementation (SwiftShader, llvmpipe, Microsoft Basic Render Driver…) it was
 * measured 10–100× slower than the 2D canvas. So WebGL is used only when a WebGL2 context exists
 * and its (unmasked) renderer is not a known software one. `decideRenderer` is pure (unit-tested);
 * `probeWebgl` reads the browser's facts.
 */

export interface WebglProbe {
  /** A WebGL2 context could be created (Cytoscape's WebGL renderer needs WebGL2). */
  webgl2: boolean;
  /** UNMASKED_RENDERER_WEBGL (WEBGL_debug_renderer_info) or, without that extension, RENDERER. */
  renderer: string | null;
  /** UNMASKED_VENDOR_WEBGL, or VENDOR. */
  vendor: string | null;
  /** The context reports a major performance caveat (the browser itself says it is slow). */
  majorPerformanceCaveat: boolean;
}

export interface RendererDecision {
  webgl: boolean;
  /** Why, in words (shown in the console for power users, asserted by tests). */
  reason: string;
  renderer: string | null;
}

/** Substrings (lower case) of renderer/vendor strings that mean WebGL runs on the CPU. */
export const SOFTWARE_RENDERERS = ['swiftshader', 'llvmpipe', 'softpipe', 'software', 'basic render driver', 'mesa offscreen', 'lavapipe'] as const;

/** `override` comes from `?renderer=canvas|webgl` (for comparing them on one machine). */
export function decideRenderer(probe: WebglProbe, override: 'canvas' | 'webgl' | null = null): RendererDecision {
  const renderer = probe.renderer;
  if (override === 'canvas') return { webgl: false, reason: 'canvas requested (?renderer=canvas)', renderer };
  if (!probe.webgl2) return { webgl: false, reason: 'no WebGL2 context: canvas', renderer };
  if (override === 'webgl') return { webgl: true, reason: 'WebGL requested (?renderer=webgl)', renderer };
  const text = `${renderer ?? ''} ${probe.vendor ?? ''}`.toLowerCase();
  const software = SOFTWARE_RENDERERS.find((s) => text.includes(s));
  if (software) return { webgl: false, reason: `software WebGL renderer (${renderer ?? software}): canvas`, renderer };
  if (probe.majorPerformanceCaveat) return { webgl: false, reason: 'WebGL reports a major performance caveat: canvas', renderer };
  if (!renderer) return { webgl: false, reason: 'WebGL renderer unknown: canvas', renderer };
  return { webgl: true, reason: `hardware WebGL renderer (${renderer})`, renderer };
}

/** Asks the browser: a throw-away WebGL2 context, its unmasked renderer, then released. */
export function probeWebgl(): WebglProbe {
  const none: WebglProbe = { webgl2: false, renderer: null, vendor: null, majorPerformanceCaveat: false };
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: false });
    if (!gl) return none;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '') || null;
    const vendor = String(gl.getParameter(info ? info.UNMASKED_VENDOR_WEBGL : gl.VENDOR) ?? '') || null;
    // A second context that refuses a slow implementation tells whether the browser flags one.
    const strict = document.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: true });
    strict?.getExtension('WEBGL_lose_context')?.loseContext();
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { webgl2: true, renderer, vendor, majorPerformanceCaveat: strict === null };
  } catch {
    return none;
  }
}

/** The override in the page's URL, if any. */
export function rendererOverride(search: string): 'canvas' | 'webgl' | null {
  const value = new URLSearchParams(search).get('renderer');
  return value === 'canvas' || value === 'webgl' ? value : null;
}
