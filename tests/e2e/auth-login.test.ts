import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/src/auth/accounts.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { AuthRepository } from '../../server/src/repositories/auth-repository.js';
import { collectConsoleErrors, SCREENSHOT_DIR, useBrowserApp } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const database = testDatabase();
const fixture = useBrowserApp(driver, database);
const PASSWORD = 'a long enough browser password';

const clearAuthNodes = () => driver.executeQuery('MATCH (n) WHERE n:ApiToken OR n:User OR n:Session DETACH DELETE n', {}, { database });

beforeAll(async () => {
  await clearAuthNodes();
  await createUser(new AuthRepository(new GraphDb(driver, { database })), 'alice', 'editor', PASSWORD);
});
afterAll(async () => {
  await clearAuthNodes();
});

describe('the login control in the explorer header (headless Chromium)', () => {
  it('logs in (refusing a wrong password first), shows the user and role, and logs out', async () => {
    const context = await fixture.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // Script errors, and failures of the auth endpoints (other endpoints' resource errors are other tests' business).
    const errors = collectConsoleErrors(page);
    page.on('response', (r) => {
      if (r.url().includes('/api/auth/') && r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${fixture.app().baseUrl}/`);
    await page.locator('#login-menu summary').waitFor({ timeout: 90_000 }); // the first load is slow on a busy machine
    expect(await page.locator('#login-menu summary').textContent()).toBe('Log in');

    await page.click('#login-menu summary');
    await page.fill('#login-username', 'alice');
    await page.fill('#login-password', 'not the password');
    await page.click('#login-submit');
    await page.locator('#login-error').waitFor({ state: 'visible' });
    expect(await page.locator('#login-error').textContent()).toBe('Wrong username or password.');
    expect(await page.inputValue('#login-password')).toBe('');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'auth-login-failed.png') });

    await page.fill('#login-password', PASSWORD);
    await page.click('#login-submit');
    await page.locator('#login-who').waitFor();
    expect(await page.locator('#login-who').textContent()).toBe('alice editor');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'auth-logged-in.png') });

    // The session cookie is HttpOnly and SameSite=Strict: the page's script cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('sightline_session');
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'sightline_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: false });

    // The login survives a reload (the page asks /api/auth/me).
    await page.reload();
    await page.locator('#login-who').waitFor();
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()))).toMatchObject({ data: { user: 'alice', role: 'editor', kind: 'session' } });

    await page.click('#btn-logout');
    await page.locator('#login-menu summary').waitFor();
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()))).toEqual({ data: null });
    expect((await context.cookies()).filter((c) => c.name === 'sightline_session')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'auth-logged-out.png'), clip: { x: 0, y: 0, width: 1400, height: 120 } });

    expect(errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});
