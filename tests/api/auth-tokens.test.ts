import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authSecret } from '../../server/src/auth/secret.js';
import { createLogger } from '../../server/src/logger.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testConnection, testDatabase } from '../support/neo4j.js';
import { postJson, runCli, startGuardedApp } from './auth-support.js';

/**
 * API tokens end to end: created, listed and revoked with the real CLI (a child process against
 * the suite's Neo4j), used as `Authorization: Bearer …` on a route guarded by requireRole('editor').
 */
const driver = getTestDriver();
const database = testDatabase();
let guarded: Awaited<ReturnType<typeof startGuardedApp>>;
let app: RunningApp;

async function clearAuthNodes(): Promise<void> {
  await driver.executeQuery('MATCH (n) WHERE n:ApiToken OR n:User OR n:Session DETACH DELETE n', {}, { database });
}

beforeAll(async () => {
  await clearAuthNodes();
  guarded = await startGuardedApp(driver, database, createLogger('silent'));
  app = await startTestApp(driver, database);
});
afterAll(async () => {
  await guarded?.close();
  await app?.close();
  await clearAuthNodes();
});

const write = (token: string | undefined, body: unknown = { name: 'x' }) =>
  postJson(`${guarded.baseUrl}/api/test-write`, body, token ? { authorization: `Bearer ${token}` } : {});

async function createToken(name: string, role: string): Promise<{ id: string; token: string; name: string; role: string }> {
  const result = await runCli('tokens', ['create', '--name', name, '--role', role, '--json'], testConnection());
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout.trim());
}

describe('sightline tokens (CLI)', () => {
  let editor: { id: string; token: string };

  it('creates a token, prints it once, and stores only its HMAC keyed with the server-side secret', async () => {
    editor = await createToken('ci', 'editor');
    expect(editor).toMatchObject({ name: 'ci', role: 'editor' });
    expect(editor.token).toMatch(/^slt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(editor.token.startsWith(`slt_${editor.id}_`)).toBe(true);

    const { records } = await driver.executeQuery('MATCH (t:ApiToken {id: $id}) RETURN properties(t) AS p', { id: editor.id }, { database });
    const stored = records[0]?.get('p') as Record<string, unknown>;
    // The CLI (another process) and this one share the secret (SIGHTLINE_AUTH_SECRET or the data dir's file).
    expect(stored.hash).toBe(createHmac('sha256', await authSecret()).update(editor.token).digest('hex'));
    expect(stored.hash).not.toBe(createHash('sha256').update(editor.token).digest('hex'));
    // Nothing in the database holds the token or its secret part, on any node.
    const secret = editor.token.split('_').slice(2).join('_');
    const everything = await driver.executeQuery('MATCH (n) RETURN properties(n) AS p', {}, { database });
    const dump = JSON.stringify(everything.records.map((r) => r.get('p')));
    expect(dump).not.toContain(editor.token);
    expect(dump).not.toContain(secret);
  });

  it('prints the plain token alone on stdout without --json (the message goes to stderr)', async () => {
    const result = await runCli('tokens', ['create', '--name', 'deploy bot', '--role', 'reader'], testConnection());
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^slt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(result.stderr).toMatch(/Created API token [0-9a-f]{16} "deploy bot" \(reader\)\. Copy it now/);
  });

  it('lists tokens without their hash or value', async () => {
    const result = await runCli('tokens', ['list', '--json'], testConnection());
    expect(result.code).toBe(0);
    const listed = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(listed.map((t) => t.name).sort()).toEqual(['ci', 'deploy bot']);
    for (const t of listed) {
      expect(Object.keys(t).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'revokedAt', 'role']);
    }
    expect(result.stdout).not.toContain(editor.token);
    const table = await runCli('tokens', ['list'], testConnection());
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+ROLE\s+STATUS\s+CREATED\s+LAST USED$/);
    expect(table.stdout).toMatch(new RegExp(`${editor.id}\\s+ci\\s+editor\\s+active`));
  });

  it('refuses bad arguments with a message and exit code 1, before touching Neo4j', async () => {
    const badRole = await runCli('tokens', ['create', '--name', 'x', '--role', 'owner'], { ...testConnection(), uri: 'bolt://127.0.0.1:1' });
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toBe('sightline: --role: one of reader, editor, admin\n');
    const noName = await runCli('tokens', ['create'], testConnection());
    expect(noName.code).toBe(1);
    expect(noName.stderr).toMatch(/--name/);
    const unknown = await runCli('tokens', ['revoke', 'ffffffffffffffff'], testConnection());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no API token has the id "ffffffffffffffff"/);
  });

  it('guards writes: 401 without a token, 403 with a reader token, 400 on bad input, then 201', async () => {
    const reader = await createToken('readonly', 'reader');

    const anonymous = await write(undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');

    const forbidden = await write(reader.token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');

    const invalid = await write(editor.token, { name: 42 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });

    const ok = await write(editor.token, { name: 'first write' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ data: { name: 'first write', by: 'ci', kind: 'token' } });

    // editor does not include admin; admin includes editor
    expect((await postJson(`${guarded.baseUrl}/api/test-admin`, {}, { authorization: `Bearer ${editor.token}` })).status).toBe(403);
    const admin = await createToken('root', 'admin');
    expect((await postJson(`${guarded.baseUrl}/api/test-admin`, {}, { authorization: `Bearer ${admin.token}` })).status).toBe(201);
    expect((await write(admin.token)).status).toBe(201);
  });

  it('does not need a CSRF token for Bearer writes', async () => {
    const ok = await write(editor.token, { name: 'no csrf' });
    expect(ok.status).toBe(201);
  });

  it('records lastUsedAt when a token is used', async () => {
    const { records } = await driver.executeQuery('MATCH (t:ApiToken {id: $id}) RETURN t.lastUsedAt AS at', { id: editor.id }, { database });
    const at = records[0]?.get('at') as string;
    expect(Date.parse(at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps reads open without credentials and answers a bad token on any request with 401 INVALID_TOKEN', async () => {
    expect((await fetch(`${app.baseUrl}/api/search?q=microsoft`)).status).toBe(200);
    const bad = [
      'Bearer slt_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', // well-formed, unknown
      'Bearer not-a-token',
      `Bearer ${editor.token.slice(0, -1)}x`, // right id, wrong secret
      'Basic YWxpY2U6c2VjcmV0',
      'Bearer',
    ];
    for (const header of bad) {
      const response = await fetch(`${app.baseUrl}/api/search?q=microsoft`, { headers: { authorization: header } });
      expect(response.status, header).toBe(401);
      expect((await response.json()).error.code, header).toBe('INVALID_TOKEN');
    }
    const withToken = await fetch(`${app.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${editor.token}` } });
    expect(await withToken.json()).toEqual({ data: { user: 'ci', role: 'editor', kind: 'token', expiresAt: null, csrfToken: null } });
  });

  it('revokes a token: it is refused at once with 401 INVALID_TOKEN and listed as revoked', async () => {
    const revoked = await runCli('tokens', ['revoke', editor.id], testConnection());
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toMatch(new RegExp(`Revoked API token ${editor.id} "ci"`));
    const after = await write(editor.token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('INVALID_TOKEN');
    const read = await fetch(`${app.baseUrl}/api/search?q=microsoft`, { headers: { authorization: `Bearer ${editor.token}` } });
    expect(read.status).toBe(401);
    const listed = JSON.parse((await runCli('tokens', ['list', '--json'], testConnection())).stdout) as Array<{ id: string; revokedAt: string | null }>;
    expect(listed.find((t) => t.id === editor.id)?.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
