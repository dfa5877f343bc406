/**
 * graph/layer-patch.ts repaints small changes into Cytoscape's cached layer. These tests hold it to
 * "the same picture as a full rebuild": the canvas after a patched change is compared, pixel by
 * pixel, with the canvas after Cytoscape threw the layer away and drew it again from scratch. Each
 * comparison also has its control (the change itself must show up), so a patch that drew nothing
 * would fail. They also fail if a Cytoscape upgrade removes the internals the patch needs.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectConsoleErrors, SCREENSHOT_DIR, useBrowserApp } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { loadGridScene, settleCanvas } from '../support/scene.js';

const driver = getTestDriver();
const database = testDatabase();
const fixture = useBrowserApp(driver, database);

// In-page helpers (a string: the test bundler's function-name helpers do not exist in the page).
const HELPERS = `window.layerTest = {
  level() { const r = window.cy.renderer(); return Math.max(-4, Math.ceil(Math.log2(window.cy.zoom() * r.getPixelRatio()))); },
  complete() { const r = window.cy.renderer(); return r.data.lyrTxrCache.levelIsComplete(this.level(), r.getCachedZSortedEles().nondrag); },
  capture() { const r = window.cy.renderer(); const c = r.data.canvases[r.NODE]; window.layerTest.shots.push(c.getContext('2d').getImageData(0, 0, c.width, c.height).data); return window.layerTest.shots.length - 1; },
  // The canvas is transparent where nothing is drawn: colours are compared as shown on the white
  // page (premultiplied channel + white under the uncovered part).
  white(i) { const a = window.layerTest.shots[i], out = new Float32Array(a.length / 4 * 3); for (let k = 0, o = 0; k < a.length; k += 4, o += 3) { const al = a[k + 3] / 255, bg = 255 * (1 - al); out[o] = a[k] * al + bg; out[o + 1] = a[k + 1] * al + bg; out[o + 2] = a[k + 2] * al + bg; } return out; },
  // Pixels whose colour differs (sum of the RGB differences > 48 of 765).
  pixels(i, j) {
    const p = window.layerTest.white(i), q = window.layerTest.white(j); let n = 0;
    for (let o = 0; o < p.length; o += 3) if (Math.abs(p[o] - q[o]) + Math.abs(p[o + 1] - q[o + 1]) + Math.abs(p[o + 2] - q[o + 2]) > 48) n++;
    return n;
  },
  // Blocks of 8×8 pixels whose mean colour differs (sum over RGB > 120 of 765): a missing or stale
  // node changes its blocks by far more; a layer drawn at another sub-pixel offset (a grown layer
  // against a rebuilt one) only moves anti-aliased edges a little.
  blocks(i, j) {
    const p = window.layerTest.white(i), q = window.layerTest.white(j);
    const r = window.cy.renderer(); const w = r.data.canvases[r.NODE].width, h = p.length / 3 / w; let n = 0;
    for (let by = 0; by + 8 <= h; by += 8) for (let bx = 0; bx + 8 <= w; bx += 8) {
      let s0 = 0, s1 = 0, s2 = 0;
      for (let y = by; y < by + 8; y++) for (let x = bx; x < bx + 8; x++) { const o = (y * w + x) * 3; s0 += p[o] - q[o]; s1 += p[o + 1] - q[o + 1]; s2 += p[o + 2] - q[o + 2]; }
      if ((Math.abs(s0) + Math.abs(s1) + Math.abs(s2)) / 64 > 120) n++;
    }
    return n;
  },
  shots: [],
};`;

type Stats = { patched: number; grown: number; redrawn: number; declined: number; lastDeclined: string | null; held: number; heldFrames: number };
const stats = (page: Page) => page.evaluate(() => ({ ...window.sightlineLayerPatch! }) as Stats);

/** Waits until the current zoom level's layer is complete and a frame has been drawn from it, then captures the canvas. */
async function captureFromLayer(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { layerTest: { complete(): boolean } }).layerTest.complete(), undefined, { timeout: 30_000 });
  await page.waitForTimeout(250);
  return page.evaluate(`new Promise((resolve) => { window.cy.forceRender(); requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.layerTest.capture()))); })`) as Promise<number>;
}

