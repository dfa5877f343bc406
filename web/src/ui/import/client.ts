/**
 * The import API client of the web UI: the upload (POST /api/import, multipart, sent with the
 * session cookie and its X-CSRF-Token, see ../login.ts), a job's status (GET /api/import/:jobId)
 * and following a job: Server-Sent Events (GET /api/import/:jobId/events) first, polling the
 * status when the event stream drops. Errors keep the API's stable code and the field it names.
 */
import type { ImportReport } from '../../../../server/src/import/report.js';
import type { ImportJobView } from '../../../../server/src/presenters/import-job.js';
import { csrfHeaders } from '../login.js';

export type { ImportReport, ImportJobView };

/** Defaults of following a job; one comment per option. */
export const WATCH_DEFAULTS = {
  /** Between two GET /api/import/:jobId once the event stream has dropped (ms). */
  pollMs: 1_000,
  /** Poll failures in a row (server unreachable) before giving up on the job (about a minute). */
  maxPollFailures: 60,
} as const;

export class ImportApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'ImportApiError';
  }
}

/** What POST /api/import answered: a dry run's report at once, or the job that runs the import. */
export type UploadResult = { kind: 'report'; report: ImportReport } | { kind: 'job'; jobId: string; statusUrl: string; eventsUrl: string };

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string; limit?: number };
}

function apiError(status: number, body: ErrorBody | null): ImportApiError {
  const code = body?.error?.code ?? 'HTTP';
  const message =
    code === 'UNAUTHENTICATED'
      ? 'Log in as an editor to import (your session may have ended).'
      : code === 'FORBIDDEN'
        ? 'Your account may read but not import (editor role needed).'
        : code === 'CSRF_FAILED'
          ? 'The page’s session token is stale: reload the page and log in again.'
          : code === 'PAYLOAD_TOO_LARGE'
            ? `The file is too large${body?.error?.limit ? ` (at most ${Math.round(body.error.limit / 1024 / 1024)} MB)` : ''}: use the command line importer (npm run import).`
            : (body?.error?.message ?? `The server answered ${status}.`);
  return new ImportApiError(message, status, code, body?.error?.field ?? null);
}

