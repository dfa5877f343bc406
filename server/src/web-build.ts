import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { REPO_ROOT } from './paths.js';

const WEB_DIR = join(REPO_ROOT, 'web');
const WEB_DIST = join(WEB_DIR, 'dist');

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(path) : (await stat(path)).mtimeMs);
  }
  return newest;
}

/** True when web/dist is missing or older than a file under web/. */
export async function webBuildIsStale(): Promise<boolean> {
  const marker = join(WEB_DIST, 'index.html');
  if (!existsSync(marker)) return true;
  return (await newestMtime(WEB_DIR)) > (await stat(marker)).mtimeMs;
}

/** Builds the web assets with vite when they are missing or stale (the first `npm start`). */
export async function ensureWebBuild(logger: Logger): Promise<void> {
  if (!(await webBuildIsStale())) return;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    logger.warn('web assets are missing or stale and vite is not installed (npm install): serving the API only');
    return;
  }
  const started = Date.now();
  logger.info('building the web assets (vite)…');
  await vite.build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  logger.info({ seconds: Math.round((Date.now() - started) / 100) / 10 }, 'web assets built');
}
