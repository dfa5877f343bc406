import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../server/src/auth/accounts.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { AuthRepository } from '../../server/src/repositories/auth-repository.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';
import { postJson, setCookie } from './auth-support.js';

/**
 * SIGHTLINE_VIEWS_REQUIRE_AUTH on: POST /api/views needs an editor (API token or login with its
 * CSRF token); off (the default, tests/api/views.test.ts), anyone may save a view.
 */
const driver = getTestDriver();
const database = testDatabase();
const PASSWORD = 'views-auth-password-1';
const created: string[] = [];
let app: RunningApp;
let open: RunningApp;
const tokens: Record<'reader' | 'editor', string> = { reader: '', editor: '' };

const view = { title: 'Saved with auth', mode: 'live', definition: { kind: 'actors', actorIds: ['microsoft'], depth: 0 }, layout: { name: 'fcose' } };

async function clearAuthNodes(): Promise<void> {
  await driver.executeQuery('MATCH (n) WHERE n:ApiToken OR n:User OR n:Session DETACH DELETE n', {}, { database });
}

beforeAll(async () => {
  await clearAuthNodes();
  app = await startTestApp(driver, database, { auth: { viewsRequireAuth: true } });
  open = await startTestApp(driver, database);
  const repository = new AuthRepository(new GraphDb(driver, { database }));
  for (const role of ['reader', 'editor'] as const) tokens[role] = (await createApiToken(repository, `views-auth-${role}`, role)).token;
  await createUser(repository, 'views-auth-editor', 'editor', PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await open?.close();
  await driver.executeQuery('MATCH (v:View) WHERE v.id IN $ids DETACH DELETE v', { ids: created }, { database });
  await clearAuthNodes();
});

async function save(base: string, headers: Record<string, string> = {}) {
  const result = await postJson(`${base}/api/views`, view, headers);
  if (result.status === 201) created.push(result.body.data.id);
  return result;
}

describe('POST /api/views with SIGHTLINE_VIEWS_REQUIRE_AUTH', () => {
  it('401 UNAUTHENTICATED without credentials', async () => {
    const r = await save(app.baseUrl);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('403 FORBIDDEN for a reader token', async () => {
    const r = await save(app.baseUrl, { authorization: `Bearer ${tokens.reader}` });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
  });

  it('201 for an editor token', async () => {
    const r = await save(app.baseUrl, { authorization: `Bearer ${tokens.editor}` });
    expect(r.status).toBe(201);
    expect(r.body.data.id).toMatch(/^[0-9A-Za-z]{16}$/);
    expect((await fetch(`${app.baseUrl}/api/views/${r.body.data.id}`)).status).toBe(200); // reading stays open
  });

  it('an editor login must send its X-CSRF-Token: 403 CSRF_FAILED without, 201 with', async () => {
    const login = await postJson(`${app.baseUrl}/api/auth/login`, { username: 'views-auth-editor', password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = `sightline_session=${setCookie(login.response, 'sightline_session')?.value}`;
    const without = await save(app.baseUrl, { cookie });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('CSRF_FAILED');
    const withToken = await save(app.baseUrl, { cookie, 'x-csrf-token': login.body.data.csrfToken });
    expect(withToken.status).toBe(201);
  });

  it('without the flag anyone may save a view', async () => {
    expect((await save(open.baseUrl)).status).toBe(201);
  });
});
