/**
 * Repaints a small change into Cytoscape's cached layer instead of redrawing the whole canvas.
 *
 * Cytoscape draws a zoom level of the graph into one offscreen layer and frames copy it (see
 * graph/cytoscape-internals.ts). But any element change — 50 actors added by an expansion, one node
 * pinned — throws that layer away: the next frames draw all elements one by one (~0.3 s per frame
 * for 5,000 actors and 10,000 relationships here) and the layer is rebuilt afterwards, as costly
 * again. An expansion in a large scene was mostly that redraw.
 *
 * Here the layer's invalidation is intercepted while a change is small (DEFAULTS.layerPatch*). Before
 * the next frame draws, the area each changed or new element covered and now covers is cleared in
 * the layer, and every element crossing that area is drawn again into it, in z-order and clipped to
 * it: the same pixels a full rebuild would give, for the cost of the few elements there. New
 * elements outside the layer get a larger layer (the old pixels copied across). Anything else —
 * removals, many changes, a level still being built, a Cytoscape without these internals — goes to
 * Cytoscape's own invalidation, unchanged.
 */
import type { Core } from 'cytoscape';
import { canvasRenderer, LAYERS, layerLevel, type Box, type InternalEle, type Layer, type LayeredTextureCache } from './cytoscape-internals.js';
import { DEFAULTS } from './defaults.js';
import { edgePolyline, overlaps, polylineCover, type Rect } from './edge-cover.js';

/** What the patcher did, for tests and the benchmark (window.sightlineLayerPatch). */
export interface LayerPatchStats {
  /** Frames whose changes were repainted into the layer. */
  patched: number;
  /** Of those, frames that first had to enlarge the layer. */
  grown: number;
  /** Elements drawn again by those repaints (changed ones and their neighbours in the area). */
  redrawn: number;
  /** Changes left to Cytoscape's own invalidation, and why the last one was. */
  declined: number;
  lastDeclined: string | null;
  /** Times the layer was held (holdLayer) while the canvas changed underneath, and frames drawn meanwhile (from the held layer). */
  held: number;
  heldFrames: number;
}

declare global {
  interface Window {
    sightlineLayerPatch?: LayerPatchStats;
  }
}

/**
 * What an element covered when it was drawn into a layer: its box and, for an edge, its path (a
 * long diagonal edge's box would be most of the canvas) and label.
 */
interface Drawn {
  box: Rect;
  path?: number[];
  curved?: boolean;
  label?: Rect;
}

/** Cytoscape edge types drawn as chains of quadratic Béziers. */
const CURVED = new Set(['bezier', 'multibezier', 'self', 'compound']);
/** Room (model px) around an edge's line: half its widest width, its arrowhead, its selection overlay. */
const EDGE_PAD = 4 * DEFAULTS.edgeWidthMax + 8;
/** Longest piece (model px) of an edge's line covered by one rectangle. */
const COVER_STEP = 3 * DEFAULTS.nodeSize;

const union = (a: Rect, b: Rect): Rect => ({ x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) });
const inside = (a: Rect, outer: Rect) => a.x1 >= outer.x1 && a.y1 >= outer.y1 && a.x2 <= outer.x2 && a.y2 <= outer.y2;
const copy = (b: Box): Rect => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
const empty = (b: Rect) => !(b.x2 > b.x1 && b.y2 > b.y1);

function drawnNow(ele: InternalEle): Drawn {
  const box = copy(ele.boundingBox());
  if (!ele.isEdge()) return { box };
  const { allpts, edgeType } = ele._private.rscratch;
  const label = ele._private.labelBounds?.all;
  return {
    box,
    ...(allpts && allpts.length >= 4 ? { path: allpts.slice(), curved: CURVED.has(edgeType ?? '') } : {}),
    ...(label && label.w > 0 && label.h > 0 ? { label: copy(label) } : {}),
  };
}

function cover(d: Drawn): Rect[] {
  if (!d.path) return [d.box];
  const rects = polylineCover(edgePolyline(d.path, d.curved ?? false), EDGE_PAD, COVER_STEP);
  if (d.label) rects.push(d.label);
  return rects;
}

