import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request } from 'express';
import type { AuthRepository } from '../repositories/auth-repository.js';
import { sha256Hex } from './api-tokens.js';
import { csrfTokenFor } from './csrf.js';
import type { AuthOptions } from './options.js';

export interface NewSession {
  /** The cookie value: 256 random bits; only its SHA-256 is stored. */
  sessionId: string;
  idHash: string;
  /** Derived from sessionId (csrfTokenFor), never stored. */
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session for a user: stores it (hashed) and returns what goes into the cookie. */
export async function startSession(repository: AuthRepository, userId: string, options: AuthOptions, now = new Date()): Promise<NewSession> {
  const sessionId = randomBytes(32).toString('base64url');
  const session: NewSession = {
    sessionId,
    idHash: sha256Hex(sessionId),
    csrfToken: csrfTokenFor(sessionId),
    expiresAt: new Date(now.getTime() + options.sessionTtlMs),
  };
  await repository.createSession({
    idHash: session.idHash,
    userId,
    createdAt: now.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  });
  return session;
}

/**
 * Flags of the session cookie: HttpOnly (no script reads it), SameSite=Strict (never sent on
 * cross-site requests), Path=/, and Secure when the request came over HTTPS (req.secure honours
 * X-Forwarded-Proto from the proxies trusted by the app's `trust proxy` setting).
 */
export function sessionCookieOptions(req: Request, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', ...(expires ? { expires } : {}) };
}
