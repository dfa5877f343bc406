/**
 * Draws the element bitmaps a frame is about to need before the frame draws, not while it draws.
 *
 * When Cytoscape cannot copy its cached layer (after a large change such as a full re-layout, or at
 * a zoom level not built yet), a frame draws every element in view one by one, each from its bitmap
 * in an element texture cache (see graph/cytoscape-internals.ts). Bitmaps are shared by elements
 * that look the same (all nodes of one kind share one body bitmap per zoom level). When the frame's
 * level has none yet, Cytoscape does not draw it: for every element it falls back to another level's
 * bitmap, scaled (blurred), clears a slot in a texture canvas and queues the right bitmap for later,
 * once per element, not once per bitmap. Measured here: the frame that applied a re-layout of 5,000
 * actors fell back 5,000 times and took 3.4 s; with the 6 shared body bitmaps drawn first, 0.4 s.
 *
 * So before such a frame, each element in view that has no bitmap at the frame's level gets one
 * drawn at that level now (Cytoscape's own `highQuality` request: what its queue would draw a few
 * frames later). The frame then finds every bitmap; it never shows the blurred fallback either.
 * Frames that copy the cached layer (panning, most frames) only pay a check.
 */
import type { Core } from 'cytoscape';
import { canvasRenderer, ELEMENT_TEXTURES, LAYERS, layerLevel, type ElementTextureCache, type InternalEle } from './cytoscape-internals.js';
import { overlaps } from './edge-cover.js';

/** What the warming did, for tests and the benchmark (window.sightlineTextureWarm). */
export interface TextureWarmStats {
  /** Frames that had to draw elements one by one, and so were warmed. */
  frames: number;
  /** Bitmaps drawn ahead of those frames, at the frame's level. */
  drawn: number;
}

declare global {
  interface Window {
    sightlineTextureWarm?: TextureWarmStats;
  }
}

/** The element texture level a frame draws at for this zoom (ElementTextureCache.getElement), or null where it uses none. */
export function textureLevel(zoom: number, pixelRatio: number): number | null {
  const level = Math.ceil(Math.log2(zoom * pixelRatio));
  if (zoom >= ELEMENT_TEXTURES.maxZoom || level > ELEMENT_TEXTURES.maxLevel) return null;
  return Math.max(ELEMENT_TEXTURES.minLevel, level) || 0; // (never -0)
}

/** Installs the warming on a canvas-rendered Cytoscape; returns its stats, or null where the internals are missing (WebGL, another version). */
export function warmTexturesBeforeFrames(cy: Core): TextureWarmStats | null {
  const r = canvasRenderer(cy);
  const data = r?.data;
  const layers = data?.lyrTxrCache;
  const skipPriority = r?.beforeRenderPriorities?.lyrTxrSkip;
  if (!r?.beforeRender || !r.getCachedZSortedEles || !r.getPixelRatio || skipPriority === undefined || !layers?.levelIsComplete) return null;
  const { eleTxrCache: bodies, lblTxrCache: labels, slbTxrCache: sourceLabels, tlbTxrCache: targetLabels } = data ?? {};
  const usable = (c: ElementTextureCache | undefined) => Boolean(c?.lookup && c.reasons?.highQuality);
  if (!usable(bodies) || !usable(labels) || !usable(sourceLabels) || !usable(targetLabels)) return null;
  const nodeCaches = [bodies!, labels!];
  const edgeCaches = [labels!, sourceLabels!, targetLabels!]; // an edge's body is a path, never a bitmap
  const zSorted = r.getCachedZSortedEles.bind(r);
  const pixelRatio = r.getPixelRatio.bind(r);
  const levelIsComplete = layers.levelIsComplete.bind(layers);
  const stats: TextureWarmStats = { frames: 0, drawn: 0 };
  window.sightlineTextureWarm = stats;

  const anyLevelComplete = (eles: ArrayLike<InternalEle>): boolean => {
    for (let level = LAYERS.minLevel; level <= LAYERS.maxLevel; level++) if (levelIsComplete(level, eles)) return true;
    return false;
  };

  const labelsShown = r.eleTextBiggerThanMin?.bind(r);
  // Checks ordered cheapest first: most elements have their bitmap, or no label to draw at this zoom.
  const warm = (cache: ElementTextureCache, ele: InternalEle, level: number, ratio: number): void => {
    if (cache !== bodies && labelsShown && !labelsShown(ele, 2 ** level)) return;
    const bb = cache.getBoundingBox(ele);
    if (!bb || bb.w === 0 || bb.h === 0) return;
    if (cache.lookup!.get(ele, level)) return;
    cache.getElement(ele, bb, ratio, level, cache.reasons!.highQuality!);
    if (cache.lookup!.get(ele, level)) stats.drawn++;
  };

  /** Draws the missing bitmaps, at the current zoom's level, of the elements in view. */
  const warmInView = (): void => {
    const ratio = pixelRatio();
    const level = textureLevel(cy.zoom(), ratio);
    if (level === null) return;
    const eles = zSorted().nondrag;
    const extent = cy.extent();
    for (let i = 0; i < eles.length; i++) {
      const ele = eles[i]!;
      if (!ele.visible() || !overlaps(ele.boundingBox(), extent)) continue;
      for (const cache of ele.isEdge() ? edgeCaches : nodeCaches) warm(cache, ele, level, ratio);
    }
  };

  // After Cytoscape's element calculations, its decision to skip the layers this frame, and the
  // layer repaint (graph/layer-patch.ts, one priority above): what is left is what this frame draws.
  r.beforeRender((willDraw) => {
    if (!willDraw) return;
    const ratio = pixelRatio();
    if (textureLevel(cy.zoom(), ratio) === null) return;
    const eles = zSorted().nondrag;
    if (eles.length === 0) return;
    // A frame copies layers unless a recent change makes it skip them: those of its level when
    // complete, else those of another complete level, scaled (Cytoscape's LayeredTextureCache.getLayers).
    if (layerLevel(cy.zoom(), ratio) !== null && !layers.skipping && anyLevelComplete(eles)) return;
    stats.frames++;
    warmInView();
  }, skipPriority - 2);
  return stats;
}

