import cookieParser from 'cookie-parser';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import type { AuthRepository } from '../repositories/auth-repository.js';
import { apiTokenHash, parseApiToken, sha256Hex } from './api-tokens.js';
import { csrfTokenFor, safeEqual } from './csrf.js';
import type { AuthOptions } from './options.js';
import './request-auth.js';
import { authSecret } from './secret.js';
import type { AuthContext } from './request-auth.js';
import { sessionCookieOptions } from './sessions.js';

export interface AuthenticateDeps {
  repository: AuthRepository;
  logger: Logger;
  options: AuthOptions;
  /** The server-side secret keying API-token hashes; default: this process's (auth/secret.ts). */
  secret?: () => Promise<Buffer>;
}

const invalidToken = (why: string): AppError => new AppError(401, 'INVALID_TOKEN', `auth/authenticate: ${why}`);

/** Resolves `Authorization: Bearer slt_…` to its token, or throws 401 INVALID_TOKEN. */
async function fromBearer(header: string, deps: AuthenticateDeps): Promise<AuthContext> {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match) throw invalidToken('the Authorization header must be "Bearer <token>"');
  const token = match[1] as string;
  const parsed = parseApiToken(token);
  if (!parsed) throw invalidToken('the API token is malformed');
  const stored = await deps.repository.findToken(parsed.id);
  // The hash comparison runs whether or not the token was found, in constant time.
  const matches = safeEqual(apiTokenHash(token, await (deps.secret ?? authSecret)()), stored?.hash ?? '0'.repeat(64));
  if (!stored || !matches) throw invalidToken('the API token is unknown');
  if (stored.revokedAt) throw invalidToken('the API token has been revoked');
  touch(stored.id, stored.lastUsedAt, deps);
  return { kind: 'token', principal: stored.name, role: stored.role, tokenId: stored.id };
}

/** Records lastUsedAt at most once per tokenTouchIntervalMs, without delaying the request. */
function touch(id: string, lastUsedAt: string | null, deps: AuthenticateDeps): void {
  const now = new Date();
  const staleBefore = new Date(now.getTime() - deps.options.tokenTouchIntervalMs).toISOString();
  if (lastUsedAt !== null && lastUsedAt >= staleBefore) return;
  deps.repository.touchToken(id, now.toISOString(), staleBefore).catch((error: unknown) => {
    deps.logger.warn({ err: error, module: 'auth/authenticate', tokenId: id }, 'could not record the API token use');
  });
}

/**
 * Mounted once for /api: sets req.auth from a Bearer API token (which wins) or the session cookie,
 * and leaves it undefined for anonymous requests, which read as before (no database access when
 * no credentials are sent). A bad Bearer token fails any request with 401 INVALID_TOKEN; an
 * expired or unknown session cookie is cleared and the request goes on anonymously.
 */
export function authenticate(deps: AuthenticateDeps): RequestHandler {
  const parseCookies = cookieParser();
  const resolve: RequestHandler = async (req, res, next) => {
    req.auth = undefined;
    const header = req.get('authorization');
    if (header !== undefined) {
      req.auth = await fromBearer(header, deps);
      return next();
    }
    const cookie: unknown = req.cookies?.[deps.options.cookieName];
    if (typeof cookie === 'string' && cookie.length > 0 && cookie.length <= 256) {
      const session = await deps.repository.findSession(sha256Hex(cookie), new Date().toISOString());
      if (session) {
        req.auth = {
          kind: 'session',
          principal: session.user.username,
          role: session.user.role,
          userId: session.user.id,
          sessionHash: session.idHash,
          csrfToken: csrfTokenFor(cookie),
          expiresAt: session.expiresAt,
        };
      } else {
        res.clearCookie(deps.options.cookieName, sessionCookieOptions(req));
      }
    }
    next();
  };
  return (req, res, next) => {
    parseCookies(req, res, (error?: unknown) => {
      if (error) return next(error);
      Promise.resolve(resolve(req, res, next)).catch(next);
    });
  };
}
