import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testConnection, testDatabase } from '../support/neo4j.js';
import { postJson, runCli, setCookie, startGuardedApp } from './auth-support.js';

/**
 * Web UI logins end to end: users created with the real CLI, POST /api/auth/login on the real app
 * (cookie flags, uniform failures, rate limit, hostile input), the session honoured by a second
 * instance (the guarded test app) with CSRF required on cookie writes, logout, and logs that never
 * hold a password, a token or a session id.
 */
const driver = getTestDriver();
const database = testDatabase();
const PASSWORD = 'correct horse battery staple';
const READER_PASSWORD = 'reader-password-123';
const COOKIE = 'sightline_session';

const logLines: string[] = [];
const logger = createLogger('trace', { write: (line: string) => void logLines.push(line) });
let app: RunningApp;
let guarded: Awaited<ReturnType<typeof startGuardedApp>>;

async function clearAuthNodes(): Promise<void> {
  await driver.executeQuery('MATCH (n) WHERE n:ApiToken OR n:User OR n:Session DETACH DELETE n', {}, { database });
}

beforeAll(async () => {
  await clearAuthNodes();
  app = await startTestApp(driver, database, { logger });
  guarded = await startGuardedApp(driver, database, logger);
  const alice = await runCli('users', ['create', '--username', 'Alice', '--role', 'editor', '--password-stdin'], testConnection(), `${PASSWORD}\n`);
  expect(alice.stderr).toBe('Created user alice (editor); log in from the explorer\'s header.\n');
  expect(alice.code).toBe(0);
  const bob = await runCli('users', ['create', '--username', 'bob', '--role', 'reader', '--password-stdin'], testConnection(), READER_PASSWORD);
  expect(bob.code).toBe(0);
});
afterAll(async () => {
  await app?.close();
  await guarded?.close();
  await clearAuthNodes();
});

const login = (body: unknown, headers: Record<string, string> = {}, base = app.baseUrl) => postJson(`${base}/api/auth/login`, body, headers);

async function loginAs(username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const result = await login({ username, password });
  expect(result.status).toBe(200);
  const cookie = setCookie(result.response, COOKIE);
  expect(cookie).toBeDefined();
  return { cookie: `${COOKIE}=${cookie?.value}`, csrfToken: result.body.data.csrfToken };
}

describe('sightline users (CLI)', () => {
  it('stores a peppered scrypt hash with a per-user salt, never the password', async () => {
    const { records } = await driver.executeQuery('MATCH (u:User) RETURN u.username AS username, u.passwordHash AS hash ORDER BY username', {}, { database });
    expect(records.map((r) => r.get('username'))).toEqual(['alice', 'bob']);
    const [a, b] = records.map((r) => (r.get('hash') as string).split('$'));
    expect(a?.[0]).toBe('scrypt-hmac');
    expect(a?.[4]).not.toBe(b?.[4]); // different salts
    const dump = JSON.stringify((await driver.executeQuery('MATCH (n) RETURN properties(n) AS p', {}, { database })).records.map((r) => r.get('p')));
    expect(dump).not.toContain(PASSWORD);
  });

  it('refuses a duplicate username, a short password and a missing terminal', async () => {
    const again = await runCli('users', ['create', '--username', 'alice', '--password-stdin'], testConnection(), 'another-long-password');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/a user named "alice" already exists/);
    const short = await runCli('users', ['create', '--username', 'carol', '--password-stdin'], testConnection(), 'short');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/10 to 1024 characters/);
    const noTty = await runCli('users', ['create', '--username', 'carol'], testConnection());
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toMatch(/--password-stdin/);
    const list = await runCli('users', ['list', '--json'], testConnection());
    const users = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(users.map((u) => u.username)).toEqual(['alice', 'bob']);
    expect(list.stdout).not.toContain('passwordHash');
  });
});

