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
  /** A view names actor ids that do not exist (POST /api/views). */
  | 'UNKNOWN_ACTOR'
  /** previousVersionOf names a view that does not exist (POST /api/views). */
  | 'UNKNOWN_VIEW'
  /** A query view names no saved query (POST /api/views: 400), or its saved query is gone or changed (GET: 409). */
  | 'UNKNOWN_QUERY'
  /** A recognised request the server does not implement (oEmbed format=xml: 501 per the spec). */
  | 'NOT_IMPLEMENTED'
  /** Write access (server/src/auth): no credentials on a request that needs them. */
  | 'UNAUTHENTICATED'
  /** Write access: authenticated, but the role is insufficient. */
  | 'FORBIDDEN'
  /** Write access: an Authorization: Bearer token that is malformed, unknown or revoked. */
  | 'INVALID_TOKEN'
  /** Write access: a cookie-authenticated write without the session's X-CSRF-Token. */
  | 'CSRF_FAILED'
  /** Write access: login with an unknown user or a wrong password (one code for both). */
  | 'INVALID_CREDENTIALS'
  /** Curation (server/src/curation): an edit based on a stale version of the record (optimistic concurrency). */
  | 'CONFLICT'
  /** Curation: a relationship from an actor to itself where the type makes that meaningless, or a merge of an actor into itself. */
  | 'SELF_LOOP'
  /** Curation: a deletion without `?confirm=<id>` (or body `confirm`) naming what is deleted. */
  | 'CONFIRMATION_REQUIRED'
  /** Curation: a referenced actor, relationship or source id that does not exist (or was deleted). */
  | 'UNKNOWN_REFERENCE'
  /** Console (server/src/console): a write, admin command, forbidden clause, procedure or function. */
  | 'QUERY_NOT_ALLOWED'
  /** Console: Neo4j could not parse the query (the body carries `position`). */
  | 'CYPHER_SYNTAX_ERROR'
  /** Console: any other error Neo4j reports about the query (unknown function, type error…). */
  | 'CYPHER_ERROR'
  /** Console: the query ran longer than SIGHTLINE_CONSOLE_TIMEOUT_MS and was stopped. */
  | 'QUERY_TIMEOUT'
  /** Console: SIGHTLINE_CONSOLE_MAX_CONCURRENT console queries are already running. */
  | 'CONSOLE_BUSY'
  /** Import: a cancel request for an import job that has already finished (done, failed or cancelled). */
  | 'IMPORT_JOB_FINISHED'
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