const holds = new WeakMap<Core, () => () => void>();

/**
 * Holds the cached layer as it is while the caller changes many elements over several frames (a
 * re-layout applied in steps, graph/full-layout.ts): those frames keep copying the layer, showing
 * the canvas as it was, instead of each drawing every element one by one (~0.3 s each at 5k
 * actors) while Cytoscape's per-element calculations are spread over them. The returned function
 * releases it: everything changed meanwhile is then redrawn once. While held, the canvas takes no
 * pointer input: a click, a hover or a drag would reach whatever element has moved under the
 * pointer, unseen. Null where the patcher is not installed (`?layer-patch=off`, other renderers):
 * the caller should then change everything at once.
 */
export function holdLayer(cy: Core): (() => void) | null {
  return holds.get(cy)?.() ?? null;
}

/** Installs the patcher on a canvas-rendered Cytoscape; returns its stats, or null where the internals are missing (WebGL, another version). */
export function patchLayerOnChange(cy: Core): LayerPatchStats | null {
  const r = canvasRenderer(cy);
  const cache = r?.data?.lyrTxrCache;
  const skipPriority = r?.beforeRenderPriorities?.lyrTxrSkip;
  if (!r?.beforeRender || !r.getCachedZSortedEles || !r.getPixelRatio || skipPriority === undefined) return null;
  if (!cache?.layersByLevel || !cache.makeLayer || !cache.drawEleInLayer || !cache.invalidateElements || !cache.invalidateLayer) return null;
  const internals = { cache, zSorted: r.getCachedZSortedEles.bind(r), pixelRatio: r.getPixelRatio.bind(r) };
  const stats: LayerPatchStats = { patched: 0, grown: 0, redrawn: 0, declined: 0, lastDeclined: null, held: 0, heldFrames: 0 };
  window.sightlineLayerPatch = stats;

  // Where each element was drawn into a layer last: what a repaint must clear when it changes.
  const drawnAt = new WeakMap<object, Drawn>();
  const drawEleInLayer = cache.drawEleInLayer.bind(cache);
  cache.drawEleInLayer = (layer, ele, level, pixelRatio) => {
    drawEleInLayer(layer, ele, level, pixelRatio);
    drawnAt.set(ele._private, drawnNow(ele));
  };

  const invalidate = cache.invalidateElements.bind(cache);
  let pending: InternalEle[] = [];
  const pendingSet = new Set<object>();
  const decline = (why: string) => {
    stats.declined++;
    stats.lastDeclined = why;
  };
  /** Hands the collected changes to Cytoscape's own invalidation. */
  const flush = () => {
    if (pending.length === 0) return;
    const eles = pending;
    pending = [];
    pendingSet.clear();
    invalidate(eles);
  };

  // While held (holdLayer), changes are only collected: frames keep copying the layer as it was.
  let holding = false;
  let held: InternalEle[] = [];
  const heldSet = new Set<object>();

  cache.invalidateElements = (eles) => {
    if (eles.length === 0) return;
    if (holding) {
      for (let i = 0; i < eles.length; i++) {
        const ele = eles[i]!;
        if (heldSet.has(ele._private)) continue;
        heldSet.add(ele._private);
        held.push(ele);
      }
      return;
    }
    const why = pending.length + eles.length > DEFAULTS.layerPatchMaxElements ? 'too many changes' : activeLayer(cy, internals) === null ? 'no cached layer' : null;
    if (why !== null) {
      if (why !== 'no cached layer') decline(why);
      flush();
      invalidate(eles);
      return;
    }
    for (let i = 0; i < eles.length; i++) {
      const ele = eles[i]!;
      if (pendingSet.has(ele._private)) continue;
      pendingSet.add(ele._private);
      pending.push(ele);
    }
  };

  // Nor are layers being built drawn into meanwhile: their elements are mid-move.
  if (cache.dequeue) {
    const dequeue = cache.dequeue.bind(cache);
    cache.dequeue = (pixelRatio) => (holding ? [] : dequeue(pixelRatio));
  }

  holds.set(cy, () => {
    if (holding) return () => undefined; // already held: the outer holder releases
    holding = true;
    stats.held++;
    const container = cy.container();
    const pointerEvents = container?.style.pointerEvents ?? '';
    if (container) container.style.pointerEvents = 'none';
    return () => {
      if (!holding) return;
      holding = false;
      if (container) container.style.pointerEvents = pointerEvents;
      const eles = held;
      held = [];
      heldSet.clear();
      // Through the same path as any change: repainted if small, else Cytoscape's own invalidation.
      cache.invalidateElements!(eles);
      cy.forceRender();
    };
  });

  // After Cytoscape's element calculations and its decision to skip the layers, before drawing.
  r.beforeRender((willDraw) => {
    if (willDraw && holding) stats.heldFrames++;
    if (!willDraw || pending.length === 0) return;
    const outcome = repaint(cy, internals, pending, pendingSet, drawnAt);
    if (typeof outcome === 'string') {
      decline(outcome);
      flush();
      cache.skipping = true; // as Cytoscape's own invalidation would have decided for this frame
      return;
    }
    pending = [];
    pendingSet.clear();
    stats.patched++;
    stats.redrawn += outcome.redrawn;
    if (outcome.grown) stats.grown++;
  }, skipPriority - 1);
  return stats;
}

