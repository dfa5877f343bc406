import type { AuthContext } from '../auth/request-auth.js';

/**
 * Fields of "who is this" (GET /api/auth/me, POST /api/auth/login): user, role, kind, expiresAt
 * and the session's csrfToken (the page reads it once; the session cookie itself stays HttpOnly).
 */
export function presentWhoAmI(auth: AuthContext | undefined) {
  if (!auth) return null;
  return {
    user: auth.principal,
    role: auth.role,
    kind: auth.kind,
    expiresAt: auth.kind === 'session' ? auth.expiresAt : null,
    csrfToken: auth.kind === 'session' ? auth.csrfToken : null,
  };
}
