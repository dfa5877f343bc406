import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors.js';

/** The header a cookie-authenticated write must carry (value: GET /api/auth/csrf's token). */
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that never change state and so need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Constant-time equality of two strings (false on different lengths, without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Domain separation of the CSRF token's HMAC (bump the version to change how tokens are made). */
const CSRF_CONTEXT = 'sightline-csrf-v1';

/**
 * A session's CSRF token: base64url(HMAC-SHA256(key = the raw session id, "sightline-csrf-v1")).
 * It is derived, never stored: only the cookie holds the raw session id (Neo4j has its SHA-256),
 * so nobody who reads the database can compute it, and every app instance recomputes the same one.
 */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update(CSRF_CONTEXT).digest('base64url');
}

/**
 * Synchronizer-token CSRF check: a state-changing request authenticated by the session cookie must
 * send the session's own CSRF token (csrfTokenFor(the cookie's session id)) in X-CSRF-Token. Bearer-token and
 * anonymous requests pass: a browser never attaches those on its own, so they cannot be forged.
 * Throws 403 CSRF_FAILED.
 */
export function assertCsrf(req: Request): void {
  const auth = req.auth;
  if (!auth || auth.kind !== 'session' || SAFE_METHODS.has(req.method)) return;
  const sent = req.get(CSRF_HEADER);
  if (typeof sent !== 'string' || sent.length === 0 || !safeEqual(sent, auth.csrfToken)) {
    throw new AppError(403, 'CSRF_FAILED', 'auth/csrf: this write needs the X-CSRF-Token header from GET /api/auth/csrf');
  }
}

/** assertCsrf as a middleware (for writes that need no role, such as logout). */
export const requireCsrf: RequestHandler = (req, _res, next) => {
  assertCsrf(req);
  next();
};
