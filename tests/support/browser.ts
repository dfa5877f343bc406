import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createLogger } from '../../server/src/logger.js';
import { ensureWebBuild } from '../../server/src/web-build.js';
import { startTestApp, type RunningApp } from './app.js';
import { REPO_ROOT } from '../../server/src/paths.js';

/** Debian's chromium (installed by .ci/run). A missing browser fails the test run, never skips it. */
export const CHROMIUM_PATH = process.env.SIGHTLINE_CHROMIUM ?? '/usr/bin/chromium';

/** Where browser tests write the screenshots a person looks at. */
export const SCREENSHOT_DIR = join(REPO_ROOT, '.data', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`sightline/tests: no Chromium at ${CHROMIUM_PATH}; install it (apt-get install chromium) or set SIGHTLINE_CHROMIUM`);
  }
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Collects console errors and page errors, so a test can assert there were none. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * For the browser tests of one file: builds the web assets if stale, serves the app and launches
 * Chromium before the tests, closes both after. Call at the top level; read the getters in tests.
 */
export function useBrowserApp(driver: Driver, database: string): { app: () => RunningApp; browser: () => Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureWebBuild(createLogger('warn'));
    app = await startTestApp(driver, database);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`sightline/tests: useBrowserApp: ${what} is not started yet`);
    return value;
  };
  return { app: () => started(app, 'the app'), browser: () => started(browser, 'Chromium') };
}
