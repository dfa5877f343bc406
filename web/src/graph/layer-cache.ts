/**
 * Keeps Cytoscape's layered texture cache built. That cache (the whole drawing of a zoom level in
 * a few bitmaps) is what lets a large canvas pan at the display's frame rate: a pan then only
 * copies those bitmaps. But the cache builds a level only when a frame asks for it while no
 * element changed in the last 250 ms (its `invalidThreshold`); a frame drawn sooner (right after a
 * load, an expansion, a restyle) skips it, and an idle canvas draws no further frame. The first
 * drag then found no cache and redrew every element on every frame (about a second per frame at
 * 20k actors).
 *
 * So once a frame was drawn while the cache was skipping, the level is queued as soon as the
 * changes have settled. It is queued directly (`getLayers`, what a frame would call), not by
 * forcing a frame: a forced frame on an incomplete level draws every element one by one before
 * queueing it (a full redraw, ~0.2 s at 5k actors), on top of the build itself. The cache then
 * builds the level in the render loop's idle callbacks and asks for the frame that uses it.
 * The wait follows the cache's own invalidation time, so a change arriving meanwhile (back-to-back
 * expansions) pushes it back instead of costing a wasted frame in the middle of them.
 *
 * (Cytoscape's hideEdgesOnViewport / textureOnViewport, used here before, are not set: with the
 * cache built they made panning slower, not faster — hiding edges draws every node one by one
 * instead of copying the cached bitmaps, and the texture redraws the whole canvas when a drag
 * starts. Measured in tests/bench/explorer.ts.)
 */
import type { Core } from 'cytoscape';
import { canvasRenderer, LAYERS, type LayeredTextureCache } from './cytoscape-internals.js';
import { DEFAULTS } from './defaults.js';

export function keepLayerCacheWarm(cy: Core): void {
  const renderer = () => canvasRenderer(cy);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Waits until DEFAULTS.layerCacheRetryMs after the cache's last invalidation.
  const arm = (cache: LayeredTextureCache) => {
    const delay = (cache.lastInvalidationTime ?? 0) + DEFAULTS.layerCacheRetryMs - performance.now();
    timer = setTimeout(queueLevel, Math.max(0, delay));
  };
  const queueLevel = () => {
    timer = undefined;
    const r = renderer();
    const cache = r?.data?.lyrTxrCache;
    if (!r || !cache) return;
    if (cache.lastInvalidationTime !== undefined && performance.now() - cache.lastInvalidationTime <= LAYERS.invalidMs) {
      arm(cache); // changed again meanwhile: wait for that change to settle too
      return;
    }
    if (!cache.getLayers || !r.getCachedZSortedEles || !r.getPixelRatio) {
      cy.forceRender(); // another Cytoscape version: let a frame queue the level
      return;
    }
    // The flag is refreshed only at the next frame; the change is older than the threshold, so that
    // frame would clear it too.
    cache.skipping = false;
    cache.getLayers(r.getCachedZSortedEles().nondrag, r.getPixelRatio());
  };
  cy.on('render', () => {
    const cache = renderer()?.data?.lyrTxrCache;
    if (!cache?.skipping || timer !== undefined) return;
    arm(cache);
  });
}
