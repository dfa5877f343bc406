/**
 * The console's API client: POSTs and GETs of /api/console/* and /api/queries/*. Failures become
 * ConsoleApiError with the server's stable code, its message and (for syntax errors) the position.
 * An aborted request rethrows the AbortError so the caller can tell "cancelled" from "failed".
 */
import { ApiError } from '../api.js';
import type { ConsoleResult, ConsoleSchema, ErrorPosition, RunMode, SavedQuery, SavedQuerySummary } from './types.js';

export class ConsoleApiError extends ApiError {
  constructor(
    message: string,
    status: number,
    code: string,
    readonly position: ErrorPosition | null = null,
  ) {
    super(message, status, code);
    this.name = 'ConsoleApiError';
  }
}

interface Envelope<T> {
  data?: T;
  error?: { code?: string; message?: string; position?: ErrorPosition };
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { ...(body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ConsoleApiError('The Sightline server is not answering.', 0, 'NETWORK');
  }
  const parsed = (await response.json().catch(() => null)) as Envelope<T> | null;
  if (!response.ok || !parsed || parsed.data === undefined) {
    throw new ConsoleApiError(
      parsed?.error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      response.status,
      parsed?.error?.code ?? 'HTTP',
      parsed?.error?.position ?? null,
    );
  }
  return parsed.data;
}

export const consoleApi = {
  run: (query: string, params: Record<string, unknown>, mode: RunMode, signal?: AbortSignal) =>
    request<ConsoleResult>('POST', '/api/console/run', { query, params, mode }, signal),
  schema: () => request<ConsoleSchema>('GET', '/api/console/schema'),
  queries: () => request<SavedQuerySummary[]>('GET', '/api/queries'),
  query: (id: string) => request<SavedQuery>('GET', `/api/queries/${encodeURIComponent(id)}`),
  runSaved: (id: string, params: Record<string, unknown>, signal?: AbortSignal) =>
    request<ConsoleResult>('POST', `/api/queries/${encodeURIComponent(id)}/run`, { params }, signal),
  /** Raw POST for optional endpoints (Save as view): the caller reads the status and code; `headers` e.g. X-CSRF-Token. */
  post: <T>(path: string, body: unknown, headers: Record<string, string> = {}) => request<T>('POST', path, body, undefined, headers),
};
