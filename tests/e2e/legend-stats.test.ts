import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../server/src/web-build.js';
import { createLogger } from '../../server/src/logger.js';
import { collectConsoleErrors, launchBrowser, SCREENSHOT_DIR } from '../support/browser.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

// An app whose GET /api/schema never waits for its statistics (budget 0): its first answer has
// status counts null, as a large graph's first answer may.
let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  await ensureWebBuild(createLogger('warn'));
  app = await startTestApp(getTestDriver(), testDatabase(), { schemaStats: { budgetMs: 0 } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The status rows of the legend (the list after the "Relationships" heading), as text. */
const statusRows = (page: import('playwright-core').Page) =>
  page.locator('.legend h3:has-text("Relationships") + ul li').allTextContents();

describe('the legend with and without schema statistics (headless Chromium)', () => {
  it('lists the statuses without counts while the server does not know them, with counts once it does', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${app.baseUrl}/`);
    await page.locator('.legend').waitFor();
    expect(await page.locator('.legend').textContent()).toContain('Military unit'); // kind counts are exact: there
    const without = await statusRows(page);
    expect(without).toEqual(['active', 'ended', 'alleged', 'disputed']);
    expect((await page.locator('#filter-status option').allTextContents()).every((t) => !/\(|null/.test(t))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'legend-without-stats.png') });

    // A later load (the statistics were computed in the background meanwhile) shows the counts.
    await expect
      .poll(async () => (await (await fetch(`${app.baseUrl}/api/schema`)).json()).data.statsAsOf, { timeout: 20_000 })
      .not.toBeNull();
    await page.reload();
    await page.locator('.legend').waitFor();
    const withCounts = await statusRows(page);
    expect(withCounts.find((t) => t.startsWith('ended'))).toBe('ended1');
    expect(withCounts.every((t) => /\d+$/.test(t))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'legend-with-stats.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