/** Throws the layer away through Cytoscape's own path (a restyle of everything) and captures the rebuilt one. */
async function captureRebuilt(page: Page): Promise<number> {
  const before = await stats(page);
  await page.evaluate(() => {
    (window.cy!.elements() as unknown as { updateStyle(): void }).updateStyle(); // (returns the collection: not sent back)
  });
  await page.waitForFunction((n) => window.sightlineLayerPatch!.declined > n, before.declined);
  return captureFromLayer(page);
}

type Compare = 'pixels' | 'blocks';
const differing = (page: Page, how: Compare, a: number, b: number) =>
  page.evaluate(([how, x, y]) => (window as unknown as { layerTest: Record<Compare, (i: number, j: number) => number> }).layerTest[how as Compare](x as number, y as number), [how, a, b] as const);

async function openScene(spacing: number): Promise<{ page: Page; errors: string[] }> {
  const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
  const errors = collectConsoleErrors(page);
  await page.goto(`${fixture.app().baseUrl}/`);
  await page.locator('#starting-points button').first().waitFor();
  // 1,200 actors and ~2,350 relationships: above DEFAULTS.layerPatchFrom and placeWithoutLayoutAbove.
  await loadGridScene(page, 1200, 'lp', spacing);
  await page.evaluate(HELPERS);
  expect(await page.evaluate(() => window.sightlineLayerPatch !== undefined)).toBe(true);
  return { page, errors };
}

/** 20 new actors linked to `centre`, placed by the app as an expansion places them. */
function grow(page: Page, centre: string, tag: string) {
  return page.evaluate(
    ({ centre, tag }) => {
      const nodes = Array.from({ length: 20 }, (_, i) => ({
        data: { id: `${tag}-${i}`, label: `New ${i}`, name: `New ${i}`, kind: 'Organization' as const, aliases: [], description: null, country: null, url: null, wikidata: null },
      }));
      const edges = nodes.map((n, i) => ({ data: { id: `${tag}-e-${i}`, source: centre, target: n.data.id, type: 'PARTNERS_WITH' as const, label: 'partners with', status: 'active' as const, since: null, until: null, summary: null, evidenceCount: 1 } }));
      return window.sightline!.growScene(centre, { nodes, edges });
    },
    { centre, tag },
  );
}

/** Opens a scene, captures it, expands `centre` (20 actors), captures again: both captures and the patcher's counters around the expansion. */
async function expandInScene(spacing: number, centre: string, tag: string) {
  const { page, errors } = await openScene(spacing);
  const before = await captureFromLayer(page);
  const s0 = await stats(page);
  await grow(page, centre, tag);
  await settleCanvas(page);
  const after = await captureFromLayer(page);
  const s1 = await stats(page);
  return { page, errors, before, after, s0, s1 };
}

