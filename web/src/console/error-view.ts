/**
 * Errors in the page (never a blank area): the server's stable code and its message, with a hint
 * for the codes a user can act on.
 */
import { h } from '../ui/dom.js';
import { ConsoleApiError } from './api.js';

/** What to do about an error, by code (shown under the message). */
export const ERROR_HINTS: Record<string, string> = {
  QUERY_NOT_ALLOWED: 'The console is read-only: it runs reads only, and refuses writes, schema changes, file or URL access and admin procedures.',
  QUERY_TIMEOUT: 'The query ran out of time and was stopped. Narrow it (a LIMIT, a label, an id) and run it again.',
  RATE_LIMITED: 'Too many queries in a short time. Wait a moment and run it again.',
  CONSOLE_BUSY: 'The console is running as many queries as it allows at once. Try again in a moment.',
  CYPHER_SYNTAX_ERROR: 'The position is underlined in the editor.',
  NETWORK: 'Check that the Sightline server is running.',
};

export function showError(region: HTMLElement, error: unknown): void {
  const code = error instanceof ConsoleApiError ? error.code : 'ERROR';
  const message = error instanceof Error ? error.message : String(error);
  const position = error instanceof ConsoleApiError && error.position ? ` (line ${error.position.line}, column ${error.position.column})` : '';
  const hint = ERROR_HINTS[code];
  region.replaceChildren(
    h('p', { className: 'console-error__head' }, h('code', { className: 'console-error__code' }, code), position),
    h('p', { className: 'console-error__message' }, message),
    ...(hint ? [h('p', { className: 'console-error__hint' }, hint)] : []),
  );
  region.hidden = false;
}

export function hideError(region: HTMLElement): void {
  region.hidden = true;
  region.replaceChildren();
}
