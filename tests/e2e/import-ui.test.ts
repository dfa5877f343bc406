import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/src/auth/accounts.js';
import { GraphDb } from '../../server/src/db/graph-db.js';
import { REPO_ROOT } from '../../server/src/paths.js';
import { AuthRepository } from '../../server/src/repositories/auth-repository.js';
import { deleteImported, sourceIds } from '../integration/import-support.js';
import { apiUpload, shownReport } from '../support/import-dialog.js';
import { collectConsoleErrors, SCREENSHOT_DIR, useBrowserApp, logInThroughMenu } from '../support/browser.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
const database = testDatabase();
const fixture = useBrowserApp(driver, database);
const PASSWORD = 'a long enough importer password';
const USERS = ['importer-e2e', 'import-reader-e2e'];
const ZALA = join(REPO_ROOT, '..', 'shared', 'datasets', 'opensanctions', 'zala.ftm.json');
const dir = mkdtempSync(join(tmpdir(), 'sightline-import-ui-'));

// A generated CSV pair, large enough (and written in small batches) for the progress to be seen,
// with three bad rows: an unknown kind (actors.csv line 4), an unknown relationship type and a
// reference to an actor that exists nowhere (relationships.csv lines 3 and 5).
const ACTORS = 3_000;
const RELATIONSHIPS = 3_000;
const ACTORS_CSV = join(dir, 'actors.csv');
const RELATIONSHIPS_CSV = join(dir, 'relationships.csv');
const actorId = (i: number) => `iu-a${i}`;
writeFileSync(
  ACTORS_CSV,
  [
    'id,name,kind,aliases,description,country,url',
    ...Array.from({ length: ACTORS }, (_, i) =>
      i === 2 ? `${actorId(i)},Import UI Nobody ${i},Spaceship,,x,,` : `${actorId(i)},Import UI <b>Company</b> ${i},Company,IUC ${i},A company made by the import UI test.,,`,
    ),
  ].join('\n'),
);
// For the Cancel button: many small batches of valid relationships between the actors above.
const CANCEL_RELATIONSHIPS = 20_000;
const CANCEL_CSV = join(dir, 'relationships-to-cancel.csv');
writeFileSync(
  CANCEL_CSV,
  [
    'id,source,target,type,quote,source_url,attributed_to,stance',
    ...Array.from({ length: CANCEL_RELATIONSHIPS }, (_, i) => `iuc-r${i},${actorId((i % (ACTORS - 3)) + 3)},${actorId(((i * 11 + 5) % (ACTORS - 3)) + 3)},PARTNERS_WITH,"Cancel row ${i}",https://import-ui-cancel.example.org/${i % 20},Import UI test,reported`),
  ].join('\n'),
);
writeFileSync(
  RELATIONSHIPS_CSV,
  [
    'id,source,target,type,status,summary,since,until,quote,source_url,source_title,source_publisher,source_published_at,attributed_to,stance,note',
    ...Array.from({ length: RELATIONSHIPS }, (_, i) => {
      const source = actorId((i % (ACTORS - 3)) + 3);
      const target = actorId(((i * 7 + 1) % (ACTORS - 3)) + 3);
      const type = i === 1 ? 'KNOWS' : 'PARTNERS_WITH';
      const to = i === 3 ? 'iu-nowhere' : target;
      return `iu-r${i},${source},${to},${type},alleged,,,,"Import UI row ${i} partners",https://import-ui.example.org/${i % 20},,,,Import UI test,alleged,`;
    }),
  ].join('\n'),
);

let keepSources: string[] = [];
const removeUsers = () =>
  driver.executeQuery('MATCH (u:User) WHERE u.username IN $names OPTIONAL MATCH (s:Session {userId: u.id}) DETACH DELETE s, u', { names: USERS }, { database });

beforeAll(async () => {
  keepSources = await sourceIds(driver, database);
  await removeUsers();
  const repository = new AuthRepository(new GraphDb(driver, { database }));
  await createUser(repository, 'importer-e2e', 'editor', PASSWORD);
  await createUser(repository, 'import-reader-e2e', 'reader', PASSWORD);
});
afterAll(async () => {
  await deleteImported(driver, database, keepSources);
  await removeUsers();
  rmSync(dir, { recursive: true, force: true });
});

const logIn = (page: Page, username: string): Promise<void> => logInThroughMenu(page, username, PASSWORD);

