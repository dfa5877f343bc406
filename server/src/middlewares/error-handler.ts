import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import { ClientGoneError } from './client-gone.js';

/** Unknown /api routes: 404 with a stable code, not Express's HTML page. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'ROUTE_NOT_FOUND', `no API route ${req.method} ${req.path}`));
};

/** Maps a status from body-parser and friends (they set err.status / err.type) to our codes. */
function fromHttpError(error: { status?: number; type?: string; message?: string }): AppError | undefined {
  const status = error.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (error.type === 'entity.parse.failed') return new AppError(400, 'BAD_REQUEST', 'the request body is not valid JSON');
  if (error.type === 'entity.too.large') return new AppError(413, 'PAYLOAD_TOO_LARGE', 'the request body is too large');
  if (status === 415) return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', error.message ?? 'unsupported media type');
  return new AppError(status, 'BAD_REQUEST', 'the request could not be read');
}

/** How the API answers when Neo4j is overloaded or unreachable; one comment per option. */
export const OVERLOAD_DEFAULTS = {
  /** Retry-After (seconds) sent with every 503 mapped from a Neo4j error: a short back-off. */
  retryAfterSeconds: 2,
} as const;

/**
 * The driver's "every pooled connection is busy" error (connectionAcquisitionTimeout in
 * db/driver.ts): a Neo4jError whose code is 'N/A', recognisable only by its message.
 */
const ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;

/** Neo4j driver errors a client can provoke by asking for a lot, or that mean "try again later". */
function fromNeo4jError(error: { code?: unknown; name?: unknown; message?: unknown }): AppError | undefined {
  if (typeof error.code !== 'string' || error.name !== 'Neo4jError') return undefined;
  if (typeof error.message === 'string' && ACQUISITION_TIMEOUT.test(error.message)) {
    // More requests in flight than the connection pool holds, for longer than the acquisition
    // timeout: the server is overloaded, not the request wrong.
    return new AppError(503, 'NEO4J_UNAVAILABLE', 'the server is busy (every Neo4j connection is in use); retry shortly');
  }
  if (/^Neo\.ClientError\.Transaction\.TransactionTimedOut/.test(error.code)) {
    return new AppError(
      503,
      'QUERY_TIMEOUT',
      'the query took longer than the server allows (SIGHTLINE_READ_TIMEOUT_MS); ask for less (depth, limit, types) or retry',
    );
  }
  if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || /^Neo\.TransientError\./.test(error.code)) {
    return new AppError(503, 'NEO4J_UNAVAILABLE', 'Neo4j is unavailable or busy; retry shortly');
  }
  return undefined;
}

/**
 * The last middleware: every error leaves as { error: { code, message } }. Client errors keep their
 * message; anything unexpected is logged with its stack and answered 500 INTERNAL without details.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // The client went away and its reads were stopped (clientGoneSignal): nobody to answer.
    if (error instanceof ClientGoneError) return;
    const fromNeo4j = error instanceof AppError ? undefined : fromNeo4jError(error as Record<string, never>);
    const appError = error instanceof AppError ? error : (fromHttpError(error as Record<string, never>) ?? fromNeo4j);
    if (appError) {
      if (fromNeo4j && !res.headersSent) res.set('Retry-After', String(OVERLOAD_DEFAULTS.retryAfterSeconds));
      res.status(appError.status).json({
        error: { code: appError.code, message: appError.message, ...(appError.details ?? {}) },
      });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    if (res.headersSent) return;
    res.status(500).json({ error: { code: 'INTERNAL', message: 'an internal error occurred; it has been logged' } });
  };
}
