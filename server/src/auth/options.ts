/** Options of write access control; AUTH_DEFAULTS holds the defaults, one comment per option. */
export interface AuthOptions {
  sessionTtlMs: number;
  loginRateLimit: { windowMs: number; limit: number };
  tokenTouchIntervalMs: number;
  viewsRequireAuth: boolean;
  cookieName: string;
}

export const AUTH_DEFAULTS: AuthOptions = {
  /** A login session lasts 12 hours from login (fixed, not sliding: reads never write), then the user logs in again. */
  sessionTtlMs: 12 * 60 * 60 * 1000,
  /** Login attempts per client IP and window (express-rate-limit, counted per app instance); over it 429 RATE_LIMITED. */
  loginRateLimit: { windowMs: 15 * 60 * 1000, limit: 10 },
  /** An API token's lastUsedAt is written at most once per this interval (a read per request, rarely a write). */
  tokenTouchIntervalMs: 60 * 1000,
  /** Whether saving views needs an editor (SIGHTLINE_VIEWS_REQUIRE_AUTH); other writes always do. */
  viewsRequireAuth: false,
  /** Name of the HttpOnly session cookie. */
  cookieName: 'sightline_session',
};

/** AUTH_DEFAULTS with some options replaced. */
export function authOptions(overrides: Partial<AuthOptions> = {}): AuthOptions {
  return { ...AUTH_DEFAULTS, ...overrides };
}
