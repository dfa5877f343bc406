/**
 * Neo4j's errors on analyst-written Cypher, as the console's typed errors: syntax errors with the
 * position in the analyst's text (400 CYPHER_SYNTAX_ERROR), writes refused by the READ transaction
 * (403 QUERY_NOT_ALLOWED), timeouts (408 QUERY_TIMEOUT) and other client errors (400
 * CYPHER_ERROR), each with Neo4j's message made readable: its first line, without the echoed
 * query and caret Neo4j appends. Anything else (Neo4j unreachable, a bug) is rethrown unchanged.
 */
import { AppError } from '../errors.js';
import { positionOf } from './lexer.js';

interface Neo4jErrorLike {
  code?: unknown;
  message?: unknown;
  diagnosticRecord?: { _position?: { offset?: number } };
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);
const NOT_ALLOWED_CODES = new Set([
  'Neo.ClientError.Statement.AccessMode',
  'Neo.ClientError.Security.Forbidden',
  'Neo.ClientError.Security.AuthorizationExpired',
]);
const POSITION = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/** Where the analysed statement sits: the text sent to Neo4j = prefix + body; body starts at bodyOffset of the original. */
export interface TextMapping {
  original: string;
  /** Characters Sightline put before the body (e.g. "EXPLAIN "). */
  prefixLength: number;
  bodyOffset: number;
}

/** The first line of Neo4j's message, without its "(line…, column…)" suffix. */
export function readableMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(POSITION, '').trim();
}

function offsetIn(error: Neo4jErrorLike, message: string): number | undefined {
  const m = POSITION.exec(message);
  if (m) return Number(m[3]);
  const o = error.diagnosticRecord?._position?.offset;
  return typeof o === 'number' ? o : undefined;
}

/** The console's AppError for a Neo4j error, or undefined when it is not the query's fault. */
export function consoleErrorOf(error: unknown, mapping: TextMapping): AppError | undefined {
  const e = error as Neo4jErrorLike;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (TIMEOUT_CODES.has(code)) return new AppError(408, 'QUERY_TIMEOUT', 'the query was stopped: it ran longer than the console allows');
  if (NOT_ALLOWED_CODES.has(code)) {
    return new AppError(403, 'QUERY_NOT_ALLOWED', `This query is not allowed in the console: ${readableMessage(message)} (the console is read-only)`);
  }
  if (!code.startsWith('Neo.ClientError.')) return undefined;
  const raw = offsetIn(e, message);
  const details: Record<string, unknown> = {};
  if (raw !== undefined) {
    const offset = Math.max(0, raw - mapping.prefixLength) + mapping.bodyOffset;
    details.position = positionOf(mapping.original, offset);
  }
  const readable = readableMessage(message) || 'Neo4j refused the query';
  if (code === 'Neo.ClientError.Statement.SyntaxError' && !/^Unknown function/.test(readable)) {
    return new AppError(400, 'CYPHER_SYNTAX_ERROR', readable, details);
  }
  return new AppError(400, 'CYPHER_ERROR', readable, details);
}
