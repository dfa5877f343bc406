/**
 * Typed errors with stable codes. Every error a client can cause becomes
 * `{ "error": { "code": "STABLE_CODE", "message": "…" } }` with a 4xx status; anything else is a
 * 500 with code INTERNAL and no internals in the body.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  /** Search text that the full-text engine refused to parse (should not happen: input is escaped). */
  | 'BAD_QUERY'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  /** An export over the export cap (SIGHTLINE_EXPORT_MAX_NODES). */
  | 'EXPORT_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'NEO4J_UNAVAILABLE'
  | 'INTERNAL';

export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string): AppError => new AppError(404, 'NOT_FOUND', `${what} was not found`);

export const serviceUnavailable = (message: string): AppError => new AppError(503, 'NEO4J_UNAVAILABLE', message);