describe('POST /api/auth/login', () => {
  it('answers 401 INVALID_CREDENTIALS, the same for a wrong password and an unknown user', async () => {
    const wrong = await login({ username: 'alice', password: 'not the password' });
    const unknown = await login({ username: 'mallory', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(setCookie(wrong.response, COOKIE)).toBeUndefined();
  });

  it('refuses hostile input with 400 and stores nothing', async () => {
    const before = (await driver.executeQuery('MATCH (s:Session) RETURN count(s) AS n', {}, { database })).records[0]?.get('n');
    const cases: unknown[] = [
      { username: 'a'.repeat(100_000), password: PASSWORD },
      { username: 'alice', password: 'p'.repeat(5000) },
      { username: 123, password: PASSWORD },
      { username: ['alice'], password: PASSWORD },
      { username: 'alice', password: { $ne: null } },
      { username: '<script>alert(1)</script>', password: PASSWORD },
      { username: "alice' OR 1=1 //", password: PASSWORD },
      {},
      [],
    ];
    for (const body of cases) {
      const result = await login(body);
      expect(result.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(result.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(result.body)).not.toContain('<script>');
    }
    const malformed = await login('{"username": "alice", ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BAD_REQUEST');
    const after = (await driver.executeQuery('MATCH (s:Session) RETURN count(s) AS n', {}, { database })).records[0]?.get('n');
    expect(after).toBe(before);
  });

  it('sets an HttpOnly, SameSite=Strict, Path=/ session cookie, not Secure over plain HTTP', async () => {
    const result = await login({ username: 'ALICE', password: PASSWORD });
    expect(result.status).toBe(200);
    expect(result.response.headers.get('cache-control')).toBe('no-store');
    expect(result.body.data).toMatchObject({ user: 'alice', role: 'editor', kind: 'session' });
    const expiresIn = Date.parse(result.body.data.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(11.9 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(12 * 3600_000);
    const cookie = setCookie(result.response, COOKIE);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.attributes).toContain('HttpOnly');
    expect(cookie?.attributes).toContain('SameSite=Strict');
    expect(cookie?.attributes).toContain('Path=/');
    expect(cookie?.attributes.some((a) => /^Expires=/.test(a))).toBe(true);
    expect(cookie?.attributes).not.toContain('Secure');
    // Only the SHA-256 of the session id is stored.
    const { records } = await driver.executeQuery('MATCH (s:Session) RETURN properties(s) AS p', {}, { database });
    const dump = JSON.stringify(records.map((r) => r.get('p')));
    expect(dump).not.toContain(cookie?.value);
    expect(dump).toContain(createHash('sha256').update(cookie?.value ?? '').digest('hex'));
  });

  it('marks the cookie Secure behind an HTTPS proxy (X-Forwarded-Proto from a trusted loopback proxy)', async () => {
    const result = await login({ username: 'alice', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(result.status).toBe(200);
    expect(setCookie(result.response, COOKIE)?.attributes).toContain('Secure');
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers who is logged in, or data: null', async () => {
    const anonymous = await fetch(`${app.baseUrl}/api/auth/me`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ data: null });
    const { cookie, csrfToken } = await loginAs('alice', PASSWORD);
    const me = await (await fetch(`${app.baseUrl}/api/auth/me`, { headers: { cookie } })).json();
    expect(me.data).toMatchObject({ user: 'alice', role: 'editor', kind: 'session', csrfToken });
    const csrf = await (await fetch(`${app.baseUrl}/api/auth/csrf`, { headers: { cookie } })).json();
    expect(csrf).toEqual({ data: { csrfToken } });
    const noSession = await fetch(`${app.baseUrl}/api/auth/csrf`);
    expect(noSession.status).toBe(401);
    expect((await noSession.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('requires the session’s X-CSRF-Token on cookie writes (and honours the session on another instance)', async () => {
    const { cookie, csrfToken } = await loginAs('alice', PASSWORD);
    const url = `${guarded.baseUrl}/api/test-write`;
    const missing = await postJson(url, { name: 'x' }, { cookie });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('CSRF_FAILED');
    const wrong = await postJson(url, { name: 'x' }, { cookie, 'x-csrf-token': `${csrfToken.slice(0, -2)}xx` });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('CSRF_FAILED');
    const other = await loginAs('alice', PASSWORD); // another session's token does not fit this one
    const foreign = await postJson(url, { name: 'x' }, { cookie, 'x-csrf-token': other.csrfToken });
    expect(foreign.status).toBe(403);
    const ok = await postJson(url, { name: 'from the browser' }, { cookie, 'x-csrf-token': csrfToken });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toEqual({ name: 'from the browser', by: 'alice', kind: 'session' });
  });

  it('gives a reader session 403 FORBIDDEN on writes', async () => {
    const { cookie, csrfToken } = await loginAs('bob', READER_PASSWORD);
    const result = await postJson(`${guarded.baseUrl}/api/test-write`, { name: 'x' }, { cookie, 'x-csrf-token': csrfToken });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('FORBIDDEN');
  });

  it('applies a role change at once (the role is read from the user, not the session)', async () => {
    const { cookie, csrfToken } = await loginAs('bob', READER_PASSWORD);
    expect((await runCli('users', ['set-role', '--username', 'bob', '--role', 'editor'], testConnection())).code).toBe(0);
    const result = await postJson(`${guarded.baseUrl}/api/test-write`, { name: 'x' }, { cookie, 'x-csrf-token': csrfToken });
    expect(result.status).toBe(201);
  });

  it('logs out: the session is deleted, the cookie cleared, and the old cookie no longer writes', async () => {
    const { cookie, csrfToken } = await loginAs('alice', PASSWORD);
    const noCsrf = await postJson(`${app.baseUrl}/api/auth/logout`, {}, { cookie });
    expect(noCsrf.status).toBe(403);
    const out = await postJson(`${app.baseUrl}/api/auth/logout`, {}, { cookie, 'x-csrf-token': csrfToken });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ data: { loggedOut: true } });
    const cleared = setCookie(out.response, COOKIE);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes.some((a) => /^Expires=Thu, 01 Jan 1970/.test(a))).toBe(true);
    const hash = createHash('sha256').update(cookie.split('=')[1] ?? '').digest('hex');
    const left = await driver.executeQuery('MATCH (s:Session {idHash: $hash}) RETURN count(s) AS n', { hash }, { database });
    expect(left.records[0]?.get('n')).toBe(0);
    expect(await (await fetch(`${app.baseUrl}/api/auth/me`, { headers: { cookie } })).json()).toEqual({ data: null });
    const stale = await postJson(`${guarded.baseUrl}/api/test-write`, { name: 'x' }, { cookie, 'x-csrf-token': csrfToken });
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('treats an expired session as logged out', async () => {
    const { cookie } = await loginAs('alice', PASSWORD);
    const hash = createHash('sha256').update(cookie.split('=')[1] ?? '').digest('hex');
    await driver.executeQuery('MATCH (s:Session {idHash: $hash}) SET s.expiresAt = $past', { hash, past: new Date(Date.now() - 1000).toISOString() }, { database });
    const me = await fetch(`${app.baseUrl}/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toEqual({ data: null });
    expect(setCookie(me, COOKIE)?.value).toBe('');
  });
});

describe('login rate limit', () => {
  it('answers 429 RATE_LIMITED after too many failed logins from one address, even with the right password', async () => {
    const limited = await startGuardedApp(driver, database, createLogger('silent'), { loginRateLimit: { windowMs: 60_000, limit: 3 } });
    try {
      // a success does not count
      expect((await login({ username: 'alice', password: PASSWORD }, {}, limited.baseUrl)).status).toBe(200);
      for (let i = 0; i < 3; i += 1) {
        expect((await login({ username: 'alice', password: `wrong-${i}` }, {}, limited.baseUrl)).status).toBe(401);
      }
      const blocked = await login({ username: 'alice', password: PASSWORD }, {}, limited.baseUrl);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('RATE_LIMITED');
      expect(blocked.response.headers.get('ratelimit-policy')).toMatch(/q=3/);
    } finally {
      await limited.close();
    }
  });
});

describe('logs', () => {
  it('never hold a password, an API token, a session id or a CSRF token', async () => {
    const { cookie, csrfToken } = await loginAs('alice', PASSWORD);
    await login({ username: 'alice', password: `${PASSWORD}-wrong` });
    await fetch(`${app.baseUrl}/api/auth/me`, { headers: { cookie, 'x-csrf-token': csrfToken } });
    const token = JSON.parse((await runCli('tokens', ['create', '--name', 'logcheck', '--json'], testConnection())).stdout).token as string;
    await fetch(`${app.baseUrl}/api/search?q=x`, { headers: { authorization: `Bearer ${token}` } });
    const sessionId = cookie.split('=')[1] ?? '';
    const logs = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(3); // pino-http logged these requests (with headers)
    expect(logs).toContain('[redacted]');
    for (const secret of [PASSWORD, READER_PASSWORD, token, sessionId, csrfToken]) expect(logs).not.toContain(secret);
    // nor does the CLI's own output
    const cli = await runCli('users', ['passwd', '--username', 'bob', '--password-stdin'], testConnection(), 'a-brand-new-password');
    expect(cli.code).toBe(0);
    expect(cli.stdout + cli.stderr).not.toContain('a-brand-new-password');
  });
});
