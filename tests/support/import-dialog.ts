/**
 * What the Import dialog's browser tests share: the same upload through the API with the page's
 * session (cookie + CSRF token), and the report's figures as the dialog shows them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** POST /api/import as the page's logged-in user: `fields` as form fields, each file under its part name. */
export async function apiUpload(
  baseUrl: string,
  context: BrowserContext,
  fields: Record<string, string>,
  files: Array<{ part: string; path: string }>,
): Promise<{ status: number; body: any }> {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const me = (await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as { data: { csrfToken: string } };
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.set(f.part, new Blob([readFileSync(f.path)]), basename(f.path));
  const response = await fetch(`${baseUrl}/api/import`, { method: 'POST', body: form, headers: { cookie, 'x-csrf-token': me.data.csrfToken } });
  return { status: response.status, body: await response.json() };
}

/** The report's figures, by-schema table and issues as the dialog shows them. */
export async function shownReport(page: Page) {
  const report = page.locator('#import-dialog .imp-report');
  const figure = async (name: string) => Number(((await report.locator(`[data-count="${name}"] .imp-figure__value`).textContent()) ?? '').replace(/,/g, ''));
  const written = async (name: string) => Number(((await report.locator(`[data-written="${name}"] strong`).textContent()) ?? '').replace(/,/g, ''));
  const bySchema: Record<string, number[]> = {};
  for (const row of await report.locator('[data-report="by-schema"] tbody tr').all()) {
    const cells = await row.locator('td').allTextContents();
    bySchema[(await row.getAttribute('data-schema')) as string] = cells.map((c) => Number(c.replace(/,/g, '')));
  }
  return {
    status: await report.getAttribute('data-report-status'),
    jobId: await report.getAttribute('data-job-id'),
    records: await figure('records'),
    skipped: await figure('skipped'),
    failed: await figure('failed'),
    dangling: await figure('dangling'),
    actors: await written('actors'),
    relationships: await written('relationships'),
    bySchema,
    issues: await report.locator('.imp-issues__list li').allTextContents(),
  };
}
