import { execFile } from 'node:child_process';
import { join } from 'node:path';
import express, { Router } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { z } from 'zod';
import { authenticate } from '../../server/src/auth/authenticate.js';
import { authOptions, type AuthOptions } from '../../server/src/auth/options.js';
import { requireRole } from '../../server/src/auth/require-role.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { errorHandler } from '../../server/src/middlewares/error-handler.js';
import { parseBody } from '../../server/src/middlewares/validate.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { AuthRepository } from '../../server/src/repositories/auth-repository.js';
import { authRoutes } from '../../server/src/routes/auth/auth.js';
import { listenOnLoopback } from '../support/app.js';

/** Body of the test-only write route: a name of at most 100 characters. */
const testWriteBody = z.object({ name: z.string().min(1).max(100) });

/**
 * A second app instance for the auth tests: the real authenticate middleware, auth routes and error
 * handler, plus one test-only write route guarded by requireRole('editor') — POST /api/test-write
 * {name} → 201 — standing in for the import and curation routes. It shares nothing with the real
 * app but Neo4j, so a session started on one is honoured by the other (stateless instances).
 */
export async function startGuardedApp(driver: Driver, database: string, logger: Logger, overrides: Partial<AuthOptions> = {}) {
  const options = authOptions(overrides);
  const repository = new AuthRepository(new GraphDb(driver, { database }));
  const api = Router();
  api.use(authenticate({ repository, logger, options }));
  api.use(authRoutes(repository, options));
  api.post('/test-write', requireRole('editor'), (req, res) => {
    const { name } = parseBody(testWriteBody, req);
    res.status(201).json({ data: { name, by: req.auth?.principal, kind: req.auth?.kind } });
  });
  api.post('/test-admin', requireRole('admin'), (_req, res) => {
    res.status(201).json({ data: { ok: true } });
  });
  const app = express();
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '1mb' }));
  app.use('/api', api);
  app.use(errorHandler(logger));
  return listenOnLoopback(app);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run tokens|users -- …`'s script (node + tsx) against the suite's Neo4j. */
export function runCli(
  which: 'tokens' | 'users',
  args: string[],
  connection: { uri: string; user: string; password: string; database: string },
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'server', 'src', 'cli', `${which}.ts`), ...args],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          NEO4J_URI: connection.uri,
          NEO4J_USER: connection.user,
          NEO4J_PASSWORD: connection.password,
          NEO4J_DATABASE: connection.database,
          LOG_LEVEL: 'info',
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
    else child.stdin?.end();
  });
}

/** The cookie named `name` from a response's Set-Cookie headers, with its attributes. */
export function setCookie(response: Response, name: string): { value: string; attributes: string[]; raw: string } | undefined {
  for (const raw of response.headers.getSetCookie()) {
    const [pair, ...attributes] = raw.split(';').map((part) => part.trim());
    const [cookieName, ...rest] = (pair ?? '').split('=');
    if (cookieName === name) return { value: rest.join('='), attributes, raw };
  }
  return undefined;
}

/** POST a JSON body; answers the status, parsed body and response. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, response };
}
