import { type RequestHandler, type Response, Router } from 'express';
import type { Logger } from 'pino';
import { requireCsrf } from '../../auth/csrf.js';
import type { AuthOptions } from '../../auth/options.js';
import { dummyPasswordHash, UnpepperedPasswordHashError, verifyPassword } from '../../auth/passwords.js';
import { authSecret } from '../../auth/secret.js';
import { sessionCookieOptions, startSession } from '../../auth/sessions.js';
import { AppError } from '../../errors.js';
import { rateLimited } from '../../middlewares/rate-limit.js';
import { parseBody } from '../../middlewares/validate.js';
import { presentWhoAmI } from '../../presenters/auth.js';
import type { AuthRepository } from '../../repositories/auth-repository.js';
import { loginBodySchema } from './schema.js';

const invalidCredentials = (): AppError => new AppError(401, 'INVALID_CREDENTIALS', 'auth/login: unknown username or wrong password');

/** Failed logins (401) per client IP, per app instance; over the limit: 429 RATE_LIMITED (even with the right password). */
function loginRateLimit(options: AuthOptions): RequestHandler {
  return rateLimited('auth/login: too many failed logins from this address; retry later', {
    windowMs: options.loginRateLimit.windowMs,
    limit: options.loginRateLimit.limit,
    skipSuccessfulRequests: true,
    // Only wrong credentials count: malformed input (400) costs no password hashing.
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    standardHeaders: 'draft-8',
  });
}

/** Sends `{data}` like sendData, but never cacheable: auth answers are personal. */
function sendPrivate(res: Response, data: unknown): void {
  res.set('Cache-Control', 'no-store');
  res.status(200).json({ data });
}

/**
 * POST /api/auth/login {username, password} — checks the password (scrypt), starts a 12 h session
 * (stored hashed in Neo4j) and sets it as an HttpOnly, SameSite=Strict cookie (Secure over HTTPS);
 * answers who is logged in, with the session's CSRF token. A wrong password and an unknown user get
 * the same 401 INVALID_CREDENTIALS, after the same work.
 * POST /api/auth/logout — ends the session (with its X-CSRF-Token) and clears the cookie.
 * GET /api/auth/me — who is making the request (session or API token), or `{data: null}`.
 * GET /api/auth/csrf — the session's CSRF token (401 UNAUTHENTICATED without a session).
 */
export function authRoutes(repository: AuthRepository, options: AuthOptions, logger?: Logger): Router {
  const router = Router();
  router.post('/auth/login', loginRateLimit(options), async (req, res) => {
    const { username, password } = parseBody(loginBodySchema, req);
    const user = await repository.findUser(username);
    const pepper = await authSecret();
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash(pepper)), pepper).catch((error: unknown) => {
      // An old-format hash fails closed: the client sees the usual 401, the log says what to do.
      if (!(error instanceof UnpepperedPasswordHashError)) throw error;
      logger?.warn({ module: 'auth/login', username }, error.message);
      return false;
    });
    if (!user || !passwordOk) throw invalidCredentials();
    const now = new Date();
    if (req.auth?.kind === 'session') await repository.deleteSession(req.auth.sessionHash);
    await repository.deleteExpiredSessions(now.toISOString());
    const session = await startSession(repository, user.id, options, now);
    res.cookie(options.cookieName, session.sessionId, sessionCookieOptions(req, session.expiresAt));
    const auth = {
      kind: 'session' as const,
      principal: user.username,
      role: user.role,
      userId: user.id,
      sessionHash: session.idHash,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
    sendPrivate(res, presentWhoAmI(auth));
  });

  router.post('/auth/logout', requireCsrf, async (req, res) => {
    const auth = req.auth;
    if (auth?.kind === 'session') await repository.deleteSession(auth.sessionHash);
    res.clearCookie(options.cookieName, sessionCookieOptions(req));
    sendPrivate(res, { loggedOut: auth?.kind === 'session' });
  });

  router.get('/auth/me', (req, res) => {
    sendPrivate(res, presentWhoAmI(req.auth));
  });

  router.get('/auth/csrf', (req, res) => {
    if (req.auth?.kind !== 'session') throw new AppError(401, 'UNAUTHENTICATED', 'auth/csrf: a CSRF token belongs to a login session; log in first');
    sendPrivate(res, { csrfToken: req.auth.csrfToken });
  });

  return router;
}
