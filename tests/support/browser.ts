import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { EdgeSingular } from 'cytoscape';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
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
 * Logs in through the explorer's header menu and waits until the page shows who is logged in. The
 * menu appears once GET /api/auth/me has answered (slow on a loaded machine, hence the long wait).
 */
export async function logInThroughMenu(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#login-menu summary').waitFor({ timeout: 90_000 });
  await page.click('#login-menu summary');
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('#login-submit');
  await page.locator('#login-who').waitFor();
}

/**
 * Clicks a graph edge (window.cy) with the mouse. fcose lays the graph out differently on every
 * run, so another edge or a label may cover the edge's midpoint: tries points along it until the
 * click selects it; throws when none does. With `frame` (an embed's iframe), the edge is in that
 * frame and `page` is the page holding it.
 */
export async function clickEdge(page: Page, id: string, frame?: Frame): Promise<void> {
  const target = frame ?? page;
  const offset = frame?.parentFrame() ? (await (await frame.frameElement()).boundingBox())! : { x: 0, y: 0 };
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
    const point = await target.evaluate(
      ({ id, t }) => {
        const edge = window.cy!.getElementById(id) as unknown as EdgeSingular;
        const a = edge.source().renderedPosition();
        const b = edge.target().renderedPosition();
        const mid = edge.renderedMidpoint();
        // Along the drawn curve's control polygon (parallel edges are curved): source -> midpoint -> target.
        const lerp = (p: { x: number; y: number }, q: { x: number; y: number }, u: number) => ({ x: p.x + (q.x - p.x) * u, y: p.y + (q.y - p.y) * u });
        const p = t <= 0.5 ? lerp(a, mid, t / 0.5) : lerp(mid, b, (t - 0.5) / 0.5);
        const box = document.getElementById('cy')!.getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
      { id, t },
    );
    await page.mouse.click(offset.x + point.x, offset.y + point.y);
    if (await target.evaluate((id) => window.cy!.$id(id).selected(), id)) return;
  }
  throw new Error(`could not click edge ${id}: something covers it everywhere along its length`);
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