describe('the explorer: small changes repainted into the cached layer (headless Chromium)', () => {
  it('an expansion inside the scene, a pin, an unpin and a move: the same pixels as a full rebuild', async () => {
    // Actors 110 px apart: the new ones find free spots among them, inside the cached layer.
    const { page, errors, before, after: expanded, s0, s1 } = await expandInScene(110, 'lp-612', 'mid');
    expect(s1.patched).toBeGreaterThan(s0.patched);
    expect(s1.grown).toBe(s0.grown);
    expect(s1.declined).toBe(s0.declined);
    const shown = await differing(page, 'pixels', before, expanded);
    expect(shown).toBeGreaterThan(500); // the 20 actors and their relationships are drawn
    const rebuilt = await captureRebuilt(page);
    expect(await differing(page, 'pixels', expanded, rebuilt)).toBeLessThan(shown / 50);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-layer-patch-1-inside.png') });

    // A pin draws an outline around the actor (one with a single relationship, so that its line does not cover the outline); unpinning must leave no trace of it.
    const s2 = await stats(page);
    await page.evaluate(() => {
      window.sightline!.togglePin('mid-3');
    });
    const pinned = await captureFromLayer(page);
    await page.evaluate(() => {
      window.sightline!.togglePin('mid-3');
    });
    const unpinned = await captureFromLayer(page);
    const s3 = await stats(page);
    expect(s3.patched).toBeGreaterThanOrEqual(s2.patched + 2);
    expect(s3.declined).toBe(s2.declined);
    expect(await differing(page, 'pixels', rebuilt, pinned)).toBeGreaterThan(10);
    expect(await differing(page, 'pixels', rebuilt, unpinned)).toBe(0);

    // An actor moved (as a drag ends): its old place must be cleared, its new one drawn.
    const s4 = await stats(page);
    await page.evaluate(() => {
      const n = window.cy!.getElementById('mid-3');
      n.position({ x: n.position('x') + 330, y: n.position('y') + 55 });
    });
    const moved = await captureFromLayer(page);
    const s5 = await stats(page);
    expect(s5.patched).toBeGreaterThan(s4.patched);
    expect(s5.declined).toBe(s4.declined);
    expect(await differing(page, 'pixels', unpinned, moved)).toBeGreaterThan(50);
    expect(await differing(page, 'pixels', moved, await captureRebuilt(page))).toBeLessThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an expansion at the edge of the scene enlarges the cached layer and shows what a full rebuild shows', async () => {
    // Actors 40 px apart: no free spot among them, the new ones land outside the layer.
    const { page, errors, before, after: grown, s0, s1 } = await expandInScene(40, 'lp-0', 'corner');
    expect(s1.grown).toBeGreaterThan(s0.grown);
    expect(s1.declined).toBe(s0.declined);
    const shown = await differing(page, 'blocks', before, grown);
    expect(shown).toBeGreaterThan(20);
    const rebuilt = await captureRebuilt(page);
    expect(await differing(page, 'blocks', grown, rebuilt)).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-layer-patch-2-grown.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a full re-layout moves the actors in steps under the held layer, then shows what a full rebuild shows', async () => {
    const { page, errors } = await openScene(110);
    const before = await captureFromLayer(page);
    const s0 = await stats(page);
    // A grid layout (other rows and columns than the scene's) of the 1,200 actors, moved in steps.
    const pointer = await page.evaluate(async () => {
      const cy = window.cy!;
      const box = cy.container()!.getBoundingClientRect();
      // What a click in the middle of the canvas would reach, on every frame between the steps.
      const reaches = () => cy.container()!.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
      const seen = new Set<boolean>();
      const watch = () => seen.add(reaches());
      cy.on('render', watch);
      await window.sightline!.relayout('grid');
      cy.off('render', watch);
      return { during: [...seen], after: reaches() };
    });
    // No click, hover or drag reaches the canvas while it shows where the actors were; afterwards it does.
    expect(pointer.during).toContain(false);
    expect(pointer.after).toBe(true);
    await settleCanvas(page);
    const after = await captureFromLayer(page);
    const s1 = await stats(page);
    expect(s1.held).toBe(s0.held + 1);
    expect(s1.heldFrames).toBeGreaterThan(s0.heldFrames + 1); // frames came between the steps, drawn from the held layer
    expect(await differing(page, 'blocks', before, after)).toBeGreaterThan(100); // the actors did move
    // Released: nothing of the old picture is left; the same as Cytoscape drawing it all again.
    const rebuilt = await captureRebuilt(page);
    expect(await differing(page, 'pixels', after, rebuilt)).toBeLessThan(10);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-layer-patch-3-relayout.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
