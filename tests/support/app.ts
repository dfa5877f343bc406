import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import { createApp, type AppDeps } from '../../server/src/app.js';
import { createLogger } from '../../server/src/logger.js';

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves the real Express app on an ephemeral loopback port, against the given driver. */
export async function startTestApp(
  driver: Driver,
  database: string,
  overrides: Partial<AppDeps> = {},
): Promise<RunningApp> {
  return listenOnLoopback(createApp({ driver, database, logger: createLogger('silent'), neo4jMode: 'embedded', ...overrides }));
}

/** Serves an Express app (any app built for a test) on an ephemeral loopback port. */
export async function listenOnLoopback(app: Pick<Express, 'listen'>): Promise<RunningApp> {
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** GET a JSON endpoint: its status and parsed body. */
export async function getJson(baseUrl: string, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: await response.json() };
}

/**
 * Serves the app for the tests of one file (started before them, closed after them) and returns
 * a JSON getter bound to it. Call at the top level of a test file.
 */
export function useTestApp(driver: Driver, database: string): (path: string) => Promise<{ status: number; body: any }> {
  let app: RunningApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(driver, database);
  });
  afterAll(async () => app?.close());
  return (path) => {
    if (!app) throw new Error('sightline/tests: useTestApp: the app is not started yet (call get inside a test)');
    return getJson(app.baseUrl, path);
  };
}
