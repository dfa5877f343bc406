/**
 * The parts of Cytoscape's canvas renderer (cytoscape 3.x, src/extensions/renderer/canvas) that
 * graph/layer-cache.ts and graph/layer-patch.ts read or call. They are not Cytoscape's public API,
 * so every use checks that what it needs is there and otherwise leaves Cytoscape to its own
 * behaviour; tests/e2e/explorer-layer-patch.test.ts fails if an upgrade removes them (a slower
 * canvas would otherwise go unnoticed).
 *
 * The layered texture cache draws the whole graph, at one zoom level, into offscreen canvases
 * ("layers"; one per level in cytoscape 3.x) and a frame then only copies those. Any element change
 * throws a layer away and, for the next 250 ms, every frame draws every element one by one.
 */
import type { Core } from 'cytoscape';

/** A bounding box in model coordinates, as Cytoscape returns them. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/** An element as the renderer holds it (its z-sorted lists hold single-element collections). */
export interface InternalEle {
  _private: {
    rscratch: {
      imgLayerCaches?: Record<number, Layer | null | undefined>;
      /** An edge's drawn path (x0, y0, x1, y1, …) and how it joins them ('straight', 'bezier', 'self'…). */
      allpts?: number[];
      edgeType?: string;
    };
    /** Label boxes, filled in by boundingBox(). */
    labelBounds?: { all?: Box | null };
  };
  boundingBox(): Box;
  removed(): boolean;
  isEdge(): boolean;
  visible(): boolean;
}

/** One offscreen canvas of the layered cache: the drawing of `eles` (in z-order) at `level`. */
export interface Layer {
  bb: Box;
  level: number;
  canvas: (HTMLCanvasElement | OffscreenCanvas) & CanvasImageSource;
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  eles: InternalEle[];
  /** Elements queued to be drawn into it (it is complete when 0). */
  reqs: number;
  invalid?: boolean;
  /** A copy being rebuilt in idle time (Cytoscape's texture refinement); replaces this one when done. */
  replacement?: Layer | null;
}

export interface LayeredTextureCache {
  /** True while a recent change makes frames draw elements one by one instead of the layers. */
  skipping: boolean;
  lastInvalidationTime?: number;
  layersByLevel?: Record<number, Layer[] | undefined>;
  getLayers?(eles: unknown, pixelRatio: number): unknown;
  makeLayer?(bb: Box, level: number): Layer;
  drawEleInLayer?(layer: Layer, ele: InternalEle, level: number, pixelRatio: number): void;
  invalidateElements?(eles: ArrayLike<InternalEle>): void;
  invalidateLayer?(layer: Layer): void;
  /** Draws queued elements into layers being built (called before frames, within a time budget); returns what it drew. */
  dequeue?(pixelRatio: number): unknown[];
  /** Whether every element is drawn, and current, in this level's layers. */
  levelIsComplete?(level: number, eles: ArrayLike<InternalEle>): boolean;
}

/**
 * One of Cytoscape's element texture caches (ElementTextureCache): small bitmaps of one part of an
 * element (node body, label, edge end labels) per zoom level, packed side by side into shared
 * texture canvases. Frames and layers draw elements by copying these bitmaps.
 */
export interface ElementTextureCache {
  /** The box the part occupies (model coordinates); zero-sized when the element has no such part. */
  getBoundingBox(ele: InternalEle): Box;
  /**
   * The part's bitmap at `level` (null: the one for the current zoom), drawn into a texture canvas
   * now if missing. `reason` null is what a frame asks (it may get a coarser bitmap and queue the
   * right one). Null where the part is not cached (edges' bodies, hidden labels, huge elements).
   */
  getElement(ele: InternalEle, bb: Box, pixelRatio: number, level: number | null, reason: string | null): object | null;
  lookup?: { get(ele: InternalEle, level: number): object | undefined };
  /** Request reasons; `highQuality` draws the bitmap at the asked level now instead of using another level's. */
  reasons?: { highQuality?: string };
}

/** Levels of the element texture caches: a level draws at scale 2^level (ElementTextureCache in cytoscape 3.x). */
export const ELEMENT_TEXTURES = { minLevel: -4, maxLevel: 3, maxZoom: 7.99 } as const;

export interface CanvasRenderer {
  data?: {
    lyrTxrCache?: LayeredTextureCache;
    /** Node bodies (edges are never cached: they are drawn as paths). */
    eleTxrCache?: ElementTextureCache;
    /** Main labels, then edges' source and target labels. */
    lblTxrCache?: ElementTextureCache;
    slbTxrCache?: ElementTextureCache;
    tlbTxrCache?: ElementTextureCache;
  };
  getCachedZSortedEles?(): { nondrag: ArrayLike<InternalEle> };
  getPixelRatio?(): number;
  /** Whether the element's labels are drawn at texture scale `scale` (their font not below `min-zoomed-font-size`). */
  eleTextBiggerThanMin?(ele: InternalEle, scale: number): boolean;
  /** Registers a callback run before each frame, higher priorities first. */
  beforeRender?(fn: (willDraw: boolean, now: number) => void, priority: number): void;
  beforeRenderPriorities?: { lyrTxrSkip?: number };
}

export function canvasRenderer(cy: Core): CanvasRenderer | undefined {
  return (cy as unknown as { renderer(): CanvasRenderer | undefined }).renderer();
}

/** Constants of Cytoscape's layered texture cache (LayeredTextureCache in cytoscape 3.x). */
export const LAYERS = {
  /** Coarsest and finest levels; a level draws at scale 2^level. */
  minLevel: -4,
  maxLevel: 2,
  /** At and beyond this zoom the layers are not used. */
  maxZoom: 3.99,
  /** Milliseconds after a change during which frames skip the layers (`invalidThreshold`). */
  invalidMs: 250,
  /** Largest layer canvas, in pixels and per side. */
  maxArea: 4000 * 4000,
  maxDim: 32767,
} as const;

/** The level Cytoscape draws at for this zoom (as LayeredTextureCache.getLayers), or null where it draws without layers. */
export function layerLevel(zoom: number, pixelRatio: number): number | null {
  const level = Math.ceil(Math.log2(zoom * pixelRatio));
  if (level < LAYERS.minLevel) return LAYERS.minLevel;
  if (zoom >= LAYERS.maxZoom || level > LAYERS.maxLevel) return null;
  return level;
}
