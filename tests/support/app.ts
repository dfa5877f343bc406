import type { AddressInfo } from 'node:net';
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
  const app = createApp({ driver, database, logger: createLogger('silent'), neo4jMode: 'embedded', ...overrides });
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
