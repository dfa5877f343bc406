import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/src/auth/accounts.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { AuthRepository } from '../../server/src/repositories/auth-repository.js';
import { deleteImported, sourceIds } from '../integration/import-support.js';
import { apiUpload, shownReport } from '../support/import-dialog.js';
import { collectConsoleErrors, logInThroughMenu, SCREENSHOT_DIR, useBrowserApp } from '../support/browser.js';
import { csvLayouts } from '../support/csv-layouts.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

// The Import dialog's column mapping: a CSV pair in another layout (semicolons, other headers, no
// status or stance columns), derived from the boycott companies list, mapped in the browser.
const driver = getTestDriver();
const database = testDatabase();
const fixture = useBrowserApp(driver, database);
const PASSWORD = 'a long enough mapping password';
const USER = 'import-map-e2e';
const layouts = csvLayouts('imapui-');
const dir = mkdtempSync(join(tmpdir(), 'sightline-import-map-ui-'));
const ACTORS_CSV = join(dir, 'Companies export.csv');
const LINKS_CSV = join(dir, 'Links export.csv');
writeFileSync(ACTORS_CSV, layouts.other.actors);
writeFileSync(LINKS_CSV, layouts.other.relationships);

let keepSources: string[] = [];
const removeUser = () =>
  driver.executeQuery('MATCH (u:User {username: $name}) OPTIONAL MATCH (s:Session {userId: u.id}) DETACH DELETE s, u', { name: USER }, { database });
beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
  await removeUser();
  await createUser(new AuthRepository(new GraphDb(driver, { database })), USER, 'editor', PASSWORD);
});
afterAll(async () => {
  await deleteImported(driver, database, keepSources);
  await removeUser();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (context: BrowserContext, fields: Record<string, string>) =>
  apiUpload(fixture.app().baseUrl, context, fields, [
    { part: 'file', path: ACTORS_CSV },
    { part: 'relationships', path: LINKS_CSV },
  ]);

/** The dialog's report figures this test compares (the CSV layout has no skipped rows nor by-schema detail to check). */
async function shownFigures(page: Page) {
  const { status, jobId, records, failed, dangling, actors, relationships } = await shownReport(page);
  return { status, jobId, records, failed, dangling, actors, relationships };
}

describe('the Import dialog maps the columns of another CSV layout (headless Chromium)', () => {
  it('reads the headers, pre-fills matching names, blocks until required columns are mapped, then dry-runs and imports as the API does', async () => {
    // A laptop screen.
    const context = await fixture.browser().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    const failedResponses: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 500) void r.text().then((body) => failedResponses.push(`${r.status()} ${r.url()} ${body} after ${Math.round(r.request().timing().responseStart)} ms`));
    });
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/import') uploads.push(r.url());
    });
    await page.goto(`${fixture.app().baseUrl}/`);
    await logInThroughMenu(page, USER, PASSWORD);
    await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 120_000 });
    await page.click('#btn-import');
    const dialog = page.locator('#import-dialog');
    await dialog.waitFor({ state: 'visible' });
    const mapping = dialog.locator('.imp-map');
    expect(await mapping.isVisible()).toBe(false);

    await dialog.locator('select[name="format"]').selectOption('csv');
    await dialog.locator('input[name="file"]').setInputFiles(ACTORS_CSV);
    await dialog.locator('input[name="relationships"]').setInputFiles(LINKS_CSV);
    await mapping.locator('table').nth(1).waitFor();
    const select = (layout: string, field: string) => mapping.locator(`select[name="map-${layout}-${field}"]`);
    // One table per file, its caption naming the file, its layout and the separator found.
    expect(await mapping.locator('caption').allTextContents()).toEqual([
      'Companies export.csv: actors, columns separated by semicolons',
      'Links export.csv: relationships, columns separated by semicolons',
    ]);
    // The file's headers are offered; names that match are chosen already (case and spacing aside).
    expect(await select('actors', 'name').locator('optgroup').first().locator('option').allTextContents()).toEqual(['Ref', 'Name', 'Type', 'About']);
    expect(await select('actors', 'name').inputValue()).toBe('column:Name');
    expect(await select('relationships', 'attributed_to').inputValue()).toBe('column:Attributed To');
    expect(await select('actors', 'kind').inputValue()).toBe('');
    // Each select is labelled by its Sightline column (required ones say so) and described by its hint.
    expect(await page.locator(`label[for="${await select('actors', 'kind').getAttribute('id')}"]`).textContent()).toBe('kindrequired');
    expect(await select('actors', 'kind').getAttribute('aria-required')).toBe('true');
    const hintId = await select('actors', 'kind').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toBe('Company, Person, Movement…');
    const status = mapping.locator('[data-map="status"]');
    expect(await status.textContent()).toBe(
      'Map the required columns before importing: kind (Companies export.csv); source, target, type, quote, source_url or source_title (Links export.csv).',
    );

    // Unmapped required columns block the import: no upload, the message inline, the focus on the first.
    await dialog.locator('input[name="dryRun"]').check();
    await dialog.locator('[data-action="import"]').click();
    await dialog.locator('#import-error').waitFor({ state: 'visible' });
    expect(await dialog.locator('#import-error').textContent()).toMatch(/^Map the required columns before importing: kind \(Companies export\.csv\)/);
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('map-actors-kind');
    expect(await select('actors', 'kind').getAttribute('aria-invalid')).toBe('true');
    expect(uploads).toEqual([]);

    // Keyboard: the focused select takes the arrow keys, Tab goes on to the next column.
    await page.keyboard.press('ArrowDown');
    expect(await select('actors', 'kind').inputValue()).toBe('column:Ref');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('map-actors-aliases');

    for (const [field, column] of Object.entries(layouts.map.actors!)) await select('actors', field).selectOption(`column:${column}`);
    for (const [field, column] of Object.entries(layouts.map.relationships!)) await select('relationships', field).selectOption(`column:${column}`);
    await select('relationships', 'status').selectOption('value:alleged');
    await select('relationships', 'stance').selectOption('value:alleged');
    expect(await status.textContent()).toBe('Every required column is mapped.');
    expect(await select('actors', 'kind').getAttribute('aria-invalid')).toBe('false');
    // The refusal's message went with the change that answered it.
    expect(await dialog.locator('#import-error').isHidden()).toBe(true);
    expect(await page.locator(`label[for="${await select('relationships', 'source_url').getAttribute('id')}"]`).textContent()).toBe('source_urlrequired, or source_title');
    await select('actors', 'kind').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-map-ui-actors.png') });
    await status.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-map-ui-relationships.png') });

    // Dry run: the map goes with the upload; the report equals the API's for the same files and map.
    await dialog.locator('[data-action="import"]').click();
    await dialog.locator('.imp-report').waitFor({ timeout: 120_000 });
    const dry = await shownFigures(page);
    expect(uploads).toHaveLength(1);
    const api = await upload(context, { format: 'csv', dryRun: 'true', map: JSON.stringify(layouts.map) });
    expect(api.status).toBe(200);
    expect(dry).toEqual({
      status: 'validated',
      jobId: null,
      records: api.body.data.records,
      failed: api.body.data.failed,
      dangling: api.body.data.danglingReferences,
      actors: api.body.data.actors.toWrite,
      relationships: api.body.data.relationships.toWrite,
    });
    expect(dry).toMatchObject({ records: layouts.actors + layouts.relationships, failed: 0, actors: layouts.actors, relationships: layouts.relationships });
    const sha256 = api.body.data.sha256 as string;

    // The import itself, with the same choices (the form keeps them): the report equals the job's.
    await dialog.locator('[data-action="new-import"]').click();
    expect(await select('actors', 'kind').inputValue()).toBe('column:Type');
    await dialog.locator('input[name="dryRun"]').uncheck();
    await dialog.locator('[data-action="import"]').click();
    await dialog.locator('.imp-report').waitFor({ timeout: 240_000 });
    const done = await shownFigures(page);
    const job = (await (await fetch(`${fixture.app().baseUrl}/api/import/${done.jobId}`)).json()) as { data: any };
    const report = job.data.report;
    expect(done).toEqual({
      status: 'done',
      jobId: job.data.id,
      records: report.records,
      failed: report.failed,
      dangling: report.danglingReferences,
      actors: report.actors.created,
      relationships: report.relationships.created,
    });
    expect(done).toMatchObject({ failed: 0, actors: layouts.actors, relationships: layouts.relationships });
    // The job's identity (files, options and map) is the API's: the page sent the same map.
    expect(report.sha256).toBe(sha256);
    const { records } = await driver.executeQuery(
      `MATCH (:Actor {id: 'imapui-list'})-[r:TARGETS_FOR_BOYCOTT {status: 'alleged'}]->(c:Actor:Company) WHERE c.importJob = $job
       MATCH (cl:Claim {relationshipId: r.id, stance: 'alleged', attributedTo: 'Boycott companies list'})
       RETURN count(DISTINCT r) AS rels, count(cl) AS claims`,
      { job: done.jobId },
      { database, routing: 'READ' },
    );
    expect(Number(records[0]!.get('rels'))).toBe(layouts.relationships);
    expect(Number(records[0]!.get('claims'))).toBe(layouts.relationships);
    expect(failedResponses).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 400_000);

  it('maps a file alone: its layout is guessed from the header and can be changed; another format shows no mapping', async () => {
    const context = await fixture.browser().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/`);
    await logInThroughMenu(page, USER, PASSWORD);
    await page.click('#btn-import');
    const dialog = page.locator('#import-dialog');
    const mapping = dialog.locator('.imp-map');
    await dialog.locator('select[name="format"]').selectOption('csv');
    const alone = join(dir, 'links.csv');
    writeFileSync(alone, 'Source,Target,Relation,Quote,Link\nimapui-list,imapui-adidas,targets for boycott,"x",https://example.org/\n');
    await dialog.locator('input[name="file"]').setInputFiles(alone);
    const layout = mapping.locator('select[name="mapLayout"]');
    await layout.waitFor();
    expect(await layout.inputValue()).toBe('relationships');
    expect(await mapping.locator('select[name="map-relationships-source"]').inputValue()).toBe('column:Source');
    expect(await mapping.locator('caption').textContent()).toBe('links.csv: relationships, columns separated by commas');
    await layout.selectOption('actors');
    expect(await mapping.locator('caption').textContent()).toBe('links.csv: actors, columns separated by commas');
    expect(await mapping.locator('select[name="map-actors-name"]').count()).toBe(1);
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('mapLayout');
    await dialog.locator('select[name="format"]').selectOption('ftm');
    await expect.poll(() => mapping.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