/** Sends the upload; `signal` aborts it (the dialog's Cancel). */
export async function uploadImport(form: FormData, signal?: AbortSignal): Promise<UploadResult> {
  let response: Response;
  try {
    response = await fetch('/api/import', { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', ...csrfHeaders() }, signal: signal ?? null });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ImportApiError('The Sightline server is not answering.', 0, 'NETWORK', null);
  }
  const body = (await response.json().catch(() => null)) as ({ data?: unknown } & ErrorBody) | null;
  if (!response.ok || !body || body.data === undefined) throw apiError(response.status, body);
  if (response.status === 202) {
    const accepted = body.data as { jobId: string; statusUrl: string; eventsUrl: string };
    return { kind: 'job', jobId: accepted.jobId, statusUrl: accepted.statusUrl, eventsUrl: accepted.eventsUrl };
  }
  return { kind: 'report', report: body.data as ImportReport };
}

/** GET /api/import/:jobId. */
export async function getImportJob(statusUrl: string): Promise<ImportJobView> {
  const response = await fetch(statusUrl, { credentials: 'same-origin', headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = (await response.json().catch(() => null)) as ({ data?: ImportJobView } & ErrorBody) | null;
  if (!response.ok || !body || body.data === undefined) throw apiError(response.status, body);
  return body.data;
}

export const isFinished = (view: ImportJobView): boolean => view.status === 'done' || view.status === 'failed' || view.status === 'cancelled';

/**
 * POST /api/import/:jobId/cancel (with the session's X-CSRF-Token): the job stops at its next batch
 * and ends cancelled; the job as it is now. A job that has already finished: 409 IMPORT_JOB_FINISHED.
 */
export async function cancelImportJob(jobId: string): Promise<ImportJobView> {
  let response: Response;
  try {
    response = await fetch(`/api/import/${encodeURIComponent(jobId)}/cancel`, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', ...csrfHeaders() } });
  } catch {
    throw new ImportApiError('The Sightline server is not answering.', 0, 'NETWORK', null);
  }
  const body = (await response.json().catch(() => null)) as ({ data?: ImportJobView } & ErrorBody) | null;
  if (!response.ok || !body || body.data === undefined) throw apiError(response.status, body);
  return body.data;
}

export interface WatchCallbacks {
  /** Every new state of the job (the last one is done, failed or cancelled). */
  onUpdate(view: ImportJobView): void;
  /** How the job is followed now: the event stream, or polling after the stream dropped. */
  onChannel?(channel: 'events' | 'polling'): void;
  /** The job could not be followed any more (server gone, job unknown). */
  onLost?(error: Error): void;
}

/**
 * Follows a job until it is done, failed or cancelled: EventSource on the events URL (same origin, so the
 * cookies go along; the page's CSP connect-src 'self' allows it); when the stream errors before
 * the end, it is closed and the status URL is polled instead. Returns a function that stops.
 */
export function watchImportJob(job: { statusUrl: string; eventsUrl: string }, callbacks: WatchCallbacks, options: { pollMs?: number; maxPollFailures?: number } = {}): () => void {
  const pollMs = options.pollMs ?? WATCH_DEFAULTS.pollMs;
  const maxFailures = options.maxPollFailures ?? WATCH_DEFAULTS.maxPollFailures;
  let stopped = false;
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let source: EventSource | undefined;

  const update = (view: ImportJobView) => {
    if (stopped || finished) return;
    if (isFinished(view)) finished = true;
    callbacks.onUpdate(view);
    if (finished) stop();
  };

  const poll = (failures: number) => {
    if (stopped || finished) return;
    getImportJob(job.statusUrl)
      .then((view) => {
        update(view);
        timer = setTimeout(() => poll(0), pollMs);
      })
      .catch((error: Error) => {
        if (stopped) return;
        if ((error instanceof ImportApiError && error.status >= 400 && error.status < 500) || failures + 1 >= maxFailures) {
          stop();
          callbacks.onLost?.(error);
          return;
        }
        timer = setTimeout(() => poll(failures + 1), pollMs);
      });
  };

  const fallBack = () => {
    source?.close();
    source = undefined;
    if (stopped || finished) return;
    callbacks.onChannel?.('polling');
    poll(0);
  };

  function stop(): void {
    stopped = true;
    source?.close();
    source = undefined;
    if (timer !== undefined) clearTimeout(timer);
  }

  if (typeof EventSource === 'function') {
    source = new EventSource(job.eventsUrl);
    callbacks.onChannel?.('events');
    source.addEventListener('progress', (event) => {
      try {
        update(JSON.parse((event as MessageEvent<string>).data) as ImportJobView);
      } catch {
        fallBack();
      }
    });
    // The server ends the stream after the job's last state; should that state not have come, ask once more.
    source.addEventListener('end', () => fallBack());
    source.addEventListener('error', () => fallBack());
  } else {
    poll(0);
  }
  return stop;
}

/**
 * Fetches GET /api/schema past the browser's cache (it may be reused for a minute) and so puts the
 * fresh counts in that cache: the explorer's next loadSchema() sees what an import added.
 */
export async function reloadSchemaCache(): Promise<void> {
  await fetch('/api/schema', { cache: 'reload', headers: { accept: 'application/json' } }).then((r) => r.arrayBuffer());
}

/** Actor ids an import wrote, most connected first (GET /api/import/:jobId/actors). */
export async function importedActorIds(jobId: string, limit: number): Promise<string[]> {
  const response = await fetch(`/api/import/${encodeURIComponent(jobId)}/actors?limit=${limit}`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  const body = (await response.json().catch(() => null)) as ({ data?: { actors: Array<{ data: { id?: unknown } }> } } & ErrorBody) | null;
  if (!response.ok || !body?.data) throw apiError(response.status, body);
  return body.data.actors.map((a) => a.data.id).filter((id): id is string => typeof id === 'string');
}
