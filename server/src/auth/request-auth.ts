import type { Role } from './roles.js';

/** Who made a request, as resolved by the authenticate middleware. */
export type AuthContext =
  | {
      kind: 'token';
      /** The API token's name (e.g. "ci"), for audit trails. */
      principal: string;
      role: Role;
      /** The token's public id (the lookup part of `slt_<id>_…`). */
      tokenId: string;
    }
  | {
      kind: 'session';
      /** The logged-in user's username. */
      principal: string;
      role: Role;
      userId: string;
      /** SHA-256 of the session id: how the session is found (and deleted at logout). */
      sessionHash: string;
      /** The session's CSRF token, derived from the cookie (csrf.ts; sent back as X-CSRF-Token on writes). */
      csrfToken: string;
      expiresAt: string;
    };

// The one place express's Request learns about `req.auth` (undefined: anonymous).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      auth?: AuthContext;
    }
  }
}
