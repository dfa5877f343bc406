/**
 * A per-client (per IP, per app instance) request limit, express-rate-limit underneath, whose
 * refusal is the API's own error: 429 RATE_LIMITED with the caller's message, answered by the
 * error handler like any other AppError.
 */
import type { RequestHandler } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import { AppError } from '../errors.js';

/** What every Sightline rate limit shares unless the caller replaces it. */
const RATE_LIMIT_DEFAULTS: Partial<Options> = {
  /** RateLimit / RateLimit-Policy response headers (IETF draft 7). */
  standardHeaders: 'draft-7',
  /** No X-RateLimit-* headers. */
  legacyHeaders: false,
};

/**
 * `limit` requests per `windowMs` per client; over it, `message` as a 429 RATE_LIMITED error.
 * Any other express-rate-limit option (skipSuccessfulRequests…) may be given too.
 */
export function rateLimited(
  message: string,
  options: Pick<Options, 'windowMs' | 'limit'> & Partial<Omit<Options, 'handler'>>,
): RequestHandler {
  return rateLimit({
    ...RATE_LIMIT_DEFAULTS,
    ...options,
    handler: (_req, _res, next) => next(new AppError(429, 'RATE_LIMITED', message)),
  });
}
