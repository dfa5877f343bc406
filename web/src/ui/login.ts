/**
 * The login control in the explorer's header (reading needs no login; writing needs an editor):
 * "Log in" opens a small form (POST /api/auth/login sets an HttpOnly session cookie); once logged
 * in it shows the user, the role and "Log out". Other modules that write (curation, import, saved
 * views) read the session here: `csrfHeaders()` gives the X-CSRF-Token every cookie-authenticated
 * write must carry, `onAuthChange` tells them when someone logs in or out.
 */
import './login.css';
import { h } from './dom.js';

/** Who is logged in, as GET /api/auth/me and POST /api/auth/login answer. */
export interface WhoAmI {
  user: string;
  role: 'reader' | 'editor' | 'admin';
  kind: 'session' | 'token';
  expiresAt: string | null;
  csrfToken: string | null;
}

let current: WhoAmI | null = null;
const listeners = new Set<(who: WhoAmI | null) => void>();

/** The logged-in user, or null. */
export const currentUser = (): WhoAmI | null => current;

/** True when the logged-in user may write (editor or admin). */
export const canEdit = (): boolean => current?.role === 'editor' || current?.role === 'admin';

/** Headers a write made with the session cookie must carry (empty when nobody is logged in). */
export function csrfHeaders(): Record<string, string> {
  return current?.csrfToken ? { 'X-CSRF-Token': current.csrfToken } : {};
}

/** Calls `listener` now and after every login or logout; returns a function that unsubscribes. */
export function onAuthChange(listener: (who: WhoAmI | null) => void): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

function setCurrent(who: WhoAmI | null): void {
  current = who;
  for (const listener of listeners) listener(who);
}

async function dataOf<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as { data?: T; error?: { code?: string; message?: string } } | null;
  if (!response.ok || !body || body.data === undefined) {
    const code = body?.error?.code;
    throw new Error(
      code === 'INVALID_CREDENTIALS'
        ? 'Wrong username or password.'
        : code === 'RATE_LIMITED'
          ? 'Too many failed attempts: wait a few minutes and try again.'
          : code === 'VALIDATION_FAILED'
            ? 'Enter a username (letters, digits, “.”, “_”, “-”) and a password.'
            : (body?.error?.message ?? `The server answered ${response.status}.`),
    );
  }
  return body.data;
}

/** Asks the server who is logged in (the session cookie is HttpOnly: the page cannot read it). */
export async function refreshAuth(): Promise<WhoAmI | null> {
  const response = await fetch('/api/auth/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  setCurrent(await dataOf<WhoAmI | null>(response));
  return current;
}

export async function logIn(username: string, password: string): Promise<WhoAmI> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ username, password }),
  });
  const who = await dataOf<WhoAmI>(response);
  setCurrent(who);
  return who;
}

export async function logOut(): Promise<void> {
  const response = await fetch('/api/auth/logout', {
    method: 'POST',
    headers: { accept: 'application/json', ...csrfHeaders() },
    credentials: 'same-origin',
  });
  await dataOf<{ loggedOut: boolean }>(response);
  setCurrent(null);
}

const ROLE_LABELS: Record<WhoAmI['role'], string> = { reader: 'reader', editor: 'editor', admin: 'admin' };

/** Renders the control into `root` (an element of the header) and keeps it in step with the session. */
export function attachLogin(root: HTMLElement): void {
  const render = (who: WhoAmI | null): void => {
    root.replaceChildren(who ? loggedIn(who) : loginMenu());
  };

  const loggedIn = (who: WhoAmI): HTMLElement => {
    const until = who.expiresAt ? ` until ${new Date(who.expiresAt).toLocaleString()}` : '';
    const out = h('button', { type: 'button', className: 'btn btn--small', id: 'btn-logout' }, 'Log out');
    out.addEventListener('click', () => {
      out.disabled = true;
      logOut().catch((error: Error) => {
        out.disabled = false;
        out.title = `Could not log out: ${error.message}`;
      });
    });
    return h(
      'div',
      { className: 'login__session' },
      h('span', { className: 'login__who', id: 'login-who', title: `Logged in as ${who.user} (${who.role})${until}` }, who.user, ' ', h('span', { className: `login__role login__role--${who.role}` }, ROLE_LABELS[who.role])),
      out,
    );
  };

  const loginMenu = (): HTMLElement => {
    const username = h('input', { id: 'login-username', type: 'text', name: 'username', autocomplete: 'username', required: true, maxlength: 64, spellcheck: 'false' });
    const password = h('input', { id: 'login-password', type: 'password', name: 'password', autocomplete: 'current-password', required: true, maxlength: 1024 });
    const error = h('p', { className: 'login__error', id: 'login-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', className: 'btn btn--primary', id: 'login-submit' }, 'Log in');
    const form = h(
      'form',
      { className: 'menu__list login__form', 'aria-label': 'Log in to edit' },
      h('label', { for: 'login-username' }, 'Username'),
      username,
      h('label', { for: 'login-password' }, 'Password'),
      password,
      error,
      submit,
      h('p', { className: 'login__hint muted' }, 'Reading needs no login; editing needs an editor account.'),
    );
    const menu = h('details', { className: 'menu login__menu', id: 'login-menu' }, h('summary', { className: 'btn', title: 'Log in to edit the graph' }, 'Log in'), form);
    menu.addEventListener('toggle', () => {
      if ((menu as HTMLDetailsElement).open) username.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      error.hidden = true;
      submit.disabled = true;
      logIn(username.value.trim(), password.value)
        .catch((failure: Error) => {
          password.value = '';
          error.textContent = failure.message;
          error.hidden = false;
          password.focus();
        })
        .finally(() => {
          submit.disabled = false;
        });
    });
    return menu;
  };

  onAuthChange(render);
  refreshAuth().catch(() => render(null));
}
