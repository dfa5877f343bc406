/**
 * graph/texture-warm.ts draws the element bitmaps a frame needs before the frame draws. Held here to
 * its mechanism on the real case, a full re-layout of 1,200 actors that brings the view from far out
 * to closer in (the frame that shows the move draws every element one by one, at a zoom level with
 * no bitmaps yet): with the warming, that frame finds every bitmap it asks for; with
 * `?texture-warm=off` (the control), it falls back to another level's bitmap for every actor. Also
 * fails if a Cytoscape upgrade removes the internals the warming needs.
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

// Counts, while Cytoscape's renderer draws a frame, the bitmaps it asks for, those it drew then
// (nothing at the frame's level before the request, one after) and its fallbacks (still nothing
// after, another level's bitmap used instead). A string: the test bundler's function-name helpers do
// not exist in the page.
const PROBE = `(() => {
  const cy = window.cy, r = cy.renderer(), probe = { frames: 0, drawn: 0, fallbacks: 0, requests: 0 };
  let drawing = false;
  for (const name of ['eleTxrCache', 'lblTxrCache']) {
    const cache = r.data[name], get = cache.getElement.bind(cache);
    cache.getElement = (ele, bb, ratio, lvl, reason) => {
      if (drawing) {
        const level = lvl == null ? Math.max(-4, Math.ceil(Math.log2(cy.zoom() * ratio))) : lvl;
        probe.requests++;
        if (cache.lookup.get(ele, level)) return get(ele, bb, ratio, lvl, reason);
        const got = get(ele, bb, ratio, lvl, reason);
        if (cache.lookup.get(ele, level)) probe.drawn++;
        else if (got) probe.fallbacks++;
        return got;
      }
      return get(ele, bb, ratio, lvl, reason);
    };
  }
  const render = r.render.bind(r);
  r.render = (options) => { drawing = true; try { return render(options); } finally { drawing = false; probe.frames++; } };
  window.warmProbe = probe;
})()`;

type Probe = { frames: number; drawn: number; fallbacks: number; requests: number };

async function relayoutScene(query: string, shot: string): Promise<{ page: Page; errors: string[]; probe: Probe; warm: { frames: number; drawn: number } | null }> {
  const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
  const errors = collectConsoleErrors(page);
  await page.goto(`${fixture.app().baseUrl}/${query}`);
  await page.locator('#starting-points button').first().waitFor();
  await loadGridScene(page, 1200, 'tw', 150);
  await page.evaluate(PROBE);
  const before = await page.evaluate(() => (window.sightlineTextureWarm ? { ...window.sightlineTextureWarm } : null));
  await page.evaluate(() => window.sightline!.relayout('fcose').then(() => undefined));
  await settleCanvas(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, shot) });
  const probe = (await page.evaluate('({ ...window.warmProbe })')) as Probe;
  const after = await page.evaluate(() => (window.sightlineTextureWarm ? { ...window.sightlineTextureWarm } : null));
  const warm = before && after ? { frames: after.frames - before.frames, drawn: after.drawn - before.drawn } : null;
  return { page, errors, probe, warm };
}

describe('the explorer: element bitmaps drawn before the frame that needs them (headless Chromium)', () => {
  it('after a 1,200-actor re-layout, the frames drawing one by one find every bitmap; without the warming they fall back for every actor', async () => {
    const warmed = await relayoutScene('', 'explorer-texture-warm-1-relayout.png');
    expect(warmed.warm).not.toBeNull();
    expect(warmed.warm!.frames).toBeGreaterThan(0);
    expect(warmed.warm!.drawn).toBeGreaterThanOrEqual(2); // one body bitmap per kind (the scene has two), and any label shown at that zoom
    expect(warmed.probe.requests).toBeGreaterThan(2000); // the frames did draw the elements one by one
    expect(warmed.probe.drawn).toBe(0);
    expect(warmed.probe.fallbacks).toBe(0);
    expect(warmed.errors).toEqual([]);

    const control = await relayoutScene('?texture-warm=off', 'explorer-texture-warm-2-off.png');
    expect(control.warm).toBeNull();
    expect(control.probe.requests).toBeGreaterThan(2000);
    expect(control.probe.fallbacks).toBeGreaterThan(1000);
    expect(control.errors).toEqual([]);

    // The same drawing either way: as many actors laid out and shown.
    const shown = (page: Page) => page.evaluate(() => window.cy!.nodes().filter((n) => n.visible()).length);
    expect(await shown(warmed.page)).toBe(1200);
    expect(await shown(control.page)).toBe(1200);
    await warmed.page.close();
    await control.page.close();
  });
});
