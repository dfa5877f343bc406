import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../server/src/web-build.js';
import { createLogger } from '../../server/src/logger.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { collectConsoleErrors, launchBrowser, SCREENSHOT_DIR } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuild(createLogger('warn'));
  app = await startTestApp(driver, testDatabase());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the home page (headless Chromium)', () => {
  it('is served by the app and shows that Neo4j is connected, with no console errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${app.baseUrl}/`);
    await expect(page.title()).resolves.toBe('Sightline');
    const status = page.locator('#status');
    await status.filter({ hasText: 'Connected to Neo4j' }).waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toMatch(/Connected to Neo4j 5\.26\.\d+ \(community, embedded\)/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'home.png') });
    expect(errors).toEqual([]);
  });
});