interface Internals {
  cache: LayeredTextureCache;
  zSorted(): { nondrag: ArrayLike<InternalEle> };
  pixelRatio(): number;
}

/** The one complete layer of the current level, or null (not built yet, being built, or zoomed in past the layers). */
function activeLayer(cy: Core, { cache, pixelRatio }: Internals): { layer: Layer; level: number; layers: Layer[] } | null {
  const level = layerLevel(cy.zoom(), pixelRatio());
  if (level === null) return null;
  const layers = cache.layersByLevel?.[level];
  if (!layers || layers.length !== 1) return null;
  const layer = layers[0]!;
  if (layer.invalid || layer.reqs > 0) return null;
  return { layer, level, layers };
}

/** Repaints the pending changes into the layer; returns why not, or what it drew. */
function repaint(cy: Core, internals: Internals, pending: readonly InternalEle[], pendingSet: ReadonlySet<object>, drawnAt: WeakMap<object, Drawn>): string | { redrawn: number; grown: boolean } {
  const { cache } = internals;
  const active = activeLayer(cy, internals);
  if (!active) return 'no complete layer at this zoom';
  const { level, layers } = active;
  let layer = active.layer;
  const eles = internals.zSorted().nondrag;
  if (eles.length < DEFAULTS.layerPatchFrom) return 'small canvas';
  // Every element is in the layer already or is one of the changes (nothing removed, nothing being dragged).
  let added = 0;
  for (let i = 0; i < eles.length; i++) {
    const ele = eles[i]!;
    const at = ele._private.rscratch.imgLayerCaches?.[level];
    if (at === layer) continue;
    if (at || !pendingSet.has(ele._private)) return 'element outside the layer';
    added++;
  }
  if (layer.eles.length + added !== eles.length) return 'elements removed';

  // The areas to repaint: where each change was drawn and where it is now, plus 2 layer pixels of
  // anti-aliasing, snapped outwards to the layer's pixel grid (clearing leaves no half-cleared pixel).
  const scale = 2 ** level;
  const pad = 2 / scale;
  const grid = (v: number, x0: number, round: (x: number) => number) => x0 + round((v - x0) * scale) / scale;
  const areas: Rect[] = [];
  let reach: Rect | null = null;
  const { x1: gx, y1: gy } = layer.bb;
  for (const ele of pending) {
    if (ele.removed()) continue;
    const before = drawnAt.get(ele._private);
    for (const r of [...cover(drawnNow(ele)), ...(before ? cover(before) : [])]) {
      if (empty(r)) continue;
      const area = { x1: grid(r.x1 - pad, gx, Math.floor), y1: grid(r.y1 - pad, gy, Math.floor), x2: grid(r.x2 + pad, gx, Math.ceil), y2: grid(r.y2 + pad, gy, Math.ceil) };
      areas.push(area);
      reach = reach ? union(reach, area) : area;
    }
  }
  // Every element crossing those areas is drawn again, in z-order. An unchanged element is where it
  // was drawn (any change of it comes through here or rebuilds the layer): reading that back is far
  // cheaper than Cytoscape's boundingBox() on every element of a large canvas.
  const redraw: InternalEle[] = [];
  for (let i = 0; i < eles.length; i++) {
    const ele = eles[i]!;
    const box = (!pendingSet.has(ele._private) && drawnAt.get(ele._private)?.box) || copy(ele.boundingBox());
    if (reach && !empty(box) && overlaps(box, reach) && areas.some((a) => overlaps(box, a))) redraw.push(ele);
  }
  if (redraw.length > DEFAULTS.layerPatchMaxShare * eles.length) return 'change too large';

  if (layer.replacement) {
    // A copy being rebuilt from the elements as they were would undo this repaint.
    layer.replacement.invalid = true;
    layer.replacement = null;
  }
  let grown = false;
  if (reach && !inside(reach, layer.bb)) {
    // Grown by whole layer pixels on the left and top, so the areas stay on its pixel grid.
    const bigger = grownLayer(cache, layer, reach, level);
    if (!bigger) return 'layer would be too large';
    layers[0] = bigger;
    layer.invalid = true;
    for (let i = 0; i < eles.length; i++) {
      const rs = eles[i]!._private.rscratch;
      (rs.imgLayerCaches ??= {})[level] = bigger;
    }
    layer = bigger;
    grown = true;
  }

  const { context } = layer;
  const pixelRatio = internals.pixelRatio();
  context.save();
  context.beginPath();
  for (const a of areas) context.rect(a.x1, a.y1, a.x2 - a.x1, a.y2 - a.y1);
  context.clip();
  for (const a of areas) context.clearRect(a.x1, a.y1, a.x2 - a.x1, a.y2 - a.y1);
  for (const ele of redraw) cache.drawEleInLayer!(layer, ele, level, pixelRatio);
  context.restore();

  layer.eles = Array.from(eles);
  const lastInvalidation = cache.lastInvalidationTime; // invalidateLayer sets it: frames would skip the layers again
  for (const ele of pending) {
    if (ele.removed()) continue;
    const caches = (ele._private.rscratch.imgLayerCaches ??= {});
    caches[level] = layer;
    // The other levels' layers showing a changed element are stale: thrown away, as Cytoscape would.
    for (const [other, stale] of Object.entries(caches)) if (Number(other) !== level && stale) cache.invalidateLayer!(stale);
  }
  cache.lastInvalidationTime = lastInvalidation;
  cache.skipping = false;
  return { redrawn: redraw.length, grown };
}

