import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectConsoleErrors, SCREENSHOT_DIR, useBrowserApp } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { loadGridScene as loadScene, settleCanvas as settle } from '../support/scene.js';

const driver = getTestDriver();
const database = testDatabase();
const fixture = useBrowserApp(driver, database);

const positions = (page: Page) => page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.position() }])));

describe('the explorer: full layouts in a Web Worker (headless Chromium, the real app and its CSP)', () => {
  it('re-lays out a 600-actor scene in the worker, keeps pinned actors in place, shows the busy indicator, no console errors', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/`);
    await page.locator('#starting-points button').first().waitFor();
    await loadScene(page, 600);
    await page.evaluate(() => {
      window.sightline!.togglePin('lw-0');
      window.sightline!.togglePin('lw-312');
    });
    const before = await positions(page);

    // Re-layout through the toolbar button; the page keeps drawing frames while the worker computes.
    const frames = page.evaluate(`new Promise((resolve) => { let n = 0; const t0 = performance.now(); const tick = () => { n++; if (performance.now() - t0 < 400) requestAnimationFrame(tick); else resolve(n); }; requestAnimationFrame(tick); })`);
    await page.getByRole('button', { name: 'Re-layout' }).click();
    await page.waitForFunction(() => document.getElementById('loading')?.hidden === false || document.getElementById('app')?.getAttribute('aria-busy') === 'true');
    expect(await frames).toBeGreaterThan(5);
    await settle(page);
    expect(await page.evaluate(() => window.sightlineLayoutThread)).toBe('worker');

    const after = await positions(page);
    const moved = Object.keys(before).filter((id) => Math.hypot(after[id]!.x - before[id]!.x, after[id]!.y - before[id]!.y) > 1);
    expect(moved.length).toBeGreaterThan(550);
    expect(after['lw-0']).toEqual(before['lw-0']);
    expect(after['lw-312']).toEqual(before['lw-312']);
    expect(moved).not.toContain('lw-0');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-layout-worker-1-relayout.png') });

    // A newer re-layout cancels the one still computing: only the last one moves the nodes, once.
    const outcome = await page.evaluate(async () => {
      const first = window.sightline!.relayout('fcose');
      const second = window.sightline!.relayout('grid');
      await Promise.all([first, second]);
      return { layout: window.sightline!.layout, thread: window.sightlineLayoutThread };
    });
    await settle(page);
    expect(outcome).toEqual({ layout: 'grid', thread: 'worker' });
    const grid = await positions(page);
    // A grid: few distinct rows; the pinned actors are still where they were.
    expect(new Set(Object.entries(grid).filter(([id]) => !['lw-0', 'lw-312'].includes(id)).map(([, p]) => Math.round(p.y))).size).toBeLessThan(60);
    expect(grid['lw-0']).toEqual(before['lw-0']);
    expect(grid['lw-312']).toEqual(before['lw-312']);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-layout-worker-2-grid.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
