import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { assertCsrf } from './csrf.js';
import './request-auth.js';
import { type Role, roleSatisfies } from './roles.js';

/**
 * Guards a route: the request must be authenticated (req.auth, set by `authenticate`) with at
 * least `role` (admin ⊇ editor ⊇ reader), and a cookie-authenticated write must carry the session's
 * CSRF token.
 *   no credentials        → 401 UNAUTHENTICATED
 *   insufficient role     → 403 FORBIDDEN
 *   session, no/bad token → 403 CSRF_FAILED
 * Mount it before the handler (and before body parsing of uploads): `router.post('/x', requireRole('editor'), handler)`.
 */
export function requireRole(role: Role): RequestHandler {
  return (req, _res, next) => {
    const auth = req.auth;
    if (!auth) {
      throw new AppError(401, 'UNAUTHENTICATED', `auth/require-role: this request needs an authenticated ${role} (Authorization: Bearer <token> or a login)`);
    }
    if (!roleSatisfies(auth.role, role)) {
      throw new AppError(403, 'FORBIDDEN', `auth/require-role: this request needs the ${role} role; ${auth.principal} has ${auth.role}`);
    }
    assertCsrf(req);
    next();
  };
}

/** requireRole(role) when `flag` is true, else a pass-through (e.g. SIGHTLINE_VIEWS_REQUIRE_AUTH). */
export function requireRoleIf(flag: boolean, role: Role): RequestHandler {
  if (flag) return requireRole(role);
  return (_req, _res, next) => next();
}