/** A layer covering `layer` and `reach` (plus a margin), holding a pixel-exact copy of `layer`; null when Cytoscape's limits forbid it. */
function grownLayer(cache: LayeredTextureCache, layer: Layer, reach: Rect, level: number): Layer | null {
  const scale = 2 ** level;
  const m = DEFAULTS.layerGrowMargin;
  const old = layer.bb;
  // Whole layer pixels on the left and top, so the old pixels land on the grid unchanged.
  const x1 = reach.x1 < old.x1 ? old.x1 - Math.ceil((old.x1 - reach.x1 + m) * scale) / scale : old.x1;
  const y1 = reach.y1 < old.y1 ? old.y1 - Math.ceil((old.y1 - reach.y1 + m) * scale) / scale : old.y1;
  const x2 = Math.max(old.x2, reach.x2 > old.x2 ? reach.x2 + m : old.x2);
  const y2 = Math.max(old.y2, reach.y2 > old.y2 ? reach.y2 + m : old.y2);
  const w = x2 - x1;
  const h = y2 - y1;
  const pw = Math.ceil(w * scale);
  const ph = Math.ceil(h * scale);
  if (pw > LAYERS.maxDim || ph > LAYERS.maxDim || pw * ph > LAYERS.maxArea) return null;
  const bigger = cache.makeLayer!({ x1, y1, x2, y2, w, h }, level);
  const ctx = bigger.context;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layer.canvas, Math.round((old.x1 - x1) * scale), Math.round((old.y1 - y1) * scale));
  ctx.restore();
  bigger.eles = layer.eles;
  return bigger;
}