/** Everything but the auth bookkeeping, counted. */
async function counts(): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) WHERE NOT n:User AND NOT n:Session AND NOT n:ApiToken RETURN count(n) AS nodes }
     CALL () { MATCH (a)-[r]->() WHERE NOT a:User AND NOT a:Session AND NOT a:ApiToken RETURN count(r) AS rels }
     CALL () { MATCH (j:ImportJob) RETURN count(j) AS jobs }
     RETURN nodes, rels, jobs`,
    {},
    { database, routing: 'READ' },
  );
  const r = records[0]!;
  return { nodes: Number(r.get('nodes')), rels: Number(r.get('rels')), jobs: Number(r.get('jobs')) };
}

const expectedBySchema = (api: any) =>
  Object.fromEntries(Object.entries(api.bySchema as Record<string, any>).map(([k, c]) => [k, [c.records, c.actors, c.relationships, c.skipped, c.failed]]));

describe('the Import dialog in the explorer (headless Chromium)', () => {
  it('is not offered to visitors nor to readers', async () => {
    const context = await fixture.browser().newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${fixture.app().baseUrl}/`);
    await page.locator('#login-menu summary').waitFor({ timeout: 90_000 });
    expect(await page.locator('#btn-import').isVisible()).toBe(false);
    await logIn(page, 'import-reader-e2e');
    expect(await page.locator('#import-entry').isHidden()).toBe(true);
    expect(await page.locator('#btn-import').isVisible()).toBe(false);
    await context.close();
  }, 300_000);

  it('validates zala.ftm.json in a dry run: the report equals the API’s, nothing is written; a bad upload shows the server’s 400', async () => {
    const context = await fixture.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    const serverErrors: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${fixture.app().baseUrl}/`);
    await logIn(page, 'importer-e2e');
    await page.locator('#btn-import').waitFor({ state: 'visible' });
    const before = await counts();

    await page.click('#btn-import');
    const dialog = page.locator('#import-dialog');
    await dialog.waitFor({ state: 'visible' });
    // Focus goes into the dialog, on its first control; the relationships file is a CSV-only field.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('name'))).toBe('format');
    expect(await dialog.locator('input[name="relationships"]').isVisible()).toBe(false);
    await dialog.locator('select[name="format"]').selectOption('ftm');
    await dialog.locator('input[name="file"]').setInputFiles(ZALA);
    await dialog.locator('input[name="dryRun"]').check();
    expect(await dialog.locator('[data-action="import"]').textContent()).toBe('Validate (dry run)');
    await dialog.locator('[data-action="import"]').click();
    await dialog.locator('.imp-report').waitFor();
    const shown = await shownReport(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-ui-dry-run.png') });

    const api = await apiUpload(fixture.app().baseUrl, context, { format: 'ftm', dryRun: 'true' }, [{ part: 'file', path: ZALA }]);
    expect(api.status).toBe(200);
    const report = api.body.data;
    expect(shown).toMatchObject({
      status: 'validated',
      jobId: null,
      records: report.records,
      skipped: report.skipped,
      failed: report.failed,
      dangling: report.danglingReferences,
      actors: report.actors.toWrite,
      relationships: report.relationships.toWrite,
      bySchema: expectedBySchema(report),
    });
    expect(shown.records).toBe(91);
    expect(await dialog.locator('.imp-report__headline').textContent()).toBe('Dry run: the file is valid. Nothing was written.');
    expect(await dialog.locator('[data-action="show-imported"]').isVisible()).toBe(false);
    expect(await counts()).toEqual(before);

    // A file the server cannot place: its 400 answer, in words, in the dialog; the form keeps the choice.
    await dialog.locator('[data-action="new-import"]').click();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'hello, this is no import file');
    await dialog.locator('select[name="format"]').selectOption('');
    await dialog.locator('input[name="file"]').setInputFiles(notes);
    await dialog.locator('[data-action="import"]').click();
    await dialog.locator('#import-error').waitFor({ state: 'visible' });
    expect(await dialog.locator('#import-error').textContent()).toBe('format: cannot tell the format of the file; give format (400 VALIDATION_FAILED)');
    expect(await dialog.locator('[data-field="format"]').getAttribute('class')).toContain('cur-field--invalid');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-ui-error.png') });
    expect(await counts()).toEqual(before);

    // Esc closes the dialog and gives the focus back to the Import button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('btn-import');
    expect(serverErrors).toEqual([]);
    // The 400 is logged by Chromium as a failed resource; anything else is a script error.
    expect(errors.filter((e) => !/^Failed to load resource: the server responded with a status of 400/.test(e))).toEqual([]);
    await context.close();
  }, 300_000);

  it('imports a CSV pair with live progress (rows, rows/s, time left), then the report equals the job’s and the graph’s, and shows the imported actors', async () => {
    const context = await fixture.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    const polled: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/import\/import-[\w-]+$/.test(new URL(r.url()).pathname)) polled.push(r.url());
    });
    await page.goto(`${fixture.app().baseUrl}/`);
    await logIn(page, 'importer-e2e');
    await page.click('#btn-import');
    const dialog = page.locator('#import-dialog');
    await dialog.locator('select[name="format"]').selectOption('csv');
    expect(await dialog.locator('input[name="relationships"]').isVisible()).toBe(true);
    await dialog.locator('input[name="file"]').setInputFiles(ACTORS_CSV);
    await dialog.locator('input[name="relationships"]').setInputFiles(RELATIONSHIPS_CSV);
    await dialog.locator('input[name="batchSize"]').fill('50');
    await dialog.locator('[data-action="import"]').click();

    // Mid-way: the bar moves, with the rate and the time left as figures.
    await page.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLProgressElement>('#import-dialog .imp-bar');
        const rate = document.querySelector('#import-dialog [data-figure="rate"]')?.textContent ?? '';
        const eta = document.querySelector('#import-dialog [data-figure="eta"]')?.textContent ?? '';
        const phase = document.querySelector<HTMLElement>('#import-dialog [data-progress="phase"]')?.dataset.phase ?? '';
        return ['actors', 'relationships'].includes(phase) && !!bar && bar.hasAttribute('value') && bar.value > 0 && bar.value < bar.max && /^[\d.,]+ rows\/s$/.test(rate) && /^about \d/.test(eta);
      },
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-ui-progress.png') });
    const figures = await dialog.locator('[data-progress="figures"]').textContent();
    // The rows to write are known only at the end: the share done and the time left are by bytes of the files read.
    expect(figures).toMatch(/^[\d,]+ rows written · \d+ % of [\d.]+ (B|kB|MB) read · [\d.,]+ rows\/s · about (\d+ s|\d+ min \d\d s) left · batch [\d,]+$/);

    await dialog.locator('.imp-report').waitFor({ timeout: 240_000 });
    const shown = await shownReport(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-ui-report.png') });
    expect(shown.jobId).toMatch(/^import-\d{14}-[0-9a-f]{6}$/);
    const job = (await (await fetch(`${fixture.app().baseUrl}/api/import/${shown.jobId}`)).json()) as { data: any };
    const report = job.data.report;
    // The progress came as Server-Sent Events, live: the status was never polled.
    expect(polled).toEqual([]);
    expect(job.data.status).toBe('done');
    expect(shown).toMatchObject({
      status: 'done',
      records: report.records,
      skipped: report.skipped,
      failed: report.failed,
      dangling: report.danglingReferences,
      actors: report.actors.created,
      relationships: report.relationships.created,
      bySchema: expectedBySchema(report),
    });
    // What the files say: 2,999 good actors, 2,998 good relationships, three failed rows (one dangling).
    expect(shown).toMatchObject({ records: ACTORS + RELATIONSHIPS, failed: 3, dangling: 1, actors: ACTORS - 1, relationships: RELATIONSHIPS - 2 });
    expect(shown.issues).toEqual([
      expect.stringMatching(/^actors\.csv:4 \[.*\] unknown kind "Spaceship"/),
      expect.stringMatching(/^relationships\.csv:3 \[.*\] unknown relationship type "KNOWS"/),
      expect.stringMatching(/^relationships\.csv:5 \[.*\] relationship iu-r3 references iu-nowhere, which is neither in the input nor in the graph/),
    ]);
    // …and what the graph holds.
    const { records } = await driver.executeQuery(
      `MATCH (a:Actor) WHERE a.importJob = $job WITH count(a) AS actors
       MATCH (:Actor)-[r:PARTNERS_WITH]->(:Actor) WHERE r.id STARTS WITH 'iu-r' RETURN actors, count(r) AS rels`,
      { job: shown.jobId },
      { database, routing: 'READ' },
    );
    expect(Number(records[0]!.get('actors'))).toBe(shown.actors);
    expect(Number(records[0]!.get('rels'))).toBe(shown.relationships);
    // Names holding markup show as text.
    expect(await dialog.locator('b').count()).toBe(0);
    // The legend's counts follow the import (the schema is fetched past the browser's one-minute cache).
    const companies = page.locator('#legend-body li', { has: page.locator('span', { hasText: /^Company$/ }) }).locator('span.muted');
    await expect.poll(async () => Number(await companies.textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(ACTORS - 1);

    // "Show imported actors": the most connected of them go on the canvas.
    await dialog.locator('[data-action="show-imported"]').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) >= 10 && document.getElementById('app')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 120_000 });
    const ids = await page.evaluate(() => window.cy!.nodes().map((n) => n.id()));
    expect(ids.length).toBe(40);
    expect(ids.every((id) => /^iu-a\d+$/.test(id))).toBe(true);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-ui-shown.png') });
    expect(errors).toEqual([]);
    await context.close();
  }, 400_000);

  it('keeps following the job by polling when the event stream fails', async () => {
    const context = await fixture.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    const polled: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/import\/import-[\w-]+$/.test(new URL(r.url()).pathname)) polled.push(r.url());
    });
    await page.route('**/api/import/*/events', (route) => route.abort());
    await page.goto(`${fixture.app().baseUrl}/`);
    await logIn(page, 'importer-e2e');
    await page.click('#btn-import');
    const dialog = page.locator('#import-dialog');
    await dialog.locator('select[name="format"]').selectOption('ftm');
    await dialog.locator('input[name="file"]').setInputFiles(ZALA);
    await dialog.locator('[data-action="import"]').click();
    await dialog.locator('.imp-report').waitFor({ timeout: 120_000 });
    const shown = await shownReport(page);
    expect(polled.length).toBeGreaterThan(0);
    const job = (await (await fetch(`${fixture.app().baseUrl}/api/import/${shown.jobId}`)).json()) as { data: any };
    expect(shown).toMatchObject({ status: 'done', records: 91, failed: 0, actors: job.data.report.actors.created, relationships: job.data.report.relationships.created });
    expect(job.data.report.relationships.toWrite).toBe(62);
    // The aborted stream is the only resource error.
    expect(errors.filter((e) => !/^Failed to load resource: net::ERR_FAILED/.test(e))).toEqual([]);
    await context.close();
  }, 300_000);

  it('cancels a running import with its Cancel button: the job ends cancelled with whole batches only, as the report says', async () => {
    const context = await fixture.browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${fixture.app().baseUrl}/`);
    await logIn(page, 'importer-e2e');
    await page.click('#btn-import');
    const dialog = page.locator('#import-dialog');
    await dialog.locator('select[name="format"]').selectOption('csv');
    await dialog.locator('input[name="file"]').setInputFiles(ACTORS_CSV);
    await dialog.locator('input[name="relationships"]').setInputFiles(CANCEL_CSV);
    await dialog.locator('input[name="batchSize"]').fill('50');
    await dialog.locator('[data-action="import"]').click();
    // A relationship batch committed (2,999 valid actors make 60 batches of 50 first): the Cancel import button is offered beside Close.
    const actorBatches = Math.ceil((ACTORS - 1) / 50);
    await page.waitForFunction(
      (afterBatch) => {
        const phase = document.querySelector<HTMLElement>('#import-dialog [data-progress="phase"]')?.dataset.phase;
        const batch = Number((document.querySelector('#import-dialog [data-figure="batches"]')?.textContent ?? '').replace(/[^\d]/g, ''));
        return phase === 'relationships' && batch > afterBatch;
      },
      actorBatches,
      { timeout: 120_000, polling: 50 },
    );
    const cancel = dialog.locator('[data-action="cancel-import"]');
    expect(await cancel.isVisible()).toBe(true);
    await cancel.click();
    await dialog.locator('.imp-report').waitFor({ timeout: 120_000 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-ui-cancelled.png') });
    const shown = await shownReport(page);
    expect(shown.status).toBe('cancelled');
    expect(await dialog.locator('.imp-report__headline').textContent()).toMatch(/^The import was cancelled after batch [\d,]+: whole batches only were written/);
    expect(await cancel.isVisible()).toBe(false);
    const job = (await (await fetch(`${fixture.app().baseUrl}/api/import/${shown.jobId}`)).json()) as { data: any };
    expect(job.data).toMatchObject({ status: 'cancelled', cancelRequested: expect.any(String) });
    // whole batches only: the relationship batches committed before the cancel, each of 50
    const relationshipBatches = (job.data.lastCommittedBatch as number) - actorBatches;
    expect(relationshipBatches).toBeGreaterThan(0);
    expect(relationshipBatches).toBeLessThan(CANCEL_RELATIONSHIPS / 50);
    const { records } = await driver.executeQuery("MATCH (:Actor)-[r:PARTNERS_WITH]->(:Actor) WHERE r.id STARTS WITH 'iuc-r' RETURN count(r) AS rels", {}, { database, routing: 'READ' });
    expect(Number(records[0]!.get('rels'))).toBe(relationshipBatches * 50);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
