import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectConsoleErrors, SCREENSHOT_DIR, useBrowserApp } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const fixture = useBrowserApp(getTestDriver(), testDatabase());

describe('the home page (headless Chromium)', () => {
  it('is served by the app and shows that Neo4j is connected, with no console errors', async () => {
    const page = await fixture.browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/`);
    await expect(page.title()).resolves.toBe('Sightline');
    const status = page.locator('#status');
    await status.filter({ hasText: 'Connected to Neo4j' }).waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toMatch(/Connected to Neo4j 5\.26\.\d+ \(community, embedded\)/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'home.png') });
    expect(errors).toEqual([]);
  });
});
